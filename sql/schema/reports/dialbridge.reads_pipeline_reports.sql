CREATE FUNCTION dialbridge.reads_pipeline_reports() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 SELECT (dialbridge.reads_all_reports() OR dialbridge.is_admin());
END;

COMMENT ON FUNCTION dialbridge.reads_pipeline_reports() IS 'Whether the caller may see pipeline health (webhook log counts): admins and reporting readers.';

REVOKE ALL ON FUNCTION dialbridge.reads_pipeline_reports() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reads_pipeline_reports() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.reads_pipeline_reports() TO service_role;
GRANT ALL ON FUNCTION dialbridge.reads_pipeline_reports() TO dialbridge_metabase;
