CREATE TABLE public.calls (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid,
    agent_id uuid,
    contact_id uuid,
    contact_activity_id uuid,
    bolna_execution_id text NOT NULL,
    bolna_conversation_id text,
    bolna_agent_id text,
    bolna_status text NOT NULL,
    phone_number text,
    call_lifecycle_status character varying(20) DEFAULT 'initiated'::character varying NOT NULL,
    status text DEFAULT 'in_progress'::text NOT NULL,
    lead_type text DEFAULT 'outbound'::text NOT NULL,
    hangup_by text,
    hangup_reason text,
    hangup_provider_code integer,
    ringing_started_at timestamp with time zone,
    call_answered_at timestamp with time zone,
    call_disconnected_at timestamp with time zone,
    completed_at timestamp with time zone,
    duration_seconds integer DEFAULT 0 NOT NULL,
    duration_minutes integer DEFAULT 0 NOT NULL,
    credits_used integer DEFAULT 0 NOT NULL,
    recording_url text,
    summary text,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT calls_bolna_status_check CHECK ((bolna_status = ANY (ARRAY['queued'::text, 'rescheduled'::text, 'initiated'::text, 'ringing'::text, 'in-progress'::text, 'call-disconnected'::text, 'completed'::text, 'busy'::text, 'no-answer'::text, 'balance-low'::text, 'canceled'::text, 'failed'::text, 'stopped'::text, 'error'::text]))),
    CONSTRAINT calls_durations_check CHECK (((duration_seconds >= 0) AND (duration_minutes >= 0) AND (credits_used >= 0) AND ((duration_minutes * 60) >= duration_seconds))),
    CONSTRAINT calls_lead_type_check CHECK ((lead_type = ANY (ARRAY['inbound'::text, 'outbound'::text]))),
    CONSTRAINT calls_lifecycle_status_check CHECK (((call_lifecycle_status)::text = ANY (ARRAY[('initiated'::character varying)::text, ('ringing'::character varying)::text, ('in-progress'::character varying)::text, ('call-disconnected'::character varying)::text, ('completed'::character varying)::text, ('no-answer'::character varying)::text, ('busy'::character varying)::text, ('failed'::character varying)::text]))),
    CONSTRAINT calls_metadata_check CHECK ((jsonb_typeof(metadata) = 'object'::text)),
    CONSTRAINT calls_status_check CHECK ((status = ANY (ARRAY['completed'::text, 'failed'::text, 'in_progress'::text, 'cancelled'::text])))
);

COMMENT ON TABLE public.calls IS 'Bolna.ai voice-agent calls (seed 004): one row per execution, derived from every status POST Bolna sent for it (dialbridge.bolna_sync_calls): in any order and with any duplication the row is the same, and a late status never regresses it.';

COMMENT ON COLUMN public.calls.id IS 'Call id (uuid).';

COMMENT ON COLUMN public.calls.user_id IS 'The user whose agent made the call (voice_agents.user_id).';

COMMENT ON COLUMN public.calls.agent_id IS 'The voice agent.';

COMMENT ON COLUMN public.calls.contact_id IS 'The platform contact, found or created in the user''s team by phone number.';

COMMENT ON COLUMN public.calls.contact_activity_id IS 'The call''s contact_activities row (every Bolna call is one).';

COMMENT ON COLUMN public.calls.bolna_execution_id IS 'Bolna''s execution id (the id every POST of the call carries).';

COMMENT ON COLUMN public.calls.bolna_conversation_id IS 'Bolna''s conversation reference (the execution id unless Bolna sends another).';

COMMENT ON COLUMN public.calls.bolna_agent_id IS 'Bolna''s agent_id as received.';

COMMENT ON COLUMN public.calls.bolna_status IS 'The furthest status Bolna reported (queued … completed, or busy, no-answer, balance-low, canceled, failed, stopped, error).';

COMMENT ON COLUMN public.calls.phone_number IS 'The other party''s number (E.164).';

COMMENT ON COLUMN public.calls.call_lifecycle_status IS 'The seed''s lifecycle: initiated, ringing, in-progress, call-disconnected, completed, no-answer, busy, failed (queued/rescheduled read as initiated; canceled, stopped, error and balance-low as failed; completed without conversation as no-answer).';

COMMENT ON COLUMN public.calls.status IS 'Backward-compatible status: in_progress, completed, failed (unanswered or failed), cancelled (canceled or stopped).';

COMMENT ON COLUMN public.calls.lead_type IS 'inbound or outbound (telephony_data.call_type).';

COMMENT ON COLUMN public.calls.hangup_by IS 'Who hung up (Callee, Carrier, …) as Bolna reports it.';

COMMENT ON COLUMN public.calls.hangup_reason IS 'Bolna''s hangup reason.';

COMMENT ON COLUMN public.calls.hangup_provider_code IS 'The telephony provider''s hangup code.';

COMMENT ON COLUMN public.calls.ringing_started_at IS 'When Bolna reported ringing.';

COMMENT ON COLUMN public.calls.call_answered_at IS 'When the other party answered (in-progress).';

COMMENT ON COLUMN public.calls.call_disconnected_at IS 'When the conversation ended (call-disconnected).';

COMMENT ON COLUMN public.calls.completed_at IS 'When the call reached its final status (completed, no-answer, busy, failed …).';

COMMENT ON COLUMN public.calls.duration_seconds IS 'Conversation seconds, rounded up (27.2 → 28).';

COMMENT ON COLUMN public.calls.duration_minutes IS 'Billed minutes: duration_seconds / 60 rounded up.';

COMMENT ON COLUMN public.calls.credits_used IS 'Credits the call costs (dialbridge.bolna_credits_per_minute × duration_minutes), charged once in credit_ledger.';

COMMENT ON COLUMN public.calls.recording_url IS 'The recording (from the completed POST).';

COMMENT ON COLUMN public.calls.summary IS 'Bolna''s own summary of the conversation, if any.';

COMMENT ON COLUMN public.calls.metadata IS 'raw_conversation_duration, provider, provider_call_id, total_cost, smart_status, telephony_duration.';

COMMENT ON COLUMN public.calls.created_at IS 'When the platform first heard of the call.';

COMMENT ON COLUMN public.calls.updated_at IS 'When the row last changed.';

ALTER TABLE ONLY public.calls
    ADD CONSTRAINT calls_bolna_execution_id_key UNIQUE (bolna_execution_id);

ALTER TABLE ONLY public.calls
    ADD CONSTRAINT calls_pkey PRIMARY KEY (id);

CREATE INDEX calls_agent_idx ON public.calls USING btree (agent_id);

CREATE INDEX calls_contact_idx ON public.calls USING btree (contact_id);

CREATE INDEX calls_user_created_idx ON public.calls USING btree (user_id, created_at DESC);

CREATE INDEX calls_user_phone_idx ON public.calls USING btree (user_id, phone_number, created_at DESC);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.calls FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.calls
    ADD CONSTRAINT calls_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES public.voice_agents(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.calls
    ADD CONSTRAINT calls_contact_activity_id_fkey FOREIGN KEY (contact_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.calls
    ADD CONSTRAINT calls_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.calls
    ADD CONSTRAINT calls_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Users see their own" ON public.calls FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.calls ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.calls TO service_role;
GRANT SELECT ON TABLE public.calls TO authenticated;
