CREATE TABLE dialbridge.callback_applications (
    activity_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    call_key text NOT NULL,
    event_at timestamp with time zone NOT NULL,
    scheduled_for timestamp with time zone NOT NULL,
    assigned_to_user_id uuid,
    notes_md5 text,
    task_id uuid,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

COMMENT ON TABLE dialbridge.callback_applications IS 'What each callback activity applied (its task, schedule, event time): makes apply_callback idempotent and lets later callbacks reschedule.';

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_pkey PRIMARY KEY (activity_id);

CREATE INDEX callback_applications_call_idx ON dialbridge.callback_applications USING btree (contact_id, call_key, event_at DESC);

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_activity_id_fkey FOREIGN KEY (activity_id) REFERENCES public.contact_activities(id) ON DELETE CASCADE;

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY dialbridge.callback_applications
    ADD CONSTRAINT callback_applications_task_id_fkey FOREIGN KEY (task_id) REFERENCES public.tasks(id) ON DELETE SET NULL;

ALTER TABLE dialbridge.callback_applications ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.callback_applications TO service_role;
