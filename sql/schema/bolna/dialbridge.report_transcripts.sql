CREATE VIEW dialbridge.report_transcripts WITH (security_barrier='true') AS
 SELECT t.id,
    t.call_id,
    t.call_log_id,
    t.user_id,
    t.analysis_status,
    t.analysis_error,
    t.analysis_attempts,
    t.analyzed_at,
    t.created_at,
    t.updated_at
   FROM public.transcripts t
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR ( SELECT dialbridge.is_admin() AS is_admin) OR (t.user_id = ( SELECT auth.uid() AS uid)));

COMMENT ON VIEW dialbridge.report_transcripts IS 'Transcripts'' analysis states the caller may see (never their text). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_transcripts TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_transcripts TO service_role;
GRANT SELECT ON TABLE dialbridge.report_transcripts TO dialbridge_metabase;
