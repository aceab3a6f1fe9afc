CREATE VIEW reports.dialer_calls_hourly WITH (security_invoker='true') AS
 SELECT s.hour AS hour_utc,
    (s.hour AT TIME ZONE dialbridge.report_time_zone()) AS hour_local,
    s.campaign_id,
    c.name AS campaign_name,
    s.user_id AS rep_id,
    COALESCE(p.display_name, p.email) AS rep_name,
    s.status,
    s.calls,
    s.answered AS answered_calls,
    s.duration_seconds
   FROM ((dialbridge.report_dialer_call_stats s
     LEFT JOIN dialbridge.report_dialer_campaigns c ON ((c.id = s.campaign_id)))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = s.user_id)))
  WHERE ((s.calls <> 0) OR (s.answered <> 0) OR (s.duration_seconds <> 0));

COMMENT ON VIEW reports.dialer_calls_hourly IS 'VoIPStudio dialer calls per hour, campaign, rep and status (the analytics roll-up): for calls-by-hour charts and rep activity. hour_local is in the reporting time zone.';

COMMENT ON COLUMN reports.dialer_calls_hourly.hour_utc IS 'The hour the calls started in (UTC).';

COMMENT ON COLUMN reports.dialer_calls_hourly.hour_local IS 'The same hour in the reporting time zone.';

COMMENT ON COLUMN reports.dialer_calls_hourly.campaign_id IS 'The campaign (null: calls outside campaigns).';

COMMENT ON COLUMN reports.dialer_calls_hourly.campaign_name IS 'Its name.';

COMMENT ON COLUMN reports.dialer_calls_hourly.rep_id IS 'The rep.';

COMMENT ON COLUMN reports.dialer_calls_hourly.rep_name IS 'The rep''s name.';

COMMENT ON COLUMN reports.dialer_calls_hourly.status IS 'The calls'' status.';

COMMENT ON COLUMN reports.dialer_calls_hourly.calls IS 'Calls.';

COMMENT ON COLUMN reports.dialer_calls_hourly.answered_calls IS 'Answered calls.';

COMMENT ON COLUMN reports.dialer_calls_hourly.duration_seconds IS 'Seconds of calls.';

GRANT SELECT ON TABLE reports.dialer_calls_hourly TO authenticated;
GRANT SELECT ON TABLE reports.dialer_calls_hourly TO service_role;
GRANT SELECT ON TABLE reports.dialer_calls_hourly TO dialbridge_metabase;
