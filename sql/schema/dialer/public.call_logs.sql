CREATE TABLE public.call_logs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid,
    team_id uuid,
    call_id text,
    direction text DEFAULT 'outbound'::text NOT NULL,
    from_number text,
    to_number text,
    status text DEFAULT 'initiated'::text NOT NULL,
    duration integer,
    recording_url text,
    notes text,
    lead_id uuid,
    campaign_id uuid,
    campaign_contact_id uuid,
    contact_id uuid,
    contact_activity_id uuid,
    provider text DEFAULT 'voipstudio'::text NOT NULL,
    error text,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    started_at timestamp with time zone,
    answered_at timestamp with time zone,
    ended_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    answered_by text,
    abandoned boolean DEFAULT false NOT NULL,
    abandoned_at timestamp with time zone,
    safe_harbor_drop_id uuid,
    origination text DEFAULT 'agent_first'::text NOT NULL,
    agent_connected_at timestamp with time zone,
    CONSTRAINT call_logs_abandoned_check CHECK (((NOT abandoned) OR ((abandoned_at IS NOT NULL) AND (answered_at IS NOT NULL) AND (answered_by = 'human'::text)))),
    CONSTRAINT call_logs_answered_by_check CHECK ((answered_by = ANY (ARRAY['human'::text, 'machine'::text]))),
    CONSTRAINT call_logs_direction_check CHECK ((direction = ANY (ARRAY['inbound'::text, 'outbound'::text]))),
    CONSTRAINT call_logs_duration_check CHECK (((duration IS NULL) OR (duration >= 0))),
    CONSTRAINT call_logs_origination_check CHECK ((origination = ANY (ARRAY['agent_first'::text, 'contact_first'::text]))),
    CONSTRAINT call_logs_status_check CHECK ((status = ANY (ARRAY['initiated'::text, 'ringing'::text, 'answered'::text, 'completed'::text, 'failed'::text, 'busy'::text, 'no-answer'::text, 'canceled'::text])))
);

COMMENT ON TABLE public.call_logs IS 'Every VoIPStudio call (seed 003): written before the click-to-call request is sent (status initiated), then derived from VoIPStudio''s webhooks (dialbridge.voipstudio_sync_call_logs). Its activity is contact_activities.';

COMMENT ON COLUMN public.call_logs.id IS 'Call log id (uuid).';

COMMENT ON COLUMN public.call_logs.user_id IS 'The rep who made or took the call.';

COMMENT ON COLUMN public.call_logs.team_id IS 'The rep''s team (or the contact''s).';

COMMENT ON COLUMN public.call_logs.call_id IS 'VoIPStudio''s call id (the root call id of its legs).';

COMMENT ON COLUMN public.call_logs.direction IS 'inbound or outbound.';

COMMENT ON COLUMN public.call_logs.from_number IS 'Calling number (E.164).';

COMMENT ON COLUMN public.call_logs.to_number IS 'Called number (E.164).';

COMMENT ON COLUMN public.call_logs.status IS 'initiated, ringing, answered, completed, failed, busy, no-answer, canceled.';

COMMENT ON COLUMN public.call_logs.duration IS 'Seconds of the call (VoIPStudio''s duration of the final leg).';

COMMENT ON COLUMN public.call_logs.recording_url IS 'URL of the call''s recording (see call_recordings).';

COMMENT ON COLUMN public.call_logs.notes IS 'The agent''s notes.';

COMMENT ON COLUMN public.call_logs.lead_id IS 'Optional reference to a CRM lead (seed 003; free uuid).';

COMMENT ON COLUMN public.call_logs.campaign_id IS 'The campaign the call was made for.';

COMMENT ON COLUMN public.call_logs.campaign_contact_id IS 'The campaign contact it dialed.';

COMMENT ON COLUMN public.call_logs.contact_id IS 'The platform contact (public.contacts) called.';

COMMENT ON COLUMN public.call_logs.contact_activity_id IS 'The call''s contact_activities row.';

COMMENT ON COLUMN public.call_logs.provider IS 'The dialer (voipstudio).';

COMMENT ON COLUMN public.call_logs.error IS 'Why the call could not be placed (softphone offline, rate limited, …).';

COMMENT ON COLUMN public.call_logs.metadata IS 'JSON metadata (the request''s, plus legs seen and VoIPStudio''s last state).';

COMMENT ON COLUMN public.call_logs.started_at IS 'When the call started ringing.';

COMMENT ON COLUMN public.call_logs.answered_at IS 'When the called party answered.';

COMMENT ON COLUMN public.call_logs.ended_at IS 'When it ended.';

COMMENT ON COLUMN public.call_logs.created_at IS 'When the row was written.';

COMMENT ON COLUMN public.call_logs.updated_at IS 'When it last changed.';

