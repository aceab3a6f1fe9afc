CREATE TABLE dialbridge.webhook_events (
    id bigint NOT NULL,
    provider text NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    envelope jsonb,
    payload_size_bytes integer,
    provider_call_id text,
    provider_contact_id text,
    sourceco_contact_id text,
    provider_user_id text,
    provider_session_id text,
    event_at timestamp with time zone,
    processing_status text DEFAULT 'pending'::text NOT NULL,
    processing_error text,
    processing_error_code text,
    processing_started_at timestamp with time zone,
    processing_completed_at timestamp with time zone,
    processing_duration_ms integer,
    retry_count integer DEFAULT 0 NOT NULL,
    max_retries integer DEFAULT 5 NOT NULL,
    next_retry_at timestamp with time zone,
    last_retry_at timestamp with time zone,
    auth_method text,
    signature_header text,
    signature_valid boolean,
    ip_address inet,
    user_agent text,
    contact_activity_id uuid,
    task_id uuid,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    payload_pruned_at timestamp with time zone,
    CONSTRAINT webhook_events_auth_method_check CHECK ((auth_method = ANY (ARRAY['hmac'::text, 'url_token'::text, 'basic'::text, 'header_token'::text, 'replay'::text, 'reconciliation'::text, 'internal'::text]))),
    CONSTRAINT webhook_events_processing_status_check CHECK ((processing_status = ANY (ARRAY['pending'::text, 'processing'::text, 'success'::text, 'failed'::text, 'skipped'::text, 'duplicate'::text]))),
    CONSTRAINT webhook_events_retries_check CHECK (((retry_count >= 0) AND (max_retries >= 0)))
);

COMMENT ON TABLE dialbridge.webhook_events IS 'Every provider''s events as received (stored before they are acknowledged) and their processing state, except PhoneBurner''s (public.phoneburner_webhooks_log, same columns). Service role only.';

COMMENT ON COLUMN dialbridge.webhook_events.id IS 'Arrival order.';

COMMENT ON COLUMN dialbridge.webhook_events.provider IS 'The provider that sent it (dialbridge.webhook_providers).';

COMMENT ON COLUMN dialbridge.webhook_events.event_id IS 'Event identity, by the provider''s identity function: unique per provider.';

COMMENT ON COLUMN dialbridge.webhook_events.event_type IS 'The provider''s event type.';

COMMENT ON COLUMN dialbridge.webhook_events.payload IS 'The event body as received (PII: never log it whole).';

COMMENT ON COLUMN dialbridge.webhook_events.envelope IS 'The wrapper''s other top-level fields when an intermediary wrapped the event as {body: {…}, …}.';

COMMENT ON COLUMN dialbridge.webhook_events.payload_size_bytes IS 'Size of the raw body.';

COMMENT ON COLUMN dialbridge.webhook_events.provider_call_id IS 'The provider''s call id carried by the event.';

COMMENT ON COLUMN dialbridge.webhook_events.provider_contact_id IS 'The provider''s contact id carried by the event.';

COMMENT ON COLUMN dialbridge.webhook_events.sourceco_contact_id IS 'Our contact key carried back by the provider.';

COMMENT ON COLUMN dialbridge.webhook_events.provider_user_id IS 'The provider''s user (agent) who made the call.';

COMMENT ON COLUMN dialbridge.webhook_events.provider_session_id IS 'The provider''s session or campaign id carried by the event.';

COMMENT ON COLUMN dialbridge.webhook_events.event_at IS 'When the event happened according to the sender.';

COMMENT ON COLUMN dialbridge.webhook_events.processing_status IS 'pending, processing, success, failed (after the last retry), skipped or duplicate.';

COMMENT ON COLUMN dialbridge.webhook_events.processing_error IS 'Last processing error.';

COMMENT ON COLUMN dialbridge.webhook_events.processing_error_code IS 'SQLSTATE of the last processing error.';

COMMENT ON COLUMN dialbridge.webhook_events.processing_started_at IS 'When the last processing attempt began.';

