CREATE VIEW dialbridge.report_lead_analytics WITH (security_barrier='true') AS
 SELECT a.id,
    a.call_id,
    a.call_log_id,
    a.user_id,
    a.phone_number,
    a.analysis_type,
    a.previous_calls_analyzed,
    a.latest_call_id,
    a.latest_call_log_id,
    a.analysis_timestamp,
    a.total_score,
    a.intent_level,
    a.intent_score,
    a.urgency_level,
    a.urgency_score,
    a.budget_constraint,
    a.budget_score,
    a.fit_alignment,
    a.fit_score,
    a.engagement_health,
    a.engagement_score,
    a.lead_status_tag,
    a.reasoning,
    a.extraction,
    a.cta_pricing_clicked,
    a.cta_demo_clicked,
    a.cta_followup_clicked,
    a.cta_sample_clicked,
    a.cta_escalated_to_human,
    a.demo_scheduled_at,
    a.analyzer,
    a.model,
    a.prompt_id,
    a.prompt_version,
    a.response_id,
    a.input_tokens,
    a.output_tokens,
    a.total_tokens,
    a.created_at,
    a.updated_at
   FROM public.lead_analytics a
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR ( SELECT dialbridge.is_admin() AS is_admin) OR (a.user_id = ( SELECT auth.uid() AS uid)));

COMMENT ON VIEW dialbridge.report_lead_analytics IS 'Transcript analyses the caller may see (their own; admins, Metabase and the service role: all). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_lead_analytics TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_lead_analytics TO service_role;
GRANT SELECT ON TABLE dialbridge.report_lead_analytics TO dialbridge_metabase;
