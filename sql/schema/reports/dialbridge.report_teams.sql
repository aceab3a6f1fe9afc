CREATE VIEW dialbridge.report_teams WITH (security_barrier='true') AS
 SELECT t.id,
    t.name
   FROM public.teams t
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (t.id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_teams IS 'Teams the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_teams TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_teams TO service_role;
GRANT SELECT ON TABLE dialbridge.report_teams TO dialbridge_metabase;
