CREATE TABLE public.suppressions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid,
    phone_e164 text,
    team_id uuid,
    suppression_type text NOT NULL,
    reason text NOT NULL,
    source text DEFAULT 'manual'::text NOT NULL,
    source_activity_id uuid,
    set_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    lifted_at timestamp with time zone,
    lifted_by_user_id uuid,
    lift_reason text,
    CONSTRAINT suppressions_expiry_after_start_check CHECK (((expires_at IS NULL) OR (expires_at > created_at))),
    CONSTRAINT suppressions_legal_never_expires_check CHECK (((suppression_type <> 'legal'::text) OR (expires_at IS NULL))),
    CONSTRAINT suppressions_lift_audited_check CHECK (((lifted_at IS NULL) = (lift_reason IS NULL))),
    CONSTRAINT suppressions_source_check CHECK ((source = ANY (ARRAY['disposition'::text, 'manual'::text, 'import'::text, 'sync'::text, 'system'::text]))),
    CONSTRAINT suppressions_target_check CHECK (((contact_id IS NOT NULL) OR (phone_e164 IS NOT NULL))),
    CONSTRAINT suppressions_type_check CHECK ((suppression_type = ANY (ARRAY['legal'::text, 'internal'::text])))
);

COMMENT ON TABLE public.suppressions IS 'Do-not-call and other suppressions by contact and/or phone. Legal ones are permanent and never overridable; lifting is an audited admin action.';

COMMENT ON COLUMN public.suppressions.id IS 'Suppression id (uuid).';

COMMENT ON COLUMN public.suppressions.contact_id IS 'Suppressed contact.';

COMMENT ON COLUMN public.suppressions.phone_e164 IS 'Suppressed phone number (E.164), whichever contact carries it.';

COMMENT ON COLUMN public.suppressions.team_id IS 'Team of the contact (null: global number suppression).';

COMMENT ON COLUMN public.suppressions.suppression_type IS 'legal (do-not-call request or legal list: never overridable) or internal (policy, e.g. not interested for 365 days).';

COMMENT ON COLUMN public.suppressions.reason IS 'Why: user_requested, not_interested, wrong_number, legal_requirement, …';

COMMENT ON COLUMN public.suppressions.source IS 'disposition, manual, import, sync or system.';

COMMENT ON COLUMN public.suppressions.source_activity_id IS 'Call whose disposition created the suppression.';

COMMENT ON COLUMN public.suppressions.set_by_user_id IS 'Who set it (the rep on the call, for dispositions).';

COMMENT ON COLUMN public.suppressions.created_at IS 'When the suppression was recorded (it applies from then).';

COMMENT ON COLUMN public.suppressions.expires_at IS 'When an internal suppression ends (null: permanent).';

COMMENT ON COLUMN public.suppressions.lifted_at IS 'When an authorised person lifted it.';

COMMENT ON COLUMN public.suppressions.lifted_by_user_id IS 'Who lifted it.';

COMMENT ON COLUMN public.suppressions.lift_reason IS 'Why it was lifted (required to lift).';

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_pkey PRIMARY KEY (id);

CREATE INDEX suppressions_contact_any_idx ON public.suppressions USING btree (contact_id);

CREATE INDEX suppressions_contact_idx ON public.suppressions USING btree (contact_id) WHERE (lifted_at IS NULL);

CREATE INDEX suppressions_phone_any_idx ON public.suppressions USING btree (phone_e164);

CREATE INDEX suppressions_phone_idx ON public.suppressions USING btree (phone_e164) WHERE (lifted_at IS NULL);

CREATE UNIQUE INDEX suppressions_source_activity_key ON public.suppressions USING btree (source_activity_id, suppression_type) WHERE (source_activity_id IS NOT NULL);

CREATE INDEX suppressions_team_idx ON public.suppressions USING btree (team_id);

CREATE TRIGGER _200_guard BEFORE DELETE OR UPDATE ON public.suppressions FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_suppressions__guard();

CREATE TRIGGER _600_mark_contact_do_not_call AFTER INSERT ON public.suppressions FOR EACH ROW WHEN (((new.suppression_type = 'legal'::text) AND (new.contact_id IS NOT NULL))) EXECUTE FUNCTION dialbridge.tg_suppressions__mark_contact_do_not_call();

CREATE TRIGGER _700_propagate_dnc AFTER INSERT ON public.suppressions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_suppressions__propagate_dnc();

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_lifted_by_user_id_fkey FOREIGN KEY (lifted_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_set_by_user_id_fkey FOREIGN KEY (set_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_source_activity_id_fkey FOREIGN KEY (source_activity_id) REFERENCES public.contact_activities(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.suppressions
    ADD CONSTRAINT suppressions_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Reps record suppressions for their team" ON public.suppressions FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (set_by_user_id = ( SELECT auth.uid() AS uid)) AND ((contact_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.contacts c
  WHERE ((c.id = suppressions.contact_id) AND (NOT (c.team_id IS DISTINCT FROM suppressions.team_id))))))));

CREATE POLICY "Reps see their team's suppressions" ON public.suppressions FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.suppressions ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.suppressions TO service_role;
GRANT SELECT ON TABLE public.suppressions TO authenticated;

GRANT INSERT(contact_id) ON TABLE public.suppressions TO authenticated;

GRANT INSERT(phone_e164) ON TABLE public.suppressions TO authenticated;

GRANT INSERT(team_id) ON TABLE public.suppressions TO authenticated;

GRANT INSERT(suppression_type) ON TABLE public.suppressions TO authenticated;

GRANT INSERT(reason) ON TABLE public.suppressions TO authenticated;

GRANT INSERT(source) ON TABLE public.suppressions TO authenticated;

GRANT INSERT(set_by_user_id) ON TABLE public.suppressions TO authenticated;

GRANT INSERT(expires_at) ON TABLE public.suppressions TO authenticated;
