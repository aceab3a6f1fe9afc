CREATE TABLE dialbridge.rep_day_totals (
    id bigint NOT NULL,
    team_id uuid,
    user_id uuid,
    day date NOT NULL,
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
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.rep_day_totals IS 'Roll-up per team, rep and report day with dispositions classified (reclassified when a mapping changes); what the rep reports read.';

COMMENT ON COLUMN dialbridge.rep_day_totals.day IS 'Report day (reporting time zone).';

COMMENT ON COLUMN dialbridge.rep_day_totals.calls IS 'Calls (one row per call in contact_activities).';

COMMENT ON COLUMN dialbridge.rep_day_totals.connections IS 'Calls answered by a person.';

COMMENT ON COLUMN dialbridge.rep_day_totals.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN dialbridge.rep_day_totals.gatekeeper_conversations IS 'Connections with a gatekeeper.';

COMMENT ON COLUMN dialbridge.rep_day_totals.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN dialbridge.rep_day_totals.no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN dialbridge.rep_day_totals.talk_time_seconds IS 'Conversation time, seconds.';

COMMENT ON COLUMN dialbridge.rep_day_totals.call_duration_seconds IS 'Call time including ringing, seconds.';

COMMENT ON COLUMN dialbridge.rep_day_totals.dispositioned_calls IS 'Calls with a disposition.';

COMMENT ON COLUMN dialbridge.rep_day_totals.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

COMMENT ON COLUMN dialbridge.rep_day_totals.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN dialbridge.rep_day_totals.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

COMMENT ON COLUMN dialbridge.rep_day_totals.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

COMMENT ON COLUMN dialbridge.rep_day_totals.suppressed IS 'Calls dispositioned with SourceCo status Suppressed.';

COMMENT ON COLUMN dialbridge.rep_day_totals.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

COMMENT ON COLUMN dialbridge.rep_day_totals.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

COMMENT ON COLUMN dialbridge.rep_day_totals.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

ALTER TABLE dialbridge.rep_day_totals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.rep_day_totals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.rep_day_totals
    ADD CONSTRAINT rep_day_totals_key UNIQUE NULLS NOT DISTINCT (team_id, user_id, day);

ALTER TABLE ONLY dialbridge.rep_day_totals
    ADD CONSTRAINT rep_day_totals_pkey PRIMARY KEY (id);

CREATE INDEX rep_day_totals_day_idx ON dialbridge.rep_day_totals USING btree (day);

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.rep_day_totals FOR SELECT TO dialbridge_metabase USING (true);

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.rep_day_totals FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE dialbridge.rep_day_totals ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.rep_day_totals TO authenticated;
GRANT SELECT ON TABLE dialbridge.rep_day_totals TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.rep_day_totals TO service_role;
