CREATE VIEW reports.success_metrics WITH (security_invoker='true') AS
 SELECT success_metrics.metric,
    success_metrics.period_days,
    success_metrics.value,
    success_metrics.target,
    success_metrics.meets_target,
    success_metrics.detail
   FROM dialbridge.success_metrics(now()) success_metrics(metric, period_days, value, target, meets_target, detail);

COMMENT ON VIEW reports.success_metrics IS 'Seed 001 90-day success metrics the data can measure, with targets.';

COMMENT ON COLUMN reports.success_metrics.metric IS 'Metric.';

COMMENT ON COLUMN reports.success_metrics.period_days IS 'Days the metric covers.';

COMMENT ON COLUMN reports.success_metrics.value IS 'Measured value.';

COMMENT ON COLUMN reports.success_metrics.target IS 'Seed 001 target.';

COMMENT ON COLUMN reports.success_metrics.meets_target IS 'Whether the target is met (null: no numeric target).';

COMMENT ON COLUMN reports.success_metrics.detail IS 'What is measured.';

GRANT SELECT ON TABLE reports.success_metrics TO authenticated;
GRANT SELECT ON TABLE reports.success_metrics TO service_role;
GRANT SELECT ON TABLE reports.success_metrics TO dialbridge_metabase;
