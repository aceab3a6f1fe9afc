-- Dispositions per rep over the last 30 days: qualified vs nurture vs disqualified (US-011).
select rep_name as "Rep", sum(qualified) as "Qualified", sum(nurture) as "Nurture",
       sum(disqualified) as "Disqualified", sum(suppressed) as "Do not call",
       sum(other_dispositions) as "Other", sum(unmapped_dispositions) as "Unmapped"
  from reports.rep_performance_daily
 where period_start > current_date - 30
 group by rep_name
 order by rep_name
