CREATE FUNCTION dialbridge.push_run_owner(p_request_id text) RETURNS TABLE(user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select r.user_id from public.phoneburner_push_runs r where r.request_id = p_request_id
$$;

COMMENT ON FUNCTION dialbridge.push_run_owner(p_request_id text) IS 'Whether a request_id is taken (security definer: a rep cannot see other teams'' runs).';

REVOKE ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_run_owner(p_request_id text) TO service_role;
