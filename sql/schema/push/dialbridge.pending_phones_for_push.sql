CREATE FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(id uuid, phone text, country text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.id, c.phone, c.country
    from public.contacts c
   where c.id = any (dialbridge.resolve_push_selection(p_contact_ids, p_filter, as_of))
     and c.phone_status = 'pending'
$$;

COMMENT ON FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) IS 'The numbers a push request would need normalised first: contacts of the selection whose phone changed
and is not normalised yet (as the caller sees them).';

REVOKE ALL ON FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.pending_phones_for_push(p_contact_ids uuid[], p_filter jsonb, as_of timestamp with time zone) TO service_role;
