CREATE FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case pg_catalog.jsonb_typeof(p_value)
    when 'string' then array[pg_catalog.lower(pg_catalog.btrim(p_value #>> '{}'))]
    when 'array' then (select pg_catalog.array_agg(pg_catalog.lower(pg_catalog.btrim(e #>> '{}')))
                         from pg_catalog.jsonb_array_elements(p_value) e where pg_catalog.jsonb_typeof(e) = 'string')
  end
$$;

COMMENT ON FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) IS 'A JSON string or array of strings as a text array of trimmed, lower-cased values (null otherwise).';

REVOKE ALL ON FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.jsonb_lower_texts(p_value jsonb) TO service_role;
