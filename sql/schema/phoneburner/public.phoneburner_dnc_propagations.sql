CREATE TABLE public.phoneburner_dnc_propagations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    team_id uuid,
    contact_id uuid NOT NULL,
    session_id uuid,
    suppression_id uuid,
    account_user_id uuid,
    phoneburner_contact_id text,
    status text DEFAULT 'pending'::text NOT NULL,
    actions jsonb DEFAULT '{}'::jsonb NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT phoneburner_dnc_propagations_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'done'::text, 'no_phoneburner_id'::text, 'not_connected'::text, 'failed'::text])))
);

COMMENT ON TABLE public.phoneburner_dnc_propagations IS 'Do-not-call sent to PhoneBurner: one row per live dial-session membership of a contact put on the legal do-not-call list after it was pushed — what was done there and whether it worked. Written by dialbridge; a rep sees their team''s.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.id IS 'Row id.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.team_id IS 'Team of the session.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.contact_id IS 'The do-not-call contact.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.session_id IS 'The dial session it was in.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.suppression_id IS 'The legal suppression that started it.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.account_user_id IS 'Whose PhoneBurner account holds the session (its token is used).';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.phoneburner_contact_id IS 'PhoneBurner''s id of the contact (null: not known, nothing can be sent).';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.status IS 'pending (queued or retrying), done, no_phoneburner_id, not_connected (the account has no token) or failed (PhoneBurner refused; see last_error).';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.actions IS 'What was done in PhoneBurner: {"flagged": true} (custom field Do Not Call = Yes), {"removed": true} (contact trashed: no session dials it), with when.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.attempts IS 'Attempts made.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.last_error IS 'The last error PhoneBurner answered.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.created_at IS 'When the do-not-call was recorded for this session.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.updated_at IS 'Last change.';

COMMENT ON COLUMN public.phoneburner_dnc_propagations.completed_at IS 'When it was done (or given up).';

ALTER TABLE ONLY public.phoneburner_dnc_propagations
    ADD CONSTRAINT phoneburner_dnc_propagations_pkey PRIMARY KEY (id);

CREATE INDEX phoneburner_dnc_propagations_account_idx ON public.phoneburner_dnc_propagations USING btree (account_user_id);

CREATE UNIQUE INDEX phoneburner_dnc_propagations_once ON public.phoneburner_dnc_propagations USING btree (contact_id, session_id, suppression_id);

CREATE INDEX phoneburner_dnc_propagations_pending ON public.phoneburner_dnc_propagations USING btree (created_at) WHERE (status = 'pending'::text);

CREATE INDEX phoneburner_dnc_propagations_session_idx ON public.phoneburner_dnc_propagations USING btree (session_id);

CREATE INDEX phoneburner_dnc_propagations_suppression_idx ON public.phoneburner_dnc_propagations USING btree (suppression_id);

CREATE INDEX phoneburner_dnc_propagations_team_idx ON public.phoneburner_dnc_propagations USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.phoneburner_dnc_propagations FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.phoneburner_dnc_propagations
    ADD CONSTRAINT phoneburner_dnc_propagations_account_user_id_fkey FOREIGN KEY (account_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.phoneburner_dnc_propagations
    ADD CONSTRAINT phoneburner_dnc_propagations_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_dnc_propagations
    ADD CONSTRAINT phoneburner_dnc_propagations_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_dnc_propagations
    ADD CONSTRAINT phoneburner_dnc_propagations_suppression_id_fkey FOREIGN KEY (suppression_id) REFERENCES public.suppressions(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's do-not-call propagations" ON public.phoneburner_dnc_propagations FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.phoneburner_dnc_propagations ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_dnc_propagations TO service_role;
GRANT SELECT ON TABLE public.phoneburner_dnc_propagations TO authenticated;
