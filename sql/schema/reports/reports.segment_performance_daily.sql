CREATE VIEW reports.segment_performance_daily WITH (security_invoker='true') AS
 WITH g AS (
         SELECT r.day,
            r.team_id,
            r.dimension,
            r.value,
            (sum(r.calls))::integer AS dials,
            (sum(r.connections))::integer AS connections,
            (sum(r.talk_time_seconds))::bigint AS talk,
            (sum(r.dispositioned_calls))::integer AS disp,
            (COALESCE(sum(r.calls) FILTER (WHERE (r.outcome_group = 'qualified'::text)), (0)::bigint))::integer AS qualified,
            (COALESCE(sum(r.calls) FILTER (WHERE (r.outcome_group = 'nurture'::text)), (0)::bigint))::integer AS nurture,
            (COALESCE(sum(r.calls) FILTER (WHERE (r.outcome_group = 'disqualified'::text)), (0)::bigint))::integer AS disqualified,
            (COALESCE(sum(r.calls) FILTER (WHERE r.is_meeting), (0)::bigint))::integer AS meetings,
            (sum(r.callbacks_scheduled))::integer AS callbacks
           FROM dialbridge.segment_classified r
          GROUP BY r.day, r.team_id, r.dimension, r.value
        )
 SELECT g.day AS period_start,
    g.team_id,
    t.name AS team_name,
    g.dimension,
    COALESCE(g.value, 'unspecified'::text) AS segment,
    g.dials,
    g.connections,
    round(((100.0 * (g.connections)::numeric) / (NULLIF(g.dials, 0))::numeric), 1) AS connection_rate_pct,
    g.talk AS talk_time_seconds,
    round(((g.talk)::numeric / 3600.0), 2) AS talk_time_hours,
    dialbridge.format_mmss(((g.talk)::numeric / (NULLIF(g.connections, 0))::numeric)) AS avg_talk_time,
    g.qualified,
    g.nurture,
    g.disqualified,
    g.meetings,
    g.callbacks AS callbacks_scheduled,
    round(((100.0 * (g.qualified)::numeric) / (NULLIF(g.connections, 0))::numeric), 1) AS qualification_rate_pct,
    round(((100.0 * (g.disp)::numeric) / (NULLIF(g.dials, 0))::numeric), 1) AS disposition_coverage_pct
   FROM (g
     LEFT JOIN dialbridge.report_teams t ON ((t.id = g.team_id)));

COMMENT ON VIEW reports.segment_performance_daily IS 'Calls by contact segment per report day (US-012): dimension contact_type, list_source, industry or geography (state, else country) and its value.';

COMMENT ON COLUMN reports.segment_performance_daily.period_start IS 'First report day of the period (reporting time zone).';

COMMENT ON COLUMN reports.segment_performance_daily.team_id IS 'Team id.';

COMMENT ON COLUMN reports.segment_performance_daily.team_name IS 'Team name.';

COMMENT ON COLUMN reports.segment_performance_daily.dimension IS 'Segment dimension: contact_type, list_source, industry or geography (state, else country).';

COMMENT ON COLUMN reports.segment_performance_daily.segment IS 'The segment value (unspecified when blank).';

COMMENT ON COLUMN reports.segment_performance_daily.dials IS 'Calls made (one per call, however many dialer events it produced).';

COMMENT ON COLUMN reports.segment_performance_daily.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.segment_performance_daily.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.segment_performance_daily.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

COMMENT ON COLUMN reports.segment_performance_daily.talk_time_hours IS 'Conversation time, hours.';

COMMENT ON COLUMN reports.segment_performance_daily.avg_talk_time IS 'Average talk time per connection, m:ss.';

COMMENT ON COLUMN reports.segment_performance_daily.qualified IS 'Calls dispositioned with SourceCo status Qualified.';

COMMENT ON COLUMN reports.segment_performance_daily.nurture IS 'Calls dispositioned with SourceCo status Nurture.';

COMMENT ON COLUMN reports.segment_performance_daily.disqualified IS 'Calls dispositioned with SourceCo status Disqualified.';

COMMENT ON COLUMN reports.segment_performance_daily.meetings IS 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).';

COMMENT ON COLUMN reports.segment_performance_daily.callbacks_scheduled IS 'Callbacks scheduled.';

COMMENT ON COLUMN reports.segment_performance_daily.qualification_rate_pct IS 'qualified / connections × 100.';

COMMENT ON COLUMN reports.segment_performance_daily.disposition_coverage_pct IS 'Calls with a disposition / calls × 100 (target > 90).';

GRANT SELECT ON TABLE reports.segment_performance_daily TO authenticated;
GRANT SELECT ON TABLE reports.segment_performance_daily TO service_role;
GRANT SELECT ON TABLE reports.segment_performance_daily TO dialbridge_metabase;
