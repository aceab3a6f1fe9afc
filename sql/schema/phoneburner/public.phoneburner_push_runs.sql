CREATE TABLE public.phoneburner_push_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    request_id text NOT NULL,
    team_id uuid,
    user_id uuid,
    target_user_id uuid,
    request_shape text DEFAULT 'dialbridge'::text NOT NULL,
    entity_type text,
    api_style text DEFAULT 'dialsession'::text NOT NULL,
    filter jsonb,
    filter_fingerprint text,
    options jsonb DEFAULT '{}'::jsonb NOT NULL,
    session_name text NOT NULL,
    target_session_id uuid,
    session_id uuid,
    phoneburner_session_id text,
    session_url text,
    redirect_url text,
    status text DEFAULT 'queued'::text NOT NULL,
    stage text DEFAULT 'queued'::text NOT NULL,
    stage_detail text,
    total_contacts integer DEFAULT 0 NOT NULL,
    contacts_ready integer DEFAULT 0 NOT NULL,
    contacts_excluded integer DEFAULT 0 NOT NULL,
    contacts_overridden integer DEFAULT 0 NOT NULL,
    contacts_done integer DEFAULT 0 NOT NULL,
    contacts_added integer DEFAULT 0 NOT NULL,
    contacts_updated integer DEFAULT 0 NOT NULL,
    contacts_failed integer DEFAULT 0 NOT NULL,
    batches_total integer DEFAULT 0 NOT NULL,
    batches_done integer DEFAULT 0 NOT NULL,
    error text,
    error_code text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_push_runs_api_style_check CHECK ((api_style = ANY (ARRAY['dialsession'::text, 'seed'::text]))),
    CONSTRAINT phoneburner_push_runs_counters_check CHECK ((((contacts_ready + contacts_excluded) = total_contacts) AND (contacts_done <= contacts_ready) AND (((contacts_added + contacts_updated) + contacts_failed) <= contacts_ready) AND (batches_done <= batches_total))),
    CONSTRAINT phoneburner_push_runs_request_shape_check CHECK ((request_shape = ANY (ARRAY['dialbridge'::text, 'sourceco'::text, 'callback'::text]))),
    CONSTRAINT phoneburner_push_runs_stage_check CHECK ((stage = ANY (ARRAY['queued'::text, 'mapping'::text, 'uploading'::text, 'waiting_to_retry'::text, 'done'::text]))),
    CONSTRAINT phoneburner_push_runs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'pushing'::text, 'succeeded'::text, 'partially_succeeded'::text, 'failed'::text, 'nothing_to_push'::text])))
);

COMMENT ON TABLE public.phoneburner_push_runs IS 'The push log: every push of a list into PhoneBurner with who, when, the session, counts, overrides and progress (updated live; subscribe with Realtime).';

COMMENT ON COLUMN public.phoneburner_push_runs.request_id IS 'Idempotency key of the push (sent to PhoneBurner as custom_data.request_id); the same key never pushes twice.';

COMMENT ON COLUMN public.phoneburner_push_runs.user_id IS 'Who pushed.';

COMMENT ON COLUMN public.phoneburner_push_runs.target_user_id IS 'Whose PhoneBurner account received the list (an admin or manager may push for a rep).';

COMMENT ON COLUMN public.phoneburner_push_runs.request_shape IS 'dialbridge (this API), sourceco (SourceCo''s existing frontend) or callback (callback follow-through).';

COMMENT ON COLUMN public.phoneburner_push_runs.entity_type IS 'SourceCo entity type the contacts were chosen by (contacts, listings, contact_list, …).';

COMMENT ON COLUMN public.phoneburner_push_runs.api_style IS 'dialsession (real PhoneBurner: POST /rest/1/dialsession) or seed (POST /v2/contacts/bulk).';

COMMENT ON COLUMN public.phoneburner_push_runs.filter IS 'The contact filter of a filter-based push.';

COMMENT ON COLUMN public.phoneburner_push_runs.filter_fingerprint IS 'Hash of the filter (or of the contact ids): finds the rep''s session for "the same list again".';

COMMENT ON COLUMN public.phoneburner_push_runs.options IS 'Push options as requested (thresholds, overrides, update_existing, …).';

COMMENT ON COLUMN public.phoneburner_push_runs.session_name IS 'Name of the dial session.';

