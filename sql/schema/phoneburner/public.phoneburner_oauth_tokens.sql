CREATE TABLE public.phoneburner_oauth_tokens (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    access_token text,
    refresh_token text,
    expires_at timestamp with time zone,
    display_name text,
    has_access_token boolean GENERATED ALWAYS AS ((access_token IS NOT NULL)) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    is_manual_token boolean DEFAULT false NOT NULL,
    token_type text DEFAULT 'Bearer'::text NOT NULL,
    scope text,
    phoneburner_user_email text,
    phoneburner_user_id text,
    token_stored_at timestamp with time zone
);

COMMENT ON TABLE public.phoneburner_oauth_tokens IS 'Per-rep PhoneBurner tokens. Token columns are readable by the service role only.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.id IS 'Row id (uuid).';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.user_id IS 'The rep the token belongs to (one row per rep).';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.access_token IS 'PhoneBurner access token (OAuth or personal): write the token here; what stays is the marker ''[encrypted]'' — the token itself is kept encrypted in dialbridge.credential_secrets (Supabase Vault where installed) and read by the service role through dialbridge.phoneburner_credentials.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.refresh_token IS 'OAuth refresh token: written here, kept encrypted like access_token (the column shows ''[encrypted]''; '''' or null removes it).';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.expires_at IS 'When the access token expires (null: personal access token, no expiry).';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.display_name IS 'PhoneBurner account name shown in settings.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.has_access_token IS 'Whether a token is set (what the browser may know).';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.created_at IS 'When the token was first stored.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.updated_at IS 'When the token was last replaced.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.is_manual_token IS 'A personal access token pasted by the rep (SourceCo''s settings screen), not an OAuth grant: it does not expire on expires_at.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.token_type IS 'Authorization scheme of the token (Bearer).';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.scope IS 'OAuth scope granted, when known.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.phoneburner_user_email IS 'E-mail of the PhoneBurner account the token belongs to.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.phoneburner_user_id IS 'PhoneBurner user id of the account the token belongs to.';

COMMENT ON COLUMN public.phoneburner_oauth_tokens.token_stored_at IS 'When the current access token was stored (its age: tokens older than 90 days are listed for rotation in reports.credential_rotation).';

ALTER TABLE ONLY public.phoneburner_oauth_tokens
    ADD CONSTRAINT phoneburner_oauth_tokens_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.phoneburner_oauth_tokens
    ADD CONSTRAINT phoneburner_oauth_tokens_user_id_key UNIQUE (user_id);

CREATE TRIGGER _050_secrets BEFORE INSERT OR DELETE OR UPDATE ON public.phoneburner_oauth_tokens FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_phoneburner_oauth_tokens__secrets();

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_oauth_tokens FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.phoneburner_oauth_tokens
    ADD CONSTRAINT phoneburner_oauth_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Reps remove their own token" ON public.phoneburner_oauth_tokens FOR DELETE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

CREATE POLICY "Reps replace their own token" ON public.phoneburner_oauth_tokens FOR UPDATE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

CREATE POLICY "Reps store their own token" ON public.phoneburner_oauth_tokens FOR INSERT TO authenticated WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

CREATE POLICY "Users see whether their own token is set, admins everyone's" ON public.phoneburner_oauth_tokens FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.phoneburner_oauth_tokens ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_oauth_tokens TO service_role;
GRANT DELETE ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(id) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(user_id),INSERT(user_id),UPDATE(user_id) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(access_token),INSERT(access_token),UPDATE(access_token) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(refresh_token),INSERT(refresh_token),UPDATE(refresh_token) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(expires_at),INSERT(expires_at),UPDATE(expires_at) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(display_name),INSERT(display_name),UPDATE(display_name) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(has_access_token) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(created_at) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(updated_at),INSERT(updated_at),UPDATE(updated_at) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(is_manual_token),INSERT(is_manual_token),UPDATE(is_manual_token) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(token_type),INSERT(token_type),UPDATE(token_type) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(scope),INSERT(scope),UPDATE(scope) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(phoneburner_user_email),INSERT(phoneburner_user_email),UPDATE(phoneburner_user_email) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(phoneburner_user_id),INSERT(phoneburner_user_id),UPDATE(phoneburner_user_id) ON TABLE public.phoneburner_oauth_tokens TO authenticated;

GRANT SELECT(token_stored_at) ON TABLE public.phoneburner_oauth_tokens TO authenticated;
