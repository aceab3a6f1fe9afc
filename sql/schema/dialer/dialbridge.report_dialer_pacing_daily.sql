CREATE VIEW dialbridge.report_dialer_pacing_daily WITH (security_barrier='true') AS
 SELECT d.campaign_id,
    d.day,
    d.dialled,
    d.live_answers,
    d.machine_answers,
    d.abandoned,
    d.ring_seconds,
    d.talk_seconds,
    d.connected
   FROM dialbridge.dialer_pacing_daily d
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR dialbridge.can_see_campaign(d.campaign_id));

COMMENT ON VIEW dialbridge.report_dialer_pacing_daily IS 'Pacing statistics of the campaigns the caller may see (Metabase: all). Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_dialer_pacing_daily TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_dialer_pacing_daily TO service_role;
GRANT SELECT ON TABLE dialbridge.report_dialer_pacing_daily TO dialbridge_metabase;
