CREATE TABLE dialbridge.contact_marks (
    contact_id uuid NOT NULL,
    kind text NOT NULL,
    activity_id uuid NOT NULL,
    marked_at timestamp with time zone NOT NULL,
    CONSTRAINT contact_marks_kind_check CHECK ((kind = ANY (ARRAY['status'::text, 'next_action'::text])))
);

COMMENT ON TABLE dialbridge.contact_marks IS 'Newest activity (by event time) that set a contact''s status or next action.';

ALTER TABLE ONLY dialbridge.contact_marks
    ADD CONSTRAINT contact_marks_pkey PRIMARY KEY (contact_id, kind);

ALTER TABLE ONLY dialbridge.contact_marks
    ADD CONSTRAINT contact_marks_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.contact_marks ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.contact_marks TO service_role;
