CREATE TABLE dialbridge.webhook_providers (
    provider text NOT NULL,
    description text NOT NULL,
    inbox text DEFAULT 'dialbridge.webhook_events'::text NOT NULL,
    identity_fn text NOT NULL,
    refs_fn text NOT NULL,
    process_fn text DEFAULT 'dialbridge.project_call_events'::text NOT NULL,
    normalize_fn text,
    event_types text[] DEFAULT '{}'::text[] NOT NULL,
    task_identifier text DEFAULT 'webhook_events__process'::text NOT NULL,
    job_key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT webhook_providers_functions_check CHECK (((identity_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'::text) AND (refs_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'::text) AND (process_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'::text) AND ((normalize_fn IS NULL) OR (normalize_fn ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'::text)))),
    CONSTRAINT webhook_providers_generic_check CHECK (((process_fn <> 'dialbridge.project_call_events'::text) OR (normalize_fn IS NOT NULL))),
    CONSTRAINT webhook_providers_inbox_check CHECK ((inbox = ANY (ARRAY['dialbridge.webhook_events'::text, 'public.phoneburner_webhooks_log'::text]))),
    CONSTRAINT webhook_providers_task_check CHECK (((task_identifier ~ '^[A-Za-z0-9_:.-]{1,100}$'::text) AND (job_key ~ '^[A-Za-z0-9_:.-]{1,200}$'::text)))
);

COMMENT ON TABLE dialbridge.webhook_providers IS 'The dialers whose events the shared pipeline takes: one row per provider, naming the adapter''s SQL functions. Written by dialbridge.register_webhook_provider (see docs/architecture.md, "Adding a provider").';

COMMENT ON COLUMN dialbridge.webhook_providers.provider IS 'Provider name; also its contact_activities.source_system.';

COMMENT ON COLUMN dialbridge.webhook_providers.description IS 'What the provider is.';

COMMENT ON COLUMN dialbridge.webhook_providers.inbox IS 'Where its events are stored: dialbridge.webhook_events (every provider), or PhoneBurner''s seed table public.phoneburner_webhooks_log.';

COMMENT ON COLUMN dialbridge.webhook_providers.identity_fn IS 'fn(event_type text, payload jsonb, header_event_id text) returns text: the event''s identity (deliveries with the same identity are one event).';

COMMENT ON COLUMN dialbridge.webhook_providers.refs_fn IS 'fn(event_type text, payload jsonb) returns table(call_id, contact_id, sourceco_contact_id, user_id, session_id text, event_at timestamptz): the references stored beside the payload.';

COMMENT ON COLUMN dialbridge.webhook_providers.process_fn IS 'fn(provider text, ids bigint[], as_of timestamptz) returns table(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid): the batch stage. dialbridge.project_call_events (the generic path, with normalize_fn) unless the provider brings its own.';

COMMENT ON COLUMN dialbridge.webhook_providers.normalize_fn IS 'Generic path: fn(dialbridge.webhook_events) returns dialbridge.call_events, one stored event as the shared call record; raises DB060 to skip an event, DB061 for one that can never be projected.';

COMMENT ON COLUMN dialbridge.webhook_providers.event_types IS 'Event types the provider sends (rejected requests name one of these or unknown).';

COMMENT ON COLUMN dialbridge.webhook_providers.task_identifier IS 'graphile-worker task that processes its events (webhook_events__process with payload {"provider": …}, or PhoneBurner''s own).';

COMMENT ON COLUMN dialbridge.webhook_providers.job_key IS 'job_key of that coalesced job.';

COMMENT ON COLUMN dialbridge.webhook_providers.created_at IS 'When the provider was registered.';

COMMENT ON COLUMN dialbridge.webhook_providers.updated_at IS 'When its registration last changed.';

ALTER TABLE ONLY dialbridge.webhook_providers
    ADD CONSTRAINT webhook_providers_pkey PRIMARY KEY (provider);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON dialbridge.webhook_providers FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY dialbridge.webhook_providers
    ADD CONSTRAINT webhook_providers_provider_fkey FOREIGN KEY (provider) REFERENCES dialbridge.source_systems(source_system);

ALTER TABLE dialbridge.webhook_providers ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.webhook_providers TO service_role;
