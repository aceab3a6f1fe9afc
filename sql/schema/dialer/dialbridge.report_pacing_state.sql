CREATE VIEW dialbridge.report_pacing_state WITH (security_barrier='true') AS
 SELECT p.campaign_id,
    p.decided_at,
    p.mode,
    p.reps,
    p.free_reps,
    p.lines_before,
    p.lines_wanted,
    p.lines_started,
    p.expected_abandon_rate,
    p.allowed_rate,
    p.window_live_answers,
    p.window_abandoned,
    p.detail
   FROM dialbridge.pacing_state p
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR dialbridge.can_see_campaign(p.campaign_id));

COMMENT ON VIEW dialbridge.report_pacing_state IS 'The pacer''s latest decisions for the campaigns the caller may see (Metabase and the service role: all). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_pacing_state TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_pacing_state TO service_role;
GRANT SELECT ON TABLE dialbridge.report_pacing_state TO dialbridge_metabase;
