-- Rep leaderboard over the last 30 report days (seed 000 query 1 on the roll-ups), ranked by connections.
select rank_by_connections as "Rank", team_name as "Team", rep_name as "Rep", dials as "Dials",
       connections as "Connections", connection_rate_pct as "Connection rate %", talk_time_hours as "Talk time (h)",
       avg_talk_time as "Avg talk", qualified as "Qualified", meetings as "Meetings",
       qualification_rate_pct as "Qualification rate %", callbacks_scheduled as "Callbacks",
       disposition_coverage_pct as "Disposition coverage %"
  from reports.rep_leaderboard_30d
 order by rank_by_connections, rep_name
