-- Connection rate per rep and ISO week, last 12 weeks (seed 001 flags a rate under 20%).
select period_start as "Week", rep_name as "Rep", connection_rate_pct as "Connection rate %"
  from reports.rep_performance_weekly
 where period_start > current_date - 84
 order by period_start, rep_name
