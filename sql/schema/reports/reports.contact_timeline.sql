CREATE VIEW reports.contact_timeline WITH (security_invoker='true') AS
 WITH activities AS (
         SELECT a.id,
            a.contact_id,
            a.user_id,
            a.phoneburner_session_id,
            a.team_id,
            a.activity_type,
            a.source_system,
            a.matching_status,
            a.dedupe_key,
            a.call_started_at,
            a.call_connected_at,
            a.call_ended_at,
            a.ring_duration_seconds,
            a.call_duration_seconds,
            a.talk_time_seconds,
            a.call_outcome,
            a.answered_by,
            a.disposition_code,
            a.disposition_label,
            a.disposition_notes,
            a.disposition_set_at,
            a.callback_scheduled_date,
            a.callback_completed_at,
            a.callback_outcome,
            a.recording_url,
            a.recording_duration_seconds,
            a.recording_transcription,
            a.user_name,
            a.user_email,
            a.phoneburner_call_id,
            a.phoneburner_contact_id,
            a.phoneburner_event_id,
            a.details,
            a.created_at,
            a.updated_at,
            a.deleted_at,
            COALESCE(p.display_name, a.user_name) AS rep_display,
            (a.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])) AS is_call,
                CASE
                    WHEN (a.call_outcome = 'connected'::text) THEN 'Connected'::text
                    WHEN (a.call_outcome = 'voicemail'::text) THEN 'Voicemail'::text
                    WHEN (a.call_outcome = 'no_answer'::text) THEN 'No answer'::text
                    WHEN (a.call_outcome = 'busy'::text) THEN 'Busy'::text
                    WHEN (a.call_outcome = 'failed'::text) THEN 'Failed'::text
                    WHEN (a.call_outcome = 'rejected'::text) THEN 'Rejected'::text
                    ELSE 'Attempted'::text
                END AS call_outcome_text
           FROM (dialbridge.report_contact_activities a
             LEFT JOIN dialbridge.report_profiles p ON ((p.id = a.user_id)))
          WHERE ((a.contact_id IS NOT NULL) AND (a.deleted_at IS NULL))
        )
 SELECT a.contact_id,
    a.team_id,
    COALESCE(a.call_started_at, a.disposition_set_at, a.created_at) AS occurred_at,
        CASE
            WHEN a.is_call THEN 'call'::text
            WHEN (a.activity_type = 'callback_scheduled'::text) THEN 'callback'::text
            WHEN (a.activity_type = 'contact_updated'::text) THEN 'contact_change'::text
            WHEN (a.activity_type = ANY (ARRAY['email_sent'::text, 'email_opened'::text])) THEN 'email'::text
            WHEN (a.activity_type = 'meeting_scheduled'::text) THEN 'meeting'::text
            ELSE a.activity_type
        END AS item_type,
    a.activity_type,
        CASE
            WHEN a.is_call THEN ((((('Call - '::text || a.call_outcome_text) || ' ('::text) || dialbridge.format_mmss((COALESCE(a.talk_time_seconds, 0))::numeric)) || ')'::text) || COALESCE((' - '::text || a.rep_display), ''::text))
            WHEN (a.activity_type = 'callback_scheduled'::text) THEN (('Callback scheduled'::text || COALESCE((' for '::text || to_char((a.callback_scheduled_date AT TIME ZONE dialbridge.report_time_zone()), 'YYYY-MM-DD HH24:MI'::text)), ''::text)) || COALESCE((' - '::text || a.rep_display), ''::text))
            WHEN (a.activity_type = 'contact_updated'::text) THEN ('Contact updated'::text || COALESCE(((' ('::text || ( SELECT string_agg(k.k, ', '::text ORDER BY k.k) AS string_agg
               FROM jsonb_object_keys(
                    CASE
                        WHEN (jsonb_typeof((a.details -> 'changes'::text)) = 'object'::text) THEN (a.details -> 'changes'::text)
                        ELSE NULL::jsonb
                    END) k(k))) || ')'::text), ''::text))
            WHEN (a.activity_type = 'email_sent'::text) THEN 'Email - Sent'::text
            WHEN (a.activity_type = 'email_opened'::text) THEN 'Email - Opened'::text
            WHEN (a.activity_type = 'meeting_scheduled'::text) THEN 'Meeting scheduled'::text
            ELSE initcap(replace(a.activity_type, '_'::text, ' '::text))
        END AS title,
        CASE
            WHEN a.is_call THEN a.call_outcome_text
            ELSE NULL::text
        END AS outcome,
    a.call_duration_seconds,
    dialbridge.format_mmss((a.call_duration_seconds)::numeric) AS call_duration,
    a.talk_time_seconds,
    dialbridge.format_mmss((a.talk_time_seconds)::numeric) AS talk_time,
    a.user_id AS rep_id,
    a.rep_display AS rep_name,
    a.disposition_code,
    a.disposition_label,
    COALESCE(a.disposition_notes, (a.details ->> 'notes'::text), (a.details ->> 'callback_notes'::text)) AS notes,
    a.recording_url,
    a.callback_scheduled_date AS due_at,
    a.phoneburner_session_id AS session_id,
    a.source_system,
    'contact_activities'::text AS source_table,
    a.id AS source_id
   FROM activities a
