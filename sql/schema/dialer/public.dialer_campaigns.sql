CREATE TABLE public.dialer_campaigns (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid DEFAULT auth.uid() NOT NULL,
    team_id uuid,
    name text NOT NULL,
    description text,
    type text DEFAULT 'power'::text NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    caller_id text,
    script text,
    max_attempts integer DEFAULT 3 NOT NULL,
    retry_interval integer DEFAULT 3600 NOT NULL,
    active_hours jsonb DEFAULT '{"end": "17:00", "start": "09:00"}'::jsonb NOT NULL,
    timezone text DEFAULT 'America/New_York'::text NOT NULL,
    reservation_timeout_seconds integer DEFAULT 120 NOT NULL,
    voicemail_drop_id uuid,
    stats jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    max_lines integer DEFAULT 20 NOT NULL,
    safe_harbor_drop_id uuid,
    abandon_cooldown_seconds integer DEFAULT 259200 NOT NULL,
    dial_queue text,
    CONSTRAINT dialer_campaigns_abandon_cooldown_check CHECK (((abandon_cooldown_seconds >= 0) AND (abandon_cooldown_seconds <= 2592000))),
    CONSTRAINT dialer_campaigns_active_hours_check CHECK (((jsonb_typeof(active_hours) = 'object'::text) AND ((NOT (active_hours ? 'start'::text)) OR ((active_hours ->> 'start'::text) ~ '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$'::text)) AND ((NOT (active_hours ? 'end'::text)) OR ((active_hours ->> 'end'::text) ~ '^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00)$'::text)) AND ((NOT ((active_hours ? 'start'::text) AND (active_hours ? 'end'::text))) OR ((active_hours ->> 'start'::text) < (active_hours ->> 'end'::text))) AND ((NOT (active_hours ? 'days'::text)) OR ((jsonb_typeof((active_hours -> 'days'::text)) = 'array'::text) AND ((active_hours -> 'days'::text) <@ '["mon", "tue", "wed", "thu", "fri", "sat", "sun"]'::jsonb))))),
    CONSTRAINT dialer_campaigns_dial_queue_check CHECK (((dial_queue IS NULL) OR ((length(btrim(dial_queue)) >= 1) AND (length(btrim(dial_queue)) <= 64)))),
    CONSTRAINT dialer_campaigns_max_attempts_check CHECK (((max_attempts >= 1) AND (max_attempts <= 50))),
    CONSTRAINT dialer_campaigns_max_lines_check CHECK (((max_lines >= 1) AND (max_lines <= 200))),
    CONSTRAINT dialer_campaigns_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT dialer_campaigns_reservation_timeout_check CHECK (((reservation_timeout_seconds >= 10) AND (reservation_timeout_seconds <= 3600))),
    CONSTRAINT dialer_campaigns_retry_interval_check CHECK (((retry_interval >= 0) AND (retry_interval <= 31536000))),
    CONSTRAINT dialer_campaigns_stats_check CHECK ((jsonb_typeof(stats) = 'object'::text)),
    CONSTRAINT dialer_campaigns_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'active'::text, 'paused'::text, 'completed'::text, 'archived'::text]))),
    CONSTRAINT dialer_campaigns_type_check CHECK ((type = ANY (ARRAY['manual'::text, 'preview'::text, 'power'::text, 'predictive'::text])))
);

COMMENT ON TABLE public.dialer_campaigns IS 'Dialer campaigns (seed 003): a list of contacts dialed in one mode (manual, preview, power, predictive) by its owner and its agents, with retries, active hours and a script. stats is maintained by dialbridge.update_campaign_stats.';

COMMENT ON COLUMN public.dialer_campaigns.id IS 'Campaign id (uuid).';

COMMENT ON COLUMN public.dialer_campaigns.user_id IS 'The campaign''s owner (a rep, manager or admin).';

COMMENT ON COLUMN public.dialer_campaigns.team_id IS 'The owner''s team (set from the owner): managers of the team manage it.';

COMMENT ON COLUMN public.dialer_campaigns.name IS 'Campaign name.';

COMMENT ON COLUMN public.dialer_campaigns.description IS 'What the campaign is for.';

COMMENT ON COLUMN public.dialer_campaigns.type IS 'Dialing mode: manual (click-to-call), preview (reserve, show, confirm or skip), power (next call when the agent is free), predictive (paced; queues like power).';

COMMENT ON COLUMN public.dialer_campaigns.status IS 'draft, active (the queue serves it), paused, completed, archived.';

COMMENT ON COLUMN public.dialer_campaigns.caller_id IS 'Outbound caller id (E.164) sent to VoIPStudio; dropped when VoIPStudio answers "No CLI prefix set".';

COMMENT ON COLUMN public.dialer_campaigns.script IS 'The agent''s call script.';

COMMENT ON COLUMN public.dialer_campaigns.max_attempts IS 'Calls per contact at most (answered or not).';

COMMENT ON COLUMN public.dialer_campaigns.retry_interval IS 'Seconds between a failed attempt and the next.';

