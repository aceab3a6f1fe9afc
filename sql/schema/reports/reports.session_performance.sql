CREATE VIEW reports.session_performance WITH (security_invoker='true') AS
 SELECT s.id AS session_id,
    s.phoneburner_session_id,
    s.session_name,
    s.session_type,
    s.contact_type,
    s.target_industry,
    s.target_geography,
    s.session_status,
    s.team_id,
    t.name AS team_name,
    s.created_by_user_id AS created_by_id,
    COALESCE(p.display_name, p.email) AS created_by_name,
    s.created_at,
    s.started_at,
    s.last_activity_at,
    s.completed_at,
    s.session_external_url,
    s.total_contacts_added AS contacts_added,
    COALESCE(x.contacts_dialed, 0) AS contacts_dialed,
    COALESCE(x.contacts_connected, 0) AS contacts_connected,
    round(((100.0 * (x.contacts_connected)::numeric) / (NULLIF(x.contacts_dialed, 0))::numeric), 1) AS contact_connection_rate_pct,
    COALESCE(x.calls, 0) AS dials,
    COALESCE(x.connections, 0) AS connections,
    round(((100.0 * (x.connections)::numeric) / (NULLIF(x.calls, 0))::numeric), 1) AS connection_rate_pct,
    COALESCE(x.decision_maker_conversations, 0) AS decision_maker_conversations,
    COALESCE(x.gatekeeper_conversations, 0) AS gatekeeper_conversations,
    COALESCE(x.voicemails, 0) AS voicemails,
    COALESCE(x.no_answers, 0) AS no_answers,
    COALESCE(x.talk_time_seconds, (0)::bigint) AS talk_time_seconds,
    round(((COALESCE(x.talk_time_seconds, (0)::bigint))::numeric / 3600.0), 2) AS talk_time_hours,
    dialbridge.format_mmss(((x.talk_time_seconds)::numeric / (NULLIF(x.connections, 0))::numeric)) AS avg_talk_time,
    COALESCE(x.qualified, 0) AS qualified,
    COALESCE(x.nurture, 0) AS nurture,
    COALESCE(x.disqualified, 0) AS disqualified,
    COALESCE(x.meetings, 0) AS meetings,
    COALESCE(x.callbacks_scheduled, 0) AS callbacks_scheduled,
    round(((100.0 * (x.qualified)::numeric) / (NULLIF(x.connections, 0))::numeric), 1) AS qualification_rate_pct,
    round(((100.0 * (x.dispositioned_calls)::numeric) / (NULLIF(x.calls, 0))::numeric), 1) AS disposition_coverage_pct
   FROM (((dialbridge.report_phoneburner_sessions s
     LEFT JOIN LATERAL ( SELECT (sum(r.calls))::integer AS calls,
            (sum(r.connections))::integer AS connections,
            (sum(r.decision_maker_conversations))::integer AS decision_maker_conversations,
            (sum(r.gatekeeper_conversations))::integer AS gatekeeper_conversations,
            (sum(r.voicemails))::integer AS voicemails,
            (sum(r.no_answers))::integer AS no_answers,
            (sum(r.talk_time_seconds))::bigint AS talk_time_seconds,
            (sum(r.dispositioned_calls))::integer AS dispositioned_calls,
            (sum(r.qualified))::integer AS qualified,
            (sum(r.nurture))::integer AS nurture,
            (sum(r.disqualified))::integer AS disqualified,
            (sum(r.meetings))::integer AS meetings,
            (sum(r.callbacks_scheduled))::integer AS callbacks_scheduled,
            (sum(r.contacts_dialed))::integer AS contacts_dialed,
            (sum(r.contacts_connected))::integer AS contacts_connected
           FROM dialbridge.session_totals r
          WHERE (r.session_id = s.id)) x ON (true))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = s.created_by_user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = s.team_id)))
  WHERE (s.deleted_at IS NULL);

COMMENT ON VIEW reports.session_performance IS 'Dial sessions with their performance (seed 002 session cards and detail, seed 000 query 3): contacts added, dialed and connected, calls, rates, talk time, outcomes.';

COMMENT ON COLUMN reports.session_performance.session_id IS 'Dial session id.';

COMMENT ON COLUMN reports.session_performance.phoneburner_session_id IS 'PhoneBurner''s dial session id.';

COMMENT ON COLUMN reports.session_performance.session_name IS 'Session name.';

COMMENT ON COLUMN reports.session_performance.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

COMMENT ON COLUMN reports.session_performance.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

COMMENT ON COLUMN reports.session_performance.target_industry IS 'Industry the session''s list targets.';

COMMENT ON COLUMN reports.session_performance.target_geography IS 'Geography the session''s list targets.';

COMMENT ON COLUMN reports.session_performance.session_status IS 'active, paused, completed or archived.';

COMMENT ON COLUMN reports.session_performance.team_id IS 'Team id.';

COMMENT ON COLUMN reports.session_performance.team_name IS 'Team name.';

COMMENT ON COLUMN reports.session_performance.created_by_id IS 'Who created the session.';

COMMENT ON COLUMN reports.session_performance.created_by_name IS 'Name of who created the session.';

COMMENT ON COLUMN reports.session_performance.created_at IS 'When created.';

COMMENT ON COLUMN reports.session_performance.started_at IS 'First dial in the session.';

COMMENT ON COLUMN reports.session_performance.last_activity_at IS 'Most recent call or disposition in the session.';

COMMENT ON COLUMN reports.session_performance.completed_at IS 'When the session was marked complete.';

COMMENT ON COLUMN reports.session_performance.session_external_url IS 'Link to the session in PhoneBurner.';

COMMENT ON COLUMN reports.session_performance.contacts_added IS 'Contacts added to the session.';

COMMENT ON COLUMN reports.session_performance.contacts_dialed IS 'Distinct contacts called at least once in the session.';

COMMENT ON COLUMN reports.session_performance.contacts_connected IS 'Distinct contacts reached in the session.';

COMMENT ON COLUMN reports.session_performance.contact_connection_rate_pct IS 'contacts_connected / contacts_dialed × 100 (the session card''s rate).';

COMMENT ON COLUMN reports.session_performance.dials IS 'Calls made (one per call, however many dialer events it produced).';

COMMENT ON COLUMN reports.session_performance.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.session_performance.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.session_performance.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN reports.session_performance.gatekeeper_conversations IS 'Connections with a gatekeeper.';

COMMENT ON COLUMN reports.session_performance.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN reports.session_performance.no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN reports.session_performance.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.session_performance.talk_time_hours IS 'Conversation time, hours.';

COMMENT ON COLUMN reports.session_performance.avg_talk_time IS 'Average talk time per connection, m:ss.';

COMMENT ON COLUMN reports.session_performance.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN reports.session_performance.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

COMMENT ON COLUMN reports.session_performance.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

COMMENT ON COLUMN reports.session_performance.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN reports.session_performance.callbacks_scheduled IS 'Callbacks scheduled.';

COMMENT ON COLUMN reports.session_performance.qualification_rate_pct IS 'qualified / connections × 100.';

COMMENT ON COLUMN reports.session_performance.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

GRANT SELECT ON TABLE reports.session_performance TO authenticated;
GRANT SELECT ON TABLE reports.session_performance TO service_role;
GRANT SELECT ON TABLE reports.session_performance TO dialbridge_metabase;
