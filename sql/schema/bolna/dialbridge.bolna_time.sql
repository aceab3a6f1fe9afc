CREATE FUNCTION dialbridge.bolna_time(p_value jsonb) RETURNS timestamp with time zone
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
declare
  v text := pg_catalog.btrim(p_value #>> '{}');
begin
  if v is null or v = '' or v !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}' then
    return null;
  end if;
  -- a time without a zone is UTC (Bolna's API answers in UTC)
  if v ~ '(Z|[+-]\d{2}(:?\d{2})?)$' then
    return v::timestamptz;
  end if;
  return (v::timestamp) at time zone 'UTC';
exception when others then
  return null;
end
$_$;

COMMENT ON FUNCTION dialbridge.bolna_time(p_value jsonb) IS 'A Bolna time (ISO 8601; zone-less times are UTC), or null when it is not one.';

REVOKE ALL ON FUNCTION dialbridge.bolna_time(p_value jsonb) FROM PUBLIC;
