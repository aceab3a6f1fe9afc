CREATE TABLE public.phoneburner_webhook_rejections (
    id bigint NOT NULL,
    bucket_at timestamp with time zone NOT NULL,
    reason text NOT NULL,
    event_type_hint text DEFAULT 'unknown'::text NOT NULL,
    ip_address inet,
    rejection_count integer DEFAULT 0 NOT NULL,
    max_payload_size_bytes integer,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    CONSTRAINT phoneburner_webhook_rejections_count_check CHECK ((rejection_count >= 0)),
    CONSTRAINT phoneburner_webhook_rejections_reason_check CHECK ((reason = ANY (ARRAY['missing_auth'::text, 'bad_signature'::text, 'bad_token'::text, 'bad_credentials'::text, 'auth_not_accepted_for_event'::text, 'malformed_body'::text, 'invalid_envelope'::text, 'too_large'::text, 'outside_time_window'::text])))
);

COMMENT ON TABLE public.phoneburner_webhook_rejections IS 'Webhook requests refused (401/400/413), counted per minute, reason, event type hint and IP. Bodies are never stored. Service role only.';

COMMENT ON COLUMN public.phoneburner_webhook_rejections.bucket_at IS 'Start of the minute the rejections fell in.';

COMMENT ON COLUMN public.phoneburner_webhook_rejections.reason IS 'missing_auth, bad_signature, bad_token, auth_not_accepted_for_event (a URL token on a seed-contract event), malformed_body, invalid_envelope, too_large.';

COMMENT ON COLUMN public.phoneburner_webhook_rejections.event_type_hint IS 'Event type named by the request''s URL or headers, if it is a known one; else unknown (the body is not trusted).';

COMMENT ON COLUMN public.phoneburner_webhook_rejections.ip_address IS 'Source IP (x-forwarded-for).';

COMMENT ON COLUMN public.phoneburner_webhook_rejections.rejection_count IS 'Requests rejected in this bucket.';

COMMENT ON COLUMN public.phoneburner_webhook_rejections.max_payload_size_bytes IS 'Largest body size seen in this bucket (as declared or counted).';

ALTER TABLE public.phoneburner_webhook_rejections ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.phoneburner_webhook_rejections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY public.phoneburner_webhook_rejections
    ADD CONSTRAINT phoneburner_webhook_rejections_bucket_key UNIQUE NULLS NOT DISTINCT (bucket_at, reason, event_type_hint, ip_address);

ALTER TABLE ONLY public.phoneburner_webhook_rejections
    ADD CONSTRAINT phoneburner_webhook_rejections_pkey PRIMARY KEY (id);

CREATE INDEX phoneburner_webhook_rejections_bucket_idx ON public.phoneburner_webhook_rejections USING btree (bucket_at DESC);

ALTER TABLE public.phoneburner_webhook_rejections ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_webhook_rejections TO service_role;

GRANT ALL ON SEQUENCE public.phoneburner_webhook_rejections_id_seq TO service_role;
