CREATE TABLE public.contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    first_name text,
    last_name text,
    email text,
    phone text,
    company text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    sourceco_contact_id text,
    team_id uuid,
    owner_id uuid,
    title text,
    address_line1 text,
    city text,
    state text,
    zip text,
    country text,
    timezone text,
    contact_type text,
    legacy_contact_type text,
    buyer_type text,
    firm_type text,
    industry text,
    aum_usd numeric(18,2),
    fund_size_usd numeric(18,2),
    target_sectors text[],
    target_geographies text[],
    target_ebitda_min_usd numeric(18,2),
    target_ebitda_max_usd numeric(18,2),
    ebitda_usd numeric(18,2),
    list_source text,
    relationship_notes text,
    call_talking_points text,
    assistant_name text,
    assistant_phone text,
    contact_status text,
    contact_stage text,
    needs_review boolean DEFAULT false NOT NULL,
    needs_review_reason text,
    last_call_attempt_at timestamp with time zone,
    last_call_connected_at timestamp with time zone,
    first_call_attempt_at timestamp with time zone,
    total_call_attempts integer DEFAULT 0 NOT NULL,
    total_calls_connected integer DEFAULT 0 NOT NULL,
    total_calls_to_decision_maker integer DEFAULT 0 NOT NULL,
    total_calls_to_gatekeeper integer DEFAULT 0 NOT NULL,
    total_voicemails_left integer DEFAULT 0 NOT NULL,
    total_call_duration_seconds integer DEFAULT 0 NOT NULL,
    total_talk_time_seconds integer DEFAULT 0 NOT NULL,
    average_talk_time_seconds integer,
    best_call_day_of_week integer,
    best_call_time_of_day time without time zone,
    connection_rate_percentage numeric(5,2),
    phoneburner_contact_id text,
    phoneburner_last_sync_at timestamp with time zone,
    phoneburner_sync_status text DEFAULT 'synced'::text,
    phone_number_invalid boolean DEFAULT false NOT NULL,
    phone_number_invalid_reason text,
    phone_verified_at timestamp with time zone,
    do_not_call boolean DEFAULT false NOT NULL,
    do_not_call_reason text,
    do_not_call_set_at timestamp with time zone,
    do_not_call_set_by_user_id uuid,
    next_action_type text,
    next_action_date date,
    next_action_notes text,
    next_action_assigned_to_user_id uuid,
    last_disposition_code text,
    last_disposition_label text,
    last_disposition_date timestamp with time zone,
    last_disposition_notes text,
    gatekeeper_name text,
    gatekeeper_phone_extension text,
    gatekeeper_notes text,
    call_engagement_score integer,
    last_engaged_call_at timestamp with time zone,
    days_since_last_engaged_call integer,
    call_stats_last_calculated_at timestamp with time zone,
    call_stats_stale boolean DEFAULT false NOT NULL,
    phone_e164 text,
    phone_status text,
    phone_normalized_from text,
    phone_normalized_at timestamp with time zone,
    remarketing_buyer_id uuid,
    listing_id uuid,
    valuation_lead_id uuid,
    archived boolean DEFAULT false NOT NULL,
    CONSTRAINT contacts_contact_type_check CHECK (((contact_type = ANY (ARRAY['buyer'::text, 'seller'::text])) OR (NOT (contact_type IS DISTINCT FROM legacy_contact_type))))
);

COMMENT ON TABLE public.contacts IS 'SourceCo contacts (buyers and sellers) with the call-tracking, suppression, next-action and PhoneBurner sync columns dialbridge maintains.';

COMMENT ON COLUMN public.contacts.id IS 'Contact id (uuid).';

COMMENT ON COLUMN public.contacts.first_name IS 'First name.';

COMMENT ON COLUMN public.contacts.last_name IS 'Last name.';

COMMENT ON COLUMN public.contacts.email IS 'Primary email address.';

COMMENT ON COLUMN public.contacts.phone IS 'Primary phone number as entered or synced.';

