CREATE FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(contact_id uuid, block text, detail text, blocked_until timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_phones text[];
begin
  -- the rules are asked only about contacts with something to find (do-not-call flag, a suppression row of
  -- the contact or of its number, another contact marking its number do-not-call): the same answer, without
  -- normalising thousands of clean numbers again (a valid phone_e164 is its own suppression key)
  select pg_catalog.array_agg(c.id order by c.id), pg_catalog.array_agg(coalesce(c.phone_e164, c.phone) order by c.id)
    into v_ids, v_phones
    from public.contacts c
   where c.id = any (p_contact_ids)
     and (c.do_not_call
          or exists (select 1 from public.suppressions s where s.contact_id = c.id)
          or exists (select 1 from public.suppressions s
                      where s.phone_e164 = coalesce(c.phone_e164, dialbridge.suppression_phone(c.phone)))
          or (c.phone_e164 is not null
              and exists (select 1 from public.contacts o where o.phone_e164 = c.phone_e164 and o.id <> c.id and o.do_not_call)));
  return query
  select b.contact_id, b.block, b.detail, b.blocked_until
    from dialbridge.dial_blocks(coalesce(v_ids, '{}'), coalesce(v_phones, '{}'), as_of) b;
end
$$;

COMMENT ON FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone) IS 'What blocks dialing each contact, strongest first per contact (dialbridge.dial_blocks over the contacts and their numbers), asked only about contacts with something to find. No visibility filter (service role and the platform''s own security-definer functions only): dialbridge.push_blocks filters it for the API, the dialing queue checks the campaign.';

REVOKE ALL ON FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;
