CREATE TABLE public.contact_activities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid,
    user_id uuid,
    phoneburner_session_id uuid,
    team_id uuid,
    activity_type text NOT NULL,
    source_system text DEFAULT 'phoneburner'::text NOT NULL,
    matching_status text DEFAULT 'matched'::text NOT NULL,
    dedupe_key text,
    call_started_at timestamp with time zone,
    call_connected_at timestamp with time zone,
    call_ended_at timestamp with time zone,
    ring_duration_seconds integer,
    call_duration_seconds integer,
    talk_time_seconds integer,
    call_outcome text,
    answered_by text,
    disposition_code text,
    disposition_label text,
    disposition_notes text,
    disposition_set_at timestamp with time zone,
    callback_scheduled_date timestamp with time zone,
    callback_completed_at timestamp with time zone,
    callback_outcome text,
    recording_url text,
    recording_duration_seconds integer,
    recording_transcription text,
    user_name text,
    user_email text,
    phoneburner_call_id text,
    phoneburner_contact_id text,
    phoneburner_event_id text,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    remarketing_buyer_id uuid,
    listing_id uuid,
    valuation_lead_id uuid,
    contact_email text,
    call_connected boolean,
    call_direction text,
    recording_url_public text,
    call_transcript text,
    phoneburner_status text,
    contact_notes text,
    ai_summary text,
    CONSTRAINT contact_activities_activity_type_check CHECK ((activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'callback_scheduled'::text, 'voicemail_left'::text, 'email_sent'::text, 'email_opened'::text, 'meeting_scheduled'::text, 'contact_updated'::text, 'note'::text]))),
    CONSTRAINT contact_activities_anchor_xor CHECK ((NOT ((remarketing_buyer_id IS NOT NULL) AND (listing_id IS NOT NULL)))),
    CONSTRAINT contact_activities_answered_by_check CHECK ((answered_by = ANY (ARRAY['decision_maker'::text, 'gatekeeper'::text, 'voicemail'::text, 'answering_service'::text, 'unknown'::text]))),
    CONSTRAINT contact_activities_call_direction_check CHECK ((call_direction = ANY (ARRAY['outbound'::text, 'inbound'::text]))),
    CONSTRAINT contact_activities_call_outcome_check CHECK ((call_outcome = ANY (ARRAY['connected'::text, 'voicemail'::text, 'no_answer'::text, 'busy'::text, 'failed'::text, 'rejected'::text]))),
    CONSTRAINT contact_activities_callback_outcome_check CHECK ((callback_outcome = ANY (ARRAY['completed'::text, 'rescheduled'::text, 'missed'::text, 'cancelled'::text]))),
    CONSTRAINT contact_activities_durations_check CHECK (((COALESCE(call_duration_seconds, 0) >= 0) AND (COALESCE(talk_time_seconds, 0) >= 0) AND (COALESCE(ring_duration_seconds, 0) >= 0) AND (COALESCE(recording_duration_seconds, 0) >= 0))),
    CONSTRAINT contact_activities_matching_status_check CHECK ((matching_status = ANY (ARRAY['matched'::text, 'unmatched'::text, 'manually_linked'::text]))),
    CONSTRAINT contact_activities_unmatched_has_no_contact_check CHECK (((matching_status <> 'unmatched'::text) OR (contact_id IS NULL)))
);

COMMENT ON TABLE public.contact_activities IS 'Contact timeline: one row per call (all its dialer events merged), plus callbacks, contact changes and manual entries.';

COMMENT ON COLUMN public.contact_activities.id IS 'Activity id (uuid).';

COMMENT ON COLUMN public.contact_activities.contact_id IS 'The contact; null while the call is unmatched (or after the contact was deleted: its calls are kept).';

COMMENT ON COLUMN public.contact_activities.user_id IS 'Rep who made the call.';

COMMENT ON COLUMN public.contact_activities.phoneburner_session_id IS 'Dial session the call belongs to (our session id).';

COMMENT ON COLUMN public.contact_activities.team_id IS 'Team the activity belongs to.';

