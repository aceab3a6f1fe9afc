-- Seed 001's 90-day success metrics, with their targets.
select metric as "Metric", period_days as "Days", value as "Value", target as "Target", meets_target as "Met"
  from reports.success_metrics
