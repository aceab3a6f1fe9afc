CREATE FUNCTION dialbridge.push_run_owner(p_request_id text) RETURNS TABLE(user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  -- whether the request id is taken; whose it is only for the caller's own run (or a server-side caller)
  select case when auth.uid() is null or r.user_id = auth.uid() then r.user_id end
    from public.phoneburner_push_runs r where r.request_id = p_request_id
$$;

COMMENT ON FUNCTION dialbridge.push_run_owner(p_request_id text) IS 'Whether a request_id is taken: one row when it is, with the owner only when that is the caller (security definer: a rep learns nothing about other users'' runs beyond the key being taken).';

REVOKE ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) TO service_role;