COMMENT ON COLUMN public.contacts.company IS 'Company or firm name.';

COMMENT ON COLUMN public.contacts.created_at IS 'When the contact was created.';

COMMENT ON COLUMN public.contacts.updated_at IS 'When the contact''s own data last changed (fields, team, owner, status, next action, compliance flags); call statistics and scores do not move it.';

COMMENT ON COLUMN public.contacts.sourceco_contact_id IS 'Text key carried through the dialer and back (PhoneBurner custom field "SourceCo ID"); defaults to the uuid.';

COMMENT ON COLUMN public.contacts.team_id IS 'Team that works this contact; scopes who sees it.';

COMMENT ON COLUMN public.contacts.owner_id IS 'Rep who owns the relationship.';

COMMENT ON COLUMN public.contacts.title IS 'Job title.';

COMMENT ON COLUMN public.contacts.address_line1 IS 'Street address.';

COMMENT ON COLUMN public.contacts.city IS 'City.';

COMMENT ON COLUMN public.contacts.state IS 'State or region (US: two-letter code).';

COMMENT ON COLUMN public.contacts.zip IS 'Postal code.';

COMMENT ON COLUMN public.contacts.country IS 'Country (ISO 3166 alpha-2 preferred).';

COMMENT ON COLUMN public.contacts.timezone IS 'IANA time zone of the contact, used for legal calling hours.';

COMMENT ON COLUMN public.contacts.contact_type IS 'buyer (PE firm, strategic, family office…) or seller (business owner).';

COMMENT ON COLUMN public.contacts.legacy_contact_type IS 'SourceCo''s original contact_type when it was neither buyer nor seller as dialbridge was installed; that row may keep it, every other value must be buyer or seller. Rows still to clean up: contact_type = legacy_contact_type.';

COMMENT ON COLUMN public.contacts.buyer_type IS 'Buyer type, e.g. "PE Firm - Lower Middle Market", Strategic, Family Office.';

COMMENT ON COLUMN public.contacts.firm_type IS 'Firm type, e.g. Independent Sponsor.';

COMMENT ON COLUMN public.contacts.industry IS 'Industry (sellers) or primary sector focus.';

COMMENT ON COLUMN public.contacts.aum_usd IS 'Assets under management, USD (buyers).';

COMMENT ON COLUMN public.contacts.fund_size_usd IS 'Current fund size, USD (buyers).';

COMMENT ON COLUMN public.contacts.target_sectors IS 'Sectors the buyer targets.';

COMMENT ON COLUMN public.contacts.target_geographies IS 'Geographies the buyer targets.';

COMMENT ON COLUMN public.contacts.target_ebitda_min_usd IS 'Lower bound of the buyer''s target EBITDA range, USD.';

COMMENT ON COLUMN public.contacts.target_ebitda_max_usd IS 'Upper bound of the buyer''s target EBITDA range, USD.';

COMMENT ON COLUMN public.contacts.ebitda_usd IS 'Company EBITDA, USD (sellers).';

COMMENT ON COLUMN public.contacts.list_source IS 'Where the contact came from (list, campaign, import).';

COMMENT ON COLUMN public.contacts.relationship_notes IS 'Relationship context for reps.';

COMMENT ON COLUMN public.contacts.call_talking_points IS 'Talking points pushed to the dialer for the next call.';

COMMENT ON COLUMN public.contacts.assistant_name IS 'Assistant''s name.';

COMMENT ON COLUMN public.contacts.assistant_phone IS 'Assistant''s phone.';

COMMENT ON COLUMN public.contacts.contact_status IS 'SourceCo status set by dispositions: Qualified, Nurture, Disqualified, Suppressed, Invalid, Attempted.';

COMMENT ON COLUMN public.contacts.contact_stage IS 'SourceCo stage set by dispositions: Engaged, Follow-up, Meeting Set, Dead, Paused, Outreach.';

