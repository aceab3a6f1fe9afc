CREATE VIEW reports.rep_performance_monthly WITH (security_invoker='true') AS
 WITH m AS (
         SELECT (date_trunc('month'::text, (r.day)::timestamp with time zone))::date AS period_start,
            r.team_id,
            r.user_id,
            (sum(r.calls))::integer AS dials,
            (sum(r.connections))::integer AS connections,
            (sum(r.decision_maker_conversations))::integer AS decision_maker_conversations,
            (sum(r.gatekeeper_conversations))::integer AS gatekeeper_conversations,
            (sum(r.voicemails))::integer AS voicemails,
            (sum(r.no_answers))::integer AS no_answers,
            (sum(r.talk_time_seconds))::bigint AS talk_time_seconds,
            (sum(r.dispositioned_calls))::integer AS dispositioned_calls,
            (COALESCE(sum(r.qualified), (0)::bigint))::integer AS qualified,
            (COALESCE(sum(r.nurture), (0)::bigint))::integer AS nurture,
            (COALESCE(sum(r.disqualified), (0)::bigint))::integer AS disqualified,
            (COALESCE(sum(r.suppressed), (0)::bigint))::integer AS suppressed,
            (COALESCE(sum(r.other_dispositions), (0)::bigint))::integer AS other_dispositions,
            (COALESCE(sum(r.unmapped_dispositions), (0)::bigint))::integer AS unmapped,
            (COALESCE(sum(r.meetings), (0)::bigint))::integer AS meetings,
            (sum(r.callbacks_scheduled))::integer AS callbacks_scheduled
           FROM dialbridge.rep_day_totals r
          GROUP BY ((date_trunc('month'::text, (r.day)::timestamp with time zone))::date), r.team_id, r.user_id
        )
 SELECT m.period_start,
    m.team_id,
    t.name AS team_name,
    m.user_id AS rep_id,
    COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS rep_name,
    m.dials,
    m.connections,
    round(((100.0 * (m.connections)::numeric) / (NULLIF(m.dials, 0))::numeric), 1) AS connection_rate_pct,
    m.decision_maker_conversations,
    m.gatekeeper_conversations,
    m.voicemails,
    m.no_answers,
    m.talk_time_seconds,
    round(((m.talk_time_seconds)::numeric / 3600.0), 2) AS talk_time_hours,
    (round(((m.talk_time_seconds)::numeric / (NULLIF(m.connections, 0))::numeric)))::integer AS avg_talk_time_seconds,
    dialbridge.format_mmss(((m.talk_time_seconds)::numeric / (NULLIF(m.connections, 0))::numeric)) AS avg_talk_time,
    m.dispositioned_calls,
    round(((100.0 * (m.dispositioned_calls)::numeric) / (NULLIF(m.dials, 0))::numeric), 1) AS disposition_coverage_pct,
    m.qualified,
    m.nurture,
    m.disqualified,
    m.suppressed,
    m.other_dispositions,
    m.unmapped AS unmapped_dispositions,
    m.meetings,
    m.callbacks_scheduled,
    round(((100.0 * (m.qualified)::numeric) / (NULLIF(m.connections, 0))::numeric), 1) AS qualification_rate_pct
   FROM ((m
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = m.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = m.team_id)));

COMMENT ON VIEW reports.rep_performance_monthly IS 'Rep performance per calendar month. Same columns as rep_performance_daily.';

COMMENT ON COLUMN reports.rep_performance_monthly.period_start IS 'First report day of the period (reporting time zone).';

COMMENT ON COLUMN reports.rep_performance_monthly.team_id IS 'Team id.';

COMMENT ON COLUMN reports.rep_performance_monthly.team_name IS 'Team name.';

COMMENT ON COLUMN reports.rep_performance_monthly.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.rep_performance_monthly.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.rep_performance_monthly.dials IS 'Calls made (one per call, however many dialer events it produced).';

COMMENT ON COLUMN reports.rep_performance_monthly.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.rep_performance_monthly.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.rep_performance_monthly.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN reports.rep_performance_monthly.gatekeeper_conversations IS 'Connections with a gatekeeper.';

COMMENT ON COLUMN reports.rep_performance_monthly.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN reports.rep_performance_monthly.no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN reports.rep_performance_monthly.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.rep_performance_monthly.talk_time_hours IS 'Conversation time, hours.';

COMMENT ON COLUMN reports.rep_performance_monthly.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

COMMENT ON COLUMN reports.rep_performance_monthly.avg_talk_time IS 'Average talk time per connection, m:ss.';

COMMENT ON COLUMN reports.rep_performance_monthly.dispositioned_calls IS 'Calls with a disposition.';

COMMENT ON COLUMN reports.rep_performance_monthly.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

COMMENT ON COLUMN reports.rep_performance_monthly.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN reports.rep_performance_monthly.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

COMMENT ON COLUMN reports.rep_performance_monthly.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

COMMENT ON COLUMN reports.rep_performance_monthly.suppressed IS 'Calls dispositioned with SourceCo status Suppressed (do not call).';

COMMENT ON COLUMN reports.rep_performance_monthly.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

COMMENT ON COLUMN reports.rep_performance_monthly.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

COMMENT ON COLUMN reports.rep_performance_monthly.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN reports.rep_performance_monthly.callbacks_scheduled IS 'Callbacks scheduled.';

COMMENT ON COLUMN reports.rep_performance_monthly.qualification_rate_pct IS 'qualified / connections × 100.';

GRANT SELECT ON TABLE reports.rep_performance_monthly TO authenticated;
GRANT SELECT ON TABLE reports.rep_performance_monthly TO service_role;
GRANT SELECT ON TABLE reports.rep_performance_monthly TO dialbridge_metabase;
