CREATE TABLE public.voipstudio_credentials (
    user_id uuid NOT NULL,
    voipstudio_user_id text NOT NULL,
    api_token text,
    has_api_token boolean GENERATED ALWAYS AS ((api_token IS NOT NULL)) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    token_stored_at timestamp with time zone
);

COMMENT ON TABLE public.voipstudio_credentials IS 'Per-rep VoIPStudio credentials: the user id that places click-to-call calls (from) and a long-lived API token (POST /apitokens). The token is readable by the service role only.';

COMMENT ON COLUMN public.voipstudio_credentials.user_id IS 'The rep.';

COMMENT ON COLUMN public.voipstudio_credentials.voipstudio_user_id IS 'The rep''s VoIPStudio user id (POST /calls "from"; identifies the agent in webhooks).';

COMMENT ON COLUMN public.voipstudio_credentials.api_token IS 'VoIPStudio API token (X-Auth-Token): write the token here; what stays is the marker ''[encrypted]'' — the token is kept encrypted in dialbridge.credential_secrets (Supabase Vault where installed) and read by the service role through dialbridge.voipstudio_credentials_of.';

COMMENT ON COLUMN public.voipstudio_credentials.has_api_token IS 'Whether a token is stored (what the settings screen shows).';

COMMENT ON COLUMN public.voipstudio_credentials.created_at IS 'When the row was created.';

COMMENT ON COLUMN public.voipstudio_credentials.updated_at IS 'When it last changed.';

COMMENT ON COLUMN public.voipstudio_credentials.token_stored_at IS 'When the current API token was stored (its age: tokens older than 90 days are listed for rotation in reports.credential_rotation).';

ALTER TABLE ONLY public.voipstudio_credentials
    ADD CONSTRAINT voipstudio_credentials_pkey PRIMARY KEY (user_id);

ALTER TABLE ONLY public.voipstudio_credentials
    ADD CONSTRAINT voipstudio_credentials_user_key UNIQUE (voipstudio_user_id);

CREATE TRIGGER _050_secrets BEFORE INSERT OR DELETE OR UPDATE ON public.voipstudio_credentials FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_voipstudio_credentials__secrets();

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.voipstudio_credentials FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.voipstudio_credentials
    ADD CONSTRAINT voipstudio_credentials_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Users add their own VoIPStudio settings" ON public.voipstudio_credentials FOR INSERT TO authenticated WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

CREATE POLICY "Users change their own VoIPStudio settings" ON public.voipstudio_credentials FOR UPDATE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

CREATE POLICY "Users remove their own VoIPStudio settings, admins any" ON public.voipstudio_credentials FOR DELETE TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Users see their own VoIPStudio settings, admins all" ON public.voipstudio_credentials FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.voipstudio_credentials ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.voipstudio_credentials TO service_role;
GRANT DELETE ON TABLE public.voipstudio_credentials TO authenticated;

GRANT SELECT(user_id),INSERT(user_id),UPDATE(user_id) ON TABLE public.voipstudio_credentials TO authenticated;

GRANT SELECT(voipstudio_user_id),INSERT(voipstudio_user_id),UPDATE(voipstudio_user_id) ON TABLE public.voipstudio_credentials TO authenticated;

GRANT SELECT(api_token),INSERT(api_token),UPDATE(api_token) ON TABLE public.voipstudio_credentials TO authenticated;

GRANT SELECT(has_api_token) ON TABLE public.voipstudio_credentials TO authenticated;

GRANT SELECT(created_at) ON TABLE public.voipstudio_credentials TO authenticated;

GRANT SELECT(updated_at) ON TABLE public.voipstudio_credentials TO authenticated;

GRANT SELECT(token_stored_at) ON TABLE public.voipstudio_credentials TO authenticated;
