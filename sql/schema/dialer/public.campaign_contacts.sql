CREATE TABLE public.campaign_contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    campaign_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    phone_number text NOT NULL,
    first_name text,
    last_name text,
    email text,
    company text,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_attempt_at timestamp with time zone,
    next_attempt_at timestamp with time zone,
    last_call_id uuid,
    priority integer DEFAULT 0 NOT NULL,
    scheduled_at timestamp with time zone,
    callback_at timestamp with time zone,
    time_zones text[] DEFAULT '{}'::text[] NOT NULL,
    calling_state text,
    place_id bigint,
    is_callback boolean GENERATED ALWAYS AS ((status = 'callback'::text)) STORED,
    queue_due_at timestamp with time zone GENERATED ALWAYS AS (COALESCE(next_attempt_at, scheduled_at, created_at)) STORED,
    reserved_by uuid,
    reserved_at timestamp with time zone,
    reserved_until timestamp with time zone,
    reserved_from_status text,
    reserved_for_call_id uuid,
    skip_reason text,
    skipped_at timestamp with time zone,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    queue_position bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT campaign_contacts_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT campaign_contacts_reservation_check CHECK (((status = 'calling'::text) = (reserved_until IS NOT NULL))),
    CONSTRAINT campaign_contacts_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'calling'::text, 'completed'::text, 'failed'::text, 'do-not-call'::text, 'callback'::text])))
);

COMMENT ON TABLE public.campaign_contacts IS 'A campaign''s contacts (seed 003), each a public.contacts row (matched by phone or created on import), with its place in the dialing queue: status, attempts, next attempt, reservation.';

COMMENT ON COLUMN public.campaign_contacts.id IS 'Campaign contact id (uuid).';

COMMENT ON COLUMN public.campaign_contacts.campaign_id IS 'The campaign.';

COMMENT ON COLUMN public.campaign_contacts.contact_id IS 'The platform contact (its do-not-call, suppressions and phone validity are the platform''s).';

COMMENT ON COLUMN public.campaign_contacts.phone_number IS 'The number dialed (E.164).';

COMMENT ON COLUMN public.campaign_contacts.first_name IS 'First name (as imported).';

COMMENT ON COLUMN public.campaign_contacts.last_name IS 'Last name (as imported).';

COMMENT ON COLUMN public.campaign_contacts.email IS 'Email (as imported).';

COMMENT ON COLUMN public.campaign_contacts.company IS 'Company (as imported).';

COMMENT ON COLUMN public.campaign_contacts.status IS 'pending, calling (reserved or on a call), completed, failed (retried after retry_interval until max_attempts), do-not-call, callback (due at callback_at).';

COMMENT ON COLUMN public.campaign_contacts.attempts IS 'Calls placed to this contact by the campaign (derived from its call logs).';

COMMENT ON COLUMN public.campaign_contacts.last_attempt_at IS 'When the last call started.';

COMMENT ON COLUMN public.campaign_contacts.next_attempt_at IS 'Not dialed before this (set by dialbridge.schedule_next_attempt).';

COMMENT ON COLUMN public.campaign_contacts.last_call_id IS 'The last call log.';

COMMENT ON COLUMN public.campaign_contacts.priority IS 'Queue priority (higher first).';

COMMENT ON COLUMN public.campaign_contacts.scheduled_at IS 'Not dialed before this (set on import).';

COMMENT ON COLUMN public.campaign_contacts.callback_at IS 'When the contact asked to be called back (a callback disposition''s follow-up date).';

COMMENT ON COLUMN public.campaign_contacts.time_zones IS 'Candidate time zones of the called party (dialbridge.called_party_time_zones), kept current with the contact.';

COMMENT ON COLUMN public.campaign_contacts.calling_state IS 'The called party''s US state, for its calling window (dialbridge.called_party_state).';

COMMENT ON COLUMN public.campaign_contacts.place_id IS 'Its place (dialbridge.calling_places): the queue checks calling hours per place.';

COMMENT ON COLUMN public.campaign_contacts.is_callback IS 'A callback (first in line when due).';

COMMENT ON COLUMN public.campaign_contacts.queue_due_at IS 'Its place in line after callbacks and priority: the next attempt, else the schedule, else when it was added.';

COMMENT ON COLUMN public.campaign_contacts.reserved_by IS 'The agent the contact is reserved for.';

COMMENT ON COLUMN public.campaign_contacts.reserved_at IS 'When it was reserved.';

COMMENT ON COLUMN public.campaign_contacts.reserved_until IS 'The reservation returns to the queue after this unless a call started (then: held until the call ends).';

COMMENT ON COLUMN public.campaign_contacts.reserved_from_status IS 'The status to return to when a reservation is released.';

COMMENT ON COLUMN public.campaign_contacts.reserved_for_call_id IS 'The call that holds the reservation (null: reserved by the queue, waiting for a call).';

