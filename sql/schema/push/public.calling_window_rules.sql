CREATE TABLE public.calling_window_rules (
    region text NOT NULL,
    start_local time without time zone NOT NULL,
    end_local time without time zone NOT NULL,
    source text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT calling_window_rules_region_check CHECK (((region = 'default'::text) OR (region ~ '^[A-Z]{2}(-[A-Z]{2})?$'::text))),
    CONSTRAINT calling_window_rules_window_check CHECK ((start_local < end_local))
);

COMMENT ON TABLE public.calling_window_rules IS 'Calling windows in the called party''s local time: default (federal 08:00–21:00) and stricter state rules (US-FL 08:00–20:00).';

COMMENT ON COLUMN public.calling_window_rules.region IS 'default, a country (US) or a US state (US-FL).';

COMMENT ON COLUMN public.calling_window_rules.start_local IS 'Earliest local time to call.';

COMMENT ON COLUMN public.calling_window_rules.end_local IS 'Latest local time to call (exclusive).';

COMMENT ON COLUMN public.calling_window_rules.source IS 'The rule this window implements.';

ALTER TABLE ONLY public.calling_window_rules
    ADD CONSTRAINT calling_window_rules_pkey PRIMARY KEY (region);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.calling_window_rules FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

CREATE POLICY "Admins add calling windows" ON public.calling_window_rules FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins change calling windows" ON public.calling_window_rules FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins delete calling windows" ON public.calling_window_rules FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Signed-in users read calling windows" ON public.calling_window_rules FOR SELECT TO authenticated USING (true);

ALTER TABLE public.calling_window_rules ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.calling_window_rules TO service_role;
GRANT SELECT,DELETE ON TABLE public.calling_window_rules TO authenticated;

GRANT INSERT(region) ON TABLE public.calling_window_rules TO authenticated;

GRANT INSERT(start_local),UPDATE(start_local) ON TABLE public.calling_window_rules TO authenticated;

GRANT INSERT(end_local),UPDATE(end_local) ON TABLE public.calling_window_rules TO authenticated;

GRANT INSERT(source),UPDATE(source) ON TABLE public.calling_window_rules TO authenticated;
