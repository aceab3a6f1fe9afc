CREATE FUNCTION dialbridge.push_reason_rank(p_reason text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select pg_catalog.array_position(array['legal_dnc', 'internal_dnc', 'suppressed', 'invalid_phone', 'missing_phone',
    'missing_name', 'recently_contacted', 'already_in_session', 'duplicate_in_list'], p_reason)
$$;

COMMENT ON FUNCTION dialbridge.push_reason_rank(p_reason text) IS 'Display order of exclusion reasons (the order they are checked in).';

REVOKE ALL ON FUNCTION dialbridge.push_reason_rank(p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_reason_rank(p_reason text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_reason_rank(p_reason text) TO service_role;
