CREATE TABLE public.push_settings (
    team_id uuid NOT NULL,
    recent_contact_days_buyer integer DEFAULT 7 NOT NULL,
    recent_contact_days_seller integer DEFAULT 14 NOT NULL,
    recent_contact_days_other integer DEFAULT 7 NOT NULL,
    active_session_days integer DEFAULT 14 NOT NULL,
    minutes_per_contact numeric(5,2) DEFAULT 2.5 NOT NULL,
    auto_add_callbacks_to_session boolean DEFAULT false NOT NULL,
    updated_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT push_settings_ranges_check CHECK (((recent_contact_days_buyer >= 0) AND (recent_contact_days_buyer <= 365) AND ((recent_contact_days_seller >= 0) AND (recent_contact_days_seller <= 365)) AND ((recent_contact_days_other >= 0) AND (recent_contact_days_other <= 365)) AND ((active_session_days >= 1) AND (active_session_days <= 365)) AND (minutes_per_contact > (0)::numeric) AND (minutes_per_contact <= (60)::numeric)))
);

COMMENT ON TABLE public.push_settings IS 'Per-team push settings. A team without a row uses the defaults (buyers 7 days, sellers 14, 2.5 min per contact).';

COMMENT ON COLUMN public.push_settings.recent_contact_days_buyer IS 'Buyers called within this many days are excluded as recently contacted (0: never).';

COMMENT ON COLUMN public.push_settings.recent_contact_days_seller IS 'Sellers called within this many days are excluded as recently contacted (0: never).';

COMMENT ON COLUMN public.push_settings.recent_contact_days_other IS 'Contacts without a type called within this many days are excluded (0: never).';

COMMENT ON COLUMN public.push_settings.active_session_days IS 'A dial session counts as active for duplicate checks while it had activity within this many days.';

COMMENT ON COLUMN public.push_settings.minutes_per_contact IS 'Dial time estimate per contact (ring, talk, disposition), minutes.';

COMMENT ON COLUMN public.push_settings.auto_add_callbacks_to_session IS 'On a callback''s date, push the contact into the rep''s "Callbacks" dial session automatically.';

ALTER TABLE ONLY public.push_settings
    ADD CONSTRAINT push_settings_pkey PRIMARY KEY (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.push_settings FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.push_settings
    ADD CONSTRAINT push_settings_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.push_settings
    ADD CONSTRAINT push_settings_updated_by_user_id_fkey FOREIGN KEY (updated_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Managers change their team's push settings" ON public.push_settings FOR UPDATE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Managers create their team's push settings" ON public.push_settings FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Users see their team's push settings" ON public.push_settings FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.push_settings ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.push_settings TO service_role;
GRANT SELECT ON TABLE public.push_settings TO authenticated;

GRANT INSERT(team_id) ON TABLE public.push_settings TO authenticated;

GRANT INSERT(recent_contact_days_buyer),UPDATE(recent_contact_days_buyer) ON TABLE public.push_settings TO authenticated;

GRANT INSERT(recent_contact_days_seller),UPDATE(recent_contact_days_seller) ON TABLE public.push_settings TO authenticated;

GRANT INSERT(recent_contact_days_other),UPDATE(recent_contact_days_other) ON TABLE public.push_settings TO authenticated;

GRANT INSERT(active_session_days),UPDATE(active_session_days) ON TABLE public.push_settings TO authenticated;

GRANT INSERT(minutes_per_contact),UPDATE(minutes_per_contact) ON TABLE public.push_settings TO authenticated;

GRANT INSERT(auto_add_callbacks_to_session),UPDATE(auto_add_callbacks_to_session) ON TABLE public.push_settings TO authenticated;

GRANT INSERT(updated_by_user_id),UPDATE(updated_by_user_id) ON TABLE public.push_settings TO authenticated;
