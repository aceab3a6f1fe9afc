-- Dials per rep and day, last 30 days.
select period_start as "Day", rep_name as "Rep", dials as "Dials"
  from reports.rep_performance_daily
 where period_start > current_date - 30
   [[and rep_name = {{rep}}]]
 order by period_start, rep_name
