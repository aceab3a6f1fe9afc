CREATE VIEW dialbridge.report_session_contacts WITH (security_barrier='true') AS
 SELECT m.session_id,
    m.contact_id,
    m.team_id,
    m.phoneburner_contact_id,
    m.phone_e164,
    m.state,
    m.added_at,
    m.added_by_user_id,
    m.last_called_at,
    m.last_disposition_code,
    m.updated_at
   FROM public.phoneburner_session_contacts m
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (m.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_session_contacts IS 'Session memberships the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_session_contacts TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_session_contacts TO service_role;
GRANT SELECT ON TABLE dialbridge.report_session_contacts TO dialbridge_metabase;
