CREATE TABLE dialbridge.contacts_to_score (
    contact_id uuid NOT NULL,
    marked_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.contacts_to_score IS 'Contacts whose calls changed and whose engagement score and best time to call await the contacts__score job.';

COMMENT ON COLUMN dialbridge.contacts_to_score.marked_at IS 'When the contact was first marked since its last scoring.';

ALTER TABLE ONLY dialbridge.contacts_to_score
    ADD CONSTRAINT contacts_to_score_pkey PRIMARY KEY (contact_id);

ALTER TABLE ONLY dialbridge.contacts_to_score
    ADD CONSTRAINT contacts_to_score_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.contacts_to_score ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.contacts_to_score TO service_role;
