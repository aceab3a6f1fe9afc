CREATE FUNCTION dialbridge.phoneburner_time_zone() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(pg_catalog.btrim(pg_catalog.current_setting('dialbridge.phoneburner_time_zone', true)), ''),
                  'America/New_York')
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_time_zone() IS 'The time zone of PhoneBurner''s zone-less times. PhoneBurner reports call times in the time zone set in
the account, without saying which: set it once per database with
  alter database <db> set dialbridge.phoneburner_time_zone = ''America/Denver'';
Default America/New_York. A misspelt zone makes processing fail loudly (and retry), never guess.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_time_zone() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_time_zone() TO service_role;
