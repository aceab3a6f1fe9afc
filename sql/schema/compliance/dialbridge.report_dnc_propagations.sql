CREATE VIEW dialbridge.report_dnc_propagations WITH (security_barrier='true') AS
 SELECT p.id,
    p.team_id,
    p.contact_id,
    p.session_id,
    p.suppression_id,
    p.account_user_id,
    p.phoneburner_contact_id,
    p.status,
    p.actions,
    p.attempts,
    p.last_error,
    p.created_at,
    p.updated_at,
    p.completed_at
   FROM public.phoneburner_dnc_propagations p
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (p.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_dnc_propagations IS 'Do-not-call propagations the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_dnc_propagations TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_dnc_propagations TO service_role;
GRANT SELECT ON TABLE dialbridge.report_dnc_propagations TO dialbridge_metabase;