COMMENT ON COLUMN public.contact_activities.activity_type IS 'Calls: call_attempt while under way, call_completed once ended or dispositioned (one row per call; stage from call_connected_at, call_ended_at, disposition_set_at; the seed''s per-event vocabulary is the view seed.contact_activities). Other rows: callback_scheduled, contact_updated, voicemail_left, email_sent, email_opened, meeting_scheduled, note (call_connected and disposition_set are accepted from writers of the seed''s vocabulary).';

COMMENT ON COLUMN public.contact_activities.source_system IS 'phoneburner, manual (logged by hand), sourceco_platform, voipstudio, bolna, …';

COMMENT ON COLUMN public.contact_activities.matching_status IS 'matched, unmatched (no contact found yet) or manually_linked.';

COMMENT ON COLUMN public.contact_activities.dedupe_key IS 'Natural key of the activity (provider + call id + kind): makes ingestion idempotent.';

COMMENT ON COLUMN public.contact_activities.call_started_at IS 'When dialing began.';

COMMENT ON COLUMN public.contact_activities.call_connected_at IS 'When the call was answered.';

COMMENT ON COLUMN public.contact_activities.call_ended_at IS 'When the call ended.';

COMMENT ON COLUMN public.contact_activities.ring_duration_seconds IS 'Ringing time, seconds.';

COMMENT ON COLUMN public.contact_activities.call_duration_seconds IS 'Total call duration (ringing + talk), seconds.';

COMMENT ON COLUMN public.contact_activities.talk_time_seconds IS 'Conversation time, seconds.';

COMMENT ON COLUMN public.contact_activities.call_outcome IS 'connected, voicemail, no_answer, busy, failed or rejected.';

COMMENT ON COLUMN public.contact_activities.answered_by IS 'decision_maker, gatekeeper, voicemail, answering_service or unknown.';

COMMENT ON COLUMN public.contact_activities.disposition_code IS 'Disposition code (seed contract) or the code of the mapping matched by label (real PhoneBurner).';

COMMENT ON COLUMN public.contact_activities.disposition_label IS 'Disposition label as the rep chose it.';

COMMENT ON COLUMN public.contact_activities.disposition_notes IS 'Rep''s call notes.';

COMMENT ON COLUMN public.contact_activities.disposition_set_at IS 'When the disposition was set.';

COMMENT ON COLUMN public.contact_activities.callback_scheduled_date IS 'When the scheduled callback is due.';

COMMENT ON COLUMN public.contact_activities.callback_completed_at IS 'When the callback was made.';

COMMENT ON COLUMN public.contact_activities.callback_outcome IS 'completed, rescheduled, missed or cancelled.';

COMMENT ON COLUMN public.contact_activities.recording_url IS 'Link to the call recording.';

COMMENT ON COLUMN public.contact_activities.recording_duration_seconds IS 'Recording length, seconds.';

COMMENT ON COLUMN public.contact_activities.recording_transcription IS 'Transcript, when available.';

COMMENT ON COLUMN public.contact_activities.user_name IS 'Rep name at the time of the call.';

COMMENT ON COLUMN public.contact_activities.user_email IS 'Rep email at the time of the call.';

COMMENT ON COLUMN public.contact_activities.phoneburner_call_id IS 'PhoneBurner''s call id.';

COMMENT ON COLUMN public.contact_activities.phoneburner_contact_id IS 'PhoneBurner''s contact id.';

COMMENT ON COLUMN public.contact_activities.phoneburner_event_id IS 'Event id of the first event that created the row.';

COMMENT ON COLUMN public.contact_activities.details IS 'Extra context (changed fields of contact_updated, callback notes, …).';

COMMENT ON COLUMN public.contact_activities.created_at IS 'When the activity was recorded.';

COMMENT ON COLUMN public.contact_activities.updated_at IS 'When the activity last changed (a later event of the same call, a note).';

COMMENT ON COLUMN public.contact_activities.deleted_at IS 'Soft delete (records are kept for audit).';

COMMENT ON COLUMN public.contact_activities.remarketing_buyer_id IS 'Buyer firm of the call (from the contact''s remarketing_buyer_id unless the row is anchored to a listing).';

COMMENT ON COLUMN public.contact_activities.listing_id IS 'Deal / listing of the call (from the contact''s listing_id, or set when a rep logs or links a call to a deal).';

COMMENT ON COLUMN public.contact_activities.valuation_lead_id IS 'Valuation lead of the call (from the contact''s valuation_lead_id, kept from the push''s inline contact).';

