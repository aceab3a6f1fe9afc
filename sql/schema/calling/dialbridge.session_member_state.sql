CREATE FUNCTION dialbridge.session_member_state(p_stage integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case p_stage when 1 then 'dialed' when 2 then 'connected' when 3 then 'completed' else 'pending' end
$$;

COMMENT ON FUNCTION dialbridge.session_member_state(p_stage integer) IS 'Member state name for a stage number (1 dialed, 2 connected, 3 completed).';

REVOKE ALL ON FUNCTION dialbridge.session_member_state(p_stage integer) FROM PUBLIC;
