CREATE TABLE dialbridge.report_settings (
    id boolean DEFAULT true NOT NULL,
    time_zone text DEFAULT 'America/New_York'::text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT report_settings_single_row_check CHECK (id)
);

COMMENT ON TABLE dialbridge.report_settings IS 'Reporting settings (one row): the time zone of report days.';

COMMENT ON COLUMN dialbridge.report_settings.time_zone IS 'IANA time zone whose calendar days the roll-ups and "due today" use.';

ALTER TABLE ONLY dialbridge.report_settings
    ADD CONSTRAINT report_settings_pkey PRIMARY KEY (id);

ALTER TABLE dialbridge.report_settings ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.report_settings TO service_role;
