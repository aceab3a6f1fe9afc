CREATE TABLE dialbridge.session_stats (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    disposition_code text DEFAULT ''::text NOT NULL,
    label_key text DEFAULT ''::text NOT NULL,
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
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.session_stats IS 'Roll-up of contact_activities per dial session and disposition; kept by triggers.';

COMMENT ON COLUMN dialbridge.session_stats.disposition_code IS 'Disposition code, upper-cased ('''' when none).';

COMMENT ON COLUMN dialbridge.session_stats.label_key IS 'Disposition label, normalised (dialbridge.normalize_label; '''' when none).';

COMMENT ON COLUMN dialbridge.session_stats.calls IS 'Calls (one row per call in contact_activities).';

COMMENT ON COLUMN dialbridge.session_stats.connections IS 'Calls answered by a person.';

COMMENT ON COLUMN dialbridge.session_stats.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN dialbridge.session_stats.gatekeeper_conversations IS 'Connections with a gatekeeper.';

COMMENT ON COLUMN dialbridge.session_stats.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN dialbridge.session_stats.no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN dialbridge.session_stats.talk_time_seconds IS 'Conversation time, seconds.';

COMMENT ON COLUMN dialbridge.session_stats.call_duration_seconds IS 'Call time including ringing, seconds.';

COMMENT ON COLUMN dialbridge.session_stats.dispositioned_calls IS 'Calls with a disposition.';

COMMENT ON COLUMN dialbridge.session_stats.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

ALTER TABLE dialbridge.session_stats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.session_stats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.session_stats
    ADD CONSTRAINT session_stats_key UNIQUE NULLS NOT DISTINCT (session_id, team_id, disposition_code, label_key);

ALTER TABLE ONLY dialbridge.session_stats
    ADD CONSTRAINT session_stats_pkey PRIMARY KEY (id);

CREATE INDEX session_stats_team_idx ON dialbridge.session_stats USING btree (team_id);

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.session_stats FOR SELECT TO dialbridge_metabase USING (true);

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.session_stats FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE dialbridge.session_stats ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.session_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.session_stats TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.session_stats TO service_role;
