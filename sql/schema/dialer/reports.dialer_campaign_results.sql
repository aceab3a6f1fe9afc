CREATE VIEW reports.dialer_campaign_results WITH (security_invoker='true') AS
 SELECT c.id AS campaign_id,
    c.name AS campaign_name,
    c.type,
    c.status,
    c.team_id,
    t.name AS team_name,
    c.user_id AS owner_id,
    COALESCE(p.display_name, p.email) AS owner_name,
    c.created_at,
    COALESCE(((c.stats ->> 'total'::text))::integer, 0) AS contacts,
    COALESCE(((c.stats ->> 'pending'::text))::integer, 0) AS contacts_pending,
    COALESCE(((c.stats ->> 'completed'::text))::integer, 0) AS contacts_completed,
    COALESCE(((c.stats ->> 'failed'::text))::integer, 0) AS contacts_failed,
    COALESCE(((c.stats ->> 'callback'::text))::integer, 0) AS contacts_callback,
    COALESCE(((c.stats ->> 'do_not_call'::text))::integer, 0) AS contacts_do_not_call,
    COALESCE(x.calls, (0)::bigint) AS calls,
    COALESCE(x.answered, (0)::bigint) AS answered_calls,
    COALESCE(x.completed, (0)::bigint) AS completed_calls,
    COALESCE(x.no_answer, (0)::bigint) AS no_answer_calls,
    COALESCE(x.busy, (0)::bigint) AS busy_calls,
    COALESCE(x.failed, (0)::bigint) AS failed_calls,
    COALESCE(x.duration, (0)::bigint) AS total_duration_seconds,
    round(((x.duration)::numeric / (NULLIF(x.answered, 0))::numeric)) AS avg_duration_seconds,
    round(((100.0 * (x.answered)::numeric) / (NULLIF(x.calls, 0))::numeric), 1) AS answer_rate_pct,
    round(((100.0 * (x.completed)::numeric) / (NULLIF(x.calls, 0))::numeric), 1) AS completion_rate_pct
   FROM (((dialbridge.report_dialer_campaigns c
     LEFT JOIN LATERAL ( SELECT (sum(s.calls))::bigint AS calls,
            (sum(s.answered))::bigint AS answered,
            (sum(s.calls) FILTER (WHERE (s.status = 'completed'::text)))::bigint AS completed,
            (sum(s.calls) FILTER (WHERE (s.status = 'no-answer'::text)))::bigint AS no_answer,
            (sum(s.calls) FILTER (WHERE (s.status = 'busy'::text)))::bigint AS busy,
            (sum(s.calls) FILTER (WHERE (s.status = 'failed'::text)))::bigint AS failed,
            (sum(s.duration_seconds))::bigint AS duration
           FROM dialbridge.report_dialer_call_stats s
          WHERE (s.campaign_id = c.id)) x ON (true))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = c.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = c.team_id)));

COMMENT ON VIEW reports.dialer_campaign_results IS 'VoIPStudio dialer campaigns: contacts by status (maintained stats) and calls, answered, completed, no-answer, busy, failed, talk seconds and rates (the analytics roll-up), per campaign — the same numbers as GET /analytics?campaign_id.';

COMMENT ON COLUMN reports.dialer_campaign_results.campaign_id IS 'The campaign.';

COMMENT ON COLUMN reports.dialer_campaign_results.campaign_name IS 'Its name.';

COMMENT ON COLUMN reports.dialer_campaign_results.type IS 'manual, preview, power or predictive.';

COMMENT ON COLUMN reports.dialer_campaign_results.status IS 'draft, active, paused, completed, archived.';

COMMENT ON COLUMN reports.dialer_campaign_results.team_id IS 'The owner''s team.';

COMMENT ON COLUMN reports.dialer_campaign_results.team_name IS 'Its name.';

COMMENT ON COLUMN reports.dialer_campaign_results.owner_id IS 'The owner.';

COMMENT ON COLUMN reports.dialer_campaign_results.owner_name IS 'The owner''s name.';

COMMENT ON COLUMN reports.dialer_campaign_results.created_at IS 'When the campaign was created.';

COMMENT ON COLUMN reports.dialer_campaign_results.contacts IS 'Contacts in the campaign.';

COMMENT ON COLUMN reports.dialer_campaign_results.contacts_pending IS 'Not called yet.';

COMMENT ON COLUMN reports.dialer_campaign_results.contacts_completed IS 'Done (answered or dispositioned to an end).';

COMMENT ON COLUMN reports.dialer_campaign_results.contacts_failed IS 'Last attempt failed (retried until max attempts).';

COMMENT ON COLUMN reports.dialer_campaign_results.contacts_callback IS 'Waiting for their callback.';

COMMENT ON COLUMN reports.dialer_campaign_results.contacts_do_not_call IS 'Out of the campaign: do-not-call.';

COMMENT ON COLUMN reports.dialer_campaign_results.calls IS 'Calls of the campaign.';

COMMENT ON COLUMN reports.dialer_campaign_results.answered_calls IS 'Answered.';

COMMENT ON COLUMN reports.dialer_campaign_results.completed_calls IS 'Completed (answered and ended).';

COMMENT ON COLUMN reports.dialer_campaign_results.no_answer_calls IS 'Not answered.';

COMMENT ON COLUMN reports.dialer_campaign_results.busy_calls IS 'Busy.';

COMMENT ON COLUMN reports.dialer_campaign_results.failed_calls IS 'Failed.';

COMMENT ON COLUMN reports.dialer_campaign_results.total_duration_seconds IS 'Seconds of calls.';

COMMENT ON COLUMN reports.dialer_campaign_results.avg_duration_seconds IS 'Seconds per answered call.';

COMMENT ON COLUMN reports.dialer_campaign_results.answer_rate_pct IS 'Answered ÷ calls, %.';

COMMENT ON COLUMN reports.dialer_campaign_results.completion_rate_pct IS 'Completed ÷ calls, %.';

GRANT SELECT ON TABLE reports.dialer_campaign_results TO authenticated;
GRANT SELECT ON TABLE reports.dialer_campaign_results TO service_role;
GRANT SELECT ON TABLE reports.dialer_campaign_results TO dialbridge_metabase;