COMMENT ON COLUMN dialbridge.webhook_events.processing_completed_at IS 'When processing last finished.';

COMMENT ON COLUMN dialbridge.webhook_events.processing_duration_ms IS 'Duration of the last processing attempt, milliseconds.';

COMMENT ON COLUMN dialbridge.webhook_events.retry_count IS 'Processing attempts that failed.';

COMMENT ON COLUMN dialbridge.webhook_events.max_retries IS 'Attempts allowed before the event is marked failed.';

COMMENT ON COLUMN dialbridge.webhook_events.next_retry_at IS 'When the next attempt is due (backoff).';

COMMENT ON COLUMN dialbridge.webhook_events.last_retry_at IS 'When the last retry ran.';

COMMENT ON COLUMN dialbridge.webhook_events.auth_method IS 'How the sender was authenticated: hmac, url_token, basic, header_token (or replay, reconciliation; internal: written by the platform itself, e.g. a VoIPStudio call''s disposition).';

COMMENT ON COLUMN dialbridge.webhook_events.signature_header IS 'Signature header as received (for audit).';

COMMENT ON COLUMN dialbridge.webhook_events.signature_valid IS 'Whether a signature verified (null when the sender was authenticated another way).';

COMMENT ON COLUMN dialbridge.webhook_events.ip_address IS 'Sender address.';

COMMENT ON COLUMN dialbridge.webhook_events.user_agent IS 'Sender user agent.';

COMMENT ON COLUMN dialbridge.webhook_events.contact_activity_id IS 'Activity the event was projected into.';

COMMENT ON COLUMN dialbridge.webhook_events.task_id IS 'Task the event created.';

COMMENT ON COLUMN dialbridge.webhook_events.received_at IS 'When the event reached our endpoint.';

COMMENT ON COLUMN dialbridge.webhook_events.created_at IS 'When the row was written.';

COMMENT ON COLUMN dialbridge.webhook_events.updated_at IS 'When the processing state last changed.';

COMMENT ON COLUMN dialbridge.webhook_events.payload_pruned_at IS 'When the payload body was pruned (retention: dialbridge.webhook_payload_retention after processing); null while kept. A pruned event is not replayed.';

ALTER TABLE dialbridge.webhook_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.webhook_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.webhook_events
    ADD CONSTRAINT webhook_events_event_key UNIQUE (provider, event_id);

ALTER TABLE ONLY dialbridge.webhook_events
    ADD CONSTRAINT webhook_events_pkey PRIMARY KEY (id);

CREATE INDEX webhook_events_actionable_idx ON dialbridge.webhook_events USING btree (provider, next_retry_at NULLS FIRST, id) WHERE (processing_status = ANY (ARRAY['pending'::text, 'processing'::text]));

CREATE INDEX webhook_events_call_idx ON dialbridge.webhook_events USING btree (provider, provider_call_id) WHERE (provider_call_id IS NOT NULL);

CREATE INDEX webhook_events_contact_activity_idx ON dialbridge.webhook_events USING btree (contact_activity_id) WHERE (contact_activity_id IS NOT NULL);

CREATE INDEX webhook_events_received_idx ON dialbridge.webhook_events USING btree (received_at DESC);

CREATE INDEX webhook_events_task_idx ON dialbridge.webhook_events USING btree (task_id) WHERE (task_id IS NOT NULL);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON dialbridge.webhook_events FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY dialbridge.webhook_events
    ADD CONSTRAINT webhook_events_contact_activity_id_fkey FOREIGN KEY (contact_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

ALTER TABLE ONLY dialbridge.webhook_events
    ADD CONSTRAINT webhook_events_provider_fkey FOREIGN KEY (provider) REFERENCES dialbridge.webhook_providers(provider);

ALTER TABLE ONLY dialbridge.webhook_events
    ADD CONSTRAINT webhook_events_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE SET NULL;

ALTER TABLE dialbridge.webhook_events ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.webhook_events TO service_role;

GRANT ALL ON SEQUENCE dialbridge.webhook_events_id_seq TO service_role;
