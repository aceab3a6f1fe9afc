CREATE TABLE public.disposition_mappings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    phoneburner_disposition_code text NOT NULL,
    phoneburner_disposition_label text,
    label_aliases text[] DEFAULT '{}'::text[] NOT NULL,
    category text,
    sourceco_contact_status text,
    sourceco_contact_stage text,
    is_connected_outcome boolean,
    trigger_workflow boolean DEFAULT false NOT NULL,
    workflow_name text,
    workflow_config jsonb,
    create_task boolean DEFAULT false NOT NULL,
    task_type text,
    task_due_offset_days integer,
    task_priority text,
    suppress_contact boolean DEFAULT false NOT NULL,
    suppress_duration_days integer,
    suppress_reason text,
    mark_phone_invalid boolean DEFAULT false NOT NULL,
    mark_do_not_call boolean DEFAULT false NOT NULL,
    next_action_type text,
    next_action_offset_days integer,
    engagement_score_delta integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by_user_id uuid,
    CONSTRAINT disposition_mappings_category_check CHECK ((category = ANY (ARRAY['positive'::text, 'neutral'::text, 'negative'::text, 'administrative'::text]))),
    CONSTRAINT disposition_mappings_dnc_suppresses_check CHECK (((NOT mark_do_not_call) OR suppress_contact)),
    CONSTRAINT disposition_mappings_engagement_score_delta_check CHECK (((engagement_score_delta >= '-50'::integer) AND (engagement_score_delta <= 50))),
    CONSTRAINT disposition_mappings_next_action_check CHECK (((next_action_offset_days IS NULL) OR ((next_action_offset_days >= 0) AND (next_action_type IS NOT NULL)))),
    CONSTRAINT disposition_mappings_stage_check CHECK ((sourceco_contact_stage = ANY (ARRAY['Engaged'::text, 'Follow-up'::text, 'Meeting Set'::text, 'Dead'::text, 'Paused'::text, 'Outreach'::text]))),
    CONSTRAINT disposition_mappings_status_check CHECK ((sourceco_contact_status = ANY (ARRAY['Qualified'::text, 'Nurture'::text, 'Disqualified'::text, 'Suppressed'::text, 'Invalid'::text, 'Attempted'::text]))),
    CONSTRAINT disposition_mappings_suppression_duration_check CHECK (((NOT suppress_contact) OR (COALESCE(suppress_duration_days, 0) > 0))),
    CONSTRAINT disposition_mappings_task_check CHECK (((NOT create_task) OR ((task_type IS NOT NULL) AND (COALESCE(task_due_offset_days, '-1'::integer) >= 0)))),
    CONSTRAINT disposition_mappings_task_priority_check CHECK ((task_priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text, 'urgent'::text]))),
    CONSTRAINT disposition_mappings_task_type_check CHECK ((task_type = ANY (ARRAY['call'::text, 'email'::text, 'meeting_prep'::text, 'research'::text, 'send_materials'::text, 'follow_up'::text]))),
    CONSTRAINT disposition_mappings_workflow_check CHECK (((NOT trigger_workflow) OR (workflow_name IS NOT NULL)))
);

COMMENT ON TABLE public.disposition_mappings IS 'What each dialer disposition does: contact status and stage, task, suppression, next action, engagement delta. Admin-editable.';

COMMENT ON COLUMN public.disposition_mappings.id IS 'Mapping id (uuid).';

COMMENT ON COLUMN public.disposition_mappings.phoneburner_disposition_code IS 'Disposition code (seed contract, e.g. INTERESTED).';

COMMENT ON COLUMN public.disposition_mappings.phoneburner_disposition_label IS 'Label as shown in PhoneBurner; real PhoneBurner sends only the label, matched case-, space- and punctuation-insensitively.';

COMMENT ON COLUMN public.disposition_mappings.label_aliases IS 'Other labels that mean the same disposition (e.g. "Left Message" for LEFT_VOICEMAIL).';

COMMENT ON COLUMN public.disposition_mappings.category IS 'positive, neutral, negative or administrative (reporting split qualified / nurture / disqualified).';

COMMENT ON COLUMN public.disposition_mappings.sourceco_contact_status IS 'Status the contact gets.';

COMMENT ON COLUMN public.disposition_mappings.sourceco_contact_stage IS 'Stage the contact gets.';

COMMENT ON COLUMN public.disposition_mappings.is_connected_outcome IS 'Whether the disposition implies a live conversation (null: decide from the call).';

COMMENT ON COLUMN public.disposition_mappings.trigger_workflow IS 'Queue workflow_name when the disposition is set.';

COMMENT ON COLUMN public.disposition_mappings.workflow_name IS 'Workflow queued when trigger_workflow (send_deal_memo, create_calendar_event, …).';

COMMENT ON COLUMN public.disposition_mappings.workflow_config IS 'Parameters passed to the workflow.';

COMMENT ON COLUMN public.disposition_mappings.create_task IS 'Create a task (task_type, due task_due_offset_days later, task_priority).';

COMMENT ON COLUMN public.disposition_mappings.task_type IS 'Type of the task created.';

COMMENT ON COLUMN public.disposition_mappings.task_due_offset_days IS 'Days from the disposition to the task due date.';

COMMENT ON COLUMN public.disposition_mappings.task_priority IS 'low, medium, high or urgent.';

COMMENT ON COLUMN public.disposition_mappings.suppress_contact IS 'Suppress the contact for suppress_duration_days (9999: permanent).';

