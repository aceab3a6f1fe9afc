CREATE TABLE dialbridge.segment_daily_stats (
    id bigint NOT NULL,
    team_id uuid,
    day date NOT NULL,
    dimension text NOT NULL,
    value text,
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
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT segment_daily_stats_dimension_check CHECK ((dimension = ANY (ARRAY['contact_type'::text, 'list_source'::text, 'industry'::text, 'geography'::text])))
);

COMMENT ON TABLE dialbridge.segment_daily_stats IS 'Roll-up of contact_activities per team, report day, contact segment dimension/value and disposition; kept by triggers on contact_activities and contacts.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.dimension IS 'contact_type, list_source, industry or geography (state, else country).';

COMMENT ON COLUMN dialbridge.segment_daily_stats.value IS 'The contact''s value for the dimension (null: blank, or the call is unmatched).';

COMMENT ON COLUMN dialbridge.segment_daily_stats.disposition_code IS 'Disposition code, upper-cased ('''' when none).';

COMMENT ON COLUMN dialbridge.segment_daily_stats.label_key IS 'Disposition label, normalised (dialbridge.normalize_label; '''' when none).';

COMMENT ON COLUMN dialbridge.segment_daily_stats.calls IS 'Calls (one row per call in contact_activities).';

COMMENT ON COLUMN dialbridge.segment_daily_stats.connections IS 'Calls answered by a person.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.gatekeeper_conversations IS 'Connections with a gatekeeper.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN dialbridge.segment_daily_stats.talk_time_seconds IS 'Conversation time, seconds.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.call_duration_seconds IS 'Call time including ringing, seconds.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.dispositioned_calls IS 'Calls with a disposition.';

COMMENT ON COLUMN dialbridge.segment_daily_stats.callbacks_scheduled IS 'Callbacks scheduled (callback_scheduled activities).';

ALTER TABLE dialbridge.segment_daily_stats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.segment_daily_stats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.segment_daily_stats
    ADD CONSTRAINT segment_daily_stats_key UNIQUE NULLS NOT DISTINCT (team_id, day, dimension, value, disposition_code, label_key);

ALTER TABLE ONLY dialbridge.segment_daily_stats
    ADD CONSTRAINT segment_daily_stats_pkey PRIMARY KEY (id);

CREATE INDEX segment_daily_stats_day_idx ON dialbridge.segment_daily_stats USING btree (day);

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.segment_daily_stats FOR SELECT TO dialbridge_metabase USING (true);

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.segment_daily_stats FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE dialbridge.segment_daily_stats ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.segment_daily_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.segment_daily_stats TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.segment_daily_stats TO service_role;
