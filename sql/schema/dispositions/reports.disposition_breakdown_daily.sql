CREATE VIEW reports.disposition_breakdown_daily WITH (security_invoker='true') AS
 SELECT r.day AS period_start,
    r.team_id,
    t.name AS team_name,
    r.user_id AS rep_id,
    COALESCE(p.display_name, p.email, 'Unknown rep'::text) AS rep_name,
    COALESCE(r.mapping_code, NULLIF(r.disposition_code, ''::text), ('(label) '::text || r.label_key)) AS disposition,
    r.mapping_label AS disposition_label,
    r.outcome_group,
    r.is_meeting,
    (sum(r.calls))::integer AS calls,
    (sum(r.connections))::integer AS connections,
    (sum(r.talk_time_seconds))::bigint AS talk_time_seconds
   FROM ((dialbridge.rep_daily_classified r
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = r.user_id)))
     LEFT JOIN dialbridge.report_teams t ON ((t.id = r.team_id)))
  WHERE ((r.calls > 0) AND ((r.disposition_code <> ''::text) OR (r.label_key <> ''::text)))
  GROUP BY r.day, r.team_id, t.name, r.user_id, p.display_name, p.email, COALESCE(r.mapping_code, NULLIF(r.disposition_code, ''::text), ('(label) '::text || r.label_key)), r.mapping_label, r.outcome_group, r.is_meeting;

COMMENT ON VIEW reports.disposition_breakdown_daily IS 'Dispositioned calls per report day, rep and disposition, with the outcome group.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.period_start IS 'First report day of the period (reporting time zone).';

COMMENT ON COLUMN reports.disposition_breakdown_daily.team_id IS 'Team id.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.team_name IS 'Team name.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.disposition_breakdown_daily.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.disposition IS 'Mapping code (or the unmapped code, or the label when only a label came).';

COMMENT ON COLUMN reports.disposition_breakdown_daily.disposition_label IS 'Disposition label.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.outcome_group IS 'qualified, nurture, disqualified, suppressed, invalid, attempted, other, unmapped.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.is_meeting IS 'Whether the disposition is a meeting.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.calls IS 'Calls.';

COMMENT ON COLUMN reports.disposition_breakdown_daily.connections IS 'Calls answered by a person (call outcome connected; voicemail is not a connection).';

COMMENT ON COLUMN reports.disposition_breakdown_daily.talk_time_seconds IS 'Conversation time of connected calls, seconds.';

GRANT SELECT ON TABLE reports.disposition_breakdown_daily TO authenticated;
GRANT SELECT ON TABLE reports.disposition_breakdown_daily TO service_role;
GRANT SELECT ON TABLE reports.disposition_breakdown_daily TO dialbridge_metabase;
