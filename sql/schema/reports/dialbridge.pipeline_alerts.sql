CREATE FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(severity text, rule text, subject text, fires boolean, observed numeric, threshold numeric, detail text, evaluated_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH ev24 AS (
          SELECT e.processing_status,
             e.retry_count,
             e.has_sourceco_contact_id
            FROM dialbridge.report_webhook_events e
           WHERE ((e.received_at > (pipeline_alerts.p_as_of - '24:00:00'::interval)) AND (e.received_at <= pipeline_alerts.p_as_of))
         ), traffic AS (
          SELECT GREATEST(( SELECT max(e.received_at) AS max
                    FROM dialbridge.report_webhook_events e
                   WHERE (e.received_at <= pipeline_alerts.p_as_of)), ( SELECT (max(r.bucket_at) + '00:01:00'::interval)
                    FROM dialbridge.report_webhook_rejections r
                   WHERE (r.bucket_at <= pipeline_alerts.p_as_of))) AS last_at,
             ( SELECT count(*) AS count
                    FROM dialbridge.report_webhook_events e
                   WHERE ((e.received_at > (pipeline_alerts.p_as_of - '01:05:00'::interval)) AND (e.received_at <= (pipeline_alerts.p_as_of - '00:05:00'::interval)))) AS flowing
         ), auth AS (
          SELECT COALESCE(f.target_user_id, f.user_id) AS rep_id,
             count(*) AS failures
            FROM dialbridge.report_push_runs f
           WHERE ((f.error_code = 'PB_AUTH'::text) AND (COALESCE(f.finished_at, f.updated_at) > (pipeline_alerts.p_as_of - '01:00:00'::interval)) AND (COALESCE(f.finished_at, f.updated_at) <= pipeline_alerts.p_as_of) AND (NOT (EXISTS ( SELECT 1
                    FROM dialbridge.report_push_runs s
                   WHERE ((COALESCE(s.target_user_id, s.user_id) = COALESCE(f.target_user_id, f.user_id)) AND (s.status = ANY (ARRAY['succeeded'::text, 'partially_succeeded'::text])) AND (COALESCE(s.finished_at, s.updated_at) > COALESCE(f.finished_at, f.updated_at)) AND (COALESCE(s.finished_at, s.updated_at) <= pipeline_alerts.p_as_of))))))
           GROUP BY COALESCE(f.target_user_id, f.user_id)
         ), team_weeks AS (
          SELECT d.team_id,
             sum(d.calls) FILTER (WHERE (d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS dials_now,
             sum(d.connections) FILTER (WHERE (d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS conn_now,
             sum(d.calls) FILTER (WHERE (d.day <= (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS dials_before,
             sum(d.connections) FILTER (WHERE (d.day <= (dialbridge.report_today(pipeline_alerts.p_as_of) - 7))) AS conn_before
            FROM dialbridge.rep_day_totals d
           WHERE ((d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 14)) AND (d.day <= dialbridge.report_today(pipeline_alerts.p_as_of)))
           GROUP BY d.team_id
         ), rep_week AS (
          SELECT d.user_id,
             sum(d.calls) AS dials,
             sum(d.connections) AS conns,
             sum(d.talk_time_seconds) AS talk
            FROM dialbridge.rep_day_totals d
           WHERE ((d.day > (dialbridge.report_today(pipeline_alerts.p_as_of) - 7)) AND (d.day <= dialbridge.report_today(pipeline_alerts.p_as_of)) AND (d.user_id IS NOT NULL))
           GROUP BY d.user_id
         ), alerts AS (
          SELECT 'critical'::text AS severity,
             'webhook_endpoint_down'::text AS rule,
             NULL::text AS subject,
             COALESCE(((t.last_at < (pipeline_alerts.p_as_of - '00:05:00'::interval)) AND (t.flowing > 0)), false) AS fires,
             round(((date_part('epoch'::text, (pipeline_alerts.p_as_of - t.last_at)) / (60)::double precision))::numeric, 1) AS observed,
             (5)::numeric AS threshold,
             'Minutes since the last webhook request, when events were arriving in the hour before.'::text AS detail
            FROM traffic t
           WHERE dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'high'::text AS text,
             'webhook_processing_failing'::text AS text,
             NULL::text AS text,
             (count(*) FILTER (WHERE ((e.processing_status = 'failed'::text) OR ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.retry_count > 0)))) > 50),
             count(*) FILTER (WHERE ((e.processing_status = 'failed'::text) OR ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.retry_count > 0)))) AS count,
             50,
             'Events failed or retrying in the last 24 hours.'::text AS text
            FROM ev24 e
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'high'::text AS text,
             'webhook_backlog'::text AS text,
             NULL::text AS text,
             (count(*) > 100),
             count(*) AS count,
             100,
             'Events received and not processed yet.'::text AS text
            FROM dialbridge.report_webhook_events e
           WHERE ((e.processing_status = ANY (ARRAY['pending'::text, 'processing'::text])) AND (e.received_at <= pipeline_alerts.p_as_of))
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'medium'::text AS text,
             'missing_sourceco_contact_id'::text AS text,
             NULL::text AS text,
             COALESCE((((100.0 * (count(*) FILTER (WHERE (NOT e.has_sourceco_contact_id)))::numeric) / (NULLIF(count(*), 0))::numeric) > (1)::numeric), false) AS "coalesce",
             round(((100.0 * (count(*) FILTER (WHERE (NOT e.has_sourceco_contact_id)))::numeric) / (NULLIF(count(*), 0))::numeric), 2) AS round,
             1,
             'Percent of events in the last 24 hours without a SourceCo contact id.'::text AS text
            FROM ev24 e
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'medium'::text AS text,
             'webhook_success_rate'::text AS text,
             NULL::text AS text,
             COALESCE((((100.0 * (count(*) FILTER (WHERE (e.processing_status = 'success'::text)))::numeric) / (NULLIF(count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['success'::text, 'failed'::text]))), 0))::numeric) < 99.5), false) AS "coalesce",
             round(((100.0 * (count(*) FILTER (WHERE (e.processing_status = 'success'::text)))::numeric) / (NULLIF(count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['success'::text, 'failed'::text]))), 0))::numeric), 2) AS round,
             99.5,
             'Percent of events processed successfully in the last 24 hours.'::text AS text
            FROM ev24 e
          HAVING dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'medium'::text AS text,
             'webhook_latency'::text AS text,
             NULL::text AS text,
             COALESCE((x.p95 > (10)::double precision), false) AS "coalesce",
             round((x.p95)::numeric, 2) AS round,
             10,
             '95th percentile of seconds from receipt to processing, last hour.'::text AS text
            FROM ( SELECT percentile_cont((0.95)::double precision) WITHIN GROUP (ORDER BY (date_part('epoch'::text, (e.processing_completed_at - e.received_at)))) AS p95
                    FROM dialbridge.report_webhook_events e
                   WHERE ((e.received_at > (pipeline_alerts.p_as_of - '01:00:00'::interval)) AND (e.received_at <= pipeline_alerts.p_as_of) AND (e.processing_status = 'success'::text) AND (e.processing_completed_at IS NOT NULL))) x
           WHERE dialbridge.reads_pipeline_reports()
         UNION ALL
          SELECT 'critical'::text AS text,
             'phoneburner_api_key_rejected'::text AS text,
             COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
             true,
             a_1.failures,
             0,
             'Pushes refused by PhoneBurner for bad credentials in the last hour: the rep must reconnect PhoneBurner.'::text AS text
            FROM (auth a_1
              LEFT JOIN dialbridge.report_profiles p ON ((p.id = a_1.rep_id)))
         UNION ALL
          SELECT 'critical'::text AS text,
             'phoneburner_api_key_rejected'::text AS text,
             NULL::text AS text,
             false,
             0,
             0,
             'Pushes refused by PhoneBurner for bad credentials in the last hour.'::text AS text
           WHERE (NOT (EXISTS ( SELECT 1
                    FROM auth)))
         UNION ALL
          SELECT 'medium'::text AS text,
             'reconciliation_discrepancies'::text AS text,
             NULL::text AS text,
             (count(DISTINCT f.contact_id) > 10),
             count(DISTINCT f.contact_id) AS count,
             10,
             'Contacts the reconciliation corrected in the last 24 hours.'::text AS text
            FROM dialbridge.report_contact_field_changes f
           WHERE ((f.source_system = 'reconciliation'::text) AND (f.recorded_at > (pipeline_alerts.p_as_of - '24:00:00'::interval)) AND (f.recorded_at <= pipeline_alerts.p_as_of))
         UNION ALL
          SELECT 'low'::text AS text,
             'connection_rate_drop'::text AS text,
             COALESCE(t.name, 'No team'::text) AS "coalesce",
             COALESCE(((w.conn_before > 0) AND (((((w.conn_before)::numeric / (w.dials_before)::numeric) - ((w.conn_now)::numeric / (w.dials_now)::numeric)) / ((w.conn_before)::numeric / (w.dials_before)::numeric)) > 0.10)), false) AS "coalesce",
             round(
                 CASE
                     WHEN (w.conn_before > 0) THEN (((100)::numeric * (((w.conn_before)::numeric / (w.dials_before)::numeric) - ((w.conn_now)::numeric / (w.dials_now)::numeric))) / ((w.conn_before)::numeric / (w.dials_before)::numeric))
                     ELSE NULL::numeric
                 END, 1) AS round,
             10,
             format('Relative drop in %%: connection rate %s%% over the last 7 days vs %s%% the 7 days before.'::text, round(((100.0 * (w.conn_now)::numeric) / (w.dials_now)::numeric), 1), round(((100.0 * (w.conn_before)::numeric) / (w.dials_before)::numeric), 1)) AS format
            FROM (team_weeks w
              LEFT JOIN dialbridge.report_teams t ON ((t.id = w.team_id)))
           WHERE ((w.dials_now >= 20) AND (w.dials_before >= 20))
         UNION ALL
          SELECT 'low'::text AS text,
             'rep_connection_rate_low'::text AS text,
             COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
             (((100.0 * (r.conns)::numeric) / (r.dials)::numeric) < (20)::numeric),
             round(((100.0 * (r.conns)::numeric) / (r.dials)::numeric), 1) AS round,
             20,
             'Rep connection rate over the last 7 days (at least 20 dials).'::text AS text
            FROM (rep_week r
              LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
           WHERE (r.dials >= 20)
         UNION ALL
          SELECT 'low'::text AS text,
             'rep_avg_talk_time_low'::text AS text,
             COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS "coalesce",
             ((r.talk / (r.conns)::numeric) < (90)::numeric),
             round((r.talk / (r.conns)::numeric), 1) AS round,
             90,
             'Rep average talk time per connected call, seconds, last 7 days (at least 5 connections).'::text AS text
            FROM (rep_week r
              LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
           WHERE (r.conns >= 5)
         )
  SELECT a.severity,
     a.rule,
     a.subject,
     a.fires,
     a.observed,
     a.threshold,
     a.detail,
     pipeline_alerts.p_as_of AS p_as_of
    FROM alerts a
   ORDER BY
         CASE a.severity
             WHEN 'critical'::text THEN 1
             WHEN 'high'::text THEN 2
             WHEN 'medium'::text THEN 3
             ELSE 4
         END, a.rule, a.subject;
END;

COMMENT ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) IS 'Seed 001''s alert rules evaluated as of p_as_of: one row per rule (and per team or rep for the business
rules), with whether it fires now, what was observed and the threshold. Pipeline rules are returned only
to callers who may see the pipeline (admins, reporting readers).
  critical  webhook_endpoint_down         the database cannot see the endpoint; it sees traffic stop:
                                          nothing received (accepted or rejected) for 5 minutes after
                                          events were arriving in the hour before
  critical  phoneburner_api_key_rejected  a push refused for bad credentials (401/403 → error PB_AUTH) in
                                          the last hour, and no successful push for that rep since
  high      webhook_processing_failing    more than 50 events failed or waiting to retry (24 hours)
  high      webhook_backlog               more than 100 events not processed yet
  medium    reconciliation_discrepancies  the reconciliation corrected more than 10 contacts (24 hours)
  medium    missing_sourceco_contact_id   more than 1% of events without a SourceCo id (24 hours)
  medium    webhook_success_rate          under 99.5% processed successfully (24 hours)
  medium    webhook_latency               95th percentile receipt-to-processing over 10 s (last hour)
  low       connection_rate_drop          a team''s connection rate down more than 10% week over week
                                          (relative; both weeks at least 20 dials)
  low       rep_connection_rate_low       a rep under 20% over 7 days (at least 20 dials)
  low       rep_avg_talk_time_low         a rep''s average talk time under 90 s over 7 days (at least 5
                                          connections)';

REVOKE ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.pipeline_alerts(p_as_of timestamp with time zone) TO dialbridge_metabase;
