CREATE VIEW reports.session_activity WITH (security_invoker='true') AS
 SELECT a.phoneburner_session_id AS session_id,
    a.team_id,
    a.id AS activity_id,
    COALESCE(a.call_started_at, a.disposition_set_at, a.created_at) AS occurred_at,
    a.user_id AS rep_id,
    COALESCE(p.display_name, a.user_name) AS rep_name,
    a.contact_id,
    c.first_name,
    c.last_name,
    c.company,
        CASE
            WHEN (a.call_outcome = 'connected'::text) THEN 'Connected'::text
            WHEN (a.call_outcome = 'voicemail'::text) THEN 'Voicemail'::text
            WHEN (a.call_outcome = 'no_answer'::text) THEN 'No answer'::text
            WHEN (a.call_outcome = 'busy'::text) THEN 'Busy'::text
            WHEN (a.call_outcome IS NOT NULL) THEN initcap(a.call_outcome)
            ELSE 'Attempted'::text
        END AS outcome,
    a.talk_time_seconds,
    dialbridge.format_mmss((a.talk_time_seconds)::numeric) AS talk_time,
    a.disposition_code,
    a.disposition_label,
    "left"(a.disposition_notes, 200) AS notes_preview,
    a.recording_url
   FROM ((dialbridge.report_contact_activities a
     LEFT JOIN dialbridge.report_contacts c ON ((c.id = a.contact_id)))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = a.user_id)))
  WHERE ((a.phoneburner_session_id IS NOT NULL) AND (a.deleted_at IS NULL) AND (a.activity_type = ANY (ARRAY['call_attempt'::text, 'call_connected'::text, 'call_completed'::text, 'disposition_set'::text, 'voicemail_left'::text])));

COMMENT ON VIEW reports.session_activity IS 'Session detail, recent activity: each call of a session with rep, contact, outcome, talk time and disposition. Filter session_id; order by occurred_at desc.';

COMMENT ON COLUMN reports.session_activity.session_id IS 'Dial session id.';

COMMENT ON COLUMN reports.session_activity.team_id IS 'Team id.';

COMMENT ON COLUMN reports.session_activity.activity_id IS 'Activity id.';

COMMENT ON COLUMN reports.session_activity.occurred_at IS 'When it happened (call start, else disposition time, else when recorded).';

COMMENT ON COLUMN reports.session_activity.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.session_activity.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.session_activity.contact_id IS 'Contact id.';

COMMENT ON COLUMN reports.session_activity.first_name IS 'Contact first name.';

COMMENT ON COLUMN reports.session_activity.last_name IS 'Contact last name.';

COMMENT ON COLUMN reports.session_activity.company IS 'Contact company.';

COMMENT ON COLUMN reports.session_activity.outcome IS 'Call outcome in words (Connected, Voicemail, No answer, …) or task status.';

COMMENT ON COLUMN reports.session_activity.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.session_activity.talk_time IS 'Talk time, m:ss.';

COMMENT ON COLUMN reports.session_activity.disposition_code IS 'Disposition code.';

COMMENT ON COLUMN reports.session_activity.disposition_label IS 'Disposition label.';

COMMENT ON COLUMN reports.session_activity.notes_preview IS 'First 200 characters of the rep''s notes.';

COMMENT ON COLUMN reports.session_activity.recording_url IS 'Link to the call recording.';

GRANT SELECT ON TABLE reports.session_activity TO authenticated;
GRANT SELECT ON TABLE reports.session_activity TO service_role;
GRANT SELECT ON TABLE reports.session_activity TO dialbridge_metabase;
