CREATE FUNCTION dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_target uuid;
begin
  select r.target_user_id into v_target
    from public.phoneburner_push_batches b join public.phoneburner_push_runs r on r.id = b.run_id
   where b.id = p_batch_id;
  perform graphile_worker.add_job('phoneburner_push_runs__push_batch',
    pg_catalog.json_build_object('batch_id', p_batch_id),
    queue_name := 'phoneburner:' || coalesce(v_target::text, 'unknown'),
    run_at := coalesce(p_run_at, now()),
    max_attempts := 8,
    job_key := 'phoneburner_push_batch:' || p_batch_id,
    job_key_mode := 'replace');
end
$$;

COMMENT ON FUNCTION dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone) IS 'Queues the worker job that sends a batch, one at a time per PhoneBurner account.';

REVOKE ALL ON FUNCTION dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.enqueue_push_batch(p_batch_id uuid, p_run_at timestamp with time zone) TO service_role;
