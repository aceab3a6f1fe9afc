-- Campaigns compared by segment: buyer vs seller, session type, industry, geography (US-012).
select contact_type as "Contacts", session_type as "Type", target_industry as "Industry",
       target_geography as "Geography", sessions as "Sessions", dials as "Dials",
       connection_rate_pct as "Connection rate %", qualified as "Qualified", meetings as "Meetings",
       meetings_per_talk_hour as "Meetings per talk hour"
  from reports.campaign_segments
 order by dials desc
