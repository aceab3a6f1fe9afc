CREATE VIEW reports.pipeline_alerts WITH (security_invoker='true') AS
 SELECT pipeline_alerts.severity,
    pipeline_alerts.rule,
    pipeline_alerts.subject,
    pipeline_alerts.fires,
    pipeline_alerts.observed,
    pipeline_alerts.threshold,
    pipeline_alerts.detail,
    pipeline_alerts.evaluated_at
   FROM dialbridge.pipeline_alerts(now()) pipeline_alerts(severity, rule, subject, fires, observed, threshold, detail, evaluated_at);

COMMENT ON VIEW reports.pipeline_alerts IS 'Seed 001 alert rules evaluated now: which fire, what was observed, the threshold.';

COMMENT ON COLUMN reports.pipeline_alerts.severity IS 'critical, high, medium or low.';

COMMENT ON COLUMN reports.pipeline_alerts.rule IS 'Alert rule.';

COMMENT ON COLUMN reports.pipeline_alerts.subject IS 'Team or rep the row is about (null: the whole pipeline).';

COMMENT ON COLUMN reports.pipeline_alerts.fires IS 'Whether the alert fires now.';

COMMENT ON COLUMN reports.pipeline_alerts.observed IS 'The measured value.';

COMMENT ON COLUMN reports.pipeline_alerts.threshold IS 'The threshold it is compared with.';

COMMENT ON COLUMN reports.pipeline_alerts.detail IS 'What is measured.';

COMMENT ON COLUMN reports.pipeline_alerts.evaluated_at IS 'When evaluated.';

GRANT SELECT ON TABLE reports.pipeline_alerts TO authenticated;
GRANT SELECT ON TABLE reports.pipeline_alerts TO service_role;
GRANT SELECT ON TABLE reports.pipeline_alerts TO dialbridge_metabase;
