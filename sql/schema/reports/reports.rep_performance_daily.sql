CREATE VIEW reports.rep_performance_daily WITH (security_invoker='true') AS
 SELECT r.day AS period_start,
    r.team_id,
    t.name AS team_name,
    r.user_id AS rep_id,
    COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS rep_name,
    r.calls AS dials,
    r.connections,
    round(((100.0 * (r.connections)::numeric) / (NULLIF(r.calls, 0))::numeric), 1) AS connection_rate_pct,
    r.decision_maker_conversations,
    r.gatekeeper_conversations,
    r.voicemails,
    r.no_answers,
    r.talk_time_seconds,
    round(((r.talk_time_seconds)::numeric / 3600.0), 2) AS talk_time_hours,
    (round(((r.talk_time_seconds)::numeric / (NULLIF(r.connections, 0))::numeric)))::integer AS avg_talk_time_seconds,
    dialbridge.format_mmss(((r.talk_time_seconds)::numeric / (NULLIF(r.connections, 0))::numeric)) AS avg_talk_time,
    r.dispositioned_calls,
    round(((100.0 * (r.dispositioned_calls)::numeric) / (NULLIF(r.calls, 0))::numeric), 1) AS disposition_coverage_pct,
    r.qualified,
    r.nurture,
    r.disqualified,
    r.suppressed,
    r.other_dispositions,
    r.unmapped_dispositions,
    r.meetings,
    r.callbacks_scheduled,
    round(((100.0 * (r.qualified)::numeric) / (NULLIF(r.connections, 0))::numeric), 1) AS qualification_rate_pct
   FROM ((dialbridge.rep_day_totals r
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = r.team_id)));

COMMENT ON VIEW reports.rep_performance_daily IS 'Rep performance per report day (seed 000 query 1, US-011): dials, connections, rates, talk time, dispositions split by outcome, meetings, callbacks. Filter period_start for a range.';

COMMENT ON COLUMN reports.rep_performance_daily.period_start IS 'First report day of the period (reporting time zone).';

COMMENT ON COLUMN reports.rep_performance_daily.team_id IS 'Team id.';

COMMENT ON COLUMN reports.rep_performance_daily.team_name IS 'Team name.';

COMMENT ON COLUMN reports.rep_performance_daily.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.rep_performance_daily.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.rep_performance_daily.dials IS 'Calls made (one per call, however many dialer events it produced).';

COMMENT ON COLUMN reports.rep_performance_daily.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.rep_performance_daily.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.rep_performance_daily.decision_maker_conversations IS 'Connections with the decision maker.';

COMMENT ON COLUMN reports.rep_performance_daily.gatekeeper_conversations IS 'Connections with a gatekeeper.';

COMMENT ON COLUMN reports.rep_performance_daily.voicemails IS 'Calls that reached voicemail.';

COMMENT ON COLUMN reports.rep_performance_daily.no_answers IS 'Calls not answered (no answer, busy).';

COMMENT ON COLUMN reports.rep_performance_daily.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.rep_performance_daily.talk_time_hours IS 'Conversation time, hours.';

COMMENT ON COLUMN reports.rep_performance_daily.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

COMMENT ON COLUMN reports.rep_performance_daily.avg_talk_time IS 'Average talk time per connection, m:ss.';

COMMENT ON COLUMN reports.rep_performance_daily.dispositioned_calls IS 'Calls with a disposition.';

COMMENT ON COLUMN reports.rep_performance_daily.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

COMMENT ON COLUMN reports.rep_performance_daily.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN reports.rep_performance_daily.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

COMMENT ON COLUMN reports.rep_performance_daily.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

COMMENT ON COLUMN reports.rep_performance_daily.suppressed IS 'Calls dispositioned with SourceCo status Suppressed (do not call).';

COMMENT ON COLUMN reports.rep_performance_daily.other_dispositions IS 'Calls dispositioned Attempted, Invalid or with no status.';

COMMENT ON COLUMN reports.rep_performance_daily.unmapped_dispositions IS 'Calls whose disposition matches no active mapping.';

COMMENT ON COLUMN reports.rep_performance_daily.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN reports.rep_performance_daily.callbacks_scheduled IS 'Callbacks scheduled.';

COMMENT ON COLUMN reports.rep_performance_daily.qualification_rate_pct IS 'qualified / connections × 100.';

GRANT SELECT ON TABLE reports.rep_performance_daily TO authenticated;
GRANT SELECT ON TABLE reports.rep_performance_daily TO service_role;
GRANT SELECT ON TABLE reports.rep_performance_daily TO dialbridge_metabase;
