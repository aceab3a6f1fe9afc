CREATE TABLE public.workflow_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    team_id uuid,
    contact_id uuid,
    source_activity_id uuid,
    workflow_name text NOT NULL,
    workflow_config jsonb DEFAULT '{}'::jsonb NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    requested_by_user_id uuid,
    requested_at timestamp with time zone NOT NULL,
    job_key text,
    processed_at timestamp with time zone,
    result jsonb,
    error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT workflow_runs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'recorded'::text, 'delivered'::text, 'failed'::text, 'cancelled'::text])))
);

COMMENT ON TABLE public.workflow_runs IS 'Workflows triggered by call dispositions (e.g. send_deal_memo), one per call and workflow: queued, then recorded by the worker for people and integrations to act on.';

COMMENT ON COLUMN public.workflow_runs.team_id IS 'Team of the contact.';

COMMENT ON COLUMN public.workflow_runs.contact_id IS 'Contact the workflow is about.';

COMMENT ON COLUMN public.workflow_runs.source_activity_id IS 'Call whose disposition triggered it.';

COMMENT ON COLUMN public.workflow_runs.workflow_name IS 'Workflow from the disposition mapping (send_deal_memo, create_calendar_event, high_priority_alert, …).';

COMMENT ON COLUMN public.workflow_runs.workflow_config IS 'The mapping''s workflow_config at the time (template ids, delays, …).';

COMMENT ON COLUMN public.workflow_runs.status IS 'queued (waiting for the worker), recorded (handled; nothing sent yet), delivered (sent by an integration), failed, cancelled (the call''s disposition changed before it ran).';

COMMENT ON COLUMN public.workflow_runs.requested_by_user_id IS 'Rep whose disposition triggered it.';

COMMENT ON COLUMN public.workflow_runs.requested_at IS 'When the disposition was set.';

COMMENT ON COLUMN public.workflow_runs.job_key IS 'graphile-worker job key (one job per call).';

COMMENT ON COLUMN public.workflow_runs.processed_at IS 'When the worker handled it.';

COMMENT ON COLUMN public.workflow_runs.result IS 'What the worker or integration did.';

COMMENT ON COLUMN public.workflow_runs.error IS 'Last error, if it failed.';

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_activity_workflow_key UNIQUE (source_activity_id, workflow_name);

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_pkey PRIMARY KEY (id);

CREATE INDEX workflow_runs_contact_idx ON public.workflow_runs USING btree (contact_id);

CREATE INDEX workflow_runs_status_idx ON public.workflow_runs USING btree (workflow_name, status) WHERE (status = ANY (ARRAY['queued'::text, 'recorded'::text]));

CREATE INDEX workflow_runs_team_idx ON public.workflow_runs USING btree (team_id, created_at DESC);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.workflow_runs FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_requested_by_user_id_fkey FOREIGN KEY (requested_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_source_activity_id_fkey FOREIGN KEY (source_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.workflow_runs
    ADD CONSTRAINT workflow_runs_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's workflow runs" ON public.workflow_runs FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.workflow_runs ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.workflow_runs TO service_role;
GRANT SELECT ON TABLE public.workflow_runs TO authenticated;
