CREATE TABLE public.phoneburner_session_call_checks (
    id bigint NOT NULL,
    session_id uuid NOT NULL,
    team_id uuid,
    checked_at timestamp with time zone DEFAULT now() NOT NULL,
    provider_calls integer NOT NULL,
    recorded_calls integer NOT NULL,
    missing_calls integer GENERATED ALWAYS AS (GREATEST((provider_calls - recorded_calls), 0)) STORED,
    CONSTRAINT phoneburner_session_call_checks_counts_check CHECK (((provider_calls >= 0) AND (recorded_calls >= 0)))
);

COMMENT ON TABLE public.phoneburner_session_call_checks IS 'Daily comparison of PhoneBurner''s call count per dial session with the calls dialbridge recorded.';

COMMENT ON COLUMN public.phoneburner_session_call_checks.checked_at IS 'When the counts were compared.';

COMMENT ON COLUMN public.phoneburner_session_call_checks.provider_calls IS 'Calls PhoneBurner reports for the session.';

COMMENT ON COLUMN public.phoneburner_session_call_checks.recorded_calls IS 'Calls dialbridge recorded for the session (contact_activities with a PhoneBurner call id).';

COMMENT ON COLUMN public.phoneburner_session_call_checks.missing_calls IS 'Calls PhoneBurner made that never reached dialbridge.';

ALTER TABLE public.phoneburner_session_call_checks ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.phoneburner_session_call_checks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_session_id_checked_at_key UNIQUE (session_id, checked_at);

CREATE INDEX phoneburner_session_call_checks_session_idx ON public.phoneburner_session_call_checks USING btree (session_id, checked_at DESC);

CREATE INDEX phoneburner_session_call_checks_team_idx ON public.phoneburner_session_call_checks USING btree (team_id);

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.phoneburner_session_call_checks
    ADD CONSTRAINT phoneburner_session_call_checks_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's call checks" ON public.phoneburner_session_call_checks FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.phoneburner_session_call_checks ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.phoneburner_session_call_checks TO service_role;
GRANT SELECT ON TABLE public.phoneburner_session_call_checks TO authenticated;

GRANT ALL ON SEQUENCE public.phoneburner_session_call_checks_id_seq TO service_role;
