CREATE VIEW reports.follow_up_summary WITH (security_invoker='true') AS
 SELECT f.team_id,
    f.rep_id,
    f.rep_name,
    (count(*) FILTER (WHERE (f.status = 'due_today'::text)))::integer AS due_today,
    (count(*) FILTER (WHERE (f.status = 'overdue'::text)))::integer AS overdue,
    (count(*) FILTER (WHERE (f.action_type = 'call'::text)))::integer AS calls_due,
    max(f.days_overdue) AS oldest_overdue_days
   FROM reports.follow_ups f
  GROUP BY f.team_id, f.rep_id, f.rep_name;

COMMENT ON VIEW reports.follow_up_summary IS 'Per rep: follow-ups due today, overdue, calls due and the oldest overdue.';

COMMENT ON COLUMN reports.follow_up_summary.team_id IS 'Team id.';

COMMENT ON COLUMN reports.follow_up_summary.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.follow_up_summary.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.follow_up_summary.due_today IS 'Follow-ups due today.';

COMMENT ON COLUMN reports.follow_up_summary.overdue IS 'Follow-ups overdue.';

COMMENT ON COLUMN reports.follow_up_summary.calls_due IS 'Follow-ups that are calls.';

COMMENT ON COLUMN reports.follow_up_summary.oldest_overdue_days IS 'Days the oldest overdue follow-up is late.';

GRANT SELECT ON TABLE reports.follow_up_summary TO authenticated;
GRANT SELECT ON TABLE reports.follow_up_summary TO service_role;
GRANT SELECT ON TABLE reports.follow_up_summary TO dialbridge_metabase;