UNION ALL
 SELECT t.contact_id,
    t.team_id,
    COALESCE(t.completed_at, t.created_at) AS occurred_at,
    'task'::text AS item_type,
    t.task_type AS activity_type,
    (('Task - '::text || t.title) ||
        CASE t.status
            WHEN 'completed'::text THEN ' (completed)'::text
            WHEN 'cancelled'::text THEN ' (cancelled)'::text
            ELSE ''::text
        END) AS title,
        CASE t.status
            WHEN 'completed'::text THEN 'Completed'::text
            WHEN 'cancelled'::text THEN 'Cancelled'::text
            ELSE 'Open'::text
        END AS outcome,
    NULL::integer AS call_duration_seconds,
    NULL::text AS call_duration,
    NULL::integer AS talk_time_seconds,
    NULL::text AS talk_time,
    t.assigned_to_user_id AS rep_id,
    p.display_name AS rep_name,
    NULL::text AS disposition_code,
    NULL::text AS disposition_label,
    t.notes,
    NULL::text AS recording_url,
    t.due_at,
    NULL::uuid AS session_id,
    t.source AS source_system,
    'tasks'::text AS source_table,
    t.id AS source_id
   FROM (dialbridge.report_tasks t
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = t.assigned_to_user_id)))
  WHERE (t.contact_id IS NOT NULL);

COMMENT ON VIEW reports.contact_timeline IS 'Everything that happened with a contact (US-010, seed 000 query 4): calls with outcome, duration (m:ss), rep, notes and recording; callbacks; tasks; contact changes; other activities. Filter contact_id and item_type; order by occurred_at desc.';

COMMENT ON COLUMN reports.contact_timeline.contact_id IS 'Contact id.';

COMMENT ON COLUMN reports.contact_timeline.team_id IS 'Team id.';

COMMENT ON COLUMN reports.contact_timeline.occurred_at IS 'When it happened (call start, else disposition time, else when recorded).';

COMMENT ON COLUMN reports.contact_timeline.item_type IS 'call, callback, task, contact_change, email, meeting, note.';

COMMENT ON COLUMN reports.contact_timeline.activity_type IS 'Activity type as recorded (call: its furthest stage; task: task type).';

COMMENT ON COLUMN reports.contact_timeline.title IS 'One-line summary (timeline: "Call - Connected (3:42) - Sarah") or the task title (follow-ups).';

COMMENT ON COLUMN reports.contact_timeline.outcome IS 'Call outcome in words (Connected, Voicemail, No answer, …) or task status.';

COMMENT ON COLUMN reports.contact_timeline.call_duration_seconds IS 'Call duration including ringing, seconds.';

COMMENT ON COLUMN reports.contact_timeline.call_duration IS 'Call duration, m:ss.';

COMMENT ON COLUMN reports.contact_timeline.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.contact_timeline.talk_time IS 'Talk time, m:ss.';

COMMENT ON COLUMN reports.contact_timeline.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.contact_timeline.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.contact_timeline.disposition_code IS 'Disposition code.';

COMMENT ON COLUMN reports.contact_timeline.disposition_label IS 'Disposition label.';

COMMENT ON COLUMN reports.contact_timeline.notes IS 'Rep notes (call notes, callback notes, task notes).';

COMMENT ON COLUMN reports.contact_timeline.recording_url IS 'Link to the call recording.';

COMMENT ON COLUMN reports.contact_timeline.due_at IS 'When it is due.';

COMMENT ON COLUMN reports.contact_timeline.session_id IS 'Dial session id.';

COMMENT ON COLUMN reports.contact_timeline.source_system IS 'Where the activity came from (phoneburner, manual, …) or the task source.';

COMMENT ON COLUMN reports.contact_timeline.source_table IS 'Table of the underlying row (contact_activities or tasks).';

COMMENT ON COLUMN reports.contact_timeline.source_id IS 'Id of the underlying row.';

GRANT SELECT ON TABLE reports.contact_timeline TO authenticated;
GRANT SELECT ON TABLE reports.contact_timeline TO service_role;
GRANT SELECT ON TABLE reports.contact_timeline TO dialbridge_metabase;
