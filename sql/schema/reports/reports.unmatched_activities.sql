CREATE VIEW reports.unmatched_activities WITH (security_invoker='true') AS
 SELECT a.id AS activity_id,
    a.team_id,
    a.created_at,
    COALESCE(a.call_started_at, a.created_at) AS occurred_at,
    a.activity_type,
    a.source_system,
    a.user_id AS rep_id,
    COALESCE(p.display_name, a.user_name) AS rep_name,
    a.phoneburner_session_id AS session_id,
    s.session_name,
    a.phoneburner_call_id,
    a.phoneburner_contact_id,
    a.call_outcome,
    a.disposition_code,
    a.disposition_label,
    round(((date_part('epoch'::text, (now() - a.created_at)) / (3600)::double precision))::numeric, 1) AS age_hours
   FROM ((dialbridge.report_contact_activities a
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = a.user_id)))
     LEFT JOIN dialbridge.report_phoneburner_sessions s ON ((s.id = a.phoneburner_session_id)))
  WHERE ((a.matching_status = 'unmatched'::text) AND (a.deleted_at IS NULL));

COMMENT ON VIEW reports.unmatched_activities IS 'Dialer activities not linked to a contact yet (matching_status unmatched), oldest needing attention.';

COMMENT ON COLUMN reports.unmatched_activities.activity_id IS 'Activity id.';

COMMENT ON COLUMN reports.unmatched_activities.team_id IS 'Team id.';

COMMENT ON COLUMN reports.unmatched_activities.created_at IS 'When created.';

COMMENT ON COLUMN reports.unmatched_activities.occurred_at IS 'When it happened (call start, else disposition time, else when recorded).';

COMMENT ON COLUMN reports.unmatched_activities.activity_type IS 'Activity type as recorded (call: its furthest stage; task: task type).';

COMMENT ON COLUMN reports.unmatched_activities.source_system IS 'Where the activity came from (phoneburner, manual, …) or the task source.';

COMMENT ON COLUMN reports.unmatched_activities.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.unmatched_activities.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.unmatched_activities.session_id IS 'Dial session id.';

COMMENT ON COLUMN reports.unmatched_activities.session_name IS 'Session name.';

COMMENT ON COLUMN reports.unmatched_activities.phoneburner_call_id IS 'PhoneBurner''s call id.';

COMMENT ON COLUMN reports.unmatched_activities.phoneburner_contact_id IS 'PhoneBurner''s contact id.';

COMMENT ON COLUMN reports.unmatched_activities.call_outcome IS 'Call outcome as recorded.';

COMMENT ON COLUMN reports.unmatched_activities.disposition_code IS 'Disposition code.';

COMMENT ON COLUMN reports.unmatched_activities.disposition_label IS 'Disposition label.';

COMMENT ON COLUMN reports.unmatched_activities.age_hours IS 'Hours since the activity was recorded.';

GRANT SELECT ON TABLE reports.unmatched_activities TO authenticated;
GRANT SELECT ON TABLE reports.unmatched_activities TO service_role;
GRANT SELECT ON TABLE reports.unmatched_activities TO dialbridge_metabase;
