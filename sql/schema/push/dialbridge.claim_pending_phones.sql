CREATE FUNCTION dialbridge.claim_pending_phones(p_limit integer DEFAULT 500) RETURNS TABLE(id uuid, phone text, country text)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.id, c.phone, c.country
    from public.contacts c
   where c.phone_status = 'pending'
   order by c.id
   limit greatest(1, least(p_limit, 5000))
     for update skip locked
$$;

COMMENT ON FUNCTION dialbridge.claim_pending_phones(p_limit integer) IS 'The next rows waiting for normalisation (locked for the caller''s transaction, skipping rows another
worker holds): id, the number and the contact''s country as a default region hint.';

REVOKE ALL ON FUNCTION dialbridge.claim_pending_phones(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.claim_pending_phones(p_limit integer) TO service_role;
