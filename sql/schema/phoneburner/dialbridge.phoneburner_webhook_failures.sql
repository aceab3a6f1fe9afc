CREATE VIEW dialbridge.phoneburner_webhook_failures WITH (security_invoker='true') AS
 SELECT f.log_id,
    f.event_id,
    f.event_type,
    f.state,
    f.error_code,
    f.error,
    f.retry_count,
    f.max_retries,
    f.next_retry_at,
    f.last_retry_at,
    f.received_at,
    f.event_at,
    f.provider_call_id AS phoneburner_call_id,
    f.provider_session_id AS phoneburner_session_id
   FROM dialbridge.webhook_failures f
  WHERE (f.provider = 'phoneburner'::text);

COMMENT ON VIEW dialbridge.phoneburner_webhook_failures IS 'PhoneBurner''s rows of dialbridge.webhook_failures: events that failed processing (state failed: replay with `npm run replay`) or wait for a retry (state retrying). No payloads.';

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
