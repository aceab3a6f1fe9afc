CREATE FUNCTION dialbridge.jsonb_flag(p_value jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case
    when pg_catalog.jsonb_typeof(p_value) = 'boolean' then (p_value #>> '{}')::boolean
    when pg_catalog.jsonb_typeof(p_value) in ('number', 'string') then
      case pg_catalog.lower(pg_catalog.btrim(p_value #>> '{}'))
        when '1' then true when 'true' then true when 'yes' then true
        when '0' then false when 'false' then false when 'no' then false
      end
  end
$$;

COMMENT ON FUNCTION dialbridge.jsonb_flag(p_value jsonb) IS 'A JSON boolean, 1/0 or "1"/"0"/"true"/"false"/"yes"/"no" as boolean; null otherwise.';

REVOKE ALL ON FUNCTION dialbridge.jsonb_flag(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_flag(p_value jsonb) TO service_role;