COMMENT ON COLUMN public.dialer_campaigns.active_hours IS 'When to call, in the called party''s local time: {"start": "09:00", "end": "17:00", "days": ["mon", …] (optional)}. The legal window applies on top.';

COMMENT ON COLUMN public.dialer_campaigns.timezone IS 'The campaign''s zone: used for called parties whose zone cannot be told, and for the queue''s "until HH:MM".';

COMMENT ON COLUMN public.dialer_campaigns.reservation_timeout_seconds IS 'How long a contact handed to an agent stays reserved without a call before it returns to the queue.';

COMMENT ON COLUMN public.dialer_campaigns.voicemail_drop_id IS 'The voicemail drop agents use on this campaign by default.';

COMMENT ON COLUMN public.dialer_campaigns.stats IS 'Maintained counts: total, pending, calling, completed, failed, do_not_call, callback, exhausted, attempts, calls, answered, talk_seconds.';

COMMENT ON COLUMN public.dialer_campaigns.created_at IS 'When the campaign was created.';

COMMENT ON COLUMN public.dialer_campaigns.updated_at IS 'When it last changed.';

COMMENT ON COLUMN public.dialer_campaigns.max_lines IS 'Predictive mode: never more lines ringing at once than this.';

COMMENT ON COLUMN public.dialer_campaigns.safe_harbor_drop_id IS 'Predictive mode: the identifying message with an opt-out played to a person no rep reached within 2 s (a voicemail drop).';

COMMENT ON COLUMN public.dialer_campaigns.abandon_cooldown_seconds IS 'Predictive mode: a contact whose call was abandoned is not called by a predictive campaign again before this many seconds (72 hours by default).';

COMMENT ON COLUMN public.dialer_campaigns.dial_queue IS 'Predictive mode: the VoIPStudio call queue (its id or extension) whose members take the answered calls; the pacer dials nothing without one.';

ALTER TABLE ONLY public.dialer_campaigns
    ADD CONSTRAINT dialer_campaigns_pkey PRIMARY KEY (id);

CREATE INDEX dialer_campaigns_team_id_idx ON public.dialer_campaigns USING btree (team_id);

CREATE INDEX dialer_campaigns_user_id_idx ON public.dialer_campaigns USING btree (user_id);

CREATE TRIGGER _050_defaults BEFORE INSERT OR UPDATE OF user_id, timezone, name ON public.dialer_campaigns FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_dialer_campaigns__defaults();

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.dialer_campaigns FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

ALTER TABLE ONLY public.dialer_campaigns
    ADD CONSTRAINT dialer_campaigns_safe_harbor_drop_id_fkey FOREIGN KEY (safe_harbor_drop_id) REFERENCES public.voicemail_drops(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.dialer_campaigns
    ADD CONSTRAINT dialer_campaigns_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.dialer_campaigns
    ADD CONSTRAINT dialer_campaigns_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.dialer_campaigns
    ADD CONSTRAINT dialer_campaigns_voicemail_drop_id_fkey FOREIGN KEY (voicemail_drop_id) REFERENCES public.voicemail_drops(id) ON DELETE SET NULL;

CREATE POLICY "Owners and managers change campaigns" ON public.dialer_campaigns FOR UPDATE TO authenticated USING (( SELECT dialbridge.can_manage_campaign(dialer_campaigns.id) AS can_manage_campaign)) WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin) OR (EXISTS ( SELECT 1
   FROM public.profiles p
  WHERE ((p.id = dialer_campaigns.user_id) AND (p.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND (( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text))))));

CREATE POLICY "Owners and managers delete campaigns" ON public.dialer_campaigns FOR DELETE TO authenticated USING (( SELECT dialbridge.can_manage_campaign(dialer_campaigns.id) AS can_manage_campaign));

CREATE POLICY "Users create their own campaigns" ON public.dialer_campaigns FOR INSERT TO authenticated WITH CHECK ((((user_id = ( SELECT auth.uid() AS uid)) AND (( SELECT dialbridge.current_team_id() AS current_team_id) IS NOT NULL)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Users see the campaigns they own, dial or manage" ON public.dialer_campaigns FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND (( SELECT dialbridge.current_app_role() AS current_app_role) = 'manager'::text)) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_campaign_agent(dialer_campaigns.id) AS is_campaign_agent))));

ALTER TABLE public.dialer_campaigns ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.dialer_campaigns TO service_role;
GRANT SELECT,DELETE ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(id) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(user_id),UPDATE(user_id) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(name),UPDATE(name) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(description),UPDATE(description) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(type),UPDATE(type) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(status),UPDATE(status) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(caller_id),UPDATE(caller_id) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(script),UPDATE(script) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(max_attempts),UPDATE(max_attempts) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(retry_interval),UPDATE(retry_interval) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(active_hours),UPDATE(active_hours) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(timezone),UPDATE(timezone) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(reservation_timeout_seconds),UPDATE(reservation_timeout_seconds) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(voicemail_drop_id),UPDATE(voicemail_drop_id) ON TABLE public.dialer_campaigns TO authenticated;

GRANT INSERT(dial_queue),UPDATE(dial_queue) ON TABLE public.dialer_campaigns TO authenticated;
