CREATE TABLE public.contact_segments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    team_id uuid,
    name text NOT NULL,
    description text,
    filter jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contact_segments_filter_check CHECK (dialbridge.validate_contact_filter(filter, false))
);

COMMENT ON TABLE public.contact_segments IS 'Saved dynamic segments: a contact filter re-evaluated on every use (push entity contact_list, filter segment_id).';

COMMENT ON COLUMN public.contact_segments.name IS 'Segment name, e.g. "Inactive PE Buyers - 90+ Days".';

COMMENT ON COLUMN public.contact_segments.filter IS 'The contact filter (same keys as preview_push''s filter, without segment_id).';

ALTER TABLE ONLY public.contact_segments
    ADD CONSTRAINT contact_segments_pkey PRIMARY KEY (id);

CREATE INDEX contact_segments_created_by_idx ON public.contact_segments USING btree (created_by_user_id);

CREATE INDEX contact_segments_team_idx ON public.contact_segments USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.contact_segments FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.contact_segments
    ADD CONSTRAINT contact_segments_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.contact_segments
    ADD CONSTRAINT contact_segments_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;

CREATE POLICY "Reps delete their own segments, managers the team's" ON public.contact_segments FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ((created_by_user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin))) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps edit their own segments, managers the team's" ON public.contact_segments FOR UPDATE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ((created_by_user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin))) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps save segments for their team" ON public.contact_segments FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (created_by_user_id = ( SELECT auth.uid() AS uid))));

CREATE POLICY "Reps see their team's segments" ON public.contact_segments FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.contact_segments ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.contact_segments TO service_role;
GRANT SELECT,DELETE ON TABLE public.contact_segments TO authenticated;

GRANT INSERT(team_id) ON TABLE public.contact_segments TO authenticated;

GRANT INSERT(name),UPDATE(name) ON TABLE public.contact_segments TO authenticated;

GRANT INSERT(description),UPDATE(description) ON TABLE public.contact_segments TO authenticated;

GRANT INSERT(filter),UPDATE(filter) ON TABLE public.contact_segments TO authenticated;

GRANT INSERT(created_by_user_id) ON TABLE public.contact_segments TO authenticated;
