CREATE TABLE dialbridge.us_zip_prefixes (
    zip3_from integer NOT NULL,
    zip3_to integer NOT NULL,
    state text NOT NULL,
    CONSTRAINT us_zip_prefixes_range_check CHECK (((zip3_from >= 0) AND (zip3_from <= 999) AND ((zip3_to >= zip3_from) AND (zip3_to <= 999)))),
    CONSTRAINT us_zip_prefixes_state_check CHECK ((state ~ '^[A-Z]{2}$'::text))
);

COMMENT ON TABLE dialbridge.us_zip_prefixes IS 'Ranges of three-digit ZIP prefixes and the state they belong to: a contact''s state when only its ZIP is known.';

COMMENT ON COLUMN dialbridge.us_zip_prefixes.zip3_from IS 'First ZIP prefix of the range (inclusive).';

COMMENT ON COLUMN dialbridge.us_zip_prefixes.zip3_to IS 'Last ZIP prefix of the range (inclusive).';

COMMENT ON COLUMN dialbridge.us_zip_prefixes.state IS 'The state (USPS code).';

ALTER TABLE ONLY dialbridge.us_zip_prefixes
    ADD CONSTRAINT us_zip_prefixes_pkey PRIMARY KEY (zip3_from);

CREATE POLICY "Everyone reads ZIP prefixes" ON dialbridge.us_zip_prefixes FOR SELECT TO authenticated, service_role USING (true);

ALTER TABLE dialbridge.us_zip_prefixes ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.us_zip_prefixes TO authenticated;
GRANT SELECT ON TABLE dialbridge.us_zip_prefixes TO service_role;
