CREATE FUNCTION dialbridge.due_dnc_propagations(p_limit integer DEFAULT 50) RETURNS TABLE(id uuid, contact_id uuid, session_id uuid, account_user_id uuid, phoneburner_contact_id text, attempts integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.id, p.contact_id, p.session_id, p.account_user_id, p.phoneburner_contact_id, p.attempts
    from public.phoneburner_dnc_propagations p
   where p.status = 'pending'
   order by p.created_at, p.id
   limit p_limit
$$;

COMMENT ON FUNCTION dialbridge.due_dnc_propagations(p_limit integer) IS 'Propagations waiting to be sent to PhoneBurner, oldest first (the worker''s list).';

REVOKE ALL ON FUNCTION dialbridge.due_dnc_propagations(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.due_dnc_propagations(p_limit integer) TO service_role;
