CREATE TABLE public.deal_contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    deal_id text NOT NULL,
    deal_name text,
    deal_status text DEFAULT 'active'::text NOT NULL,
    contact_id uuid NOT NULL,
    team_id uuid,
    is_primary boolean DEFAULT false NOT NULL,
    presented_at timestamp with time zone,
    outcome text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT deal_contacts_deal_status_check CHECK ((deal_status = ANY (ARRAY['active'::text, 'closed'::text, 'passed'::text, 'on_hold'::text])))
);

COMMENT ON TABLE public.deal_contacts IS 'Contacts linked to deals (SourceCo listings): buyers a deal was presented to, a seller''s main contact.';

COMMENT ON COLUMN public.deal_contacts.deal_id IS 'SourceCo''s deal (listing) id.';

COMMENT ON COLUMN public.deal_contacts.deal_name IS 'Deal name shown to reps, e.g. "Collision Repair Platform".';

COMMENT ON COLUMN public.deal_contacts.deal_status IS 'active, closed, passed or on_hold.';

COMMENT ON COLUMN public.deal_contacts.is_primary IS 'The deal''s main contact (pushed for the listings entity).';

COMMENT ON COLUMN public.deal_contacts.presented_at IS 'When the deal was presented to this contact.';

COMMENT ON COLUMN public.deal_contacts.outcome IS 'The contact''s answer, e.g. "Passed - Too early stage".';

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_deal_id_contact_id_key UNIQUE (deal_id, contact_id);

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_pkey PRIMARY KEY (id);

CREATE INDEX deal_contacts_contact_idx ON public.deal_contacts USING btree (contact_id);

CREATE INDEX deal_contacts_team_idx ON public.deal_contacts USING btree (team_id);

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.deal_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.deal_contacts
    ADD CONSTRAINT deal_contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Managers remove their team's deal links" ON public.deal_contacts FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps edit their team's deal links" ON public.deal_contacts FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps link their team's contacts to deals" ON public.deal_contacts FOR INSERT TO authenticated WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps see their team's deal links" ON public.deal_contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.deal_contacts ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.deal_contacts TO service_role;
GRANT SELECT,DELETE ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(deal_id) ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(deal_name),UPDATE(deal_name) ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(deal_status),UPDATE(deal_status) ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(contact_id) ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(team_id) ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(is_primary),UPDATE(is_primary) ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(presented_at),UPDATE(presented_at) ON TABLE public.deal_contacts TO authenticated;

GRANT INSERT(outcome),UPDATE(outcome) ON TABLE public.deal_contacts TO authenticated;
