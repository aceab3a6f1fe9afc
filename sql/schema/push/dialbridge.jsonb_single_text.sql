CREATE FUNCTION dialbridge.jsonb_single_text(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when pg_catalog.jsonb_typeof(p_value) = 'string' then nullif(pg_catalog.btrim(p_value #>> '{}'), '')
              when pg_catalog.jsonb_typeof(p_value) = 'array' and pg_catalog.jsonb_array_length(p_value) = 1
                   and pg_catalog.jsonb_typeof(p_value -> 0) = 'string' then nullif(pg_catalog.btrim(p_value ->> 0), '') end
$$;

COMMENT ON FUNCTION dialbridge.jsonb_single_text(p_value jsonb) IS 'The one string of a JSON string or one-element array of strings (null otherwise).';

REVOKE ALL ON FUNCTION dialbridge.jsonb_single_text(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_single_text(p_value jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.jsonb_single_text(p_value jsonb) TO service_role;
