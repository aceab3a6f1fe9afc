CREATE FUNCTION dialbridge.reads_all_reports() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.pg_has_role(current_user, 'dialbridge_metabase', 'usage')
      or pg_catalog.pg_has_role(current_user, 'service_role', 'usage')
$$;

COMMENT ON FUNCTION dialbridge.reads_all_reports() IS 'Whether the caller reads every team''s rows in reports: Metabase (members of dialbridge_metabase),
the service role, and superusers. Not security definer: it asks about current_user, the caller.';

REVOKE ALL ON FUNCTION dialbridge.reads_all_reports() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reads_all_reports() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.reads_all_reports() TO service_role;
GRANT ALL ON FUNCTION dialbridge.reads_all_reports() TO dialbridge_metabase;
