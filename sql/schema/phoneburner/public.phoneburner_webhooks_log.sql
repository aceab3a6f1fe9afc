CREATE TABLE public.phoneburner_webhooks_log (
    id bigint NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    payload_size_bytes integer,
    phoneburner_call_id text,
    phoneburner_contact_id text,
    sourceco_contact_id text,
    phoneburner_user_id text,
    phoneburner_session_id text,
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
    partition_date date GENERATED ALWAYS AS (((received_at AT TIME ZONE 'UTC'::text))::date) STORED,
    envelope jsonb,
    payload_pruned_at timestamp with time zone,
    CONSTRAINT phoneburner_webhooks_log_auth_method_check CHECK ((auth_method = ANY (ARRAY['hmac'::text, 'url_token'::text, 'softphone_hmac'::text, 'basic'::text, 'header_token'::text, 'replay'::text, 'reconciliation'::text]))),
    CONSTRAINT phoneburner_webhooks_log_processing_status_check CHECK ((processing_status = ANY (ARRAY['pending'::text, 'processing'::text, 'success'::text, 'failed'::text, 'skipped'::text, 'duplicate'::text]))),
    CONSTRAINT phoneburner_webhooks_log_retries_check CHECK (((retry_count >= 0) AND (max_retries >= 0)))
);

COMMENT ON TABLE public.phoneburner_webhooks_log IS 'Every dialer event as received (stored before it is acknowledged) and its processing state. Service role only.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.id IS 'Arrival order.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.event_id IS 'Event identity: payload event_id, else the X-Phoneburner-Event-ID header, else <event type>:<call id>, else <event type>:sha256:<digest of the payload>.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.event_type IS 'call.started, call.connected, call.ended, disposition.set, callback.scheduled, contact.updated, api_callbegin, api_calldone, api_contact_displayed, softphone_call_done.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.payload IS 'The event body as received (PII: never log it whole).';

COMMENT ON COLUMN public.phoneburner_webhooks_log.payload_size_bytes IS 'Size of the raw body.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_call_id IS 'PhoneBurner''s call id carried by the event.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_contact_id IS 'PhoneBurner''s contact id carried by the event.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.sourceco_contact_id IS 'Our contact key carried back by the dialer (custom field "SourceCo ID").';

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_user_id IS 'PhoneBurner user (agent) who made the call.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.phoneburner_session_id IS 'PhoneBurner dial session id carried by the event.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.event_at IS 'When the event happened according to the sender.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_status IS 'pending, processing, success, failed (after the last retry), skipped or duplicate.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_error IS 'Last processing error.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_error_code IS 'Machine-readable code of the last processing error.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_started_at IS 'When the last processing attempt began.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_completed_at IS 'When processing finished (success, skipped or duplicate).';

COMMENT ON COLUMN public.phoneburner_webhooks_log.processing_duration_ms IS 'Duration of the last processing attempt, milliseconds.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.retry_count IS 'Processing attempts that failed.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.max_retries IS 'Attempts allowed before the event is marked failed.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.next_retry_at IS 'When the next attempt is due (backoff).';

COMMENT ON COLUMN public.phoneburner_webhooks_log.last_retry_at IS 'When the last retry ran.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.auth_method IS 'How the sender was authenticated: hmac, url_token, softphone_hmac.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.signature_header IS 'Signature header as received (for audit of rejected or replayed events).';

COMMENT ON COLUMN public.phoneburner_webhooks_log.signature_valid IS 'Whether the signature verified.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.ip_address IS 'Sender address.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.user_agent IS 'Sender user agent.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.contact_activity_id IS 'Activity the event was projected into.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.task_id IS 'Task the event created (callbacks).';

COMMENT ON COLUMN public.phoneburner_webhooks_log.received_at IS 'When the event reached our endpoint.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.created_at IS 'When the row was written.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.updated_at IS 'When the processing state last changed.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.partition_date IS 'UTC day of arrival (for retention and per-day reports).';

COMMENT ON COLUMN public.phoneburner_webhooks_log.envelope IS 'When an intermediary wrapped the event as {body: {…}, …}: the wrapper''s other top-level fields (e.g. Transcript), as received. payload holds the unwrapped event.';

COMMENT ON COLUMN public.phoneburner_webhooks_log.payload_pruned_at IS 'When the payload body was pruned (retention: dialbridge.webhook_payload_retention after processing); null while kept. A pruned event is not replayed.';

ALTER TABLE public.phoneburner_webhooks_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.phoneburner_webhooks_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_event_id_key UNIQUE (event_id);

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_pkey PRIMARY KEY (id);

CREATE INDEX phoneburner_webhooks_log_actionable_idx ON public.phoneburner_webhooks_log USING btree (next_retry_at NULLS FIRST, id) WHERE (processing_status = ANY (ARRAY['pending'::text, 'processing'::text]));

CREATE INDEX phoneburner_webhooks_log_call_idx ON public.phoneburner_webhooks_log USING btree (phoneburner_call_id) WHERE (phoneburner_call_id IS NOT NULL);

CREATE INDEX phoneburner_webhooks_log_received_idx ON public.phoneburner_webhooks_log USING btree (received_at DESC);

CREATE INDEX phoneburner_webhooks_log_status_received_idx ON public.phoneburner_webhooks_log USING btree (processing_status, received_at DESC);

CREATE INDEX phoneburner_webhooks_log_type_received_idx ON public.phoneburner_webhooks_log USING btree (event_type, received_at DESC);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_webhooks_log FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_contact_activity_id_fkey FOREIGN KEY (contact_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_webhooks_log
    ADD CONSTRAINT phoneburner_webhooks_log_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE SET NULL;

CREATE POLICY "Admins read the webhook log" ON public.phoneburner_webhooks_log FOR SELECT TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

ALTER TABLE public.phoneburner_webhooks_log ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_webhooks_log TO service_role;
GRANT SELECT ON TABLE public.phoneburner_webhooks_log TO authenticated;

GRANT ALL ON SEQUENCE public.phoneburner_webhooks_log_id_seq TO service_role;
