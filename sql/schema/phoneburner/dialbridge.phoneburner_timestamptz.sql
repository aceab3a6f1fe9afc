CREATE FUNCTION dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text DEFAULT 'UTC'::text) RETURNS timestamp with time zone
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
declare
  v_parts text[];
  v_number numeric;
begin
  if pg_catalog.jsonb_typeof(p_value) = 'number' then
    v_number := (p_value #>> '{}')::numeric;
    if v_number <= 0 or v_number >= 1e14 then return null; end if;
    if v_number >= 1e11 then v_number := v_number / 1000; end if;  -- milliseconds
    return pg_catalog.to_timestamp(v_number::double precision);
  end if;
  if pg_catalog.jsonb_typeof(p_value) is distinct from 'string' then return null; end if;
  -- fast path, no subtransaction: ISO 8601 with an explicit zone and a day, time and offset that are always
  -- valid (the usual form); anything else is parsed below, where an invalid value becomes null
  if pg_catalog.btrim(p_value #>> '{}')
     ~ '^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?([Zz]|[+-](0\d|1[0-4])(:?[0-5]\d)?)$' then
    return pg_catalog.btrim(p_value #>> '{}')::timestamptz;
  end if;
  v_parts := pg_catalog.regexp_match(pg_catalog.btrim(p_value #>> '{}'),
    '^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$');
  if v_parts is null then return null; end if;
  begin
    if v_parts[3] is null then
      return (v_parts[1] || ' ' || coalesce(v_parts[2], '00:00'))::timestamp at time zone coalesce(p_zone, 'UTC');
    end if;
    return (v_parts[1] || 'T' || coalesce(v_parts[2], '00:00') || pg_catalog.upper(v_parts[3]))::timestamptz;
  exception when datetime_field_overflow or invalid_datetime_format or invalid_parameter_value then
    return null;  -- 2026-02-30, an unknown zone and the like
  end;
end
$_$;

COMMENT ON FUNCTION dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text) IS 'A sender''s time as timestamptz, or null when it is not a time (never an error: a bad timestamp must not
cost the event). ISO 8601 with Z or an offset; epoch seconds or milliseconds; a zone-less
''YYYY-MM-DD[ HH:MM[:SS]]'' (real PhoneBurner''s start_time / end_time) is read in p_zone.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_timestamptz(p_value jsonb, p_zone text) TO service_role;
