CREATE VIEW reports.unmapped_dispositions WITH (security_invoker='true') AS
 SELECT u.team_id,
    t.name AS team_name,
    NULLIF(u.disposition_code, ''::text) AS disposition_code,
    dialbridge.disposition_label_example(u.disposition_code, u.label_key) AS example_label,
    NULLIF(u.label_key, ''::text) AS normalized_label,
    u.calls,
    u.reps,
    u.first_day,
    u.last_day
   FROM (( SELECT r.team_id,
            r.disposition_code,
            r.label_key,
            (sum(r.calls))::integer AS calls,
            (count(DISTINCT r.user_id))::integer AS reps,
            min(r.day) AS first_day,
            max(r.day) AS last_day
           FROM dialbridge.rep_daily_classified r
          WHERE ((r.outcome_group = 'unmapped'::text) AND (r.calls > 0))
          GROUP BY r.team_id, r.disposition_code, r.label_key) u
     LEFT JOIN dialbridge.report_teams t ON ((t.id = u.team_id)));

COMMENT ON VIEW reports.unmapped_dispositions IS 'Dispositions that match no active mapping (code or label), with how often and since when: add a mapping or an alias for each.';

COMMENT ON COLUMN reports.unmapped_dispositions.team_id IS 'Team id.';

COMMENT ON COLUMN reports.unmapped_dispositions.team_name IS 'Team name.';

COMMENT ON COLUMN reports.unmapped_dispositions.disposition_code IS 'Disposition code.';

COMMENT ON COLUMN reports.unmapped_dispositions.example_label IS 'A label reps chose for this disposition.';

COMMENT ON COLUMN reports.unmapped_dispositions.normalized_label IS 'The label normalised for matching (case, spaces and punctuation ignored).';

COMMENT ON COLUMN reports.unmapped_dispositions.calls IS 'Calls.';

COMMENT ON COLUMN reports.unmapped_dispositions.reps IS 'Reps who used it.';

COMMENT ON COLUMN reports.unmapped_dispositions.first_day IS 'First report day it was used.';

COMMENT ON COLUMN reports.unmapped_dispositions.last_day IS 'Last report day it was used.';

GRANT SELECT ON TABLE reports.unmapped_dispositions TO authenticated;
GRANT SELECT ON TABLE reports.unmapped_dispositions TO service_role;
GRANT SELECT ON TABLE reports.unmapped_dispositions TO dialbridge_metabase;
