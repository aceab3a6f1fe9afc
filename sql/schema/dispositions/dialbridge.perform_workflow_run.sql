CREATE FUNCTION dialbridge.perform_workflow_run(p_run_id uuid) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_status text;
begin
  update public.workflow_runs w
     set status = 'recorded',
         processed_at = pg_catalog.clock_timestamp(),
         result = pg_catalog.jsonb_build_object(
           'delivered', false,
           'note', 'No integration performs this workflow yet: recorded for people and later integrations to act on.')
   where w.id = p_run_id
     and w.status = 'queued'
  returning w.status into v_status;
  if v_status is null then
    select w.status into v_status from public.workflow_runs w where w.id = p_run_id;
  end if;
  return v_status;
end
$$;

COMMENT ON FUNCTION dialbridge.perform_workflow_run(p_run_id uuid) IS 'Worker side of a workflow run (task contacts__run_disposition_workflow): a queued run becomes
''recorded'' (no integration sends anything yet). Idempotent; returns the run''s status (null: gone).';

REVOKE ALL ON FUNCTION dialbridge.perform_workflow_run(p_run_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.perform_workflow_run(p_run_id uuid) TO service_role;
