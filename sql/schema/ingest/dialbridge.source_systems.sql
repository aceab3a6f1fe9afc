CREATE TABLE dialbridge.source_systems (
    source_system text NOT NULL,
    description text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT source_systems_name_check CHECK ((source_system ~ '^[a-z][a-z0-9_]{1,39}$'::text))
);

COMMENT ON TABLE dialbridge.source_systems IS 'Where a contact_activities row comes from: the dialers (one row per registered provider) and the platform''s own sources. contact_activities.source_system references it.';

COMMENT ON COLUMN dialbridge.source_systems.source_system IS 'The value stored in contact_activities.source_system.';

COMMENT ON COLUMN dialbridge.source_systems.description IS 'What the source is.';

COMMENT ON COLUMN dialbridge.source_systems.created_at IS 'When it was registered.';

ALTER TABLE ONLY dialbridge.source_systems
    ADD CONSTRAINT source_systems_pkey PRIMARY KEY (source_system);

ALTER TABLE dialbridge.source_systems ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.source_systems TO service_role;