COMMENT ON COLUMN public.contact_activities.contact_email IS 'The contact''s e-mail at the time of the call (the contact''s, else what the dialer sent); a manual row without contact_id is linked by it.';

COMMENT ON COLUMN public.contact_activities.call_connected IS 'Whether someone was reached: call_outcome = connected for dialer calls; as logged for manual calls. SourceCo''s screens count connected calls by it.';

COMMENT ON COLUMN public.contact_activities.call_direction IS 'outbound or inbound (dialer calls: what the dialer sent, else outbound).';

COMMENT ON COLUMN public.contact_activities.recording_url_public IS 'Shareable recording link (PhoneBurner recording_url_public / recording_link_public).';

COMMENT ON COLUMN public.contact_activities.call_transcript IS 'Transcript of the call (a wrapped delivery''s Transcript, or a transcript synced later).';

COMMENT ON COLUMN public.contact_activities.phoneburner_status IS 'PhoneBurner''s own status text for the call (api_calldone status; the seed''s outcome as sent).';

COMMENT ON COLUMN public.contact_activities.contact_notes IS 'The contact''s notes as PhoneBurner returned them with the call.';

COMMENT ON COLUMN public.contact_activities.ai_summary IS 'Short summary of the call (generate-call-summary: the transcript analysis, cached here).';

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_dedupe_key_key UNIQUE (dedupe_key);

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_pkey PRIMARY KEY (id);

