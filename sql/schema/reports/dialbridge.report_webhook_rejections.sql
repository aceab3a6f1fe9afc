CREATE VIEW dialbridge.report_webhook_rejections WITH (security_barrier='true') AS
 SELECT r.bucket_at,
    r.reason,
    r.event_type_hint,
    r.rejection_count
   FROM public.phoneburner_webhook_rejections r
  WHERE ( SELECT dialbridge.reads_pipeline_reports() AS reads_pipeline_reports)
UNION ALL
 SELECT r.bucket_at,
    r.reason,
    r.event_type_hint,
    r.rejection_count
   FROM dialbridge.webhook_rejections r
  WHERE ( SELECT dialbridge.reads_pipeline_reports() AS reads_pipeline_reports);

COMMENT ON VIEW dialbridge.report_webhook_rejections IS 'Rejected webhook requests of every provider per minute, for admins and reporting readers. Read by pipeline health.';

GRANT SELECT ON TABLE dialbridge.report_webhook_rejections TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_webhook_rejections TO service_role;
GRANT SELECT ON TABLE dialbridge.report_webhook_rejections TO dialbridge_metabase;