COMMENT ON COLUMN public.contacts.needs_review IS 'Flagged for a person to look at (e.g. the email domain changed in the dialer: possible company change).';

COMMENT ON COLUMN public.contacts.needs_review_reason IS 'Why the contact was flagged for review.';

COMMENT ON COLUMN public.contacts.last_call_attempt_at IS 'Start of the most recent call attempt (any outcome).';

COMMENT ON COLUMN public.contacts.last_call_connected_at IS 'Most recent call answered by a person (not voicemail).';

COMMENT ON COLUMN public.contacts.first_call_attempt_at IS 'Start of the first ever call attempt.';

COMMENT ON COLUMN public.contacts.total_call_attempts IS 'Calls attempted (one per call, however many events it produced).';

COMMENT ON COLUMN public.contacts.total_calls_connected IS 'Calls answered by a person (not voicemail).';

COMMENT ON COLUMN public.contacts.total_calls_to_decision_maker IS 'Calls answered by the decision maker.';

COMMENT ON COLUMN public.contacts.total_calls_to_gatekeeper IS 'Calls answered by a gatekeeper.';

COMMENT ON COLUMN public.contacts.total_voicemails_left IS 'Calls that reached voicemail.';

COMMENT ON COLUMN public.contacts.total_call_duration_seconds IS 'Sum of call durations including ringing, seconds.';

COMMENT ON COLUMN public.contacts.total_talk_time_seconds IS 'Sum of conversation time, seconds.';

COMMENT ON COLUMN public.contacts.average_talk_time_seconds IS 'total_talk_time_seconds / total_calls_connected.';

COMMENT ON COLUMN public.contacts.best_call_day_of_week IS 'ISO day of week with the best connection rate (1 = Monday).';

COMMENT ON COLUMN public.contacts.best_call_time_of_day IS 'Hour of day with the best connection rate.';

COMMENT ON COLUMN public.contacts.connection_rate_percentage IS 'total_calls_connected / total_call_attempts × 100.';

COMMENT ON COLUMN public.contacts.phoneburner_contact_id IS 'PhoneBurner''s id of this contact (contact.user_id in callbacks).';

COMMENT ON COLUMN public.contacts.phoneburner_last_sync_at IS 'Last time the contact was pushed to or synced from PhoneBurner.';

COMMENT ON COLUMN public.contacts.phoneburner_sync_status IS 'synced, pending, failed or conflict.';

COMMENT ON COLUMN public.contacts.phone_number_invalid IS 'The number is known bad (wrong number or disconnected disposition, or unparseable).';

COMMENT ON COLUMN public.contacts.phone_number_invalid_reason IS 'Why the number is invalid: disconnected, wrong_person, business_closed, unparseable.';

COMMENT ON COLUMN public.contacts.phone_verified_at IS 'Last call answered by a person: proves the number works.';

COMMENT ON COLUMN public.contacts.do_not_call IS 'Never call. Set with a suppression row; never lifted by a disposition or a sync.';

COMMENT ON COLUMN public.contacts.do_not_call_reason IS 'user_requested, legal_requirement or internal_policy.';

COMMENT ON COLUMN public.contacts.do_not_call_set_at IS 'When do-not-call was set.';

COMMENT ON COLUMN public.contacts.do_not_call_set_by_user_id IS 'Who set do-not-call (null: the contact asked on a call).';

COMMENT ON COLUMN public.contacts.next_action_type IS 'Next planned action: call, email, send_materials, schedule_meeting, …';

COMMENT ON COLUMN public.contacts.next_action_date IS 'When the next action is due.';

COMMENT ON COLUMN public.contacts.next_action_notes IS 'Context for the next action.';

COMMENT ON COLUMN public.contacts.next_action_assigned_to_user_id IS 'Rep the next action is assigned to.';

COMMENT ON COLUMN public.contacts.last_disposition_code IS 'Disposition code of the most recent dispositioned call.';

