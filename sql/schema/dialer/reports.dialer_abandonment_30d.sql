CREATE VIEW reports.dialer_abandonment_30d WITH (security_invoker='true') AS
 SELECT c.id AS campaign_id,
    c.name AS campaign_name,
    c.type,
    c.team_id,
    (COALESCE(sum((d.answered - d.machine_answers)), (0)::numeric))::bigint AS live_answers,
    (COALESCE(sum(d.abandoned), (0)::numeric))::bigint AS abandoned_calls,
    round(((100.0 * sum(d.abandoned)) / NULLIF(sum((d.answered - d.machine_answers)), (0)::numeric)), 2) AS abandonment_pct,
    (COALESCE(round(((100.0 * sum(d.abandoned)) / NULLIF(sum((d.answered - d.machine_answers)), (0)::numeric)), 2), (0)::numeric) >= (3)::numeric) AS at_cap
   FROM (dialbridge.report_dialer_campaigns c
     LEFT JOIN dialbridge.report_dialer_call_stats d ON (((d.campaign_id = c.id) AND (d.hour >= (((((now() AT TIME ZONE 'UTC'::text))::date - 29))::timestamp without time zone AT TIME ZONE 'UTC'::text)))))
  GROUP BY c.id, c.name, c.type, c.team_id;

COMMENT ON VIEW reports.dialer_abandonment_30d IS 'Abandoned calls of each dialer campaign against its live-answered calls over the last 30 UTC days: the 3 % cap of 47 CFR 64.1200(a)(7) (at_cap: reached).';

COMMENT ON COLUMN reports.dialer_abandonment_30d.campaign_id IS 'The campaign.';

COMMENT ON COLUMN reports.dialer_abandonment_30d.campaign_name IS 'Its name.';

COMMENT ON COLUMN reports.dialer_abandonment_30d.type IS 'manual, preview, power or predictive.';

COMMENT ON COLUMN reports.dialer_abandonment_30d.team_id IS 'The owner''s team.';

COMMENT ON COLUMN reports.dialer_abandonment_30d.live_answers IS 'Calls a person answered in the window.';

COMMENT ON COLUMN reports.dialer_abandonment_30d.abandoned_calls IS 'Of those, abandoned (no rep within 2 s).';

COMMENT ON COLUMN reports.dialer_abandonment_30d.abandonment_pct IS 'Abandoned ÷ live answered, %.';

COMMENT ON COLUMN reports.dialer_abandonment_30d.at_cap IS 'Whether the campaign has reached the 3 % cap.';

GRANT SELECT ON TABLE reports.dialer_abandonment_30d TO authenticated;
GRANT SELECT ON TABLE reports.dialer_abandonment_30d TO service_role;
GRANT SELECT ON TABLE reports.dialer_abandonment_30d TO dialbridge_metabase;
