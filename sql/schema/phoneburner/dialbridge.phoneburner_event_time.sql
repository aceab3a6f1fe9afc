CREATE FUNCTION dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) RETURNS timestamp with time zone
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $_$
  select case
    -- fast path: ISO 8601 with an explicit zone and a day every month has (the seed contract's form)
    when pg_catalog.jsonb_typeof(p_value) = 'string'
         and (p_value #>> '{}') ~ '^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-4]):[0-5]\d)$'
      then (p_value #>> '{}')::timestamptz
    when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
      then dialbridge.phoneburner_timestamptz(p_value, p_zone)
  end
$_$;

COMMENT ON FUNCTION dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) IS 'A sender''s time as timestamptz: ISO 8601 with a zone or epoch numbers, and zone-less
''YYYY-MM-DD[ HH:MM[:SS]]'' read in p_zone (the account''s zone, or a callback''s own timezone); null when
it is not a valid time (dialbridge.phoneburner_timestamptz): a bad field never costs the event.
Stable, not immutable (its text → timestamptz cast is stable): so it is inlined into the normaliser''s
expressions instead of run as a query per field.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) TO service_role;