COMMENT ON COLUMN public.contacts.last_disposition_label IS 'Disposition label of the most recent dispositioned call.';

COMMENT ON COLUMN public.contacts.last_disposition_date IS 'When the most recent disposition was set.';

COMMENT ON COLUMN public.contacts.last_disposition_notes IS 'Rep notes of the most recent disposition.';

COMMENT ON COLUMN public.contacts.gatekeeper_name IS 'Name of the assistant or receptionist.';

COMMENT ON COLUMN public.contacts.gatekeeper_phone_extension IS 'Gatekeeper''s extension.';

COMMENT ON COLUMN public.contacts.gatekeeper_notes IS 'Tips for getting past the gatekeeper.';

COMMENT ON COLUMN public.contacts.call_engagement_score IS 'Engagement score 0–100 from connection rate, talk time, dispositions and recency.';

COMMENT ON COLUMN public.contacts.last_engaged_call_at IS 'Last meaningful conversation (over 2 minutes, positive outcome).';

COMMENT ON COLUMN public.contacts.days_since_last_engaged_call IS 'Days since last_engaged_call_at, refreshed nightly.';

COMMENT ON COLUMN public.contacts.call_stats_last_calculated_at IS 'When the call statistics last changed.';

COMMENT ON COLUMN public.contacts.call_stats_stale IS 'Statistics need a recompute (set by reconciliation when drift is found).';

COMMENT ON COLUMN public.contacts.phone_e164 IS 'The phone number in E.164 (+12125550123), normalised with libphonenumber; set only when phone_status is valid.';

COMMENT ON COLUMN public.contacts.phone_status IS 'valid (phone_e164 set), invalid (unparseable: flagged, never guessed), missing (no number) or pending (changed, not normalised yet).';

COMMENT ON COLUMN public.contacts.phone_normalized_from IS 'The phone value phone_e164 and phone_status were computed from.';

COMMENT ON COLUMN public.contacts.phone_normalized_at IS 'When the number was last normalised.';

COMMENT ON COLUMN public.contacts.remarketing_buyer_id IS 'Buyer firm the contact works for (SourceCo''s buyers.id; a push of entity_type buyers dials these contacts).';

COMMENT ON COLUMN public.contacts.listing_id IS 'Deal / seller company the contact belongs to (SourceCo''s listings.id).';

COMMENT ON COLUMN public.contacts.valuation_lead_id IS 'Valuation lead the contact came from (SourceCo''s valuation_leads.id; a push of entity_type leads dials these contacts).';

