CREATE VIEW dialbridge.report_voice_agents WITH (security_barrier='true') AS
 SELECT a.id,
    a.user_id,
    a.bolna_agent_id,
    a.name,
    a.created_at,
    a.updated_at
   FROM public.voice_agents a
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR ( SELECT dialbridge.is_admin() AS is_admin) OR (a.user_id = ( SELECT auth.uid() AS uid)));

COMMENT ON VIEW dialbridge.report_voice_agents IS 'Voice agents the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_voice_agents TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_voice_agents TO service_role;
GRANT SELECT ON TABLE dialbridge.report_voice_agents TO dialbridge_metabase;
