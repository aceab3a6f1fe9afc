CREATE FUNCTION dialbridge.jsonb_seconds(p_value jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $_$
  select case
    when pg_catalog.jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric between 0 and 864000
      then pg_catalog.round((p_value #>> '{}')::numeric)::integer
    when pg_catalog.jsonb_typeof(p_value) = 'string' and pg_catalog.btrim(p_value #>> '{}') ~ '^\d{1,6}(\.\d+)?$'
         and pg_catalog.btrim(p_value #>> '{}')::numeric <= 864000
      then pg_catalog.round(pg_catalog.btrim(p_value #>> '{}')::numeric)::integer
  end
$_$;

COMMENT ON FUNCTION dialbridge.jsonb_seconds(p_value jsonb) IS 'Whole seconds from a JSON number or numeric string, 0 ≤ s ≤ 10 days; null otherwise.';

REVOKE ALL ON FUNCTION dialbridge.jsonb_seconds(p_value jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.jsonb_seconds(p_value jsonb) TO service_role;
