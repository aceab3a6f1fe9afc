CREATE TABLE public.voicemail_drops (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid DEFAULT auth.uid(),
    team_id uuid,
    name text NOT NULL,
    audio_url text NOT NULL,
    duration integer,
    usage_count integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT voicemail_drops_duration_check CHECK ((COALESCE(duration, 0) >= 0)),
    CONSTRAINT voicemail_drops_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200)))
);

COMMENT ON TABLE public.voicemail_drops IS 'Pre-recorded voicemail messages (seed 003), managed by admins; usage_count is maintained from voicemail_drop_uses.';

COMMENT ON COLUMN public.voicemail_drops.id IS 'Voicemail drop id (uuid).';

COMMENT ON COLUMN public.voicemail_drops.user_id IS 'Who added it.';

COMMENT ON COLUMN public.voicemail_drops.team_id IS 'The team that uses it (null: every team).';

COMMENT ON COLUMN public.voicemail_drops.name IS 'Name shown to agents.';

COMMENT ON COLUMN public.voicemail_drops.audio_url IS 'URL of the audio file.';

COMMENT ON COLUMN public.voicemail_drops.duration IS 'Seconds.';

COMMENT ON COLUMN public.voicemail_drops.usage_count IS 'Times dropped on a call (maintained).';

COMMENT ON COLUMN public.voicemail_drops.is_active IS 'Offered to agents.';

COMMENT ON COLUMN public.voicemail_drops.created_at IS 'When it was added.';

COMMENT ON COLUMN public.voicemail_drops.updated_at IS 'When it last changed.';

ALTER TABLE ONLY public.voicemail_drops
    ADD CONSTRAINT voicemail_drops_pkey PRIMARY KEY (id);

CREATE INDEX voicemail_drops_team_idx ON public.voicemail_drops USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.voicemail_drops FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.voicemail_drops
    ADD CONSTRAINT voicemail_drops_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.voicemail_drops
    ADD CONSTRAINT voicemail_drops_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Admins add voicemail drops" ON public.voicemail_drops FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins change voicemail drops" ON public.voicemail_drops FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins delete voicemail drops" ON public.voicemail_drops FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Users see their team's voicemail drops" ON public.voicemail_drops FOR SELECT TO authenticated USING (((team_id IS NULL) OR (team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.voicemail_drops ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.voicemail_drops TO service_role;
GRANT SELECT,DELETE ON TABLE public.voicemail_drops TO authenticated;

GRANT INSERT(id) ON TABLE public.voicemail_drops TO authenticated;

GRANT INSERT(user_id) ON TABLE public.voicemail_drops TO authenticated;

GRANT INSERT(team_id),UPDATE(team_id) ON TABLE public.voicemail_drops TO authenticated;

GRANT INSERT(name),UPDATE(name) ON TABLE public.voicemail_drops TO authenticated;

GRANT INSERT(audio_url),UPDATE(audio_url) ON TABLE public.voicemail_drops TO authenticated;

GRANT INSERT(duration),UPDATE(duration) ON TABLE public.voicemail_drops TO authenticated;

GRANT INSERT(is_active),UPDATE(is_active) ON TABLE public.voicemail_drops TO authenticated;
