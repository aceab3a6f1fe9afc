CREATE TABLE dialbridge.phoneburner_call_events (
    log_id bigint NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    kind text NOT NULL,
    event_at timestamp with time zone NOT NULL,
    call_id text,
    subject text,
    call_key text,
    is_start boolean DEFAULT false NOT NULL,
    sourceco_contact_id text,
    phoneburner_contact_id text,
    phone_e164 text[] DEFAULT '{}'::text[] NOT NULL,
    phoneburner_user_id text,
    user_name text,
    user_email text,
    phoneburner_session_id text,
    session_name text,
    started_at timestamp with time zone,
    connected_at timestamp with time zone,
    ended_at timestamp with time zone,
    ring_seconds integer,
    total_seconds integer,
    talk_seconds integer,
    connected boolean,
    outcome text,
    answered_by text,
    recording_url text,
    recording_seconds integer,
    disposition_code text,
    disposition_label text,
    disposition_category text,
    disposition_notes text,
    disposition_at timestamp with time zone,
    callback_at timestamp with time zone,
    callback_notes text,
    callback_details jsonb,
    changes jsonb,
    updated_by jsonb,
    extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    normalized_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT phoneburner_call_events_call_key_check CHECK (((kind = ANY (ARRAY['call'::text, 'callback'::text])) = (call_key IS NOT NULL))),
    CONSTRAINT phoneburner_call_events_durations_check CHECK (((COALESCE(ring_seconds, 0) >= 0) AND (COALESCE(total_seconds, 0) >= 0) AND (COALESCE(talk_seconds, 0) >= 0) AND (COALESCE(recording_seconds, 0) >= 0))),
    CONSTRAINT phoneburner_call_events_kind_check CHECK ((kind = ANY (ARRAY['call'::text, 'callback'::text, 'contact_update'::text, 'contact_displayed'::text])))
);

COMMENT ON TABLE dialbridge.phoneburner_call_events IS 'Normalised PhoneBurner events (one per processed log row): the facts contact_activities rows are computed from.';

COMMENT ON COLUMN dialbridge.phoneburner_call_events.kind IS 'call (a stage or the whole call), callback, contact_update or contact_displayed.';

COMMENT ON COLUMN dialbridge.phoneburner_call_events.subject IS 'Who the event is about, for events without a call id: pb:<PhoneBurner contact id>, sc:<SourceCo id> or tel:<E.164>.';

COMMENT ON COLUMN dialbridge.phoneburner_call_events.call_key IS 'The call the event belongs to (dedupe_key of its call activity).';

COMMENT ON COLUMN dialbridge.phoneburner_call_events.is_start IS 'call.started / api_callbegin: opens a call (used to correlate events without a call id).';

COMMENT ON COLUMN dialbridge.phoneburner_call_events.phone_e164 IS 'E.164 forms of the dialled number, for matching within the dial session.';

COMMENT ON COLUMN dialbridge.phoneburner_call_events.connected IS 'api_calldone''s connected flag (null when the event does not say).';

ALTER TABLE ONLY dialbridge.phoneburner_call_events
    ADD CONSTRAINT phoneburner_call_events_pkey PRIMARY KEY (log_id);

CREATE INDEX phoneburner_call_events_call_key_idx ON dialbridge.phoneburner_call_events USING btree (call_key) WHERE (call_key IS NOT NULL);

CREATE UNIQUE INDEX phoneburner_call_events_event_id_key ON dialbridge.phoneburner_call_events USING btree (event_id);

CREATE INDEX phoneburner_call_events_subject_idx ON dialbridge.phoneburner_call_events USING btree (subject, event_at) WHERE (subject IS NOT NULL);

CREATE TRIGGER _400_link_pushed_session AFTER INSERT OR UPDATE OF phoneburner_session_id ON dialbridge.phoneburner_call_events FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_phoneburner_call_events__link_pushed_session();

ALTER TABLE ONLY dialbridge.phoneburner_call_events
    ADD CONSTRAINT phoneburner_call_events_log_id_fkey FOREIGN KEY (log_id) REFERENCES public.phoneburner_webhooks_log(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.phoneburner_call_events ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE dialbridge.phoneburner_call_events TO service_role;
