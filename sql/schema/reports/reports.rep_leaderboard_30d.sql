CREATE VIEW reports.rep_leaderboard_30d WITH (security_invoker='true') AS
 SELECT rep_scorecard.team_id,
    rep_scorecard.team_name,
    rep_scorecard.rep_id,
    rep_scorecard.rep_name,
    rep_scorecard.dials,
    rep_scorecard.connections,
    rep_scorecard.connection_rate_pct,
    rep_scorecard.talk_time_seconds,
    rep_scorecard.talk_time_hours,
    rep_scorecard.avg_talk_time_seconds,
    rep_scorecard.avg_talk_time,
    rep_scorecard.decision_maker_conversations,
    rep_scorecard.voicemails,
    rep_scorecard.qualified,
    rep_scorecard.nurture,
    rep_scorecard.disqualified,
    rep_scorecard.meetings,
    rep_scorecard.callbacks_scheduled,
    rep_scorecard.qualification_rate_pct,
    rep_scorecard.disposition_coverage_pct,
    rep_scorecard.rank_by_connections
   FROM reports.rep_scorecard((dialbridge.report_today() - 29), dialbridge.report_today()) rep_scorecard(team_id, team_name, rep_id, rep_name, dials, connections, connection_rate_pct, talk_time_seconds, talk_time_hours, avg_talk_time_seconds, avg_talk_time, decision_maker_conversations, voicemails, qualified, nurture, disqualified, meetings, callbacks_scheduled, qualification_rate_pct, disposition_coverage_pct, rank_by_connections);

COMMENT ON VIEW reports.rep_leaderboard_30d IS 'Rep scorecard over the last 30 report days (today included), ranked by connections: seed 000 query 1 on the roll-ups.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.team_id IS 'Team id.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.team_name IS 'Team name.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.rep_leaderboard_30d.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.dials IS 'Calls made (one per call, however many dialer events it produced).';

COMMENT ON COLUMN reports.rep_leaderboard_30d.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.rep_leaderboard_30d.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.talk_time_hours IS 'Conversation time, hours.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.avg_talk_time IS 'Average talk time per connection, m:ss.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN reports.rep_leaderboard_30d.callbacks_scheduled IS 'Callbacks scheduled.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.qualification_rate_pct IS 'qualified / connections × 100.';

COMMENT ON COLUMN reports.rep_leaderboard_30d.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

COMMENT ON COLUMN reports.rep_leaderboard_30d.rank_by_connections IS 'Rank by connections (1 = most).';

GRANT SELECT ON TABLE reports.rep_leaderboard_30d TO authenticated;
GRANT SELECT ON TABLE reports.rep_leaderboard_30d TO service_role;
GRANT SELECT ON TABLE reports.rep_leaderboard_30d TO dialbridge_metabase;
