CREATE VIEW dialbridge.report_tasks WITH (security_barrier='true') AS
 SELECT t.id,
    t.contact_id,
    t.team_id,
    t.assigned_to_user_id,
    t.created_by_user_id,
    t.source_activity_id,
    t.source,
    t.task_type,
    t.title,
    t.notes,
    t.due_at,
    t.priority,
    t.status,
    t.completed_at,
    t.created_at,
    t.updated_at
   FROM public.tasks t
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (t.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_tasks IS 'Tasks the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_tasks TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_tasks TO service_role;
GRANT SELECT ON TABLE dialbridge.report_tasks TO dialbridge_metabase;
