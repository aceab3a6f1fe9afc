CREATE VIEW reports.pipeline_health WITH (security_invoker='true') AS
 SELECT pipeline_health.window_name,
    pipeline_health.window_start,
    pipeline_health.window_end,
    pipeline_health.events_received,
    pipeline_health.events_processed,
    pipeline_health.events_skipped,
    pipeline_health.events_failed,
    pipeline_health.events_retrying,
    pipeline_health.backlog,
    pipeline_health.oldest_backlog_age_seconds,
    pipeline_health.latency_p50_seconds,
    pipeline_health.latency_p95_seconds,
    pipeline_health.latency_max_seconds,
    pipeline_health.success_rate_pct,
    pipeline_health.signature_failures,
    pipeline_health.other_rejections,
    pipeline_health.missing_sourceco_contact_id,
    pipeline_health.missing_sourceco_contact_id_pct,
    pipeline_health.last_event_received_at
   FROM dialbridge.pipeline_health(now()) pipeline_health(window_name, window_start, window_end, events_received, events_processed, events_skipped, events_failed, events_retrying, backlog, oldest_backlog_age_seconds, latency_p50_seconds, latency_p95_seconds, latency_max_seconds, success_rate_pct, signature_failures, other_rejections, missing_sourceco_contact_id, missing_sourceco_contact_id_pct, last_event_received_at);

COMMENT ON VIEW reports.pipeline_health IS 'Webhook pipeline over the last hour, 24 hours and 7 days: received, processed, failed, retrying, backlog, latency, signature failures, missing SourceCo ids. Admins and reporting readers.';

COMMENT ON COLUMN reports.pipeline_health.window_name IS 'last_hour, last_24_hours or last_7_days.';

COMMENT ON COLUMN reports.pipeline_health.window_start IS 'Start of the window.';

COMMENT ON COLUMN reports.pipeline_health.window_end IS 'End of the window (now).';

COMMENT ON COLUMN reports.pipeline_health.events_received IS 'Webhook events received in the window.';

COMMENT ON COLUMN reports.pipeline_health.events_processed IS 'Events processed successfully.';

COMMENT ON COLUMN reports.pipeline_health.events_skipped IS 'Events skipped or duplicates.';

COMMENT ON COLUMN reports.pipeline_health.events_failed IS 'Events that failed for good.';

COMMENT ON COLUMN reports.pipeline_health.events_retrying IS 'Events waiting for a retry.';

COMMENT ON COLUMN reports.pipeline_health.backlog IS 'Events received and not processed yet (now).';

COMMENT ON COLUMN reports.pipeline_health.oldest_backlog_age_seconds IS 'Age of the oldest unprocessed event, seconds.';

COMMENT ON COLUMN reports.pipeline_health.latency_p50_seconds IS 'Median seconds from receipt to processing.';

COMMENT ON COLUMN reports.pipeline_health.latency_p95_seconds IS '95th percentile seconds from receipt to processing (target < 10).';

COMMENT ON COLUMN reports.pipeline_health.latency_max_seconds IS 'Slowest receipt-to-processing, seconds.';

COMMENT ON COLUMN reports.pipeline_health.success_rate_pct IS 'processed / (processed + failed) × 100 (target > 99.5).';

COMMENT ON COLUMN reports.pipeline_health.signature_failures IS 'Requests rejected for a missing or bad signature or token.';

COMMENT ON COLUMN reports.pipeline_health.other_rejections IS 'Requests rejected for other reasons (malformed, too large, …).';

COMMENT ON COLUMN reports.pipeline_health.missing_sourceco_contact_id IS 'Events without a SourceCo contact id.';

COMMENT ON COLUMN reports.pipeline_health.missing_sourceco_contact_id_pct IS 'Percent of events without a SourceCo contact id (alert over 1).';

COMMENT ON COLUMN reports.pipeline_health.last_event_received_at IS 'Last event received.';

GRANT SELECT ON TABLE reports.pipeline_health TO authenticated;
GRANT SELECT ON TABLE reports.pipeline_health TO service_role;
GRANT SELECT ON TABLE reports.pipeline_health TO dialbridge_metabase;
