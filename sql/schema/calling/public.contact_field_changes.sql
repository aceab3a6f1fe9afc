CREATE TABLE public.contact_field_changes (
    id bigint NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    field_name text NOT NULL,
    old_value text,
    new_value text,
    source_system text NOT NULL,
    source_event_id text,
    changed_by text,
    changed_at timestamp with time zone NOT NULL,
    applied boolean DEFAULT true NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT contact_field_changes_source_system_check CHECK ((source_system = ANY (ARRAY['phoneburner'::text, 'sourceco_platform'::text, 'manual'::text, 'reconciliation'::text, 'voipstudio'::text, 'bolna'::text])))
);

COMMENT ON TABLE public.contact_field_changes IS 'Field-by-field audit of contact changes from dialer sync: old and new value, source, event time, and whether it was applied (last write wins).';

COMMENT ON COLUMN public.contact_field_changes.id IS 'Change id (in recording order).';

COMMENT ON COLUMN public.contact_field_changes.contact_id IS 'The contact that changed.';

COMMENT ON COLUMN public.contact_field_changes.team_id IS 'Team of the contact; scopes who sees the change.';

COMMENT ON COLUMN public.contact_field_changes.field_name IS 'Changed field (phone, email, title, …).';

COMMENT ON COLUMN public.contact_field_changes.old_value IS 'Value before the change (as reported by the source).';

COMMENT ON COLUMN public.contact_field_changes.new_value IS 'Value after the change.';

COMMENT ON COLUMN public.contact_field_changes.source_system IS 'Where the change came from.';

COMMENT ON COLUMN public.contact_field_changes.source_event_id IS 'Event that carried the change.';

COMMENT ON COLUMN public.contact_field_changes.changed_by IS 'Who changed it in the source system.';

COMMENT ON COLUMN public.contact_field_changes.changed_at IS 'When the change happened in the source (event time).';

COMMENT ON COLUMN public.contact_field_changes.applied IS 'false when a newer write already won (stale change, kept for audit).';

COMMENT ON COLUMN public.contact_field_changes.recorded_at IS 'When dialbridge recorded the change.';

ALTER TABLE public.contact_field_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.contact_field_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY public.contact_field_changes
    ADD CONSTRAINT contact_field_changes_pkey PRIMARY KEY (id);

CREATE INDEX contact_field_changes_contact_idx ON public.contact_field_changes USING btree (contact_id, field_name, changed_at DESC);

CREATE UNIQUE INDEX contact_field_changes_event_field_key ON public.contact_field_changes USING btree (source_event_id, field_name) WHERE (source_event_id IS NOT NULL);

CREATE INDEX contact_field_changes_team_idx ON public.contact_field_changes USING btree (team_id);

ALTER TABLE ONLY public.contact_field_changes
    ADD CONSTRAINT contact_field_changes_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.contact_field_changes
    ADD CONSTRAINT contact_field_changes_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Reps see their team's contact changes" ON public.contact_field_changes FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.contact_field_changes ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.contact_field_changes TO service_role;
GRANT SELECT ON TABLE public.contact_field_changes TO authenticated;

GRANT ALL ON SEQUENCE public.contact_field_changes_id_seq TO service_role;
