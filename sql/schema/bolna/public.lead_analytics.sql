CREATE TABLE public.lead_analytics (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    call_id uuid,
    call_log_id uuid,
    user_id uuid,
    phone_number character varying(50),
    analysis_type character varying(20) DEFAULT 'individual'::character varying NOT NULL,
    previous_calls_analyzed integer DEFAULT 0 NOT NULL,
    latest_call_id uuid,
    latest_call_log_id uuid,
    analysis_timestamp timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    total_score integer,
    intent_level text,
    intent_score integer,
    urgency_level text,
    urgency_score integer,
    budget_constraint text,
    budget_score integer,
    fit_alignment text,
    fit_score integer,
    engagement_health text,
    engagement_score integer,
    lead_status_tag text,
    reasoning jsonb DEFAULT '{}'::jsonb NOT NULL,
    extraction jsonb DEFAULT '{}'::jsonb NOT NULL,
    cta_pricing_clicked boolean DEFAULT false NOT NULL,
    cta_demo_clicked boolean DEFAULT false NOT NULL,
    cta_followup_clicked boolean DEFAULT false NOT NULL,
    cta_sample_clicked boolean DEFAULT false NOT NULL,
    cta_escalated_to_human boolean DEFAULT false NOT NULL,
    demo_scheduled_at timestamp with time zone,
    analyzer text DEFAULT 'openai'::text NOT NULL,
    model text,
    prompt_id text,
    prompt_version text,
    response_id text,
    input_tokens integer,
    output_tokens integer,
    total_tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT lead_analytics_analyzer_check CHECK ((analyzer = ANY (ARRAY['openai'::text, 'heuristic'::text]))),
    CONSTRAINT lead_analytics_scores_check CHECK (((COALESCE(total_score, 0) >= 0) AND (COALESCE(total_score, 0) <= 100) AND (COALESCE(previous_calls_analyzed, 0) >= 0))),
    CONSTRAINT lead_analytics_shape_check CHECK (((((analysis_type)::text = 'individual'::text) AND ((call_id IS NULL) <> (call_log_id IS NULL))) OR (((analysis_type)::text = 'complete'::text) AND (call_id IS NULL) AND (call_log_id IS NULL) AND (user_id IS NOT NULL) AND (phone_number IS NOT NULL)))),
    CONSTRAINT lead_analytics_type_check CHECK (((analysis_type)::text = ANY (ARRAY[('individual'::character varying)::text, ('complete'::character varying)::text])))
);

COMMENT ON TABLE public.lead_analytics IS 'Transcript analyses (seed 004): individual (one per call: a voice-agent call''s call_id or a VoIPStudio call''s call_log_id) and complete (one per user + phone number: the contact''s recent history with that user across both, latest_call_id or latest_call_log_id and previous_calls_analyzed). Each row says which analyser, model, prompt and prompt version produced it and the tokens it used, so scores from different prompts are never mixed unknowingly.';

COMMENT ON COLUMN public.lead_analytics.id IS 'Analysis id.';

COMMENT ON COLUMN public.lead_analytics.call_id IS 'Individual analyses of a voice-agent call: the call.';

COMMENT ON COLUMN public.lead_analytics.call_log_id IS 'Individual analyses of a VoIPStudio call''s transcribed recording: the call log.';

COMMENT ON COLUMN public.lead_analytics.user_id IS 'The user whose calls were analysed.';

COMMENT ON COLUMN public.lead_analytics.phone_number IS 'Complete analyses: the contact''s number (E.164).';

COMMENT ON COLUMN public.lead_analytics.analysis_type IS 'individual or complete.';

COMMENT ON COLUMN public.lead_analytics.previous_calls_analyzed IS 'Complete: how many calls the analysis read (individual: 0).';

COMMENT ON COLUMN public.lead_analytics.latest_call_id IS 'Complete: the newest call it read (a voice-agent call).';

COMMENT ON COLUMN public.lead_analytics.latest_call_log_id IS 'Complete: the newest call it read, when that was a VoIPStudio call.';

COMMENT ON COLUMN public.lead_analytics.analysis_timestamp IS 'When the analysis was made.';

COMMENT ON COLUMN public.lead_analytics.total_score IS 'Lead score, 0–100.';

COMMENT ON COLUMN public.lead_analytics.intent_level IS 'Intent: low, medium, high.';

COMMENT ON COLUMN public.lead_analytics.intent_score IS 'Intent score (0–3).';

COMMENT ON COLUMN public.lead_analytics.urgency_level IS 'Urgency level.';

COMMENT ON COLUMN public.lead_analytics.urgency_score IS 'Urgency score (0–3).';

COMMENT ON COLUMN public.lead_analytics.budget_constraint IS 'What was said of budget.';

COMMENT ON COLUMN public.lead_analytics.budget_score IS 'Budget score (0–3).';

COMMENT ON COLUMN public.lead_analytics.fit_alignment IS 'How well the lead fits.';

