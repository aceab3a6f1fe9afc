CREATE FUNCTION dialbridge.jsonb_scalar_text(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
              then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

COMMENT ON FUNCTION dialbridge.jsonb_scalar_text(p_value jsonb) IS 'A JSON string or number as trimmed text (ids arrive as both); null for anything else or empty.';

REVOKE ALL ON FUNCTION dialbridge.jsonb_scalar_text(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_scalar_text(p_value jsonb) TO service_role;
