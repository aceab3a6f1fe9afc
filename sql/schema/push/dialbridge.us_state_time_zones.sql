CREATE TABLE dialbridge.us_state_time_zones (
    state text NOT NULL,
    time_zone text NOT NULL
);

COMMENT ON TABLE dialbridge.us_state_time_zones IS 'IANA time zones per US state (split states have several).';

ALTER TABLE ONLY dialbridge.us_state_time_zones
    ADD CONSTRAINT us_state_time_zones_pkey PRIMARY KEY (state, time_zone);

CREATE POLICY "Everyone reads state time zones" ON dialbridge.us_state_time_zones FOR SELECT TO authenticated, service_role USING (true);

ALTER TABLE dialbridge.us_state_time_zones ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.us_state_time_zones TO authenticated;
GRANT SELECT ON TABLE dialbridge.us_state_time_zones TO service_role;
