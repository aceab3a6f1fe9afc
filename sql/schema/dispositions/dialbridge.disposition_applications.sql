CREATE TABLE dialbridge.disposition_applications (
    activity_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    mapping_id uuid,
    disposition_code text,
    disposition_label text,
    disposition_set_at timestamp with time zone NOT NULL,
    notes_md5 text,
    callback_at timestamp with time zone,
    task_id uuid,
    workflow_run_id uuid,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.disposition_applications IS 'What each call''s disposition applied (mapping, task, workflow run): makes apply_disposition idempotent and reversible.';

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_pkey PRIMARY KEY (activity_id);

CREATE INDEX disposition_applications_contact_idx ON dialbridge.disposition_applications USING btree (contact_id);

CREATE INDEX disposition_applications_unmapped_idx ON dialbridge.disposition_applications USING btree (activity_id) WHERE (mapping_id IS NULL);

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES public.contact_activities(id) ON DELETE CASCADE;

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_mapping_id_fkey FOREIGN KEY (mapping_id) REFERENCES public.disposition_mappings(id) ON DELETE SET NULL;

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE SET NULL;

ALTER TABLE ONLY dialbridge.disposition_applications
    ADD CONSTRAINT disposition_applications_workflow_run_id_fkey FOREIGN KEY (workflow_run_id) REFERENCES public.workflow_runs(id) ON DELETE SET NULL;

ALTER TABLE dialbridge.disposition_applications ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.disposition_applications TO service_role;
