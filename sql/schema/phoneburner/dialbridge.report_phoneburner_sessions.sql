CREATE VIEW dialbridge.report_phoneburner_sessions WITH (security_barrier='true') AS
 SELECT s.id,
    s.phoneburner_session_id,
    s.session_external_url,
    s.session_name,
    s.session_description,
    s.session_type,
    s.contact_type,
    s.target_industry,
    s.target_geography,
    s.total_contacts_added,
    s.total_contacts_active,
    s.total_contacts_completed,
    s.total_dials,
    s.total_connections,
    s.total_decision_maker_conversations,
    s.total_gatekeeper_conversations,
    s.total_voicemails_left,
    s.total_no_answers,
    s.total_call_time_seconds,
    s.total_talk_time_seconds,
    s.average_talk_time_seconds,
    s.total_qualified_leads,
    s.total_meetings_scheduled,
    s.total_disqualified,
    s.total_callbacks_scheduled,
    s.connection_rate_percentage,
    s.qualification_rate_percentage,
    s.session_status,
    s.started_at,
    s.last_activity_at,
    s.completed_at,
    s.created_by_user_id,
    s.team_id,
    s.is_shared,
    s.created_at,
    s.updated_at,
    s.deleted_at
   FROM public.phoneburner_sessions s
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (s.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_phoneburner_sessions IS 'Dial sessions the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_phoneburner_sessions TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_phoneburner_sessions TO service_role;
GRANT SELECT ON TABLE dialbridge.report_phoneburner_sessions TO dialbridge_metabase;
