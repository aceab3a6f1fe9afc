CREATE VIEW reports.voice_agent_kpis WITH (security_invoker='true') AS
 SELECT c.user_id,
    p.display_name AS user_name,
    c.agent_id,
    a.name AS agent_name,
    ((COALESCE(c.call_answered_at, c.created_at) AT TIME ZONE dialbridge.report_time_zone()))::date AS day,
    count(*) AS calls,
    count(*) FILTER (WHERE ((c.call_lifecycle_status)::text = ANY (ARRAY[('no-answer'::character varying)::text, ('busy'::character varying)::text]))) AS missed_calls,
    count(*) FILTER (WHERE (c.call_answered_at IS NOT NULL)) AS connected_calls,
    count(*) FILTER (WHERE ((c.call_lifecycle_status)::text = 'failed'::text)) AS failed_calls,
    round(((100.0 * (count(*) FILTER (WHERE ((c.call_lifecycle_status)::text = ANY (ARRAY[('no-answer'::character varying)::text, ('busy'::character varying)::text]))))::numeric) / (NULLIF(count(*) FILTER (WHERE (((c.call_lifecycle_status)::text <> 'failed'::text) AND (c.status <> 'in_progress'::text))), 0))::numeric), 2) AS missed_call_rate_pct,
    round(((100.0 * (count(*) FILTER (WHERE (c.call_answered_at IS NOT NULL)))::numeric) / (NULLIF(count(*) FILTER (WHERE (((c.call_lifecycle_status)::text <> 'failed'::text) AND (c.status <> 'in_progress'::text))), 0))::numeric), 2) AS connected_rate_pct,
    round(avg(c.duration_seconds) FILTER (WHERE (c.call_answered_at IS NOT NULL)), 1) AS avg_conversation_seconds,
    COALESCE(sum(c.duration_minutes), (0)::bigint) AS billed_minutes,
    COALESCE(sum(c.credits_used), (0)::bigint) AS credits_used
   FROM ((dialbridge.report_voice_calls c
     LEFT JOIN dialbridge.report_voice_agents a ON ((a.id = c.agent_id)))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = c.user_id)))
  GROUP BY c.user_id, p.display_name, c.agent_id, a.name, (((COALESCE(c.call_answered_at, c.created_at) AT TIME ZONE dialbridge.report_time_zone()))::date);

COMMENT ON VIEW reports.voice_agent_kpis IS 'Seed 004''s KPIs per user, voice agent and day (reporting time zone): calls, missed (no-answer + busy), connected (in-progress reached), failed, the missed-call and connected rates of finished calls, average conversation seconds of connected calls, billed minutes and credits.';

COMMENT ON COLUMN reports.voice_agent_kpis.user_id IS 'The user whose agent called.';

COMMENT ON COLUMN reports.voice_agent_kpis.user_name IS 'Their display name.';

COMMENT ON COLUMN reports.voice_agent_kpis.agent_id IS 'The voice agent.';

COMMENT ON COLUMN reports.voice_agent_kpis.agent_name IS 'Its name.';

COMMENT ON COLUMN reports.voice_agent_kpis.day IS 'The day (reporting time zone) the call was answered, else placed.';

COMMENT ON COLUMN reports.voice_agent_kpis.calls IS 'Calls.';

COMMENT ON COLUMN reports.voice_agent_kpis.missed_calls IS 'Not answered or busy.';

COMMENT ON COLUMN reports.voice_agent_kpis.connected_calls IS 'Answered (in-progress reached).';

COMMENT ON COLUMN reports.voice_agent_kpis.failed_calls IS 'Failed, canceled, stopped, errors, balance-low.';

COMMENT ON COLUMN reports.voice_agent_kpis.missed_call_rate_pct IS 'Missed ÷ finished calls (not failed), %.';

COMMENT ON COLUMN reports.voice_agent_kpis.connected_rate_pct IS 'Connected ÷ finished calls (not failed), %.';

COMMENT ON COLUMN reports.voice_agent_kpis.avg_conversation_seconds IS 'Average conversation of connected calls, seconds.';

COMMENT ON COLUMN reports.voice_agent_kpis.billed_minutes IS 'Billed minutes.';

COMMENT ON COLUMN reports.voice_agent_kpis.credits_used IS 'Credits the calls cost.';

GRANT SELECT ON TABLE reports.voice_agent_kpis TO authenticated;
GRANT SELECT ON TABLE reports.voice_agent_kpis TO service_role;
GRANT SELECT ON TABLE reports.voice_agent_kpis TO dialbridge_metabase;
