CREATE FUNCTION dialbridge.report_today(p_as_of timestamp with time zone DEFAULT now()) RETURNS date
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT ((p_as_of AT TIME ZONE dialbridge.report_time_zone()))::date AS timezone;
END;

COMMENT ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) IS 'Today''s date in the reporting time zone, as of a time.';

REVOKE ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.report_today(p_as_of timestamp with time zone) TO dialbridge_metabase;
