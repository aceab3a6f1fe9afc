CREATE FUNCTION dialbridge.jsonb_string(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case when pg_catalog.jsonb_typeof(p_value) = 'string' then nullif(pg_catalog.btrim(p_value #>> '{}'), '') end
$$;

COMMENT ON FUNCTION dialbridge.jsonb_string(p_value jsonb) IS 'A JSON string (trimmed, non-empty) as text; null for anything else.';

REVOKE ALL ON FUNCTION dialbridge.jsonb_string(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_string(p_value jsonb) TO service_role;
