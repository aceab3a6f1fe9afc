CREATE VIEW public.unified_contact_timeline WITH (security_invoker='true') AS
 SELECT ca.id,
    ca.contact_id,
    ca.remarketing_buyer_id,
    ca.contact_email,
    ca.source_system AS source,
        CASE
            WHEN (ca.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text, 'callback_scheduled'::text])) THEN 'call'::text
            WHEN (ca.activity_type = ANY (ARRAY['email_sent'::text, 'email_opened'::text])) THEN 'email'::text
            ELSE 'note'::text
        END AS channel,
    ca.activity_type AS event_type,
    COALESCE(ca.disposition_label, ca.phoneburner_status, ca.call_outcome,
        CASE
            WHEN (ca.activity_type = 'callback_scheduled'::text) THEN 'Callback scheduled'::text
            ELSE 'Call'::text
        END) AS title,
    ca.disposition_notes AS body_preview,
    COALESCE(ca.call_started_at, ca.callback_scheduled_date, ca.created_at) AS event_at,
    ca.created_at,
    ca.listing_id,
    NULL::uuid AS deal_id,
    NULL::text AS campaign_name,
    NULL::text AS campaign_id,
    ca.call_direction AS direction,
    jsonb_build_object('duration_seconds', ca.call_duration_seconds, 'talk_time_seconds', ca.talk_time_seconds, 'recording_url', ca.recording_url, 'recording_url_public', ca.recording_url_public, 'call_transcript', ca.call_transcript, 'disposition_code', ca.disposition_code, 'disposition_label', ca.disposition_label, 'disposition_notes', ca.disposition_notes, 'call_outcome', ca.call_outcome, 'call_connected', ca.call_connected, 'call_direction', ca.call_direction, 'phoneburner_status', ca.phoneburner_status, 'contact_notes', ca.contact_notes, 'callback_scheduled_date', ca.callback_scheduled_date, 'user_name', ca.user_name, 'ai_summary', ca.ai_summary) AS metadata,
    COALESCE(( SELECT p.display_name
           FROM public.profiles p
          WHERE (p.id = ca.user_id)), ca.user_name) AS team_member_name
   FROM public.contact_activities ca
  WHERE (ca.deleted_at IS NULL);

COMMENT ON VIEW public.unified_contact_timeline IS 'SourceCo''s unified contact timeline (its call arm; SourceCo''s other arms — e-mail, LinkedIn, transcripts — live in its own database): one row per activity, the call''s fields under metadata with the keys its screens map. Runs with the reader''s rights (RLS of contact_activities).';

COMMENT ON COLUMN public.unified_contact_timeline.id IS 'Activity id (contact_activities.id).';

COMMENT ON COLUMN public.unified_contact_timeline.contact_id IS 'The contact.';

COMMENT ON COLUMN public.unified_contact_timeline.remarketing_buyer_id IS 'Buyer firm of the activity.';

COMMENT ON COLUMN public.unified_contact_timeline.contact_email IS 'The contact''s e-mail.';

COMMENT ON COLUMN public.unified_contact_timeline.source IS 'Where it came from (source_system: phoneburner, manual, voipstudio, bolna, …).';

COMMENT ON COLUMN public.unified_contact_timeline.channel IS 'call, email or note.';

COMMENT ON COLUMN public.unified_contact_timeline.event_type IS 'The activity type (call_attempt, call_completed, callback_scheduled, …).';

COMMENT ON COLUMN public.unified_contact_timeline.title IS 'Disposition label, else PhoneBurner''s status, else the outcome.';

COMMENT ON COLUMN public.unified_contact_timeline.body_preview IS 'The rep''s notes.';

COMMENT ON COLUMN public.unified_contact_timeline.event_at IS 'When it happened (the call''s start).';

COMMENT ON COLUMN public.unified_contact_timeline.created_at IS 'When it was recorded.';

COMMENT ON COLUMN public.unified_contact_timeline.listing_id IS 'Deal / listing of the activity.';

COMMENT ON COLUMN public.unified_contact_timeline.deal_id IS 'Deal of SourceCos deal arms (always null in the call arm).';

COMMENT ON COLUMN public.unified_contact_timeline.campaign_name IS 'Campaign of SourceCos e-mail arms (null here).';

COMMENT ON COLUMN public.unified_contact_timeline.campaign_id IS 'Campaign id of SourceCos e-mail arms (null here).';

COMMENT ON COLUMN public.unified_contact_timeline.direction IS 'outbound or inbound.';

COMMENT ON COLUMN public.unified_contact_timeline.metadata IS 'The call''s fields under the keys SourceCo''s timeline maps (duration_seconds, talk_time_seconds, recording_url, recording_url_public, call_transcript, disposition_code, disposition_label, disposition_notes, call_outcome, call_connected, call_direction, phoneburner_status, contact_notes, callback_scheduled_date, user_name, ai_summary).';

COMMENT ON COLUMN public.unified_contact_timeline.team_member_name IS 'The rep''s name.';

GRANT ALL ON TABLE public.unified_contact_timeline TO authenticated;
GRANT ALL ON TABLE public.unified_contact_timeline TO service_role;
