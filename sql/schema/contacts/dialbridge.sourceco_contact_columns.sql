CREATE TABLE dialbridge.sourceco_contact_columns (
    column_name text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.sourceco_contact_columns IS 'Columns public.contacts had before dialbridge''s first migration (SourceCo''s own); the browser keeps writing them.';

ALTER TABLE ONLY dialbridge.sourceco_contact_columns
    ADD CONSTRAINT sourceco_contact_columns_pkey PRIMARY KEY (column_name);
