CREATE VIEW dialbridge.report_push_runs WITH (security_barrier='true') AS
 SELECT r.id,
    r.team_id,
    r.user_id,
    r.target_user_id,
    r.status,
    r.error_code,
    r.created_at,
    r.finished_at,
    r.updated_at
   FROM public.phoneburner_push_runs r
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (r.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_push_runs IS 'Push runs (status and error code only) the caller may see. Read by the alerts.';

GRANT SELECT ON TABLE dialbridge.report_push_runs TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_push_runs TO service_role;
GRANT SELECT ON TABLE dialbridge.report_push_runs TO dialbridge_metabase;
