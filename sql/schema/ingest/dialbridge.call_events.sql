CREATE TABLE dialbridge.call_events (
    log_id bigint NOT NULL,
    provider text NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    kind text NOT NULL,
    event_at timestamp with time zone NOT NULL,
    call_id text,
    call_key text,
    sourceco_contact_id text,
    provider_contact_id text,
    phone_e164 text[] DEFAULT '{}'::text[] NOT NULL,
    provider_user_id text,
    user_name text,
    user_email text,
    provider_session_id text,
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
    disposition_notes text,
    disposition_at timestamp with time zone,
    callback_at timestamp with time zone,
    callback_notes text,
    extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    normalized_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT call_events_answered_by_check CHECK ((answered_by = ANY (ARRAY['decision_maker'::text, 'gatekeeper'::text, 'voicemail'::text, 'answering_service'::text, 'unknown'::text]))),
    CONSTRAINT call_events_call_key_check CHECK (((kind = 'call'::text) = (call_key IS NOT NULL))),
    CONSTRAINT call_events_durations_check CHECK (((COALESCE(ring_seconds, 0) >= 0) AND (COALESCE(total_seconds, 0) >= 0) AND (COALESCE(talk_seconds, 0) >= 0) AND (COALESCE(recording_seconds, 0) >= 0))),
    CONSTRAINT call_events_kind_check CHECK ((kind = ANY (ARRAY['call'::text, 'ignored'::text]))),
    CONSTRAINT call_events_outcome_check CHECK ((outcome = ANY (ARRAY['connected'::text, 'voicemail'::text, 'no_answer'::text, 'busy'::text, 'failed'::text, 'rejected'::text])))
);

COMMENT ON TABLE dialbridge.call_events IS 'The shared call record: what one stored event of a generic provider says about a call, in contact_activities'' vocabulary (written by the provider''s normalize function). A call''s activity is a pure function of its rows, whatever their order.';

COMMENT ON COLUMN dialbridge.call_events.log_id IS 'dialbridge.webhook_events.id of the event.';

COMMENT ON COLUMN dialbridge.call_events.provider IS 'The provider.';

COMMENT ON COLUMN dialbridge.call_events.event_id IS 'The event''s identity.';

COMMENT ON COLUMN dialbridge.call_events.event_type IS 'The provider''s event type.';

COMMENT ON COLUMN dialbridge.call_events.kind IS 'call (about a call: call_key set) or ignored (stored, projects nothing).';

COMMENT ON COLUMN dialbridge.call_events.event_at IS 'When it happened (ties broken by event_id): the latest outcome, disposition and callback win.';

COMMENT ON COLUMN dialbridge.call_events.call_id IS 'The provider''s call id.';

COMMENT ON COLUMN dialbridge.call_events.call_key IS 'contact_activities.dedupe_key of the call: <provider>:call:<call id>.';

COMMENT ON COLUMN dialbridge.call_events.sourceco_contact_id IS 'Our contact key (contacts.sourceco_contact_id or contacts.id) when the provider carries it.';

COMMENT ON COLUMN dialbridge.call_events.provider_contact_id IS 'The provider''s contact id.';

COMMENT ON COLUMN dialbridge.call_events.phone_e164 IS 'The number called, as E.164 candidates (a contact matches when exactly one has it).';

COMMENT ON COLUMN dialbridge.call_events.provider_user_id IS 'The provider''s agent id.';

COMMENT ON COLUMN dialbridge.call_events.user_name IS 'Agent name as sent.';

COMMENT ON COLUMN dialbridge.call_events.user_email IS 'Agent email as sent (matches profiles.email).';

COMMENT ON COLUMN dialbridge.call_events.provider_session_id IS 'The provider''s session or campaign id.';

COMMENT ON COLUMN dialbridge.call_events.started_at IS 'Call start.';

COMMENT ON COLUMN dialbridge.call_events.connected_at IS 'When the call connected.';

COMMENT ON COLUMN dialbridge.call_events.ended_at IS 'Call end.';

COMMENT ON COLUMN dialbridge.call_events.ring_seconds IS 'Seconds ringing.';

COMMENT ON COLUMN dialbridge.call_events.total_seconds IS 'Call duration, seconds.';

COMMENT ON COLUMN dialbridge.call_events.talk_seconds IS 'Talk time, seconds.';

COMMENT ON COLUMN dialbridge.call_events.connected IS 'Whether the provider says the call connected.';

COMMENT ON COLUMN dialbridge.call_events.outcome IS 'Outcome in contact_activities.call_outcome''s vocabulary.';

COMMENT ON COLUMN dialbridge.call_events.answered_by IS 'Who answered, in contact_activities.answered_by''s vocabulary.';

COMMENT ON COLUMN dialbridge.call_events.recording_url IS 'Recording location.';

COMMENT ON COLUMN dialbridge.call_events.recording_seconds IS 'Recording length, seconds.';

COMMENT ON COLUMN dialbridge.call_events.disposition_code IS 'Disposition code as sent (matched by dialbridge.find_disposition_mapping).';

COMMENT ON COLUMN dialbridge.call_events.disposition_label IS 'Disposition label as sent.';

COMMENT ON COLUMN dialbridge.call_events.disposition_notes IS 'Notes of the disposition.';

COMMENT ON COLUMN dialbridge.call_events.disposition_at IS 'When the disposition was set.';

COMMENT ON COLUMN dialbridge.call_events.callback_at IS 'A callback the rep scheduled on the call.';

COMMENT ON COLUMN dialbridge.call_events.callback_notes IS 'Notes of that callback.';

COMMENT ON COLUMN dialbridge.call_events.extra IS 'Whatever else the provider sent that reports may want (copied into the activity''s details).';

COMMENT ON COLUMN dialbridge.call_events.normalized_at IS 'When the event was read.';

ALTER TABLE ONLY dialbridge.call_events
    ADD CONSTRAINT call_events_pkey PRIMARY KEY (log_id);

CREATE INDEX call_events_call_key_idx ON dialbridge.call_events USING btree (call_key) WHERE (call_key IS NOT NULL);

ALTER TABLE ONLY dialbridge.call_events
    ADD CONSTRAINT call_events_log_id_fkey FOREIGN KEY (log_id) REFERENCES dialbridge.webhook_events(id) ON DELETE CASCADE;

ALTER TABLE dialbridge.call_events ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE dialbridge.call_events TO service_role;
