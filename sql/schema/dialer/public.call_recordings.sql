CREATE TABLE public.call_recordings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    call_id uuid NOT NULL,
    provider_recording_id text,
    recording_url text NOT NULL,
    duration integer,
    file_size bigint,
    transcription text,
    sentiment text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT call_recordings_sentiment_check CHECK ((sentiment = ANY (ARRAY['positive'::text, 'neutral'::text, 'negative'::text]))),
    CONSTRAINT call_recordings_sizes_check CHECK (((COALESCE(duration, 0) >= 0) AND (COALESCE(file_size, (0)::bigint) >= 0)))
);

COMMENT ON TABLE public.call_recordings IS 'Recordings of calls (seed 003), from VoIPStudio''s call history; transcription and sentiment are filled by the transcript analysis when it is configured.';

COMMENT ON COLUMN public.call_recordings.id IS 'Recording id (uuid).';

COMMENT ON COLUMN public.call_recordings.call_id IS 'The call log.';

COMMENT ON COLUMN public.call_recordings.provider_recording_id IS 'VoIPStudio''s recording id.';

COMMENT ON COLUMN public.call_recordings.recording_url IS 'URL of the recording file.';

COMMENT ON COLUMN public.call_recordings.duration IS 'Seconds.';

COMMENT ON COLUMN public.call_recordings.file_size IS 'Bytes.';

COMMENT ON COLUMN public.call_recordings.transcription IS 'Transcript of the call.';

COMMENT ON COLUMN public.call_recordings.sentiment IS 'positive, neutral or negative.';

COMMENT ON COLUMN public.call_recordings.created_at IS 'When it was recorded here.';

COMMENT ON COLUMN public.call_recordings.updated_at IS 'When it last changed.';

ALTER TABLE ONLY public.call_recordings
    ADD CONSTRAINT call_recordings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.call_recordings
    ADD CONSTRAINT call_recordings_provider_key UNIQUE (call_id, recording_url);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.call_recordings FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.call_recordings
    ADD CONSTRAINT call_recordings_call_id_fkey FOREIGN KEY (call_id) REFERENCES public.call_logs(id) ON DELETE CASCADE;

CREATE POLICY "Users see the recordings of calls they see" ON public.call_recordings FOR SELECT TO authenticated USING (( SELECT dialbridge.can_see_call_log(call_recordings.call_id) AS can_see_call_log));

ALTER TABLE public.call_recordings ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.call_recordings TO service_role;
GRANT SELECT ON TABLE public.call_recordings TO authenticated;
