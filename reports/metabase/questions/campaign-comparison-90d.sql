-- Active campaigns started in the last 90 days, latest activity first (seed 000 query 3).
select session_name as "Session", session_type as "Type", contact_type as "Contacts", team_name as "Team",
       contacts_added as "Added", contacts_dialed as "Dialed", dials as "Dials", connections as "Connections",
       connection_rate_pct as "Connection rate %", qualified as "Qualified",
       qualification_rate_pct as "Qualification rate %", meetings as "Meetings", talk_time_hours as "Talk time (h)",
       last_activity_at as "Last activity"
  from reports.campaign_comparison_90d
