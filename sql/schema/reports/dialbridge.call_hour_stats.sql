CREATE TABLE dialbridge.call_hour_stats (
    contact_type text NOT NULL,
    industry text NOT NULL,
    day_of_week integer NOT NULL,
    hour integer NOT NULL,
    calls integer NOT NULL,
    connections integer NOT NULL,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT call_hour_stats_bucket_check CHECK (((day_of_week >= 1) AND (day_of_week <= 7) AND ((hour >= 0) AND (hour <= 23)) AND ((connections >= 0) AND (connections <= calls))))
);

COMMENT ON TABLE dialbridge.call_hour_stats IS 'Connection rates per contact segment, day of week and hour (contact local time), last 365 days; rebuilt nightly. Fallback for the best time to call.';

COMMENT ON COLUMN dialbridge.call_hour_stats.contact_type IS 'Contact type (buyer, seller; '''' when blank; * = any).';

COMMENT ON COLUMN dialbridge.call_hour_stats.industry IS 'Industry ('''' when blank; * = any).';

COMMENT ON COLUMN dialbridge.call_hour_stats.day_of_week IS 'ISO day of week, 1 = Monday.';

COMMENT ON COLUMN dialbridge.call_hour_stats.hour IS 'Hour of day, 0–23, contact local time.';

ALTER TABLE ONLY dialbridge.call_hour_stats
    ADD CONSTRAINT call_hour_stats_pkey PRIMARY KEY (contact_type, industry, day_of_week, hour);

ALTER TABLE dialbridge.call_hour_stats ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.call_hour_stats TO service_role;
