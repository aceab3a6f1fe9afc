CREATE VIEW reports.campaign_segments WITH (security_invoker='true') AS
 SELECT s.team_id,
    s.team_name,
    COALESCE(s.contact_type, 'unspecified'::text) AS contact_type,
    COALESCE(s.session_type, 'unspecified'::text) AS session_type,
    COALESCE(s.target_industry, 'unspecified'::text) AS target_industry,
    COALESCE(s.target_geography, 'unspecified'::text) AS target_geography,
    (count(*))::integer AS sessions,
    (sum(s.contacts_added))::integer AS contacts_added,
    (sum(s.contacts_dialed))::integer AS contacts_dialed,
    (sum(s.dials))::integer AS dials,
    (sum(s.connections))::integer AS connections,
    round(((100.0 * (sum(s.connections))::numeric) / (NULLIF(sum(s.dials), 0))::numeric), 1) AS connection_rate_pct,
    (sum(s.talk_time_seconds))::bigint AS talk_time_seconds,
    round((sum(s.talk_time_seconds) / 3600.0), 2) AS talk_time_hours,
    (sum(s.qualified))::integer AS qualified,
    (sum(s.meetings))::integer AS meetings,
    round(((100.0 * (sum(s.qualified))::numeric) / (NULLIF(sum(s.connections), 0))::numeric), 1) AS qualification_rate_pct,
    round(((sum(s.meetings))::numeric / NULLIF((sum(s.talk_time_seconds) / 3600.0), (0)::numeric)), 2) AS meetings_per_talk_hour,
    min(s.started_at) AS first_started_at,
    max(s.last_activity_at) AS last_activity_at
   FROM reports.session_performance s
  GROUP BY s.team_id, s.team_name, COALESCE(s.contact_type, 'unspecified'::text), COALESCE(s.session_type, 'unspecified'::text), COALESCE(s.target_industry, 'unspecified'::text), COALESCE(s.target_geography, 'unspecified'::text);

COMMENT ON VIEW reports.campaign_segments IS 'Sessions compared by segment (US-012): contact type, session type, target industry and geography.';

COMMENT ON COLUMN reports.campaign_segments.team_id IS 'Team id.';

COMMENT ON COLUMN reports.campaign_segments.team_name IS 'Team name.';

COMMENT ON COLUMN reports.campaign_segments.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

COMMENT ON COLUMN reports.campaign_segments.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

COMMENT ON COLUMN reports.campaign_segments.target_industry IS 'Industry the session''s list targets.';

COMMENT ON COLUMN reports.campaign_segments.target_geography IS 'Geography the session''s list targets.';

COMMENT ON COLUMN reports.campaign_segments.sessions IS 'Sessions in the segment.';

COMMENT ON COLUMN reports.campaign_segments.contacts_added IS 'Contacts added to the session.';

COMMENT ON COLUMN reports.campaign_segments.contacts_dialed IS 'Distinct contacts called at least once in the session.';

COMMENT ON COLUMN reports.campaign_segments.dials IS 'Calls made (one per call, however many dialer events it produced).';

COMMENT ON COLUMN reports.campaign_segments.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.campaign_segments.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.campaign_segments.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.campaign_segments.talk_time_hours IS 'Conversation time, hours.';

COMMENT ON COLUMN reports.campaign_segments.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN reports.campaign_segments.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN reports.campaign_segments.qualification_rate_pct IS 'qualified / connections × 100.';

COMMENT ON COLUMN reports.campaign_segments.meetings_per_talk_hour IS 'Meetings per hour of talk time (effort return).';

COMMENT ON COLUMN reports.campaign_segments.first_started_at IS 'Earliest session start in the segment.';

COMMENT ON COLUMN reports.campaign_segments.last_activity_at IS 'Most recent call or disposition in the session.';

GRANT SELECT ON TABLE reports.campaign_segments TO authenticated;
GRANT SELECT ON TABLE reports.campaign_segments TO service_role;
GRANT SELECT ON TABLE reports.campaign_segments TO dialbridge_metabase;
