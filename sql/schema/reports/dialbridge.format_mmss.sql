CREATE FUNCTION dialbridge.format_mmss(p_seconds numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_seconds is null then null
              else (pg_catalog.round(p_seconds)::bigint / 60)::text || ':'
                   || pg_catalog.lpad((pg_catalog.round(p_seconds)::bigint % 60)::text, 2, '0') end
$$;

COMMENT ON FUNCTION dialbridge.format_mmss(p_seconds numeric) IS 'Duration in seconds as m:ss (222 → 3:42; minutes are not wrapped into hours: 3702 → 61:42).';

REVOKE ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) TO service_role;
GRANT ALL ON FUNCTION dialbridge.format_mmss(p_seconds numeric) TO dialbridge_metabase;
