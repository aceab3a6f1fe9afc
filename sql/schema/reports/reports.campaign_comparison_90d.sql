CREATE VIEW reports.campaign_comparison_90d WITH (security_invoker='true') AS
 SELECT s.session_id,
    s.session_name,
    s.session_type,
    s.contact_type,
    s.target_industry,
    s.target_geography,
    s.team_name,
    s.created_by_name,
    s.contacts_added,
    s.contacts_dialed,
    s.dials,
    s.connections,
    s.connection_rate_pct,
    s.qualified,
    s.qualification_rate_pct,
    s.meetings,
    s.talk_time_hours,
    s.started_at,
    s.last_activity_at
   FROM reports.session_performance s
  WHERE ((s.session_status = 'active'::text) AND (s.started_at >= (now() - '90 days'::interval)))
  ORDER BY s.last_activity_at DESC NULLS LAST;

COMMENT ON VIEW reports.campaign_comparison_90d IS 'Seed 000 query 3: active sessions started in the last 90 days, latest activity first.';

COMMENT ON COLUMN reports.campaign_comparison_90d.session_id IS 'Dial session id.';

COMMENT ON COLUMN reports.campaign_comparison_90d.session_name IS 'Session name.';

COMMENT ON COLUMN reports.campaign_comparison_90d.session_type IS 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';

COMMENT ON COLUMN reports.campaign_comparison_90d.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

COMMENT ON COLUMN reports.campaign_comparison_90d.target_industry IS 'Industry the session''s list targets.';

COMMENT ON COLUMN reports.campaign_comparison_90d.target_geography IS 'Geography the session''s list targets.';

COMMENT ON COLUMN reports.campaign_comparison_90d.team_name IS 'Team name.';

COMMENT ON COLUMN reports.campaign_comparison_90d.created_by_name IS 'Name of who created the session.';

COMMENT ON COLUMN reports.campaign_comparison_90d.contacts_added IS 'Contacts added to the session.';

COMMENT ON COLUMN reports.campaign_comparison_90d.contacts_dialed IS 'Distinct contacts called at least once in the session.';

COMMENT ON COLUMN reports.campaign_comparison_90d.dials IS 'Calls made (one per call, however many dialer events it produced).';

COMMENT ON COLUMN reports.campaign_comparison_90d.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.campaign_comparison_90d.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.campaign_comparison_90d.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN reports.campaign_comparison_90d.qualification_rate_pct IS 'qualified / connections × 100.';

COMMENT ON COLUMN reports.campaign_comparison_90d.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN reports.campaign_comparison_90d.talk_time_hours IS 'Conversation time, hours.';

COMMENT ON COLUMN reports.campaign_comparison_90d.started_at IS 'First dial in the session.';

COMMENT ON COLUMN reports.campaign_comparison_90d.last_activity_at IS 'Most recent call or disposition in the session.';

GRANT SELECT ON TABLE reports.campaign_comparison_90d TO authenticated;
GRANT SELECT ON TABLE reports.campaign_comparison_90d TO service_role;
GRANT SELECT ON TABLE reports.campaign_comparison_90d TO dialbridge_metabase;
