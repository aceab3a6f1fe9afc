CREATE VIEW dialbridge.report_voice_calls WITH (security_barrier='true') AS
 SELECT c.id,
    c.user_id,
    c.agent_id,
    c.contact_id,
    c.contact_activity_id,
    c.bolna_execution_id,
    c.bolna_conversation_id,
    c.bolna_agent_id,
    c.bolna_status,
    c.phone_number,
    c.call_lifecycle_status,
    c.status,
    c.lead_type,
    c.hangup_by,
    c.hangup_reason,
    c.hangup_provider_code,
    c.ringing_started_at,
    c.call_answered_at,
    c.call_disconnected_at,
    c.completed_at,
    c.duration_seconds,
    c.duration_minutes,
    c.credits_used,
    c.recording_url,
    c.summary,
    c.metadata,
    c.created_at,
    c.updated_at
   FROM public.calls c
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR ( SELECT dialbridge.is_admin() AS is_admin) OR (c.user_id = ( SELECT auth.uid() AS uid)));

COMMENT ON VIEW dialbridge.report_voice_calls IS 'Voice-agent calls the caller may see (their own; admins, Metabase and the service role: all). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_voice_calls TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_voice_calls TO service_role;
GRANT SELECT ON TABLE dialbridge.report_voice_calls TO dialbridge_metabase;
