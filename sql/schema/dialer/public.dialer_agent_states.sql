CREATE TABLE public.dialer_agent_states (
    user_id uuid NOT NULL,
    state text DEFAULT 'offline'::text NOT NULL,
    campaign_id uuid,
    current_call_id uuid,
    since timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT dialer_agent_states_state_check CHECK ((state = ANY (ARRAY['offline'::text, 'available'::text, 'paused'::text, 'ringing'::text, 'on_call'::text, 'wrap_up'::text])))
);

COMMENT ON TABLE public.dialer_agent_states IS 'Each agent''s availability for power dialing: set by the agent (public.set_agent_availability: available, paused, offline) and by VoIPStudio''s events (ringing, on_call, wrap_up; the latest event wins).';

COMMENT ON COLUMN public.dialer_agent_states.user_id IS 'The agent.';

COMMENT ON COLUMN public.dialer_agent_states.state IS 'offline, available, paused, ringing, on_call, wrap_up.';

COMMENT ON COLUMN public.dialer_agent_states.campaign_id IS 'The campaign the agent is dialing.';

COMMENT ON COLUMN public.dialer_agent_states.current_call_id IS 'The call the agent is on.';

COMMENT ON COLUMN public.dialer_agent_states.since IS 'When the state began (events older than this do not change it).';

COMMENT ON COLUMN public.dialer_agent_states.updated_at IS 'When the row last changed.';

ALTER TABLE ONLY public.dialer_agent_states
    ADD CONSTRAINT dialer_agent_states_pkey PRIMARY KEY (user_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.dialer_agent_states FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

CREATE TRIGGER _900_queue_power_dial AFTER INSERT OR UPDATE OF state, campaign_id ON public.dialer_agent_states FOR EACH ROW WHEN (((new.state = 'available'::text) AND (new.campaign_id IS NOT NULL))) EXECUTE FUNCTION dialbridge.tg_dialer_agent_states__queue_power_dial();

ALTER TABLE ONLY public.dialer_agent_states
    ADD CONSTRAINT dialer_agent_states_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.dialer_campaigns(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.dialer_agent_states
    ADD CONSTRAINT dialer_agent_states_current_call_id_fkey FOREIGN KEY (current_call_id) REFERENCES public.call_logs(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.dialer_agent_states
    ADD CONSTRAINT dialer_agent_states_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

CREATE POLICY "Users see their own state, managers their team's" ON public.dialer_agent_states FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin) OR ((( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text) AND (EXISTS ( SELECT 1
   FROM public.profiles p
  WHERE ((p.id = dialer_agent_states.user_id) AND (p.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id))))))));

ALTER TABLE public.dialer_agent_states ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.dialer_agent_states TO service_role;
GRANT SELECT ON TABLE public.dialer_agent_states TO authenticated;
