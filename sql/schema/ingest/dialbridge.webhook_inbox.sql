CREATE VIEW dialbridge.webhook_inbox AS
 SELECT 'phoneburner'::text AS provider,
    l.id,
    l.event_id,
    l.event_type,
    l.phoneburner_call_id AS provider_call_id,
    l.phoneburner_contact_id AS provider_contact_id,
    l.sourceco_contact_id,
    l.phoneburner_user_id AS provider_user_id,
    l.phoneburner_session_id AS provider_session_id,
    l.event_at,
    l.processing_status,
    l.processing_error,
    l.processing_error_code,
    l.processing_started_at,
    l.processing_completed_at,
    l.processing_duration_ms,
    l.retry_count,
    l.max_retries,
    l.next_retry_at,
    l.last_retry_at,
    l.auth_method,
    l.signature_valid,
    l.contact_activity_id,
    l.received_at
   FROM public.phoneburner_webhooks_log l
UNION ALL
 SELECT e.provider,
    e.id,
    e.event_id,
    e.event_type,
    e.provider_call_id,
    e.provider_contact_id,
    e.sourceco_contact_id,
    e.provider_user_id,
    e.provider_session_id,
    e.event_at,
    e.processing_status,
    e.processing_error,
    e.processing_error_code,
    e.processing_started_at,
    e.processing_completed_at,
    e.processing_duration_ms,
    e.retry_count,
    e.max_retries,
    e.next_retry_at,
    e.last_retry_at,
    e.auth_method,
    e.signature_valid,
    e.contact_activity_id,
    e.received_at
   FROM dialbridge.webhook_events e;

COMMENT ON VIEW dialbridge.webhook_inbox IS 'Every provider''s stored events (PhoneBurner''s inbox and the shared one) with their processing state and references, without payloads. (provider, id) identifies an event. Runs with its owner''s rights (the payload-free report views read it); selectable by the service role only.';

COMMENT ON COLUMN dialbridge.webhook_inbox.provider IS 'The provider that sent it.';

COMMENT ON COLUMN dialbridge.webhook_inbox.id IS 'The event''s id in its provider''s inbox.';

GRANT SELECT ON TABLE dialbridge.webhook_inbox TO service_role;
