CREATE VIEW dialbridge.report_profiles WITH (security_barrier='true') AS
 SELECT p.id,
    p.team_id,
    p.display_name,
    p.email,
    p.is_active
   FROM public.profiles p
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (p.id = ( SELECT auth.uid() AS uid)) OR (p.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_profiles IS 'Names of the people the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_profiles TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_profiles TO service_role;
GRANT SELECT ON TABLE dialbridge.report_profiles TO dialbridge_metabase;