COMMENT ON COLUMN public.contacts.archived IS 'Archived in SourceCo (its screens list only contacts not archived).';

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_best_call_day_of_week_check CHECK (((best_call_day_of_week >= 1) AND (best_call_day_of_week <= 7))) NOT VALID;

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_call_counters_check CHECK (((total_call_attempts >= 0) AND (total_calls_connected >= 0) AND (total_calls_connected <= total_call_attempts) AND (total_calls_to_decision_maker >= 0) AND (total_calls_to_gatekeeper >= 0) AND (total_voicemails_left >= 0) AND (total_call_duration_seconds >= 0) AND (total_talk_time_seconds >= 0))) NOT VALID;

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_call_engagement_score_check CHECK (((call_engagement_score >= 0) AND (call_engagement_score <= 100))) NOT VALID;

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_next_action_type_check CHECK ((next_action_type = ANY (ARRAY['call'::text, 'email'::text, 'send_materials'::text, 'schedule_meeting'::text, 'meeting_prep'::text, 'research'::text, 'remarket'::text]))) NOT VALID;

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_phone_e164_check CHECK ((((phone_e164 IS NOT NULL) = (NOT (phone_status IS DISTINCT FROM 'valid'::text))) AND ((phone_e164 IS NULL) OR (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'::text)))) NOT VALID;

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_phone_status_check CHECK ((phone_status = ANY (ARRAY['valid'::text, 'invalid'::text, 'missing'::text, 'pending'::text]))) NOT VALID;

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_phoneburner_sync_status_check CHECK ((phoneburner_sync_status = ANY (ARRAY['synced'::text, 'pending'::text, 'failed'::text, 'conflict'::text]))) NOT VALID;

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_pkey PRIMARY KEY (id);

ALTER TABLE public.contacts
    ADD CONSTRAINT contacts_target_ebitda_range_check CHECK (((target_ebitda_min_usd IS NULL) OR (target_ebitda_max_usd IS NULL) OR (target_ebitda_min_usd <= target_ebitda_max_usd))) NOT VALID;

CREATE INDEX contacts_contact_type_idx ON public.contacts USING btree (team_id, contact_type);

CREATE INDEX contacts_do_not_call_idx ON public.contacts USING btree (id) WHERE do_not_call;

CREATE INDEX contacts_engagement_score_idx ON public.contacts USING btree (call_engagement_score DESC);

CREATE INDEX contacts_last_call_attempt_idx ON public.contacts USING btree (last_call_attempt_at DESC);

CREATE INDEX contacts_listing_idx ON public.contacts USING btree (listing_id) WHERE (listing_id IS NOT NULL);

CREATE INDEX contacts_next_action_date_idx ON public.contacts USING btree (next_action_date) WHERE (next_action_date IS NOT NULL);

CREATE INDEX contacts_owner_id_idx ON public.contacts USING btree (owner_id);

CREATE INDEX contacts_phone_e164_idx ON public.contacts USING btree (phone_e164) WHERE (phone_e164 IS NOT NULL);

CREATE INDEX contacts_phone_invalid_idx ON public.contacts USING btree (id) WHERE phone_number_invalid;

CREATE INDEX contacts_phone_pending_idx ON public.contacts USING btree (id) WHERE (phone_status = 'pending'::text);

CREATE UNIQUE INDEX contacts_phoneburner_contact_id_key ON public.contacts USING btree (phoneburner_contact_id) WHERE (phoneburner_contact_id IS NOT NULL);

CREATE INDEX contacts_remarketing_buyer_idx ON public.contacts USING btree (remarketing_buyer_id) WHERE (remarketing_buyer_id IS NOT NULL);

CREATE UNIQUE INDEX contacts_sourceco_contact_id_key ON public.contacts USING btree (sourceco_contact_id);

CREATE INDEX contacts_team_id_idx ON public.contacts USING btree (team_id);

CREATE INDEX contacts_valuation_lead_idx ON public.contacts USING btree (valuation_lead_id) WHERE (valuation_lead_id IS NOT NULL);

CREATE TRIGGER _050_default_sourceco_id BEFORE INSERT OR UPDATE OF sourceco_contact_id ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__default_sourceco_id();

CREATE TRIGGER _060_phone_status BEFORE INSERT OR UPDATE OF phone, phone_e164, phone_status, phone_normalized_from ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__phone_status();

CREATE TRIGGER _100_timestamps BEFORE UPDATE OF sourceco_contact_id, team_id, owner_id, first_name, last_name, email, phone, company, title, address_line1, city, state, zip, country, timezone, contact_type, buyer_type, firm_type, industry, aum_usd, fund_size_usd, target_sectors, target_geographies, target_ebitda_min_usd, target_ebitda_max_usd, ebitda_usd, list_source, relationship_notes, call_talking_points, assistant_name, assistant_phone, contact_status, contact_stage, needs_review, needs_review_reason, phone_number_invalid, do_not_call, do_not_call_reason, next_action_type, next_action_date, next_action_notes, next_action_assigned_to_user_id, gatekeeper_name, gatekeeper_phone_extension, gatekeeper_notes ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

CREATE TRIGGER _200_keep_do_not_call BEFORE INSERT OR UPDATE OF do_not_call, do_not_call_reason, do_not_call_set_at, do_not_call_set_by_user_id ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__keep_do_not_call();

CREATE TRIGGER _300_keep_legal_suppressions BEFORE DELETE ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__keep_legal_suppressions();

CREATE TRIGGER _500_detach_segment_rollups BEFORE DELETE ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__move_segment_rollups();

CREATE TRIGGER _500_move_segment_rollups AFTER UPDATE OF contact_type, list_source, industry, state, country ON public.contacts FOR EACH ROW WHEN (((old.contact_type IS DISTINCT FROM new.contact_type) OR (old.list_source IS DISTINCT FROM new.list_source) OR (old.industry IS DISTINCT FROM new.industry) OR (old.state IS DISTINCT FROM new.state) OR (old.country IS DISTINCT FROM new.country))) EXECUTE FUNCTION dialbridge.tg_contacts__move_segment_rollups();

CREATE TRIGGER _600_record_do_not_call AFTER INSERT OR UPDATE OF do_not_call ON public.contacts FOR EACH ROW WHEN (new.do_not_call) EXECUTE FUNCTION dialbridge.tg_contacts__record_do_not_call();

CREATE TRIGGER _610_audit_field_changes AFTER UPDATE OF phone, email, first_name, last_name, company, title, address_line1, city, state, zip ON public.contacts FOR EACH ROW EXECUTE FUNCTION dialbridge.tg_contacts__audit_field_changes();

CREATE TRIGGER _900_enqueue_phone_normalization AFTER UPDATE ON public.contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization();

CREATE TRIGGER _900_enqueue_phone_normalization_on_insert AFTER INSERT ON public.contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization();

CREATE TRIGGER _950_refresh_campaign_places AFTER UPDATE OF timezone, state, zip ON public.contacts FOR EACH ROW WHEN (((old.timezone IS DISTINCT FROM new.timezone) OR (old.state IS DISTINCT FROM new.state) OR (old.zip IS DISTINCT FROM new.zip))) EXECUTE FUNCTION dialbridge.tg_contacts__refresh_campaign_places();

CREATE TRIGGER _960_queue_rematch AFTER INSERT OR UPDATE OF phoneburner_contact_id, sourceco_contact_id ON public.contacts FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg__queue_rematch();

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_do_not_call_set_by_user_id_fkey FOREIGN KEY (do_not_call_set_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_next_action_assigned_to_user_id_fkey FOREIGN KEY (next_action_assigned_to_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE SET NULL;

CREATE POLICY "Managers delete their team's contacts" ON public.contacts FOR DELETE TO authenticated USING ((((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) AND ( SELECT dialbridge.is_manager_or_admin() AS is_manager_or_admin)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps add contacts to their team" ON public.contacts FOR INSERT TO authenticated WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps edit their team's contacts" ON public.contacts FOR UPDATE TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin))) WITH CHECK (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

CREATE POLICY "Reps see their team's contacts" ON public.contacts FOR SELECT TO authenticated USING (((team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin)));

ALTER TABLE public.contacts ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.contacts TO service_role;
GRANT SELECT,DELETE ON TABLE public.contacts TO authenticated;

GRANT INSERT(id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(first_name),UPDATE(first_name) ON TABLE public.contacts TO authenticated;

GRANT INSERT(last_name),UPDATE(last_name) ON TABLE public.contacts TO authenticated;

GRANT INSERT(email),UPDATE(email) ON TABLE public.contacts TO authenticated;

GRANT INSERT(phone),UPDATE(phone) ON TABLE public.contacts TO authenticated;

GRANT INSERT(company),UPDATE(company) ON TABLE public.contacts TO authenticated;

GRANT INSERT(sourceco_contact_id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(team_id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(owner_id),UPDATE(owner_id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(title),UPDATE(title) ON TABLE public.contacts TO authenticated;

GRANT INSERT(address_line1),UPDATE(address_line1) ON TABLE public.contacts TO authenticated;

GRANT INSERT(city),UPDATE(city) ON TABLE public.contacts TO authenticated;

GRANT INSERT(state),UPDATE(state) ON TABLE public.contacts TO authenticated;

GRANT INSERT(zip),UPDATE(zip) ON TABLE public.contacts TO authenticated;

GRANT INSERT(country),UPDATE(country) ON TABLE public.contacts TO authenticated;

GRANT INSERT(timezone),UPDATE(timezone) ON TABLE public.contacts TO authenticated;

GRANT INSERT(contact_type),UPDATE(contact_type) ON TABLE public.contacts TO authenticated;

GRANT INSERT(buyer_type),UPDATE(buyer_type) ON TABLE public.contacts TO authenticated;

GRANT INSERT(firm_type),UPDATE(firm_type) ON TABLE public.contacts TO authenticated;

GRANT INSERT(industry),UPDATE(industry) ON TABLE public.contacts TO authenticated;

GRANT INSERT(aum_usd),UPDATE(aum_usd) ON TABLE public.contacts TO authenticated;

GRANT INSERT(fund_size_usd),UPDATE(fund_size_usd) ON TABLE public.contacts TO authenticated;

GRANT INSERT(target_sectors),UPDATE(target_sectors) ON TABLE public.contacts TO authenticated;

GRANT INSERT(target_geographies),UPDATE(target_geographies) ON TABLE public.contacts TO authenticated;

GRANT INSERT(target_ebitda_min_usd),UPDATE(target_ebitda_min_usd) ON TABLE public.contacts TO authenticated;

GRANT INSERT(target_ebitda_max_usd),UPDATE(target_ebitda_max_usd) ON TABLE public.contacts TO authenticated;

GRANT INSERT(ebitda_usd),UPDATE(ebitda_usd) ON TABLE public.contacts TO authenticated;

GRANT INSERT(list_source),UPDATE(list_source) ON TABLE public.contacts TO authenticated;

GRANT INSERT(relationship_notes),UPDATE(relationship_notes) ON TABLE public.contacts TO authenticated;

GRANT INSERT(call_talking_points),UPDATE(call_talking_points) ON TABLE public.contacts TO authenticated;

GRANT INSERT(assistant_name),UPDATE(assistant_name) ON TABLE public.contacts TO authenticated;

GRANT INSERT(assistant_phone),UPDATE(assistant_phone) ON TABLE public.contacts TO authenticated;

GRANT INSERT(contact_status),UPDATE(contact_status) ON TABLE public.contacts TO authenticated;

GRANT INSERT(contact_stage),UPDATE(contact_stage) ON TABLE public.contacts TO authenticated;

GRANT UPDATE(needs_review) ON TABLE public.contacts TO authenticated;

GRANT UPDATE(needs_review_reason) ON TABLE public.contacts TO authenticated;

GRANT INSERT(next_action_type),UPDATE(next_action_type) ON TABLE public.contacts TO authenticated;

GRANT INSERT(next_action_date),UPDATE(next_action_date) ON TABLE public.contacts TO authenticated;

GRANT INSERT(next_action_notes),UPDATE(next_action_notes) ON TABLE public.contacts TO authenticated;

GRANT INSERT(next_action_assigned_to_user_id),UPDATE(next_action_assigned_to_user_id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(gatekeeper_name),UPDATE(gatekeeper_name) ON TABLE public.contacts TO authenticated;

GRANT INSERT(gatekeeper_phone_extension),UPDATE(gatekeeper_phone_extension) ON TABLE public.contacts TO authenticated;

GRANT INSERT(gatekeeper_notes),UPDATE(gatekeeper_notes) ON TABLE public.contacts TO authenticated;

GRANT INSERT(remarketing_buyer_id),UPDATE(remarketing_buyer_id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(listing_id),UPDATE(listing_id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(valuation_lead_id),UPDATE(valuation_lead_id) ON TABLE public.contacts TO authenticated;

GRANT INSERT(archived),UPDATE(archived) ON TABLE public.contacts TO authenticated;
