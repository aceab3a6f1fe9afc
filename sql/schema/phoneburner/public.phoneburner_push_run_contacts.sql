CREATE TABLE public.phoneburner_push_run_contacts (
    run_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    "position" integer NOT NULL,
    batch_no integer,
    status text NOT NULL,
    reason text,
    detail text,
    is_overridden boolean DEFAULT false NOT NULL,
    phone_e164 text,
    phoneburner_contact_id text,
    error_field text,
    error_message text,
    pushed_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_push_run_contacts_reason_check CHECK ((((status = 'excluded'::text) = (reason IS NOT NULL)) AND ((status = 'excluded'::text) = (batch_no IS NULL)))),
    CONSTRAINT phoneburner_push_run_contacts_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'pushed'::text, 'updated'::text, 'failed'::text, 'excluded'::text])))
);

COMMENT ON TABLE public.phoneburner_push_run_contacts IS 'Every contact of every push: excluded with the reason, or its result in PhoneBurner (with the rejected field and error).';

COMMENT ON COLUMN public.phoneburner_push_run_contacts."position" IS 'Order in the list as requested.';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.batch_no IS 'Batch the contact was sent in (null when excluded before sending).';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.status IS 'queued, pushed, updated (already in the session), failed or excluded.';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.reason IS 'Exclusion reason (legal_dnc, internal_dnc, suppressed, invalid_phone, missing_phone, missing_name, recently_contacted, already_in_session, duplicate_in_list).';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.detail IS 'The exclusion in words ("Called 2 days ago").';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.is_overridden IS 'Excluded by a rule but force-included by an override (audited in push_overrides).';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.phone_e164 IS 'Number pushed.';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.phoneburner_contact_id IS 'PhoneBurner''s id for the contact, when PhoneBurner reported one.';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.error_field IS 'Field PhoneBurner rejected (e.g. phone).';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.error_message IS 'PhoneBurner''s error for this contact, or why it could not be sent.';

COMMENT ON COLUMN public.phoneburner_push_run_contacts.pushed_at IS 'When PhoneBurner accepted the contact.';

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_pkey PRIMARY KEY (run_id, contact_id);

CREATE INDEX phoneburner_push_run_contacts_batch_idx ON public.phoneburner_push_run_contacts USING btree (run_id, batch_no, "position");

CREATE INDEX phoneburner_push_run_contacts_contact_idx ON public.phoneburner_push_run_contacts USING btree (contact_id);

CREATE INDEX phoneburner_push_run_contacts_team_idx ON public.phoneburner_push_run_contacts USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_push_run_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.phoneburner_push_runs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_push_run_contacts
    ADD CONSTRAINT phoneburner_push_run_contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's pushed contacts" ON public.phoneburner_push_run_contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.phoneburner_push_run_contacts ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_push_run_contacts TO service_role;
GRANT SELECT ON TABLE public.phoneburner_push_run_contacts TO authenticated;