COMMENT ON COLUMN public.phoneburner_push_runs.target_session_id IS 'Existing session the contacts were added to (seed contract only).';

COMMENT ON COLUMN public.phoneburner_push_runs.session_id IS 'The (first) dial session the contacts went into.';

COMMENT ON COLUMN public.phoneburner_push_runs.phoneburner_session_id IS 'PhoneBurner''s id of that session (pending:… until PhoneBurner reports it).';

COMMENT ON COLUMN public.phoneburner_push_runs.status IS 'queued, pushing, succeeded, partially_succeeded (some contacts rejected), failed, nothing_to_push (all excluded).';

COMMENT ON COLUMN public.phoneburner_push_runs.stage IS 'Progress stage: queued, mapping, uploading, waiting_to_retry, done.';

COMMENT ON COLUMN public.phoneburner_push_runs.stage_detail IS 'What is happening now, in words (e.g. "PhoneBurner is busy; retrying in 2 s").';

COMMENT ON COLUMN public.phoneburner_push_runs.total_contacts IS 'Contacts considered.';

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_ready IS 'Contacts to push (after exclusions, including overrides).';

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_excluded IS 'Contacts excluded (see phoneburner_push_run_contacts for each reason).';

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_overridden IS 'Excluded contacts force-included by override (see push_overrides).';

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_done IS 'Contacts sent so far (progress: contacts_done of contacts_ready).';

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_added IS 'Contacts PhoneBurner added.';

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_updated IS 'Contacts PhoneBurner updated (already in the session).';

COMMENT ON COLUMN public.phoneburner_push_runs.contacts_failed IS 'Contacts PhoneBurner rejected or that could not be sent (error per contact).';

COMMENT ON COLUMN public.phoneburner_push_runs.batches_total IS 'Batches of at most 500 contacts.';

COMMENT ON COLUMN public.phoneburner_push_runs.batches_done IS 'Batches finished.';

COMMENT ON COLUMN public.phoneburner_push_runs.error IS 'Why the run failed, in words.';

COMMENT ON COLUMN public.phoneburner_push_runs.error_code IS 'Machine-readable failure code (e.g. PB_RATE_LIMITED, PB_TIMEOUT, PB_AUTH).';

COMMENT ON COLUMN public.phoneburner_push_runs.created_at IS 'When the push was requested.';

COMMENT ON COLUMN public.phoneburner_push_runs.finished_at IS 'When the last batch finished.';

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_request_id_key UNIQUE (request_id);

CREATE INDEX phoneburner_push_runs_active_idx ON public.phoneburner_push_runs USING btree (created_at) WHERE (status = ANY (ARRAY['queued'::text, 'pushing'::text]));

CREATE INDEX phoneburner_push_runs_fingerprint_idx ON public.phoneburner_push_runs USING btree (user_id, filter_fingerprint, created_at DESC);

CREATE INDEX phoneburner_push_runs_session_idx ON public.phoneburner_push_runs USING btree (session_id);

CREATE INDEX phoneburner_push_runs_team_idx ON public.phoneburner_push_runs USING btree (team_id, created_at DESC);

CREATE INDEX phoneburner_push_runs_user_idx ON public.phoneburner_push_runs USING btree (user_id, created_at DESC);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_push_runs FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_target_session_id_fkey FOREIGN KEY (target_session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_target_user_id_fkey FOREIGN KEY (target_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_push_runs
    ADD CONSTRAINT phoneburner_push_runs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's pushes" ON public.phoneburner_push_runs FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.phoneburner_push_runs ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_push_runs TO service_role;

GRANT SELECT(id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(request_id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(team_id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(user_id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(target_user_id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(request_shape) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(entity_type) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(api_style) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(filter) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(filter_fingerprint) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(options) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(session_name) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(target_session_id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(session_id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(phoneburner_session_id) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(session_url) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(status) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(stage) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(stage_detail) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(total_contacts) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(contacts_ready) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(contacts_excluded) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(contacts_overridden) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(contacts_done) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(contacts_added) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(contacts_updated) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(contacts_failed) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(batches_total) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(batches_done) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(error) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(error_code) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(created_at) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(started_at) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(finished_at) ON TABLE public.phoneburner_push_runs TO authenticated;

GRANT SELECT(updated_at) ON TABLE public.phoneburner_push_runs TO authenticated;
