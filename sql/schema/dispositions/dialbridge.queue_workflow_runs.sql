CREATE FUNCTION dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_specs graphile_worker.job_spec[];
begin
  with queued as (
    insert into public.workflow_runs as w (team_id, contact_id, source_activity_id, workflow_name, workflow_config,
                                           requested_by_user_id, requested_at, status, job_key)
    select s.team_id, s.contact_id, s.activity_id, m.workflow_name, coalesce(m.workflow_config, '{}'::jsonb),
           s.rep_id, s.set_at, 'queued', 'contacts__run_disposition_workflow:' || s.activity_id
      from unnest(p_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
     order by s.activity_id
    on conflict (source_activity_id, workflow_name) do update
       set status = 'queued', workflow_config = excluded.workflow_config, requested_at = excluded.requested_at,
           requested_by_user_id = excluded.requested_by_user_id, processed_at = null, result = null, error = null
     where w.status = 'cancelled'
    returning w.*
  )
  select coalesce(pg_catalog.array_agg(row(
           'contacts__run_disposition_workflow',
           pg_catalog.json_build_object('run_id', q.id, 'workflow_name', q.workflow_name,
                                        'workflow_config', q.workflow_config, 'contact_id', q.contact_id,
                                        'activity_id', q.source_activity_id),
           null, null, 10, q.job_key, null, null)::graphile_worker.job_spec order by q.source_activity_id), '{}')
    into v_specs
    from queued q;
  if pg_catalog.cardinality(v_specs) > 0 then
    perform graphile_worker.add_jobs(v_specs, false);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[]) IS 'Queues the workflows of a round of dispositions (see dialbridge.queue_workflow_run, which it replaces in
the engine): a workflow_runs row per (call, workflow) unless one is queued, recorded or delivered (a
cancelled one is queued again), and one graphile_worker.add_jobs call for the runs queued now.
security definer: graphile_worker.';

REVOKE ALL ON FUNCTION dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[]) TO service_role;
