CREATE TABLE public.phoneburner_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    phoneburner_session_id text NOT NULL,
    session_external_url text,
    session_name text NOT NULL,
    session_description text,
    session_type text,
    contact_type text,
    target_industry text,
    target_geography text,
    total_contacts_added integer DEFAULT 0 NOT NULL,
    total_contacts_active integer DEFAULT 0 NOT NULL,
    total_contacts_completed integer DEFAULT 0 NOT NULL,
    total_dials integer DEFAULT 0 NOT NULL,
    total_connections integer DEFAULT 0 NOT NULL,
    total_decision_maker_conversations integer DEFAULT 0 NOT NULL,
    total_gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    total_voicemails_left integer DEFAULT 0 NOT NULL,
    total_no_answers integer DEFAULT 0 NOT NULL,
    total_call_time_seconds integer DEFAULT 0 NOT NULL,
    total_talk_time_seconds integer DEFAULT 0 NOT NULL,
    average_talk_time_seconds integer,
    total_qualified_leads integer DEFAULT 0 NOT NULL,
    total_meetings_scheduled integer DEFAULT 0 NOT NULL,
    total_disqualified integer DEFAULT 0 NOT NULL,
    total_callbacks_scheduled integer DEFAULT 0 NOT NULL,
    connection_rate_percentage numeric(5,2),
    qualification_rate_percentage numeric(5,2),
    session_status text DEFAULT 'active'::text NOT NULL,
    started_at timestamp with time zone,
    last_activity_at timestamp with time zone,
    completed_at timestamp with time zone,
    created_by_user_id uuid,
    team_id uuid,
    is_shared boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT phoneburner_sessions_contact_type_check CHECK ((contact_type = ANY (ARRAY['buyer'::text, 'seller'::text, 'mixed'::text]))),
    CONSTRAINT phoneburner_sessions_counters_check CHECK (((total_dials >= 0) AND (total_connections >= 0) AND (total_connections <= total_dials) AND (total_contacts_added >= 0) AND (total_call_time_seconds >= 0) AND (total_talk_time_seconds >= 0))),
    CONSTRAINT phoneburner_sessions_session_status_check CHECK ((session_status = ANY (ARRAY['active'::text, 'paused'::text, 'completed'::text, 'archived'::text]))),
    CONSTRAINT phoneburner_sessions_session_type_check CHECK ((session_type = ANY (ARRAY['buyer_outreach'::text, 'seller_prospecting'::text, 'callback_followup'::text, 'reactivation'::text])))
);

COMMENT ON TABLE public.phoneburner_sessions IS 'PhoneBurner dial sessions with counters and rates maintained as calls are recorded (one call counted once).';

COMMENT ON COLUMN public.phoneburner_sessions.id IS 'Session id (uuid).';

COMMENT ON COLUMN public.phoneburner_sessions.phoneburner_session_id IS 'PhoneBurner''s dial session id (ds_id).';

COMMENT ON COLUMN public.phoneburner_sessions.session_external_url IS 'Link that opens the session in PhoneBurner.';

COMMENT ON COLUMN public.phoneburner_sessions.session_name IS 'Session name, e.g. "Buyers - PE Firm - Feb 2026".';

COMMENT ON COLUMN public.phoneburner_sessions.session_description IS 'Free-text description.';

COMMENT ON COLUMN public.phoneburner_sessions.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

COMMENT ON COLUMN public.phoneburner_sessions.contact_type IS 'buyer, seller or mixed.';

COMMENT ON COLUMN public.phoneburner_sessions.target_industry IS 'Industry the list was filtered on.';

COMMENT ON COLUMN public.phoneburner_sessions.target_geography IS 'Geography the list was filtered on.';

COMMENT ON COLUMN public.phoneburner_sessions.total_contacts_added IS 'Contacts ever added to the session.';

COMMENT ON COLUMN public.phoneburner_sessions.total_contacts_active IS 'Contacts not yet called or completed.';

COMMENT ON COLUMN public.phoneburner_sessions.total_contacts_completed IS 'Contacts with a final disposition.';

COMMENT ON COLUMN public.phoneburner_sessions.total_dials IS 'Calls made in the session.';

COMMENT ON COLUMN public.phoneburner_sessions.total_connections IS 'Calls answered by a person.';

COMMENT ON COLUMN public.phoneburner_sessions.total_decision_maker_conversations IS 'Calls answered by the decision maker.';

