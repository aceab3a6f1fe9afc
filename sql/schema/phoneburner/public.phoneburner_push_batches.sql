CREATE TABLE public.phoneburner_push_batches (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    run_id uuid NOT NULL,
    batch_no integer NOT NULL,
    request_key text NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    contact_count integer DEFAULT 0 NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    session_id uuid,
    phoneburner_session_id text,
    next_attempt_at timestamp with time zone,
    last_error text,
    last_error_code text,
    response_summary jsonb,
    leased_by text,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_push_batches_size_check CHECK (((batch_no >= 1) AND ((contact_count >= 0) AND (contact_count <= 10000)) AND (attempts >= 0))),
    CONSTRAINT phoneburner_push_batches_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'sending'::text, 'retrying'::text, 'succeeded'::text, 'failed'::text])))
);

COMMENT ON TABLE public.phoneburner_push_batches IS 'Batches of a push run (at most 500 contacts each), their attempts and last error. Service role only.';

COMMENT ON COLUMN public.phoneburner_push_batches.request_key IS 'Idempotency key of this batch (<request_id>:<batch_no>): sent as custom_data.request_id and looked up before any retry.';

COMMENT ON COLUMN public.phoneburner_push_batches.status IS 'queued, sending, retrying (waiting for the next attempt), succeeded, failed.';

COMMENT ON COLUMN public.phoneburner_push_batches.attempts IS 'PhoneBurner calls made for this batch.';

COMMENT ON COLUMN public.phoneburner_push_batches.next_attempt_at IS 'When the next attempt is due.';

COMMENT ON COLUMN public.phoneburner_push_batches.last_error IS 'Last error (rate limit, timeout, PhoneBurner''s message).';

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_request_key_key UNIQUE (request_key);

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_run_id_batch_no_key UNIQUE (run_id, batch_no);

CREATE INDEX phoneburner_push_batches_open_idx ON public.phoneburner_push_batches USING btree (updated_at) WHERE (status = ANY (ARRAY['queued'::text, 'sending'::text, 'retrying'::text]));

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_push_batches FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.phoneburner_push_runs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_push_batches
    ADD CONSTRAINT phoneburner_push_batches_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

ALTER TABLE public.phoneburner_push_batches ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_push_batches TO service_role;
