-- Follow-ups due today and overdue, per rep (seed 000 query 2).
select rep_name as "Rep", due_today as "Due today", overdue as "Overdue", calls_due as "Calls",
       oldest_overdue_days as "Oldest overdue (days)"
  from reports.follow_up_summary
 order by overdue desc, rep_name
