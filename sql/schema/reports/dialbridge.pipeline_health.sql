CREATE FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(window_name text, window_start timestamp with time zone, window_end timestamp with time zone, events_received bigint, events_processed bigint, events_skipped bigint, events_failed bigint, events_retrying bigint, backlog bigint, oldest_backlog_age_seconds numeric, latency_p50_seconds numeric, latency_p95_seconds numeric, latency_max_seconds numeric, success_rate_pct numeric, signature_failures bigint, other_rejections bigint, missing_sourceco_contact_id bigint, missing_sourceco_contact_id_pct numeric, last_event_received_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH windows(name, span, ord) AS (
          VALUES ('last_hour'::text,'01:00:00'::interval,1), ('last_24_hours'::text,'24:00:00'::interval,2), ('last_7_days'::text,'7 days'::interval,3)
         ), backlog AS (
          SELECT count(*) AS n,
             max(date_part('epoch'::text, (pipeline_health.p_as_of - e.received_at))) AS oldest
            FROM dialbridge.report_webhook_events e
           WHERE ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.received_at <= pipeline_health.p_as_of))
         ), last_event AS (
          SELECT max(e.received_at) AS at
            FROM dialbridge.report_webhook_events e
           WHERE (e.received_at <= pipeline_health.p_as_of)
         )
  SELECT w.name,
     (pipeline_health.p_as_of - w.span),
     pipeline_health.p_as_of AS p_as_of,
     COALESCE(ev.received, (0)::bigint) AS "coalesce",
     COALESCE(ev.processed, (0)::bigint) AS "coalesce",
     COALESCE(ev.skipped, (0)::bigint) AS "coalesce",
     COALESCE(ev.failed, (0)::bigint) AS "coalesce",
     COALESCE(ev.retrying, (0)::bigint) AS "coalesce",
     b.n,
     round((b.oldest)::numeric, 1) AS round,
     round((ev.p50)::numeric, 2) AS round,
     round((ev.p95)::numeric, 2) AS round,
     round((ev.lmax)::numeric, 2) AS round,
     round(((100.0 * (ev.processed)::numeric) / (NULLIF((ev.processed + ev.failed), 0))::numeric), 2) AS round,
     COALESCE(rj.signature, (0)::bigint) AS "coalesce",
     COALESCE(rj.other, (0)::bigint) AS "coalesce",
     COALESCE(ev.missing, (0)::bigint) AS "coalesce",
     round(((100.0 * (ev.missing)::numeric) / (NULLIF(ev.received, 0))::numeric), 2) AS round,
     l.at
    FROM ((((windows w
      CROSS JOIN backlog b)
      CROSS JOIN last_event l)
      CROSS JOIN LATERAL ( SELECT count(*) AS received,
             count(*) FILTER (WHERE (e.processing_status = 'success'::text)) AS processed,
             count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['skipped'::text, 'duplicate'::text]))) AS skipped,
             count(*) FILTER (WHERE (e.processing_status = 'failed'::text)) AS failed,
             count(*) FILTER (WHERE ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.retry_count > 0))) AS retrying,
             count(*) FILTER (WHERE (NOT e.has_sourceco_contact_id)) AS missing,
             percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY (date_part('epoch'::text, (e.processing_completed_at - e.received_at)))) FILTER (WHERE ((e.processing_status = 'success'::text) AND (e.processing_completed_at IS NOT NULL))) AS p50,
             percentile_cont((0.95)::double precision) WITHIN GROUP (ORDER BY (date_part('epoch'::text, (e.processing_completed_at - e.received_at)))) FILTER (WHERE ((e.processing_status = 'success'::text) AND (e.processing_completed_at IS NOT NULL))) AS p95,
             max(date_part('epoch'::text, (e.processing_completed_at - e.received_at))) FILTER (WHERE (e.processing_status = 'success'::text)) AS lmax
            FROM dialbridge.report_webhook_events e
           WHERE ((e.received_at > (pipeline_health.p_as_of - w.span)) AND (e.received_at <= pipeline_health.p_as_of))) ev)
      CROSS JOIN LATERAL ( SELECT sum(r.rejection_count) FILTER (WHERE (r.reason = ANY (ARRAY['missing_auth'::text, 'bad_signature'::text, 'bad_token'::text]))) AS signature,
             sum(r.rejection_count) FILTER (WHERE (r.reason <> ALL (ARRAY['missing_auth'::text, 'bad_signature'::text, 'bad_token'::text]))) AS other
            FROM dialbridge.report_webhook_rejections r
           WHERE ((r.bucket_at > (pipeline_health.p_as_of - w.span)) AND (r.bucket_at <= pipeline_health.p_as_of))) rj)
   ORDER BY w.ord;
END;

COMMENT ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) IS 'Webhook pipeline health over the last hour, 24 hours and 7 days before p_as_of. Admins and reporting
readers see the counts; others see zeros (the source views return no rows to them).';

REVOKE ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.pipeline_health(p_as_of timestamp with time zone) TO dialbridge_metabase;
