CREATE FUNCTION dialbridge.humanize_reason(p_reason text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_reason is null or pg_catalog.btrim(p_reason) = '' then null
              else pg_catalog.upper(pg_catalog.left(pg_catalog.replace(pg_catalog.btrim(p_reason), '_', ' '), 1))
                   || pg_catalog.lower(pg_catalog.substr(pg_catalog.replace(pg_catalog.btrim(p_reason), '_', ' '), 2)) end
$$;

COMMENT ON FUNCTION dialbridge.humanize_reason(p_reason text) IS 'A suppression or do-not-call reason code as words ("user_requested" → "User requested").';

REVOKE ALL ON FUNCTION dialbridge.humanize_reason(p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.humanize_reason(p_reason text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.humanize_reason(p_reason text) TO service_role;
