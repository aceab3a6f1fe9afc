-- VoIPStudio dialer campaigns: contacts by status and call results (seed 003 analytics).
select campaign_name as "Campaign", type as "Mode", status as "Status", team_name as "Team", owner_name as "Owner",
       contacts as "Contacts", contacts_pending as "Pending", contacts_completed as "Completed", contacts_failed as "Failed",
       contacts_callback as "Callbacks", contacts_do_not_call as "Do not call", calls as "Calls", answered_calls as "Answered",
       answer_rate_pct as "Answer rate %", completion_rate_pct as "Completion rate %", avg_duration_seconds as "Avg duration (s)"
  from reports.dialer_campaign_results
 order by created_at desc
