CREATE TABLE public.profiles (
    id uuid NOT NULL,
    team_id uuid,
    role text DEFAULT 'rep'::text NOT NULL,
    display_name text,
    email text,
    phoneburner_user_id text,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT profiles_role_check CHECK ((role = ANY (ARRAY['rep'::text, 'manager'::text, 'admin'::text])))
);

COMMENT ON TABLE public.profiles IS 'SourceCo users (one per auth.users row): team, role and PhoneBurner user id.';

COMMENT ON COLUMN public.profiles.id IS 'The auth.users id of this user.';

COMMENT ON COLUMN public.profiles.team_id IS 'The team whose contacts, calls and sessions this user works.';

COMMENT ON COLUMN public.profiles.role IS 'rep: works the team''s contacts; manager: also deletes and manages the team''s rows; admin: everything, including disposition mappings.';

COMMENT ON COLUMN public.profiles.display_name IS 'Name shown on activities and scorecards.';

COMMENT ON COLUMN public.profiles.email IS 'Sign-in email (copied from auth.users when the profile is created).';

COMMENT ON COLUMN public.profiles.phoneburner_user_id IS 'PhoneBurner''s user id for this rep (agent.user_id in callbacks); used to attribute calls.';

COMMENT ON COLUMN public.profiles.is_active IS 'Inactive users keep their history but see nothing.';

COMMENT ON COLUMN public.profiles.created_at IS 'When the profile was created.';

COMMENT ON COLUMN public.profiles.updated_at IS 'When the profile last changed.';

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_phoneburner_user_id_key UNIQUE (phoneburner_user_id);

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);

CREATE INDEX profiles_team_id_idx ON public.profiles USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Users edit their own profile, admins any" ON public.profiles FOR UPDATE TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK ((( SELECT dialbridge.is_admin() AS is_admin) OR ((id = ( SELECT auth.uid() AS uid)) AND (role = ( SELECT dialbridge.current_app_role() AS current_app_role)) AND (NOT (team_id IS DISTINCT FROM ( SELECT dialbridge.current_team_id() AS current_team_id))) AND (NOT (phoneburner_user_id IS DISTINCT FROM ( SELECT dialbridge.current_phoneburner_user_id() AS current_phoneburner_user_id))) AND is_active)));

CREATE POLICY "Users see the profiles of their team" ON public.profiles FOR SELECT TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR (team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.profiles TO service_role;
GRANT SELECT ON TABLE public.profiles TO authenticated;

GRANT UPDATE(team_id) ON TABLE public.profiles TO authenticated;

GRANT UPDATE(role) ON TABLE public.profiles TO authenticated;

GRANT UPDATE(display_name) ON TABLE public.profiles TO authenticated;

GRANT UPDATE(phoneburner_user_id) ON TABLE public.profiles TO authenticated;

GRANT UPDATE(is_active) ON TABLE public.profiles TO authenticated;
