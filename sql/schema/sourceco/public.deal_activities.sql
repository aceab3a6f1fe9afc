CREATE TABLE public.deal_activities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    deal_id uuid NOT NULL,
    team_id uuid,
    activity_type text NOT NULL,
    title text NOT NULL,
    description text,
    admin_id uuid,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE public.deal_activities IS 'Activity log of a deal (SourceCo''s deal_activities; installed into SourceCo''s database, its own table is used): manual call logs and other deal events.';

COMMENT ON COLUMN public.deal_activities.id IS 'Activity id.';

COMMENT ON COLUMN public.deal_activities.deal_id IS 'The deal (SourceCo listing / deal id).';

COMMENT ON COLUMN public.deal_activities.team_id IS 'Team that logged it.';

COMMENT ON COLUMN public.deal_activities.activity_type IS 'What happened (call_completed, note, …), as the caller names it.';

COMMENT ON COLUMN public.deal_activities.title IS 'One-line title.';

COMMENT ON COLUMN public.deal_activities.description IS 'Details.';

COMMENT ON COLUMN public.deal_activities.admin_id IS 'Who logged it.';

COMMENT ON COLUMN public.deal_activities.metadata IS 'Structured details (contact_activity_id, outcome, …).';

COMMENT ON COLUMN public.deal_activities.created_at IS 'When it was logged.';

ALTER TABLE ONLY public.deal_activities
    ADD CONSTRAINT deal_activities_pkey PRIMARY KEY (id);

CREATE INDEX deal_activities_deal_idx ON public.deal_activities USING btree (deal_id, created_at DESC);

CREATE INDEX deal_activities_team_idx ON public.deal_activities USING btree (team_id);

ALTER TABLE ONLY public.deal_activities
    ADD CONSTRAINT deal_activities_admin_id_fkey FOREIGN KEY (admin_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.deal_activities
    ADD CONSTRAINT deal_activities_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;

CREATE POLICY "Teams log their deal activities" ON public.deal_activities FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND ((admin_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin))));

CREATE POLICY "Teams see their deal activities" ON public.deal_activities FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.deal_activities ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.deal_activities TO service_role;
GRANT SELECT,INSERT ON TABLE public.deal_activities TO authenticated;
