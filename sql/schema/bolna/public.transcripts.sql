CREATE TABLE public.transcripts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    call_id uuid,
    call_log_id uuid,
    user_id uuid,
    content text NOT NULL,
    analysis_status text DEFAULT 'pending'::text NOT NULL,
    analysis_error text,
    analysis_attempts integer DEFAULT 0 NOT NULL,
    analyzed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT transcripts_analysis_status_check CHECK ((analysis_status = ANY (ARRAY['pending'::text, 'processing'::text, 'completed'::text, 'failed'::text]))),
    CONSTRAINT transcripts_call_check CHECK (((call_id IS NULL) <> (call_log_id IS NULL)))
);

COMMENT ON TABLE public.transcripts IS 'A call''s transcript ("assistant: …\nuser: …") — a voice-agent call''s (call_id) or a VoIPStudio call''s transcribed recording (call_log_id) — and the state of its analysis (the worker''s transcripts__analyze).';

COMMENT ON COLUMN public.transcripts.id IS 'Transcript id.';

COMMENT ON COLUMN public.transcripts.call_id IS 'The voice-agent call (one transcript per call).';

COMMENT ON COLUMN public.transcripts.call_log_id IS 'Or the VoIPStudio call whose recording was transcribed.';

COMMENT ON COLUMN public.transcripts.user_id IS 'The call''s user.';

COMMENT ON COLUMN public.transcripts.content IS 'The transcript text.';

COMMENT ON COLUMN public.transcripts.analysis_status IS 'pending, processing, completed, failed (analysis_error says why; dialbridge.requeue_transcript_analyses runs it again).';

COMMENT ON COLUMN public.transcripts.analysis_error IS 'Why the last analysis failed.';

COMMENT ON COLUMN public.transcripts.analysis_attempts IS 'Analyses started for this transcript.';

COMMENT ON COLUMN public.transcripts.analyzed_at IS 'When the analysis last completed.';

COMMENT ON COLUMN public.transcripts.created_at IS 'When the transcript was stored.';

COMMENT ON COLUMN public.transcripts.updated_at IS 'When the row last changed.';

ALTER TABLE ONLY public.transcripts
    ADD CONSTRAINT transcripts_call_id_key UNIQUE (call_id);

ALTER TABLE ONLY public.transcripts
    ADD CONSTRAINT transcripts_call_log_id_key UNIQUE (call_log_id);

ALTER TABLE ONLY public.transcripts
    ADD CONSTRAINT transcripts_pkey PRIMARY KEY (id);

CREATE INDEX transcripts_failed_idx ON public.transcripts USING btree (updated_at) WHERE (analysis_status = 'failed'::text);

CREATE INDEX transcripts_user_idx ON public.transcripts USING btree (user_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.transcripts FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.transcripts
    ADD CONSTRAINT transcripts_call_id_fkey FOREIGN KEY (call_id) REFERENCES public.calls(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.transcripts
    ADD CONSTRAINT transcripts_call_log_id_fkey FOREIGN KEY (call_log_id) REFERENCES public.call_logs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.transcripts
    ADD CONSTRAINT transcripts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Users see their own" ON public.transcripts FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.transcripts ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.transcripts TO service_role;
GRANT SELECT ON TABLE public.transcripts TO authenticated;
