CREATE FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(metric text, period_days integer, value numeric, target text, meets_target boolean, detail text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    BEGIN ATOMIC
 WITH days AS (
          SELECT d.id,
             d.team_id,
             d.user_id,
             d.day,
             d.calls,
             d.connections,
             d.decision_maker_conversations,
             d.gatekeeper_conversations,
             d.voicemails,
             d.no_answers,
             d.talk_time_seconds,
             d.call_duration_seconds,
             d.dispositioned_calls,
             d.callbacks_scheduled,
             d.qualified,
             d.nurture,
             d.disqualified,
             d.suppressed,
             d.other_dispositions,
             d.unmapped_dispositions,
             d.meetings,
             d.updated_at
            FROM dialbridge.rep_day_totals d
           WHERE ((d.day > (dialbridge.report_today(success_metrics.p_as_of) - 90)) AND (d.day <= dialbridge.report_today(success_metrics.p_as_of)))
         ), m AS (
          SELECT 1 AS ord,
             'disposition_coverage_pct'::text AS metric,
             90 AS period_days,
             round(((100.0 * (sum(d.dispositioned_calls))::numeric) / (NULLIF(sum(d.calls), 0))::numeric), 1) AS value,
             '> 90'::text AS target,
             (90)::numeric AS above,
             'Calls with a disposition set.'::text AS detail
            FROM days d
         UNION ALL
          SELECT 2,
             'callback_completion_on_time_pct'::text AS text,
             90,
             round(((100.0 * (count(*) FILTER (WHERE ((t.status = 'completed'::text) AND (t.completed_at <= (t.due_at + '1 day'::interval)))))::numeric) / (NULLIF(count(*), 0))::numeric), 1) AS round,
             '> 80'::text AS text,
             80,
             'Callbacks due in the period completed by the end of the day after they were due.'::text AS text
            FROM dialbridge.report_tasks t
           WHERE ((t.source = 'callback'::text) AND (t.status <> 'cancelled'::text) AND (t.due_at > (success_metrics.p_as_of - '90 days'::interval)) AND (t.due_at <= success_metrics.p_as_of))
         UNION ALL
          SELECT 3,
             'webhook_success_rate_pct'::text AS text,
             90,
             round(((100.0 * (count(*) FILTER (WHERE (e.processing_status = 'success'::text)))::numeric) / (NULLIF(count(*) FILTER (WHERE (e.processing_status = ANY (ARRAY['success'::text, 'failed'::text]))), 0))::numeric), 2) AS round,
             '> 99.5'::text AS text,
             99.5,
             'Webhooks processed successfully (admins and reporting readers).'::text AS text
            FROM dialbridge.report_webhook_events e
           WHERE ((e.received_at > (success_metrics.p_as_of - '90 days'::interval)) AND (e.received_at <= success_metrics.p_as_of))
         UNION ALL
          SELECT 4,
             'dials_per_rep_per_day'::text AS text,
             30,
             round(avg(x.dials), 1) AS round,
             '+20% over baseline'::text AS text,
             NULL::numeric AS "numeric",
             'Average dials per rep on days the rep dialed.'::text AS text
            FROM ( SELECT d.user_id,
                     d.day,
                     sum(d.calls) AS dials
                    FROM days d
                   WHERE ((d.day > (dialbridge.report_today(success_metrics.p_as_of) - 30)) AND (d.user_id IS NOT NULL))
                   GROUP BY d.user_id, d.day
                  HAVING (sum(d.calls) > 0)) x
         UNION ALL
          SELECT 5,
             'connection_rate_pct'::text AS text,
             30,
             round(((100.0 * (sum(d.connections))::numeric) / (NULLIF(sum(d.calls), 0))::numeric), 1) AS round,
             'establish baseline, improve'::text AS text,
             NULL::numeric AS "numeric",
             'Connected calls / calls.'::text AS text
            FROM days d
           WHERE (d.day > (dialbridge.report_today(success_metrics.p_as_of) - 30))
         UNION ALL
          SELECT 6,
             'meetings_booked_from_calls'::text AS text,
             90,
             COALESCE(sum(d.meetings), (0)::bigint) AS "coalesce",
             'track attribution'::text AS text,
             NULL::numeric AS "numeric",
             'Calls dispositioned as a meeting.'::text AS text
            FROM days d
         UNION ALL
          SELECT 7,
             'contact_accuracy_pct'::text AS text,
             90,
             round(((100.0 * (count(*) FILTER (WHERE (NOT c.phone_number_invalid)))::numeric) / (NULLIF(count(*), 0))::numeric), 1) AS round,
             '> 95'::text AS text,
             95,
             'Contacts called in the period whose number is not flagged invalid.'::text AS text
            FROM dialbridge.report_contacts c
           WHERE ((c.last_call_attempt_at > (success_metrics.p_as_of - '90 days'::interval)) AND (c.last_call_attempt_at <= success_metrics.p_as_of))
         )
  SELECT m.metric,
     m.period_days,
     m.value,
     m.target,
         CASE
             WHEN (m.above IS NOT NULL) THEN (m.value > m.above)
             ELSE NULL::boolean
         END AS "case",
     m.detail
    FROM m
   ORDER BY m.ord;
END;

COMMENT ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) IS 'Seed 001''s 90-day success metrics that the data can measure, as of p_as_of.';

REVOKE ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) TO service_role;
GRANT ALL ON FUNCTION dialbridge.success_metrics(p_as_of timestamp with time zone) TO dialbridge_metabase;
