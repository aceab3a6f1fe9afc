CREATE VIEW seed.contact_activities WITH (security_invoker='true') AS
 SELECT ca.id,
    e.activity_type,
    ca.contact_id,
    ca.user_id,
    ca.phoneburner_session_id,
    ca.team_id,
    ca.source_system,
    ca.call_started_at,
        CASE
            WHEN (e.activity_type = 'call_connected'::text) THEN COALESCE(ca.call_connected_at, ca.call_started_at)
            ELSE NULL::timestamp with time zone
        END AS call_connected_at,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.call_ended_at
            ELSE NULL::timestamp with time zone
        END AS call_ended_at,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.call_duration_seconds
            ELSE NULL::integer
        END AS call_duration_seconds,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.talk_time_seconds
            ELSE NULL::integer
        END AS talk_time_seconds,
        CASE
            WHEN (e.activity_type = ANY (ARRAY['call_connected'::text, 'call_completed'::text])) THEN ca.call_outcome
            ELSE NULL::text
        END AS call_outcome,
        CASE
            WHEN (e.activity_type = 'call_connected'::text) THEN ca.answered_by
            ELSE NULL::text
        END AS answered_by,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_code
            ELSE NULL::text
        END AS disposition_code,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_label
            ELSE NULL::text
        END AS disposition_label,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_notes
            WHEN (e.activity_type = 'callback_scheduled'::text) THEN (ca.details ->> 'callback_notes'::text)
            ELSE NULL::text
        END AS disposition_notes,
        CASE
            WHEN (e.activity_type = 'disposition_set'::text) THEN ca.disposition_set_at
            ELSE NULL::timestamp with time zone
        END AS disposition_set_at,
        CASE
            WHEN (e.activity_type = ANY (ARRAY['disposition_set'::text, 'callback_scheduled'::text])) THEN ca.callback_scheduled_date
            ELSE NULL::timestamp with time zone
        END AS callback_scheduled_date,
        CASE
            WHEN (e.activity_type = 'call_completed'::text) THEN ca.recording_url
            ELSE NULL::text
        END AS recording_url,
    ca.user_name,
    ca.user_email,
    ca.phoneburner_call_id,
    ca.phoneburner_contact_id,
    e.at AS created_at,
    ca.updated_at
   FROM (public.contact_activities ca
     CROSS JOIN LATERAL ( VALUES ('call_attempt'::text,ca.call_started_at,true), ('call_connected'::text,COALESCE(ca.call_connected_at, ca.call_started_at),((ca.call_connected_at IS NOT NULL) OR ca.call_connected)), ('call_completed'::text,COALESCE(ca.call_ended_at, ca.call_started_at),((ca.call_ended_at IS NOT NULL) OR (ca.call_duration_seconds IS NOT NULL) OR (ca.call_outcome = ANY (ARRAY['no_answer'::text, 'busy'::text, 'failed'::text, 'rejected'::text, 'voicemail'::text])))), ('disposition_set'::text,ca.disposition_set_at,(COALESCE(ca.disposition_code, ca.disposition_label) IS NOT NULL)), ('callback_scheduled'::text,COALESCE(((ca.details ->> 'callback_event_at'::text))::timestamp with time zone, ca.disposition_set_at, ca.call_ended_at, ca.call_started_at),(ca.callback_scheduled_date IS NOT NULL))) e(activity_type, at, present))
  WHERE ((ca.deleted_at IS NULL) AND (ca.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text])) AND e.present)
UNION ALL
 SELECT ca.id,
    ca.activity_type,
    ca.contact_id,
    ca.user_id,
    ca.phoneburner_session_id,
    ca.team_id,
    ca.source_system,
    ca.call_started_at,
    ca.call_connected_at,
    ca.call_ended_at,
    ca.call_duration_seconds,
    ca.talk_time_seconds,
    ca.call_outcome,
    ca.answered_by,
    ca.disposition_code,
    ca.disposition_label,
    ca.disposition_notes,
    ca.disposition_set_at,
    ca.callback_scheduled_date,
    ca.recording_url,
    ca.user_name,
    ca.user_email,
    ca.phoneburner_call_id,
    ca.phoneburner_contact_id,
    ca.created_at,
    ca.updated_at
   FROM public.contact_activities ca
  WHERE ((ca.deleted_at IS NULL) AND (ca.activity_type <> ALL (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text])));

COMMENT ON VIEW seed.contact_activities IS 'Seed 000''s contact_activities: one row per call event (call_attempt, call_connected, call_completed, disposition_set), each carrying its own facts, and the other activities as they are. A connected call whose dialer gave no connection time (real PhoneBurner: connected "1") has its call_connected row at the call''s start. With the reader''s rights.';

GRANT SELECT ON TABLE seed.contact_activities TO authenticated;
GRANT SELECT ON TABLE seed.contact_activities TO service_role;
