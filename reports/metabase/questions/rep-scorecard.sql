-- One rep's numbers per day over the last 30 days (the Rep filter: a rep's name; every rep when empty).
select period_start as "Day", rep_name as "Rep", dials as "Dials", connections as "Connections",
       connection_rate_pct as "Connection rate %", avg_talk_time as "Avg talk", qualified as "Qualified",
       nurture as "Nurture", disqualified as "Disqualified", meetings as "Meetings",
       callbacks_scheduled as "Callbacks"
  from reports.rep_performance_daily
 where period_start > current_date - 30
   [[and rep_name = {{rep}}]]
 order by period_start desc, rep_name
