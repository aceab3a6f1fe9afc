CREATE FUNCTION dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.phoneburner_push_batches
     set status = case when status = 'queued' then 'queued' else 'retrying' end, next_attempt_at = p_run_at
   where id = p_batch_id and status not in ('succeeded', 'failed');
  update public.phoneburner_push_runs r
     set stage = 'waiting_to_retry', stage_detail = pg_catalog.left(p_detail, 500)
    from public.phoneburner_push_batches b
   where b.id = p_batch_id and r.id = b.run_id and r.status in ('queued', 'pushing');
  perform dialbridge.enqueue_push_batch(p_batch_id, p_run_at);
end
$$;

COMMENT ON FUNCTION dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text) IS 'Hands a batch to the worker for later (the function ran out of time, or the account was busy).';

REVOKE ALL ON FUNCTION dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.defer_push_batch(p_batch_id uuid, p_run_at timestamp with time zone, p_detail text) TO service_role;
