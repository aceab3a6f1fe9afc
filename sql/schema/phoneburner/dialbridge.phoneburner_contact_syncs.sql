CREATE TABLE dialbridge.phoneburner_contact_syncs (
    contact_id uuid NOT NULL,
    account_user_id uuid NOT NULL,
    phoneburner_contact_id text NOT NULL,
    last_synced_at timestamp with time zone,
    status text DEFAULT 'synced'::text NOT NULL,
    fields_sent jsonb DEFAULT '{}'::jsonb NOT NULL,
    held_back jsonb DEFAULT '{}'::jsonb NOT NULL,
    custom_fields_sent jsonb,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_contact_syncs_status_check CHECK ((status = ANY (ARRAY['synced'::text, 'failed'::text, 'gone'::text])))
);

COMMENT ON TABLE dialbridge.phoneburner_contact_syncs IS 'SourceCo edits sent to PhoneBurner, per contact and PhoneBurner account: up to when (last_synced_at), what was sent, what was held back because PhoneBurner''s value is newer, the custom fields last sent, the last error. Written by contacts__sync_to_phoneburner.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.contact_id IS 'The contact.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.account_user_id IS 'The rep whose PhoneBurner account holds it.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.phoneburner_contact_id IS 'PhoneBurner''s id of the contact in that account.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.last_synced_at IS 'Edits made up to this time have been considered (sent or held back).';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.status IS 'synced, failed (see last_error; retried next batch) or gone (PhoneBurner no longer has the contact).';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.fields_sent IS 'The fields last sent, with their values.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.held_back IS 'Fields not sent and why (phoneburner_newer: PhoneBurner changed the field after the SourceCo edit).';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.custom_fields_sent IS 'The custom fields (label → value) PhoneBurner holds from us, to send only what changed.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.attempts IS 'Failed attempts since the last success.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.last_error IS 'The last error.';

COMMENT ON COLUMN dialbridge.phoneburner_contact_syncs.updated_at IS 'Last change.';

ALTER TABLE ONLY dialbridge.phoneburner_contact_syncs
    ADD CONSTRAINT phoneburner_contact_syncs_pkey PRIMARY KEY (contact_id, account_user_id);

CREATE INDEX phoneburner_contact_syncs_account_idx ON dialbridge.phoneburner_contact_syncs USING btree (account_user_id);

ALTER TABLE ONLY dialbridge.phoneburner_contact_syncs
    ADD CONSTRAINT phoneburner_contact_syncs_account_user_id_fkey FOREIGN KEY (account_user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

ALTER TABLE ONLY dialbridge.phoneburner_contact_syncs
    ADD CONSTRAINT phoneburner_contact_syncs_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

GRANT SELECT ON TABLE dialbridge.phoneburner_contact_syncs TO service_role;
