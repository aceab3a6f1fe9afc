CREATE VIEW reports.dialer_pacing WITH (security_invoker='true') AS
 SELECT c.id AS campaign_id,
    c.name AS campaign_name,
    c.team_id,
    c.status,
    p.decided_at,
    p.mode,
    p.reps,
    p.free_reps,
    p.lines_before,
    p.lines_wanted,
    p.lines_started,
    round(((100)::numeric * p.expected_abandon_rate), 2) AS expected_abandon_pct,
    round(((100)::numeric * p.allowed_rate), 2) AS allowed_abandon_pct,
    p.window_live_answers,
    p.window_abandoned,
    round(((100.0 * (p.window_abandoned)::numeric) / (NULLIF(p.window_live_answers, 0))::numeric), 2) AS window_abandon_pct,
    p.detail
   FROM (dialbridge.report_dialer_campaigns c
     JOIN dialbridge.report_pacing_state p ON ((p.campaign_id = c.id)))
  WHERE (c.type = 'predictive'::text);

COMMENT ON VIEW reports.dialer_pacing IS 'Predictive campaigns'' pacer, live: its latest decision (mode, reps free, lines ringing, wanted and started), the abandonment it expected and was allowed, and the campaign''s 30-day window against the 3 % cap.';

COMMENT ON COLUMN reports.dialer_pacing.campaign_id IS 'The campaign.';

COMMENT ON COLUMN reports.dialer_pacing.campaign_name IS 'Its name.';

COMMENT ON COLUMN reports.dialer_pacing.team_id IS 'The owner''s team.';

COMMENT ON COLUMN reports.dialer_pacing.status IS 'The campaign''s status.';

COMMENT ON COLUMN reports.dialer_pacing.decided_at IS 'When the pacer last decided.';

COMMENT ON COLUMN reports.dialer_pacing.mode IS 'power (no history or the cap at risk), predictive, full (max_lines), idle (no rep logged in), stopped.';

COMMENT ON COLUMN reports.dialer_pacing.reps IS 'Reps logged in.';

COMMENT ON COLUMN reports.dialer_pacing.free_reps IS 'Of those, available.';

COMMENT ON COLUMN reports.dialer_pacing.lines_before IS 'Lines ringing before the decision.';

COMMENT ON COLUMN reports.dialer_pacing.lines_wanted IS 'Lines the pacer wanted to start.';

COMMENT ON COLUMN reports.dialer_pacing.lines_started IS 'Lines it started.';

COMMENT ON COLUMN reports.dialer_pacing.expected_abandon_pct IS 'Abandonment the decision was expected to cause, % of live answers.';

COMMENT ON COLUMN reports.dialer_pacing.allowed_abandon_pct IS 'Abandonment it was allowed, %.';

COMMENT ON COLUMN reports.dialer_pacing.window_live_answers IS 'Live-answered calls in the 30-day window.';

COMMENT ON COLUMN reports.dialer_pacing.window_abandoned IS 'Abandoned calls in the window.';

COMMENT ON COLUMN reports.dialer_pacing.window_abandon_pct IS 'Abandoned ÷ live answered over the window, % (cap 3).';

COMMENT ON COLUMN reports.dialer_pacing.detail IS 'Why fewer lines started than wanted, or why none.';

GRANT SELECT ON TABLE reports.dialer_pacing TO authenticated;
GRANT SELECT ON TABLE reports.dialer_pacing TO service_role;
GRANT SELECT ON TABLE reports.dialer_pacing TO dialbridge_metabase;
