CREATE VIEW dialbridge.webhook_failures WITH (security_invoker='true') AS
 SELECT i.provider,
    i.id AS log_id,
    i.event_id,
    i.event_type,
        CASE
            WHEN (i.processing_status = 'failed'::text) THEN 'failed'::text
            ELSE 'retrying'::text
        END AS state,
    i.processing_error_code AS error_code,
    i.processing_error AS error,
    i.retry_count,
    i.max_retries,
    i.next_retry_at,
    i.last_retry_at,
    i.received_at,
    i.event_at,
    i.provider_call_id,
    i.provider_session_id
   FROM dialbridge.webhook_inbox i
  WHERE ((i.processing_status = 'failed'::text) OR ((i.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (i.retry_count > 0)));

COMMENT ON VIEW dialbridge.webhook_failures IS 'Events of every provider that failed processing (state failed: gave up, replay with `npm run replay -- --provider …`) or wait for a retry (state retrying). No payloads.';

COMMENT ON COLUMN dialbridge.webhook_failures.provider IS 'The provider that sent it.';

COMMENT ON COLUMN dialbridge.webhook_failures.log_id IS 'The event''s id in its provider''s inbox.';

COMMENT ON COLUMN dialbridge.webhook_failures.state IS 'failed (no more automatic retries) or retrying (next_retry_at says when).';

COMMENT ON COLUMN dialbridge.webhook_failures.error_code IS 'SQLSTATE of the last error: DB061 = the event can never be projected, others are retried.';

GRANT SELECT ON TABLE dialbridge.webhook_failures TO service_role;