COMMENT ON COLUMN public.call_logs.answered_by IS 'Who answered: human or machine (answering-machine detection); null: not answered or not known.';

COMMENT ON COLUMN public.call_logs.abandoned IS 'A person answered and no rep reached them within 2 s (47 CFR 64.1200(a)(7)): counts against the campaign''s 3 % cap.';

COMMENT ON COLUMN public.call_logs.abandoned_at IS 'When the call was given up on (the safe-harbor message then played).';

COMMENT ON COLUMN public.call_logs.safe_harbor_drop_id IS 'The identifying message with an opt-out played to the abandoned call.';

COMMENT ON COLUMN public.call_logs.origination IS 'agent_first: click-to-call and power dialing (VoIPStudio rings the rep, then the number); contact_first: predictive (the number first, bridged by the campaign''s call queue to a free rep).';

COMMENT ON COLUMN public.call_logs.agent_connected_at IS 'Contact-first calls: when the call queue bridged a rep to the answered party (more than 2 s after a person answered, or never: abandoned).';

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_call_id_key UNIQUE (provider, call_id);

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_pkey PRIMARY KEY (id);

CREATE INDEX call_logs_abandoned_contact_idx ON public.call_logs USING btree (contact_id, abandoned_at) WHERE abandoned;

CREATE INDEX call_logs_campaign_contact_idx ON public.call_logs USING btree (campaign_contact_id);

CREATE INDEX call_logs_campaign_idx ON public.call_logs USING btree (campaign_id);

CREATE INDEX call_logs_contact_idx ON public.call_logs USING btree (contact_id);

CREATE INDEX call_logs_lines_idx ON public.call_logs USING btree (campaign_id, created_at) WHERE ((origination = 'contact_first'::text) AND (status = ANY (ARRAY['initiated'::text, 'ringing'::text])));

CREATE INDEX call_logs_team_idx ON public.call_logs USING btree (team_id);

CREATE INDEX idx_call_logs_call_id ON public.call_logs USING btree (call_id);

CREATE INDEX idx_call_logs_started_at ON public.call_logs USING btree (started_at);

CREATE INDEX idx_call_logs_status ON public.call_logs USING btree (status);

CREATE INDEX idx_call_logs_user_id ON public.call_logs USING btree (user_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.call_logs FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

CREATE TRIGGER _900_refresh_delete AFTER DELETE ON public.call_logs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts();

CREATE TRIGGER _900_refresh_insert AFTER INSERT ON public.call_logs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts();

CREATE TRIGGER _900_refresh_update AFTER UPDATE ON public.call_logs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts();

CREATE TRIGGER _910_call_stats_delete AFTER DELETE ON public.call_logs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_call_logs__call_stats();

CREATE TRIGGER _910_call_stats_insert AFTER INSERT ON public.call_logs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_call_logs__call_stats();

CREATE TRIGGER _910_call_stats_update AFTER UPDATE ON public.call_logs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_call_logs__call_stats();

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_campaign_contact_id_fkey FOREIGN KEY (campaign_contact_id) REFERENCES public.campaign_contacts(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.dialer_campaigns(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_contact_activity_id_fkey FOREIGN KEY (contact_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_safe_harbor_drop_id_fkey FOREIGN KEY (safe_harbor_drop_id) REFERENCES public.voicemail_drops(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.call_logs
    ADD CONSTRAINT call_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Users delete their own calls, managers their team's" ON public.call_logs FOR DELETE TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND (( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text))));

CREATE POLICY "Users log their own calls" ON public.call_logs FOR INSERT TO authenticated WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND ((campaign_id IS NULL) OR ( SELECT dialbridge.can_see_campaign(call_logs.campaign_id) AS can_see_campaign))));

CREATE POLICY "Users see their calls and their campaigns' calls" ON public.call_logs FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND (( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text)) OR ((campaign_id IS NOT NULL) AND ( SELECT dialbridge.can_see_campaign(call_logs.campaign_id) AS can_see_campaign))));

CREATE POLICY "Users update their own calls, managers their team's" ON public.call_logs FOR UPDATE TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND (( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text)))) WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND (( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text))));

ALTER TABLE public.call_logs ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.call_logs TO service_role;
GRANT SELECT,DELETE ON TABLE public.call_logs TO authenticated;

GRANT INSERT(id) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(user_id) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(direction) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(from_number) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(to_number) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(status),UPDATE(status) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(duration),UPDATE(duration) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(recording_url),UPDATE(recording_url) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(notes),UPDATE(notes) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(lead_id) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(campaign_id) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(campaign_contact_id) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(contact_id) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(metadata),UPDATE(metadata) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(started_at) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(answered_at) ON TABLE public.call_logs TO authenticated;

GRANT INSERT(ended_at),UPDATE(ended_at) ON TABLE public.call_logs TO authenticated;
