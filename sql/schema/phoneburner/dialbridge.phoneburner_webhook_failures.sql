CREATE VIEW dialbridge.phoneburner_webhook_failures WITH (security_invoker='true') AS
 SELECT l.id AS log_id,
    l.event_id,
    l.event_type,
        CASE
            WHEN (l.processing_status = 'failed'::text) THEN 'failed'::text
            ELSE 'retrying'::text
        END AS state,
    l.processing_error_code AS error_code,
    l.processing_error AS error,
    l.retry_count,
    l.max_retries,
    l.next_retry_at,
    l.last_retry_at,
    l.received_at,
    l.event_at,
    l.phoneburner_call_id,
    l.phoneburner_session_id
   FROM public.phoneburner_webhooks_log l
  WHERE ((l.processing_status = 'failed'::text) OR ((l.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (l.retry_count > 0)));

COMMENT ON VIEW dialbridge.phoneburner_webhook_failures IS 'PhoneBurner events that failed processing (state failed: gave up, replay with `npm run replay`) or are waiting for a retry (state retrying). No payloads.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.log_id IS 'phoneburner_webhooks_log.id of the event.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.state IS 'failed (no more automatic retries) or retrying (next_retry_at says when).';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.error_code IS 'SQLSTATE of the last error: DB061 = the event can never be projected (see docs/error_codes.md), others are retried.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.error IS 'Message of the last error.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.retry_count IS 'Failed attempts so far.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.max_retries IS 'Attempts allowed before the event is failed.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.next_retry_at IS 'When the next attempt is due (retrying only).';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.last_retry_at IS 'When the last attempt failed.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.received_at IS 'When the event reached the webhook.';

COMMENT ON COLUMN dialbridge.phoneburner_webhook_failures.event_at IS 'When it happened according to the sender.';

GRANT SELECT ON TABLE dialbridge.phoneburner_webhook_failures TO service_role;