COMMENT ON COLUMN public.phoneburner_sessions.total_gatekeeper_conversations IS 'Calls answered by a gatekeeper.';

COMMENT ON COLUMN public.phoneburner_sessions.total_voicemails_left IS 'Calls that reached voicemail.';

COMMENT ON COLUMN public.phoneburner_sessions.total_no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN public.phoneburner_sessions.total_call_time_seconds IS 'Time on calls including ringing, seconds.';

COMMENT ON COLUMN public.phoneburner_sessions.total_talk_time_seconds IS 'Conversation time, seconds.';

COMMENT ON COLUMN public.phoneburner_sessions.average_talk_time_seconds IS 'total_talk_time_seconds / total_connections.';

COMMENT ON COLUMN public.phoneburner_sessions.total_qualified_leads IS 'Calls dispositioned as qualified (status Qualified).';

COMMENT ON COLUMN public.phoneburner_sessions.total_meetings_scheduled IS 'Calls dispositioned as meeting set.';

COMMENT ON COLUMN public.phoneburner_sessions.total_disqualified IS 'Calls dispositioned as disqualified.';

COMMENT ON COLUMN public.phoneburner_sessions.total_callbacks_scheduled IS 'Callbacks scheduled from the session''s calls.';

COMMENT ON COLUMN public.phoneburner_sessions.connection_rate_percentage IS 'total_connections / total_dials × 100.';

COMMENT ON COLUMN public.phoneburner_sessions.qualification_rate_percentage IS 'total_qualified_leads / total_connections × 100.';

COMMENT ON COLUMN public.phoneburner_sessions.session_status IS 'active, paused, completed or archived.';

COMMENT ON COLUMN public.phoneburner_sessions.started_at IS 'First dial in the session.';

COMMENT ON COLUMN public.phoneburner_sessions.last_activity_at IS 'Most recent call or disposition.';

COMMENT ON COLUMN public.phoneburner_sessions.completed_at IS 'When the session was marked complete.';

COMMENT ON COLUMN public.phoneburner_sessions.created_by_user_id IS 'Rep who created the session.';

COMMENT ON COLUMN public.phoneburner_sessions.team_id IS 'Team the session belongs to.';

COMMENT ON COLUMN public.phoneburner_sessions.is_shared IS 'Shared across the team.';

COMMENT ON COLUMN public.phoneburner_sessions.created_at IS 'When the session was created.';

COMMENT ON COLUMN public.phoneburner_sessions.updated_at IS 'When the session last changed.';

COMMENT ON COLUMN public.phoneburner_sessions.deleted_at IS 'Soft delete (the session and its calls are kept for reports).';

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_phoneburner_session_id_key UNIQUE (phoneburner_session_id);

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_pkey PRIMARY KEY (id);

CREATE INDEX phoneburner_sessions_created_by_idx ON public.phoneburner_sessions USING btree (created_by_user_id);

CREATE INDEX phoneburner_sessions_last_activity_idx ON public.phoneburner_sessions USING btree (last_activity_at DESC);

CREATE INDEX phoneburner_sessions_team_id_idx ON public.phoneburner_sessions USING btree (team_id, session_status, last_activity_at DESC);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_sessions FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

CREATE TRIGGER _960_queue_rematch AFTER UPDATE OF phoneburner_session_id ON public.phoneburner_sessions FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg__queue_rematch();

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_sessions
    ADD CONSTRAINT phoneburner_sessions_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Managers delete their team's sessions" ON public.phoneburner_sessions FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps create sessions for their team" ON public.phoneburner_sessions FOR INSERT TO authenticated WITH CHECK ((( SELECT dialbridge.is_admin() AS is_admin) OR ((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ((created_by_user_id IS NULL) OR (created_by_user_id = ( SELECT auth.uid() AS uid))))));

CREATE POLICY "Reps edit their team's sessions" ON public.phoneburner_sessions FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps see their team's sessions" ON public.phoneburner_sessions FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.phoneburner_sessions ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_sessions TO service_role;
GRANT SELECT,DELETE ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(phoneburner_session_id) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(session_name),UPDATE(session_name) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(session_description),UPDATE(session_description) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(session_type),UPDATE(session_type) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(contact_type) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(target_industry) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(target_geography) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(session_status),UPDATE(session_status) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT UPDATE(completed_at) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(created_by_user_id) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(team_id) ON TABLE public.phoneburner_sessions TO authenticated;

GRANT INSERT(is_shared),UPDATE(is_shared) ON TABLE public.phoneburner_sessions TO authenticated;
