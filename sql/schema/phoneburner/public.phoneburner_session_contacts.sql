CREATE TABLE public.phoneburner_session_contacts (
    session_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    phoneburner_contact_id text,
    phone_e164 text,
    state text DEFAULT 'pending'::text NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    added_by_user_id uuid,
    last_called_at timestamp with time zone,
    last_disposition_code text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_session_contacts_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'dialed'::text, 'connected'::text, 'completed'::text, 'removed'::text, 'failed'::text])))
);

COMMENT ON TABLE public.phoneburner_session_contacts IS 'Membership of contacts in dial sessions, with PhoneBurner''s contact id and the contact''s state in that session.';

COMMENT ON COLUMN public.phoneburner_session_contacts.session_id IS 'The dial session.';

COMMENT ON COLUMN public.phoneburner_session_contacts.contact_id IS 'The contact pushed into the session.';

COMMENT ON COLUMN public.phoneburner_session_contacts.team_id IS 'Team of the session; scopes who sees the membership.';

COMMENT ON COLUMN public.phoneburner_session_contacts.phoneburner_contact_id IS 'PhoneBurner''s id of the contact in this session.';

COMMENT ON COLUMN public.phoneburner_session_contacts.phone_e164 IS 'Number pushed for this contact (E.164), used to match calls back.';

COMMENT ON COLUMN public.phoneburner_session_contacts.state IS 'pending, dialed, connected, completed (final disposition), removed or failed (rejected by PhoneBurner).';

COMMENT ON COLUMN public.phoneburner_session_contacts.added_at IS 'When the contact was pushed into the session.';

COMMENT ON COLUMN public.phoneburner_session_contacts.added_by_user_id IS 'Who pushed the contact.';

COMMENT ON COLUMN public.phoneburner_session_contacts.last_called_at IS 'Most recent call to the contact in this session.';

COMMENT ON COLUMN public.phoneburner_session_contacts.last_disposition_code IS 'Most recent disposition in this session.';

COMMENT ON COLUMN public.phoneburner_session_contacts.updated_at IS 'When the membership last changed.';

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_pkey PRIMARY KEY (session_id, contact_id);

CREATE INDEX phoneburner_session_contacts_contact_idx ON public.phoneburner_session_contacts USING btree (contact_id);

CREATE INDEX phoneburner_session_contacts_pb_contact_idx ON public.phoneburner_session_contacts USING btree (phoneburner_contact_id) WHERE (phoneburner_contact_id IS NOT NULL);

CREATE INDEX phoneburner_session_contacts_phone_idx ON public.phoneburner_session_contacts USING btree (session_id, phone_e164);

CREATE INDEX phoneburner_session_contacts_team_idx ON public.phoneburner_session_contacts USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_session_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

CREATE TRIGGER _500_count_members_after_delete AFTER DELETE ON public.phoneburner_session_contacts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members();

CREATE TRIGGER _500_count_members_after_insert AFTER INSERT ON public.phoneburner_session_contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members();

CREATE TRIGGER _500_count_members_after_update AFTER UPDATE ON public.phoneburner_session_contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members();

CREATE TRIGGER _960_queue_rematch AFTER UPDATE OF phoneburner_contact_id ON public.phoneburner_session_contacts FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg__queue_rematch();

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_added_by_user_id_fkey FOREIGN KEY (added_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_session_contacts
    ADD CONSTRAINT phoneburner_session_contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's session members" ON public.phoneburner_session_contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.phoneburner_session_contacts ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_session_contacts TO service_role;
GRANT SELECT ON TABLE public.phoneburner_session_contacts TO authenticated;
