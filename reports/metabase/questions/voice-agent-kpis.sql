-- Bolna.ai voice agents (seed 004): calls, missed-call and connected rates, conversation length and credits per user, agent and day.
select day as "Day", user_name as "User", agent_name as "Agent", calls as "Calls", missed_calls as "Missed",
       connected_calls as "Connected", failed_calls as "Failed", missed_call_rate_pct as "Missed rate %",
       connected_rate_pct as "Connected rate %", avg_conversation_seconds as "Avg conversation (s)",
       billed_minutes as "Minutes", credits_used as "Credits"
  from reports.voice_agent_kpis
 where day >= current_date - 30
 order by day desc, user_name, agent_name
