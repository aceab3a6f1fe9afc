CREATE TABLE dialbridge.time_zone_names (
    name text NOT NULL
);

COMMENT ON TABLE dialbridge.time_zone_names IS 'IANA time zone names known to this server (copy of pg_timezone_names).';

ALTER TABLE ONLY dialbridge.time_zone_names
    ADD CONSTRAINT time_zone_names_pkey PRIMARY KEY (name);

CREATE POLICY "Everyone reads time zone names" ON dialbridge.time_zone_names FOR SELECT TO authenticated, service_role USING (true);

ALTER TABLE dialbridge.time_zone_names ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.time_zone_names TO authenticated;
GRANT SELECT ON TABLE dialbridge.time_zone_names TO service_role;
