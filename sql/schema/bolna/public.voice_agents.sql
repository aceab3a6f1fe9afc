CREATE TABLE public.voice_agents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    bolna_agent_id text NOT NULL,
    name text DEFAULT 'Voice agent'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT voice_agents_bolna_agent_id_check CHECK (((length(btrim(bolna_agent_id)) >= 1) AND (length(btrim(bolna_agent_id)) <= 200))),
    CONSTRAINT voice_agents_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200)))
);

COMMENT ON TABLE public.voice_agents IS 'Bolna.ai voice agents (seed 004): which user owns the calls an agent makes (Bolna''s agent_id → user).';

COMMENT ON COLUMN public.voice_agents.id IS 'Agent id (uuid).';

COMMENT ON COLUMN public.voice_agents.user_id IS 'The user whose agent it is: their calls, credits and analyses.';

COMMENT ON COLUMN public.voice_agents.bolna_agent_id IS 'Bolna''s agent_id, as its webhooks send it.';

COMMENT ON COLUMN public.voice_agents.name IS 'A name for the agent.';

COMMENT ON COLUMN public.voice_agents.created_at IS 'When the agent was registered.';

COMMENT ON COLUMN public.voice_agents.updated_at IS 'When the row last changed.';

ALTER TABLE ONLY public.voice_agents
    ADD CONSTRAINT voice_agents_bolna_agent_id_key UNIQUE (bolna_agent_id);

ALTER TABLE ONLY public.voice_agents
    ADD CONSTRAINT voice_agents_pkey PRIMARY KEY (id);

CREATE INDEX voice_agents_user_idx ON public.voice_agents USING btree (user_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.voice_agents FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.voice_agents
    ADD CONSTRAINT voice_agents_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Admins change agents" ON public.voice_agents FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins register agents" ON public.voice_agents FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins remove agents" ON public.voice_agents FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Users see their own agents" ON public.voice_agents FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.voice_agents ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.voice_agents TO service_role;
GRANT SELECT,DELETE ON TABLE public.voice_agents TO authenticated;

GRANT INSERT(user_id) ON TABLE public.voice_agents TO authenticated;

GRANT INSERT(bolna_agent_id) ON TABLE public.voice_agents TO authenticated;

GRANT INSERT(name),UPDATE(name) ON TABLE public.voice_agents TO authenticated;
