CREATE FUNCTION dialbridge.voipstudio_time(p_value jsonb) RETURNS timestamp with time zone
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
declare
  v text := pg_catalog.btrim(p_value #>> '{}');
begin
  if v is null or v = '' then
    return null;
  elsif v ~ '^[0-9]{9,11}(\.[0-9]+)?$' then
    return pg_catalog.to_timestamp(v::double precision);
  elsif v ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
    return v::timestamptz;
  else
    return v::timestamp at time zone 'UTC';
  end if;
exception when others then
  return null;
end
$_$;

COMMENT ON FUNCTION dialbridge.voipstudio_time(p_value jsonb) IS 'A time in a VoIPStudio event: ISO 8601 (zone-less values are UTC, as VoIPStudio reports them) or Unix seconds; null when unreadable.';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_time(p_value jsonb) FROM PUBLIC;