COMMENT ON COLUMN public.lead_analytics.fit_score IS 'Fit score (0–3).';

COMMENT ON COLUMN public.lead_analytics.engagement_health IS 'How engaged the lead was.';

COMMENT ON COLUMN public.lead_analytics.engagement_score IS 'Engagement score (0–3).';

COMMENT ON COLUMN public.lead_analytics.lead_status_tag IS 'Hot, Warm, Cold (or the prompt''s own tag).';

COMMENT ON COLUMN public.lead_analytics.reasoning IS 'Why each score (intent, urgency, budget, fit, engagement, cta_behavior).';

COMMENT ON COLUMN public.lead_analytics.extraction IS 'What was extracted: company_name, name, email_address, smartnotification.';

COMMENT ON COLUMN public.lead_analytics.cta_pricing_clicked IS 'The lead asked for pricing.';

COMMENT ON COLUMN public.lead_analytics.cta_demo_clicked IS 'The lead asked for a demo.';

COMMENT ON COLUMN public.lead_analytics.cta_followup_clicked IS 'The lead asked for a follow-up.';

COMMENT ON COLUMN public.lead_analytics.cta_sample_clicked IS 'The lead asked for a sample.';

COMMENT ON COLUMN public.lead_analytics.cta_escalated_to_human IS 'The lead asked for a person.';

COMMENT ON COLUMN public.lead_analytics.demo_scheduled_at IS 'A demo time agreed on the call.';

COMMENT ON COLUMN public.lead_analytics.analyzer IS 'openai (the Responses API) or heuristic (the offline analyser used without an OpenAI key).';

COMMENT ON COLUMN public.lead_analytics.model IS 'The model that answered (OpenAI''s answer, or heuristic-v1).';

COMMENT ON COLUMN public.lead_analytics.prompt_id IS 'The OpenAI prompt id used (OPENAI_INDIVIDUAL_PROMPT_ID / OPENAI_COMPLETE_PROMPT_ID), if any.';

COMMENT ON COLUMN public.lead_analytics.prompt_version IS 'The prompt''s version (OPENAI_PROMPT_VERSION, or the built-in instructions'' version).';

COMMENT ON COLUMN public.lead_analytics.response_id IS 'OpenAI''s response id.';

COMMENT ON COLUMN public.lead_analytics.input_tokens IS 'Tokens read.';

COMMENT ON COLUMN public.lead_analytics.output_tokens IS 'Tokens written.';

COMMENT ON COLUMN public.lead_analytics.total_tokens IS 'Tokens in all.';

COMMENT ON COLUMN public.lead_analytics.created_at IS 'When the row was first written.';

COMMENT ON COLUMN public.lead_analytics.updated_at IS 'When the row last changed (a re-analysis replaces it).';

ALTER TABLE ONLY public.lead_analytics
    ADD CONSTRAINT lead_analytics_pkey PRIMARY KEY (id);

CREATE INDEX idx_lead_analytics_complete ON public.lead_analytics USING btree (user_id, phone_number, analysis_type) WHERE ((analysis_type)::text = 'complete'::text);

CREATE INDEX idx_lead_analytics_type ON public.lead_analytics USING btree (call_id, analysis_type);

CREATE INDEX idx_lead_analytics_user_phone ON public.lead_analytics USING btree (user_id, phone_number);

CREATE UNIQUE INDEX lead_analytics_complete_once ON public.lead_analytics USING btree (user_id, phone_number) WHERE ((analysis_type)::text = 'complete'::text);

CREATE UNIQUE INDEX lead_analytics_individual_log_once ON public.lead_analytics USING btree (call_log_id) WHERE ((analysis_type)::text = 'individual'::text);

CREATE UNIQUE INDEX lead_analytics_individual_once ON public.lead_analytics USING btree (call_id) WHERE ((analysis_type)::text = 'individual'::text);

CREATE INDEX lead_analytics_latest_call_idx ON public.lead_analytics USING btree (latest_call_id);

CREATE INDEX lead_analytics_latest_call_log_idx ON public.lead_analytics USING btree (latest_call_log_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.lead_analytics FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.lead_analytics
    ADD CONSTRAINT lead_analytics_call_id_fkey FOREIGN KEY (call_id) REFERENCES public.calls(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.lead_analytics
    ADD CONSTRAINT lead_analytics_call_log_id_fkey FOREIGN KEY (call_log_id) REFERENCES public.call_logs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.lead_analytics
    ADD CONSTRAINT lead_analytics_latest_call_id_fkey FOREIGN KEY (latest_call_id) REFERENCES public.calls(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.lead_analytics
    ADD CONSTRAINT lead_analytics_latest_call_log_id_fkey FOREIGN KEY (latest_call_log_id) REFERENCES public.call_logs(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.lead_analytics
    ADD CONSTRAINT lead_analytics_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Users see their own" ON public.lead_analytics FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.lead_analytics ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.lead_analytics TO service_role;
GRANT SELECT ON TABLE public.lead_analytics TO authenticated;