CREATE INDEX contact_activities_contact_calls_idx ON public.contact_activities USING btree (contact_id, call_started_at) WHERE ((deleted_at IS NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

CREATE INDEX contact_activities_contact_connected_idx ON public.contact_activities USING btree (contact_id, COALESCE(call_connected_at, call_started_at)) WHERE ((deleted_at IS NULL) AND (call_outcome = 'connected'::text) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

CREATE INDEX contact_activities_contact_date_idx ON public.contact_activities USING btree (contact_id, call_started_at DESC);

CREATE INDEX contact_activities_contact_disposition_idx ON public.contact_activities USING btree (contact_id, disposition_set_at DESC, dedupe_key DESC NULLS LAST, id DESC) WHERE ((deleted_at IS NULL) AND (disposition_set_at IS NOT NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

CREATE INDEX contact_activities_contact_email_idx ON public.contact_activities USING btree (lower(contact_email)) WHERE (contact_email IS NOT NULL);

CREATE INDEX contact_activities_contact_engaged_idx ON public.contact_activities USING btree (contact_id, COALESCE(call_connected_at, call_started_at)) WHERE ((deleted_at IS NULL) AND (call_outcome = 'connected'::text) AND (talk_time_seconds > 120) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

CREATE INDEX contact_activities_created_at_idx ON public.contact_activities USING btree (created_at DESC);

CREATE INDEX contact_activities_disposition_idx ON public.contact_activities USING btree (disposition_code) WHERE (disposition_code IS NOT NULL);

CREATE INDEX contact_activities_label_only_idx ON public.contact_activities USING btree (dialbridge.normalize_label(disposition_label)) WHERE ((disposition_code IS NULL) AND (disposition_label IS NOT NULL));

CREATE INDEX contact_activities_listing_idx ON public.contact_activities USING btree (listing_id) WHERE (listing_id IS NOT NULL);

CREATE INDEX contact_activities_member_disposition_idx ON public.contact_activities USING btree (phoneburner_session_id, contact_id, disposition_set_at DESC, dedupe_key DESC NULLS LAST, id DESC) WHERE ((deleted_at IS NULL) AND (disposition_set_at IS NOT NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

CREATE INDEX contact_activities_pb_call_idx ON public.contact_activities USING btree (phoneburner_call_id) WHERE (phoneburner_call_id IS NOT NULL);

CREATE INDEX contact_activities_remarketing_buyer_idx ON public.contact_activities USING btree (remarketing_buyer_id) WHERE (remarketing_buyer_id IS NOT NULL);

CREATE INDEX contact_activities_session_activity_idx ON public.contact_activities USING btree (phoneburner_session_id, GREATEST(call_started_at, call_connected_at, call_ended_at, disposition_set_at)) WHERE ((deleted_at IS NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

CREATE INDEX contact_activities_session_calls_idx ON public.contact_activities USING btree (phoneburner_session_id, call_started_at) WHERE ((deleted_at IS NULL) AND (activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

CREATE INDEX contact_activities_session_idx ON public.contact_activities USING btree (phoneburner_session_id);

CREATE INDEX contact_activities_team_date_idx ON public.contact_activities USING btree (team_id, call_started_at DESC);

CREATE INDEX contact_activities_unmatched_idx ON public.contact_activities USING btree (created_at) WHERE (matching_status = 'unmatched'::text);

CREATE INDEX contact_activities_unmatched_pb_contact_idx ON public.contact_activities USING btree (phoneburner_contact_id) WHERE ((matching_status = 'unmatched'::text) AND (phoneburner_contact_id IS NOT NULL));

CREATE INDEX contact_activities_user_date_idx ON public.contact_activities USING btree (user_id, call_started_at DESC);

CREATE INDEX contact_activities_valuation_lead_idx ON public.contact_activities USING btree (valuation_lead_id) WHERE (valuation_lead_id IS NOT NULL);

CREATE TRIGGER _040_sourceco_columns BEFORE INSERT OR UPDATE ON public.contact_activities FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contact_activities__sourceco_columns();

CREATE TRIGGER _050_call_defaults BEFORE INSERT OR UPDATE ON public.contact_activities FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contact_activities__call_defaults();

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.contact_activities FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

CREATE TRIGGER _500_aggregate_calls_after_delete AFTER DELETE ON public.contact_activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__aggregate_calls();

CREATE TRIGGER _500_aggregate_calls_after_insert AFTER INSERT ON public.contact_activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__aggregate_calls();

CREATE TRIGGER _500_aggregate_calls_after_update AFTER UPDATE ON public.contact_activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__aggregate_calls();

CREATE TRIGGER _500_rollups_delete AFTER DELETE ON public.contact_activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__rollups_delete();

CREATE TRIGGER _500_rollups_insert AFTER INSERT ON public.contact_activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__rollups_insert();

CREATE TRIGGER _500_rollups_update AFTER UPDATE ON public.contact_activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contact_activities__rollups_update();

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_phoneburner_session_id_fkey FOREIGN KEY (phoneburner_session_id) REFERENCES public.phoneburner_sessions(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_source_system_fkey FOREIGN KEY (source_system) REFERENCES dialbridge.source_systems(source_system);

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.contact_activities
    ADD CONSTRAINT contact_activities_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Admins delete activities" ON public.contact_activities FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Reps annotate their team's activities" ON public.contact_activities FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps log manual activities for their team" ON public.contact_activities FOR INSERT TO authenticated WITH CHECK ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND (source_system = ANY (ARRAY['manual'::text, 'manual_entry'::text, 'sourceco_platform'::text])) AND ((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT dialbridge.is_admin() AS is_admin)) AND ((contact_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.contacts c
  WHERE ((c.id = contact_activities.contact_id) AND (NOT (c.team_id IS DISTINCT FROM contact_activities.team_id))))))));

CREATE POLICY "Reps see their team's activities" ON public.contact_activities FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.contact_activities ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.contact_activities TO service_role;
GRANT SELECT,DELETE ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(contact_id) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(user_id) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(team_id) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(activity_type) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(source_system) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(matching_status),UPDATE(matching_status) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(call_started_at) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(call_ended_at) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(call_duration_seconds) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(talk_time_seconds) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(call_outcome) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(answered_by) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(disposition_code) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(disposition_label) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(disposition_notes),UPDATE(disposition_notes) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(recording_url) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(user_name) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(details) ON TABLE public.contact_activities TO authenticated;

GRANT UPDATE(deleted_at) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(remarketing_buyer_id),UPDATE(remarketing_buyer_id) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(listing_id),UPDATE(listing_id) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(valuation_lead_id),UPDATE(valuation_lead_id) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(contact_email) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(call_connected) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(call_direction) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(recording_url_public) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(call_transcript) ON TABLE public.contact_activities TO authenticated;

GRANT INSERT(contact_notes) ON TABLE public.contact_activities TO authenticated;

GRANT UPDATE(ai_summary) ON TABLE public.contact_activities TO authenticated;
