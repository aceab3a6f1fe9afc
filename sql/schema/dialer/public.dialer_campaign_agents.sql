CREATE TABLE public.dialer_campaign_agents (
    campaign_id uuid NOT NULL,
    user_id uuid NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE public.dialer_campaign_agents IS 'Agents who dial a campaign besides its owner (they see its contacts and take from its queue).';

COMMENT ON COLUMN public.dialer_campaign_agents.campaign_id IS 'The campaign.';

COMMENT ON COLUMN public.dialer_campaign_agents.user_id IS 'The agent (same team as the campaign).';

COMMENT ON COLUMN public.dialer_campaign_agents.added_at IS 'When the agent was added.';

ALTER TABLE ONLY public.dialer_campaign_agents
    ADD CONSTRAINT dialer_campaign_agents_pkey PRIMARY KEY (campaign_id, user_id);

CREATE INDEX dialer_campaign_agents_user_id_idx ON public.dialer_campaign_agents USING btree (user_id);

CREATE TRIGGER _050_same_team BEFORE INSERT OR UPDATE ON public.dialer_campaign_agents FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_dialer_campaign_agents__same_team();

ALTER TABLE ONLY public.dialer_campaign_agents
    ADD CONSTRAINT dialer_campaign_agents_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.dialer_campaigns(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.dialer_campaign_agents
    ADD CONSTRAINT dialer_campaign_agents_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Owners and managers add agents" ON public.dialer_campaign_agents FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.can_manage_campaign(dialer_campaign_agents.campaign_id) AS can_manage_campaign));

CREATE POLICY "Owners and managers remove agents" ON public.dialer_campaign_agents FOR DELETE TO authenticated USING (( SELECT dialbridge.can_manage_campaign(dialer_campaign_agents.campaign_id) AS can_manage_campaign));

CREATE POLICY "Users see the agents of campaigns they see" ON public.dialer_campaign_agents FOR SELECT TO authenticated USING (( SELECT dialbridge.can_see_campaign(dialer_campaign_agents.campaign_id) AS can_see_campaign));

ALTER TABLE public.dialer_campaign_agents ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.dialer_campaign_agents TO service_role;
GRANT SELECT,DELETE ON TABLE public.dialer_campaign_agents TO authenticated;

GRANT INSERT(campaign_id) ON TABLE public.dialer_campaign_agents TO authenticated;

GRANT INSERT(user_id) ON TABLE public.dialer_campaign_agents TO authenticated;
