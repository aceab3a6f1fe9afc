CREATE TABLE dialbridge.webhook_rejections (
    id bigint NOT NULL,
    provider text NOT NULL,
    bucket_at timestamp with time zone NOT NULL,
    reason text NOT NULL,
    event_type_hint text DEFAULT 'unknown'::text NOT NULL,
    ip_address inet,
    rejection_count integer DEFAULT 0 NOT NULL,
    max_payload_size_bytes integer,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    CONSTRAINT webhook_rejections_count_check CHECK ((rejection_count >= 0)),
    CONSTRAINT webhook_rejections_reason_check CHECK ((reason = ANY (ARRAY['missing_auth'::text, 'bad_signature'::text, 'bad_token'::text, 'bad_credentials'::text, 'auth_not_accepted_for_event'::text, 'malformed_body'::text, 'invalid_envelope'::text, 'too_large'::text, 'outside_time_window'::text])))
);

COMMENT ON TABLE dialbridge.webhook_rejections IS 'Webhook requests refused (401/400/413) per provider, counted per minute, reason, event type hint and IP (PhoneBurner''s: public.phoneburner_webhook_rejections). Bodies are never stored. Service role only.';

COMMENT ON COLUMN dialbridge.webhook_rejections.provider IS 'The provider''s endpoint that refused the request.';

COMMENT ON COLUMN dialbridge.webhook_rejections.bucket_at IS 'Start of the minute the rejections fell in.';

COMMENT ON COLUMN dialbridge.webhook_rejections.reason IS 'missing_auth, bad_signature, bad_token, bad_credentials, auth_not_accepted_for_event, malformed_body, invalid_envelope, too_large.';

COMMENT ON COLUMN dialbridge.webhook_rejections.event_type_hint IS 'Event type named by the request''s URL or headers if the provider sends it; else unknown.';

COMMENT ON COLUMN dialbridge.webhook_rejections.ip_address IS 'Source IP.';

COMMENT ON COLUMN dialbridge.webhook_rejections.rejection_count IS 'Requests rejected in this bucket.';

COMMENT ON COLUMN dialbridge.webhook_rejections.max_payload_size_bytes IS 'Largest body size seen in this bucket.';

COMMENT ON COLUMN dialbridge.webhook_rejections.first_seen_at IS 'First rejection in the bucket.';

COMMENT ON COLUMN dialbridge.webhook_rejections.last_seen_at IS 'Last rejection in the bucket.';

ALTER TABLE dialbridge.webhook_rejections ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.webhook_rejections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.webhook_rejections
    ADD CONSTRAINT webhook_rejections_bucket_key UNIQUE NULLS NOT DISTINCT (provider, bucket_at, reason, event_type_hint, ip_address);

ALTER TABLE ONLY dialbridge.webhook_rejections
    ADD CONSTRAINT webhook_rejections_pkey PRIMARY KEY (id);

CREATE INDEX webhook_rejections_bucket_idx ON dialbridge.webhook_rejections USING btree (bucket_at DESC);

ALTER TABLE ONLY dialbridge.webhook_rejections
    ADD CONSTRAINT webhook_rejections_provider_fkey FOREIGN KEY (provider) REFERENCES dialbridge.webhook_providers(provider);

ALTER TABLE dialbridge.webhook_rejections ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.webhook_rejections TO service_role;

GRANT ALL ON SEQUENCE dialbridge.webhook_rejections_id_seq TO service_role;
