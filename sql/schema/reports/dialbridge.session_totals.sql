CREATE TABLE dialbridge.session_totals (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    decision_maker_conversations integer DEFAULT 0 NOT NULL,
    gatekeeper_conversations integer DEFAULT 0 NOT NULL,
    voicemails integer DEFAULT 0 NOT NULL,
    no_answers integer DEFAULT 0 NOT NULL,
    talk_time_seconds bigint DEFAULT 0 NOT NULL,
    call_duration_seconds bigint DEFAULT 0 NOT NULL,
    dispositioned_calls integer DEFAULT 0 NOT NULL,
    callbacks_scheduled integer DEFAULT 0 NOT NULL,
    qualified integer DEFAULT 0 NOT NULL,
    nurture integer DEFAULT 0 NOT NULL,
    disqualified integer DEFAULT 0 NOT NULL,
    suppressed integer DEFAULT 0 NOT NULL,
    other_dispositions integer DEFAULT 0 NOT NULL,
    unmapped_dispositions integer DEFAULT 0 NOT NULL,
    meetings integer DEFAULT 0 NOT NULL,
    contacts_dialed integer DEFAULT 0 NOT NULL,
    contacts_connected integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.session_totals IS 'Roll-up per dial session with dispositions classified and distinct contacts dialed/connected; what the session and campaign reports read.';

COMMENT ON COLUMN dialbridge.session_totals.calls IS 'Calls (one row per call in contact_activities).';

COMMENT ON COLUMN dialbridge.session_totals.connections IS 'Calls answered by a person.';

COMMENT ON COLUMN dialbridge.session_totals.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN dialbridge.session_totals.gatekeeper_conversations IS 'Connections with a gatekeeper.';

COMMENT ON COLUMN dialbridge.session_totals.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN dialbridge.session_totals.no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN dialbridge.session_totals.talk_time_seconds IS 'Conversation time, seconds.';

COMMENT ON COLUMN dialbridge.session_totals.call_duration_seconds IS 'Call time including ringing, seconds.';

COMMENT ON COLUMN dialbridge.session_totals.dispositioned_calls IS 'Calls with a disposition.';

COMMENT ON COLUMN dialbridge.session_totals.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

COMMENT ON COLUMN dialbridge.session_totals.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN dialbridge.session_totals.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

COMMENT ON COLUMN dialbridge.session_totals.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

COMMENT ON COLUMN dialbridge.session_totals.suppressed IS 'Calls dispositioned with SourceCo status Suppressed.';

COMMENT ON COLUMN dialbridge.session_totals.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

COMMENT ON COLUMN dialbridge.session_totals.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

COMMENT ON COLUMN dialbridge.session_totals.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN dialbridge.session_totals.contacts_dialed IS 'Distinct contacts called at least once in the session.';

COMMENT ON COLUMN dialbridge.session_totals.contacts_connected IS 'Distinct contacts reached (a connected call) in the session.';

ALTER TABLE dialbridge.session_totals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.session_totals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.session_totals
    ADD CONSTRAINT session_totals_key UNIQUE NULLS NOT DISTINCT (session_id, team_id);

ALTER TABLE ONLY dialbridge.session_totals
    ADD CONSTRAINT session_totals_pkey PRIMARY KEY (id);

CREATE INDEX session_totals_team_idx ON dialbridge.session_totals USING btree (team_id);

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.session_totals FOR SELECT TO dialbridge_metabase USING (true);

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.session_totals FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE dialbridge.session_totals ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.session_totals TO authenticated;
GRANT SELECT ON TABLE dialbridge.session_totals TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.session_totals TO service_role;
