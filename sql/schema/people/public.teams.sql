CREATE TABLE public.teams (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE public.teams IS 'Calling teams. Reps and managers see the rows of their own team; admins see all.';

COMMENT ON COLUMN public.teams.id IS 'Team id (uuid).';

COMMENT ON COLUMN public.teams.name IS 'Team name shown in reports.';

COMMENT ON COLUMN public.teams.created_at IS 'When the team was created.';

COMMENT ON COLUMN public.teams.updated_at IS 'When the team last changed.';

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_name_key UNIQUE (name);

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.teams FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

CREATE POLICY "Admins create teams" ON public.teams FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins delete teams" ON public.teams FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins rename teams" ON public.teams FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Users see their own team" ON public.teams FOR SELECT TO authenticated USING (((id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.teams ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.teams TO service_role;
GRANT SELECT,DELETE ON TABLE public.teams TO authenticated;

GRANT INSERT(name),UPDATE(name) ON TABLE public.teams TO authenticated;
