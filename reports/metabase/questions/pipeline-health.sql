-- Webhook pipeline over the last hour, 24 hours and 7 days.
select window_name as "Window", events_received as "Received", events_processed as "Processed",
       events_failed as "Failed", events_retrying as "Retrying", backlog as "Backlog",
       latency_p95_seconds as "Latency p95 (s)", success_rate_pct as "Success %",
       signature_failures as "Signature failures", missing_sourceco_contact_id_pct as "Missing SourceCo id %"
  from reports.pipeline_health
