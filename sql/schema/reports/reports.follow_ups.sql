CREATE VIEW reports.follow_ups WITH (security_invoker='true') AS
 WITH today AS (
         SELECT dialbridge.report_today() AS d,
            dialbridge.report_time_zone() AS tz
        ), items AS (
         SELECT 'task'::text AS source,
            t.id AS source_id,
            t.contact_id,
            t.team_id,
            t.assigned_to_user_id AS rep_id,
            t.task_type AS action_type,
            t.title,
            t.notes,
            t.due_at,
            ((t.due_at AT TIME ZONE y_1.tz))::date AS due_date,
            t.priority
           FROM (dialbridge.report_tasks t
             CROSS JOIN today y_1)
          WHERE ((t.status = 'open'::text) AND (t.contact_id IS NOT NULL) AND (t.due_at < (((y_1.d + 1))::timestamp without time zone AT TIME ZONE y_1.tz)))
        UNION ALL
         SELECT 'next_action'::text AS text,
            c_1.id,
            c_1.id,
            c_1.team_id,
            c_1.next_action_assigned_to_user_id,
            c_1.next_action_type,
            ('Next action: '::text || c_1.next_action_type),
            c_1.next_action_notes,
            ((c_1.next_action_date)::timestamp without time zone AT TIME ZONE y_1.tz) AS timezone,
            c_1.next_action_date,
            NULL::text AS text
           FROM (dialbridge.report_contacts c_1
             CROSS JOIN today y_1)
          WHERE ((c_1.next_action_date <= y_1.d) AND (c_1.next_action_type IS NOT NULL) AND (NOT (EXISTS ( SELECT 1
                   FROM dialbridge.report_tasks t
                  WHERE ((t.contact_id = c_1.id) AND (t.status = 'open'::text) AND (((t.due_at AT TIME ZONE y_1.tz))::date = c_1.next_action_date))))))
        )
 SELECT i.source,
    i.source_id,
    i.contact_id,
    i.team_id,
    i.rep_id,
    COALESCE(p.display_name, p.email, 'Unassigned'::text) AS rep_name,
    i.action_type,
    i.title,
    i.notes,
    i.due_at,
    i.due_date,
    i.priority,
        CASE
            WHEN (i.due_date < y.d) THEN 'overdue'::text
            ELSE 'due_today'::text
        END AS status,
    GREATEST((y.d - i.due_date), 0) AS days_overdue,
    c.first_name,
    c.last_name,
    c.company,
    c.phone,
    c.email,
    c.last_disposition_label,
    c.last_call_attempt_at,
    c.call_engagement_score
   FROM (((items i
     CROSS JOIN today y)
     JOIN dialbridge.report_contacts c ON ((c.id = i.contact_id)))
     LEFT JOIN dialbridge.report_profiles p ON ((p.id = i.rep_id)))
  WHERE (NOT ((i.action_type = 'call'::text) AND (c.do_not_call OR c.phone_number_invalid)));

COMMENT ON VIEW reports.follow_ups IS 'Follow-ups due today or overdue (seed 000 query 2), per rep: open tasks and contacts'' next actions, without calls to do-not-call or invalid numbers. "Today" is in the reporting time zone.';

COMMENT ON COLUMN reports.follow_ups.source IS 'task (an open task) or next_action (the contact''s next action).';

COMMENT ON COLUMN reports.follow_ups.source_id IS 'Id of the underlying row.';

COMMENT ON COLUMN reports.follow_ups.contact_id IS 'Contact id.';

COMMENT ON COLUMN reports.follow_ups.team_id IS 'Team id.';

COMMENT ON COLUMN reports.follow_ups.rep_id IS 'Rep (profile id).';

COMMENT ON COLUMN reports.follow_ups.rep_name IS 'Rep name.';

COMMENT ON COLUMN reports.follow_ups.action_type IS 'What to do: call, email, send_materials, meeting_prep, …';

COMMENT ON COLUMN reports.follow_ups.title IS 'One-line summary (timeline: "Call - Connected (3:42) - Sarah") or the task title (follow-ups).';

COMMENT ON COLUMN reports.follow_ups.notes IS 'Rep notes (call notes, callback notes, task notes).';

COMMENT ON COLUMN reports.follow_ups.due_at IS 'When it is due.';

COMMENT ON COLUMN reports.follow_ups.due_date IS 'Due date (reporting time zone).';

COMMENT ON COLUMN reports.follow_ups.priority IS 'Task priority.';

COMMENT ON COLUMN reports.follow_ups.status IS 'overdue or due_today (follow-ups); pending, dialed, connected, … (session contacts).';

COMMENT ON COLUMN reports.follow_ups.days_overdue IS 'Days past due (0 when due today).';

COMMENT ON COLUMN reports.follow_ups.first_name IS 'Contact first name.';

COMMENT ON COLUMN reports.follow_ups.last_name IS 'Contact last name.';

COMMENT ON COLUMN reports.follow_ups.company IS 'Contact company.';

COMMENT ON COLUMN reports.follow_ups.phone IS 'Contact phone.';

COMMENT ON COLUMN reports.follow_ups.email IS 'Contact email.';

COMMENT ON COLUMN reports.follow_ups.last_disposition_label IS 'Disposition of the contact''s last dispositioned call.';

COMMENT ON COLUMN reports.follow_ups.last_call_attempt_at IS 'Contact''s last call attempt.';

COMMENT ON COLUMN reports.follow_ups.call_engagement_score IS 'Contact''s engagement score (0–100).';

GRANT SELECT ON TABLE reports.follow_ups TO authenticated;
GRANT SELECT ON TABLE reports.follow_ups TO service_role;
GRANT SELECT ON TABLE reports.follow_ups TO dialbridge_metabase;