COMMENT ON COLUMN public.disposition_mappings.suppress_duration_days IS 'Days to suppress the contact.';

COMMENT ON COLUMN public.disposition_mappings.suppress_reason IS 'Reason recorded on the suppression (user_requested, not_interested, …).';

COMMENT ON COLUMN public.disposition_mappings.mark_phone_invalid IS 'Flag the phone number as invalid.';

COMMENT ON COLUMN public.disposition_mappings.mark_do_not_call IS 'Legal do-not-call: permanent, never lifted by a later disposition.';

COMMENT ON COLUMN public.disposition_mappings.next_action_type IS 'Next action set on the contact.';

COMMENT ON COLUMN public.disposition_mappings.next_action_offset_days IS 'Days until the next action.';

COMMENT ON COLUMN public.disposition_mappings.engagement_score_delta IS 'Change applied to the engagement score (−50..50).';

COMMENT ON COLUMN public.disposition_mappings.is_active IS 'Inactive mappings are ignored (the disposition shows as unmapped).';

COMMENT ON COLUMN public.disposition_mappings.notes IS 'Why the mapping is set up this way.';

COMMENT ON COLUMN public.disposition_mappings.created_at IS 'When the mapping was created.';

COMMENT ON COLUMN public.disposition_mappings.updated_at IS 'When an admin last changed the mapping.';

COMMENT ON COLUMN public.disposition_mappings.created_by_user_id IS 'Admin who created the mapping (null: seeded).';

ALTER TABLE ONLY public.disposition_mappings
    ADD CONSTRAINT disposition_mappings_phoneburner_disposition_code_key UNIQUE (phoneburner_disposition_code);

ALTER TABLE ONLY public.disposition_mappings
    ADD CONSTRAINT disposition_mappings_pkey PRIMARY KEY (id);

CREATE INDEX disposition_mappings_aliases_idx ON public.disposition_mappings USING gin (dialbridge.normalized_aliases(label_aliases)) WHERE is_active;

CREATE UNIQUE INDEX disposition_mappings_label_key ON public.disposition_mappings USING btree (dialbridge.normalize_label(phoneburner_disposition_label)) WHERE is_active;

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON public.disposition_mappings FOR EACH ROW EXECUTE FUNCTION dialbridge.tg__set_updated_at();

CREATE TRIGGER _700_refresh_classes AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.disposition_mappings FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_disposition_mappings__refresh_classes();

CREATE TRIGGER _800_reclassify_totals AFTER INSERT OR DELETE OR UPDATE OF phoneburner_disposition_code, phoneburner_disposition_label, label_aliases, sourceco_contact_status, sourceco_contact_stage, is_active ON public.disposition_mappings FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_disposition_mappings__reclassify_totals();

CREATE TRIGGER _900_enqueue_rescore AFTER INSERT OR DELETE OR UPDATE ON public.disposition_mappings FOR EACH STATEMENT EXECUTE FUNCTION dialbridge.tg_disposition_mappings__enqueue_rescore();

ALTER TABLE ONLY public.disposition_mappings
    ADD CONSTRAINT disposition_mappings_created_by_user_id_fkey FOREIGN KEY (created_by_user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

CREATE POLICY "Admins add disposition mappings" ON public.disposition_mappings FOR INSERT TO authenticated WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins delete disposition mappings" ON public.disposition_mappings FOR DELETE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Admins edit disposition mappings" ON public.disposition_mappings FOR UPDATE TO authenticated USING (( SELECT dialbridge.is_admin() AS is_admin)) WITH CHECK (( SELECT dialbridge.is_admin() AS is_admin));

CREATE POLICY "Signed-in users read disposition mappings" ON public.disposition_mappings FOR SELECT TO authenticated USING (true);

ALTER TABLE public.disposition_mappings ENABLE ROW LEVEL SECURITY;

GRANT ALL ON TABLE public.disposition_mappings TO service_role;
GRANT SELECT,DELETE ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(phoneburner_disposition_code) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(phoneburner_disposition_label),UPDATE(phoneburner_disposition_label) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(label_aliases),UPDATE(label_aliases) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(category),UPDATE(category) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(sourceco_contact_status),UPDATE(sourceco_contact_status) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(sourceco_contact_stage),UPDATE(sourceco_contact_stage) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(is_connected_outcome),UPDATE(is_connected_outcome) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(trigger_workflow),UPDATE(trigger_workflow) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(workflow_name),UPDATE(workflow_name) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(workflow_config),UPDATE(workflow_config) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(create_task),UPDATE(create_task) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(task_type),UPDATE(task_type) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(task_due_offset_days),UPDATE(task_due_offset_days) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(task_priority),UPDATE(task_priority) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(suppress_contact),UPDATE(suppress_contact) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(suppress_duration_days),UPDATE(suppress_duration_days) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(suppress_reason),UPDATE(suppress_reason) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(mark_phone_invalid),UPDATE(mark_phone_invalid) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(mark_do_not_call),UPDATE(mark_do_not_call) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(next_action_type),UPDATE(next_action_type) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(next_action_offset_days),UPDATE(next_action_offset_days) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(engagement_score_delta),UPDATE(engagement_score_delta) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(is_active),UPDATE(is_active) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(notes),UPDATE(notes) ON TABLE public.disposition_mappings TO authenticated;

GRANT INSERT(created_by_user_id) ON TABLE public.disposition_mappings TO authenticated;
