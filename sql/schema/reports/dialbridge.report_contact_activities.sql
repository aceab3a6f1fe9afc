CREATE VIEW dialbridge.report_contact_activities WITH (security_barrier='true') AS
 SELECT a.id,
    a.contact_id,
    a.user_id,
    a.phoneburner_session_id,
    a.team_id,
    a.activity_type,
    a.source_system,
    a.matching_status,
    a.dedupe_key,
    a.call_started_at,
    a.call_connected_at,
    a.call_ended_at,
    a.ring_duration_seconds,
    a.call_duration_seconds,
    a.talk_time_seconds,
    a.call_outcome,
    a.answered_by,
    a.disposition_code,
    a.disposition_label,
    a.disposition_notes,
    a.disposition_set_at,
    a.callback_scheduled_date,
    a.callback_completed_at,
    a.callback_outcome,
    a.recording_url,
    a.recording_duration_seconds,
    a.recording_transcription,
    a.user_name,
    a.user_email,
    a.phoneburner_call_id,
    a.phoneburner_contact_id,
    a.phoneburner_event_id,
    a.details,
    a.created_at,
    a.updated_at,
    a.deleted_at
   FROM public.contact_activities a
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (a.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_contact_activities IS 'Activities the caller may see (team rule; reporting readers see all). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_contact_activities TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_contact_activities TO service_role;
GRANT SELECT ON TABLE dialbridge.report_contact_activities TO dialbridge_metabase;
