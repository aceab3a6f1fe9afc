CREATE FUNCTION dialbridge.report_time_zone() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select s.time_zone from dialbridge.report_settings s
$$;

COMMENT ON FUNCTION dialbridge.report_time_zone() IS 'The reporting time zone (security definer: callers need no access to the settings table).';

REVOKE ALL ON FUNCTION dialbridge.report_time_zone() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.report_time_zone() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.report_time_zone() TO service_role;
GRANT ALL ON FUNCTION dialbridge.report_time_zone() TO dialbridge_metabase;
