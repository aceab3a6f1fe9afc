-- Every follow-up due today or overdue, oldest first.
select rep_name as "Rep", status as "Status", days_overdue as "Days overdue", action_type as "Action",
       title as "What", first_name || ' ' || coalesce(last_name, '') as "Contact", company as "Company",
       phone as "Phone", last_disposition_label as "Last disposition", due_date as "Due"
  from reports.follow_ups
 [[where rep_name = {{rep}}]]
 order by due_date, rep_name