COMMENT ON COLUMN public.campaign_contacts.skip_reason IS 'Why the agent skipped the contact in preview mode.';

COMMENT ON COLUMN public.campaign_contacts.skipped_at IS 'When it was last skipped.';

COMMENT ON COLUMN public.campaign_contacts.metadata IS 'JSON custom fields (as imported).';

COMMENT ON COLUMN public.campaign_contacts.queue_position IS 'Order of import: the last tie-breaker of the queue (a list is dialed in the order it was added).';

COMMENT ON COLUMN public.campaign_contacts.created_at IS 'When the contact was added.';

COMMENT ON COLUMN public.campaign_contacts.updated_at IS 'When it last changed.';

ALTER TABLE public.campaign_contacts ALTER COLUMN queue_position ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.campaign_contacts_queue_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_contact_key UNIQUE (campaign_id, contact_id);

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_pkey PRIMARY KEY (id);

CREATE INDEX campaign_contacts_calling_idx ON public.campaign_contacts USING btree (contact_id) WHERE (status = 'calling'::text);

CREATE INDEX campaign_contacts_contact_idx ON public.campaign_contacts USING btree (contact_id);

CREATE INDEX campaign_contacts_line_idx ON public.campaign_contacts USING btree (campaign_id, is_callback DESC, priority DESC, queue_due_at, attempts, queue_position) WHERE (status = ANY (ARRAY['pending'::text, 'failed'::text, 'callback'::text]));

CREATE INDEX campaign_contacts_place_idx ON public.campaign_contacts USING btree (place_id);

CREATE INDEX campaign_contacts_reservations_idx ON public.campaign_contacts USING btree (campaign_id, reserved_until) WHERE (status = 'calling'::text);

CREATE TRIGGER _100_place BEFORE INSERT OR UPDATE OF contact_id, phone_number ON public.campaign_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_campaign_contacts__place();

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.campaign_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.update_updated_at_column();

CREATE TRIGGER _200_schedule BEFORE INSERT OR UPDATE ON public.campaign_contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.schedule_next_attempt();

CREATE TRIGGER _900_stats_delete AFTER DELETE ON public.campaign_contacts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.update_campaign_stats();

CREATE TRIGGER _900_stats_insert AFTER INSERT ON public.campaign_contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.update_campaign_stats();

CREATE TRIGGER _900_stats_update AFTER UPDATE ON public.campaign_contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.update_campaign_stats();

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES public.dialer_campaigns(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_last_call_id_fkey FOREIGN KEY (last_call_id) REFERENCES public.call_logs(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_place_id_fkey FOREIGN KEY (place_id) REFERENCES dialbridge.calling_places(id);

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_reserved_by_fkey FOREIGN KEY (reserved_by) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.campaign_contacts
    ADD CONSTRAINT campaign_contacts_reserved_for_call_id_fkey FOREIGN KEY (reserved_for_call_id) REFERENCES public.call_logs(id) ON DELETE SET NULL;

CREATE POLICY "Owners and managers change campaign contacts" ON public.campaign_contacts FOR UPDATE TO authenticated USING (( SELECT dialbridge.can_manage_campaign(campaign_contacts.campaign_id) AS can_manage_campaign)) WITH CHECK (( SELECT dialbridge.can_manage_campaign(campaign_contacts.campaign_id) AS can_manage_campaign));

CREATE POLICY "Owners and managers remove campaign contacts" ON public.campaign_contacts FOR DELETE TO authenticated USING (( SELECT dialbridge.can_manage_campaign(campaign_contacts.campaign_id) AS can_manage_campaign));

CREATE POLICY "Users see the contacts of campaigns they see" ON public.campaign_contacts FOR SELECT TO authenticated USING (( SELECT dialbridge.can_see_campaign(campaign_contacts.campaign_id) AS can_see_campaign));

ALTER TABLE public.campaign_contacts ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.campaign_contacts TO service_role;
GRANT SELECT,DELETE ON TABLE public.campaign_contacts TO authenticated;

GRANT UPDATE(first_name) ON TABLE public.campaign_contacts TO authenticated;

GRANT UPDATE(last_name) ON TABLE public.campaign_contacts TO authenticated;

GRANT UPDATE(email) ON TABLE public.campaign_contacts TO authenticated;

GRANT UPDATE(company) ON TABLE public.campaign_contacts TO authenticated;

GRANT UPDATE(priority) ON TABLE public.campaign_contacts TO authenticated;

GRANT UPDATE(scheduled_at) ON TABLE public.campaign_contacts TO authenticated;

GRANT UPDATE(metadata) ON TABLE public.campaign_contacts TO authenticated;

GRANT ALL ON SEQUENCE public.campaign_contacts_queue_position_seq TO service_role;
