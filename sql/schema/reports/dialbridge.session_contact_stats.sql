CREATE TABLE dialbridge.session_contact_stats (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    contact_id uuid NOT NULL,
    calls integer DEFAULT 0 NOT NULL,
    connections integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.session_contact_stats IS 'Roll-up of calls per dial session and contact; kept by triggers.';

ALTER TABLE dialbridge.session_contact_stats ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dialbridge.session_contact_stats_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY dialbridge.session_contact_stats
    ADD CONSTRAINT session_contact_stats_key UNIQUE NULLS NOT DISTINCT (session_id, team_id, contact_id);

ALTER TABLE ONLY dialbridge.session_contact_stats
    ADD CONSTRAINT session_contact_stats_pkey PRIMARY KEY (id);

CREATE INDEX session_contact_stats_team_idx ON dialbridge.session_contact_stats USING btree (team_id);

CREATE POLICY "Reporting readers see every team's roll-ups" ON dialbridge.session_contact_stats FOR SELECT TO dialbridge_metabase USING (true);

CREATE POLICY "Reps see their team's roll-ups" ON dialbridge.session_contact_stats FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE dialbridge.session_contact_stats ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.session_contact_stats TO authenticated;
GRANT SELECT ON TABLE dialbridge.session_contact_stats TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.session_contact_stats TO service_role;
