CREATE VIEW dialbridge.report_webhook_events WITH (security_barrier='true') AS
 SELECT w.id,
    w.event_type,
    w.processing_status,
    w.processing_error_code,
    w.retry_count,
    w.max_retries,
    w.next_retry_at,
    w.received_at,
    w.processing_started_at,
    w.processing_completed_at,
    w.signature_valid,
    w.auth_method,
    (w.sourceco_contact_id IS NOT NULL) AS has_sourceco_contact_id
   FROM dialbridge.webhook_inbox w
  WHERE ( SELECT dialbridge.reads_pipeline_reports() AS reads_pipeline_reports);

COMMENT ON VIEW dialbridge.report_webhook_events IS 'Every provider''s webhook events without payloads, for admins and reporting readers. Read by pipeline health.';

GRANT SELECT ON TABLE dialbridge.report_webhook_events TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_webhook_events TO service_role;
GRANT SELECT ON TABLE dialbridge.report_webhook_events TO dialbridge_metabase;
