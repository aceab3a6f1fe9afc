CREATE TABLE public.push_overrides (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    run_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    overridden_reason text NOT NULL,
    overridden_detail text,
    override_reason text NOT NULL,
    overridden_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT push_overrides_never_legal_dnc_check CHECK (((overridden_reason <> 'legal_dnc'::text) AND (overridden_reason <> 'missing_phone'::text))),
    CONSTRAINT push_overrides_reason_given_check CHECK ((length(btrim(override_reason)) > 0))
);

COMMENT ON TABLE public.push_overrides IS 'Audit trail of push overrides: who force-included an excluded contact, when, past which rule and why. Legal do-not-call can never appear here.';

COMMENT ON COLUMN public.push_overrides.overridden_reason IS 'The exclusion rule overridden (recently_contacted, internal_dnc, …).';

COMMENT ON COLUMN public.push_overrides.overridden_detail IS 'The exclusion as the rep saw it ("Called 2 days ago").';

COMMENT ON COLUMN public.push_overrides.override_reason IS 'Why the rep overrode it (required).';

COMMENT ON COLUMN public.push_overrides.overridden_by_user_id IS 'Who overrode it.';

COMMENT ON COLUMN public.push_overrides.created_at IS 'When.';

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_run_id_contact_id_key UNIQUE (run_id, contact_id);

CREATE INDEX push_overrides_contact_idx ON public.push_overrides USING btree (contact_id);

CREATE INDEX push_overrides_team_idx ON public.push_overrides USING btree (team_id, created_at DESC);

CREATE INDEX push_overrides_user_idx ON public.push_overrides USING btree (overridden_by_user_id);

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_overridden_by_user_id_fkey FOREIGN KEY (overridden_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.phoneburner_push_runs(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.push_overrides
    ADD CONSTRAINT push_overrides_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's overrides" ON public.push_overrides FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.push_overrides ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.push_overrides TO service_role;
GRANT SELECT ON TABLE public.push_overrides TO authenticated;
