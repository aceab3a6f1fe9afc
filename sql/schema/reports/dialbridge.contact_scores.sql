CREATE TABLE dialbridge.contact_scores (
    contact_id uuid NOT NULL,
    team_id uuid,
    score integer NOT NULL,
    breakdown jsonb NOT NULL,
    best_call_time jsonb NOT NULL,
    as_of timestamp with time zone NOT NULL,
    computed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contact_scores_score_check CHECK (((score >= 0) AND (score <= 100)))
);

COMMENT ON TABLE dialbridge.contact_scores IS 'Engagement score per contact with its explanation (factors, points) and best time to call, as of the last computation.';

COMMENT ON COLUMN dialbridge.contact_scores.team_id IS 'The contact''s team when scored (for row-level security).';

COMMENT ON COLUMN dialbridge.contact_scores.score IS 'Engagement score 0–100 (same as contacts.call_engagement_score).';

COMMENT ON COLUMN dialbridge.contact_scores.breakdown IS 'Factors: base, connection_rate, talk_time, dispositions (per mapping code), recency; raw_score before clamping.';

COMMENT ON COLUMN dialbridge.contact_scores.best_call_time IS 'Best day of week and hour to call, and where it comes from (contact, segment, everyone).';

COMMENT ON COLUMN dialbridge.contact_scores.as_of IS 'The time the score describes (calls after it are not counted).';

COMMENT ON COLUMN dialbridge.contact_scores.computed_at IS 'When it was computed.';

ALTER TABLE ONLY dialbridge.contact_scores
    ADD CONSTRAINT contact_scores_pkey PRIMARY KEY (contact_id);

CREATE INDEX contact_scores_team_idx ON dialbridge.contact_scores USING btree (team_id);

ALTER TABLE ONLY dialbridge.contact_scores
    ADD CONSTRAINT contact_scores_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

CREATE POLICY "Reporting readers see every contact score" ON dialbridge.contact_scores FOR SELECT TO dialbridge_metabase USING (true);

CREATE POLICY "Reps see their team's contact scores" ON dialbridge.contact_scores FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE dialbridge.contact_scores ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.contact_scores TO authenticated;
GRANT SELECT ON TABLE dialbridge.contact_scores TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.contact_scores TO service_role;
