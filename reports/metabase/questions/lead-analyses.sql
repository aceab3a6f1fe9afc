-- Transcript analyses per user: individual (per call) and complete (per contact) rows, offline-analyser rows, failures, tokens; and credits.
select a.user_name as "User", a.individual_analyses as "Individual", a.complete_analyses as "Complete",
       a.heuristic_analyses as "Offline analyser", a.failed_analyses as "Failed", a.pending_analyses as "Waiting",
       a.tokens_used as "OpenAI tokens", a.last_analysis_at as "Latest", c.balance as "Credits left",
       c.balance_low_calls as "Balance-low calls"
  from reports.lead_analysis_counts a
  left join reports.voice_agent_credits c on c.user_id = a.user_id
 order by a.user_name
