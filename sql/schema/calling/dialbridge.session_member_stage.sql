CREATE FUNCTION dialbridge.session_member_stage(p_state text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case p_state when 'pending' then 0 when 'dialed' then 1 when 'connected' then 2 when 'completed' then 3 end
$$;

COMMENT ON FUNCTION dialbridge.session_member_stage(p_state text) IS 'Stage number of a member state (pending 0 … completed 3; removed and failed are not stages).';

REVOKE ALL ON FUNCTION dialbridge.session_member_stage(p_state text) FROM PUBLIC;
