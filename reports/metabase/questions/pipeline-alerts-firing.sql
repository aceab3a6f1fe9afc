-- Seed 001 alert rules firing now.
select severity as "Severity", rule as "Rule", subject as "About", observed as "Observed", threshold as "Threshold",
       detail as "What"
  from reports.pipeline_alerts
 where fires
