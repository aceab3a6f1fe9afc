CREATE TABLE dialbridge.us_area_codes (
    area_code text NOT NULL,
    state text NOT NULL,
    CONSTRAINT us_area_codes_code_check CHECK ((area_code ~ '^[2-9][0-9]{2}$'::text)),
    CONSTRAINT us_area_codes_state_check CHECK ((state ~ '^[A-Z]{2}$'::text))
);

COMMENT ON TABLE dialbridge.us_area_codes IS 'NANP area codes of the US states (and PR): the state a +1 number was issued in, the last resort for a called party''s time zone and calling window.';

COMMENT ON COLUMN dialbridge.us_area_codes.area_code IS 'The three-digit area code (NPA).';

COMMENT ON COLUMN dialbridge.us_area_codes.state IS 'The state (USPS code) it serves.';

ALTER TABLE ONLY dialbridge.us_area_codes
    ADD CONSTRAINT us_area_codes_pkey PRIMARY KEY (area_code);

CREATE POLICY "Everyone reads area codes" ON dialbridge.us_area_codes FOR SELECT TO authenticated, service_role USING (true);

ALTER TABLE dialbridge.us_area_codes ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.us_area_codes TO authenticated;
GRANT SELECT ON TABLE dialbridge.us_area_codes TO service_role;
