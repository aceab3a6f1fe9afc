CREATE TABLE dialbridge.disposition_classes (
    match_key text NOT NULL,
    code text NOT NULL,
    label text,
    category text,
    status text,
    stage text,
    outcome_group text NOT NULL,
    is_meeting boolean NOT NULL,
    engagement_score_delta integer NOT NULL
);

COMMENT ON TABLE dialbridge.disposition_classes IS 'Disposition classification keyed c:<code> / l:<normalised label or alias> (active mappings, find_disposition_mapping precedence); refreshed from disposition_mappings by trigger.';

COMMENT ON COLUMN dialbridge.disposition_classes.match_key IS 'c:<CODE> or l:<normalised label or alias>.';

COMMENT ON COLUMN dialbridge.disposition_classes.outcome_group IS 'The mapping''s SourceCo status in lower case (other when unset).';

COMMENT ON COLUMN dialbridge.disposition_classes.is_meeting IS 'Code MEETING_SET or stage Meeting Set.';

ALTER TABLE ONLY dialbridge.disposition_classes
    ADD CONSTRAINT disposition_classes_pkey PRIMARY KEY (match_key);

CREATE POLICY "Everyone reads disposition classes" ON dialbridge.disposition_classes FOR SELECT TO authenticated, dialbridge_metabase USING (true);

ALTER TABLE dialbridge.disposition_classes ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.disposition_classes TO authenticated;
GRANT SELECT ON TABLE dialbridge.disposition_classes TO dialbridge_metabase;
GRANT ALL ON TABLE dialbridge.disposition_classes TO service_role;
