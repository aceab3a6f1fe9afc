-- Predictive campaigns: what the pacer is doing now, and each campaign's 30-day abandonment against the 3 % cap.
select p.campaign_name as "Campaign", p.status as "Status", p.mode as "Pacer mode", p.decided_at as "Decided at",
       p.reps as "Reps", p.free_reps as "Free", p.lines_before as "Lines ringing", p.lines_started as "Lines started",
       p.expected_abandon_pct as "Expected abandon %", p.allowed_abandon_pct as "Allowed %",
       a.live_answers as "Live answers (30 d)", a.abandoned_calls as "Abandoned (30 d)", a.abandonment_pct as "Abandon % (30 d, cap 3)",
       a.at_cap as "At cap", p.detail as "Detail"
  from reports.dialer_pacing p
  left join reports.dialer_abandonment_30d a on a.campaign_id = p.campaign_id
 order by p.decided_at desc
