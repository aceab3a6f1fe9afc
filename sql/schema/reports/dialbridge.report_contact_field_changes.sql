CREATE VIEW dialbridge.report_contact_field_changes WITH (security_barrier='true') AS
 SELECT f.id,
    f.contact_id,
    f.team_id,
    f.field_name,
    f.old_value,
    f.new_value,
    f.source_system,
    f.source_event_id,
    f.changed_by,
    f.changed_at,
    f.applied,
    f.recorded_at
   FROM public.contact_field_changes f
  WHERE (( SELECT dialbridge.reads_all_reports() AS reads_all_reports) OR (f.team_id = ( SELECT dialbridge.current_team_id() AS current_team_id)) OR ( SELECT dialbridge.is_admin() AS is_admin));

COMMENT ON VIEW dialbridge.report_contact_field_changes IS 'Contact field changes the caller may see. Read by reports views.';

GRANT SELECT ON TABLE dialbridge.report_contact_field_changes TO authenticated;
GRANT SELECT ON TABLE dialbridge.report_contact_field_changes TO service_role;
GRANT SELECT ON TABLE dialbridge.report_contact_field_changes TO dialbridge_metabase;
