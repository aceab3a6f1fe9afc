CREATE FUNCTION dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch public.phoneburner_push_batches;
  v_message text := pg_catalog.left(coalesce(p_error ->> 'message', 'PhoneBurner push failed'), 1000);
begin
  select * into v_batch from public.phoneburner_push_batches where id = p_batch_id for update;
  if v_batch.id is null then
    raise exception 'push batch not found' using errcode = 'DB044';
  end if;
  if v_batch.status in ('succeeded', 'failed') then
    return dialbridge.push_run_summary(v_batch.run_id);
  end if;
  perform 1 from public.phoneburner_push_runs where id = v_batch.run_id for update;

  update public.phoneburner_push_batches
     set status = 'failed',
         finished_at = as_of,
         last_error = case when id = p_batch_id then v_message else 'Not sent: batch ' || v_batch.batch_no || ' failed' end,
         last_error_code = coalesce(p_error ->> 'code', 'PB_ERROR')
   where run_id = v_batch.run_id and batch_no >= v_batch.batch_no and status not in ('succeeded', 'failed');

  update public.phoneburner_push_run_contacts
     set status = 'failed',
         error_field = null,
         error_message = case when batch_no = v_batch.batch_no then v_message
                              else 'Not sent: batch ' || v_batch.batch_no || ' failed (' || v_message || ')' end
   where run_id = v_batch.run_id and batch_no >= v_batch.batch_no and status = 'queued';

  update public.phoneburner_push_runs r
     set contacts_added = x.added, contacts_updated = x.updated, contacts_failed = x.failed,
         contacts_done = x.added + x.updated + x.failed,
         batches_done = r.batches_total,
         status = case when x.added + x.updated > 0 then 'partially_succeeded' else 'failed' end,
         stage = 'done', stage_detail = null,
         error = v_message, error_code = coalesce(p_error ->> 'code', 'PB_ERROR'),
         finished_at = as_of
    from (select pg_catalog.count(*) filter (where rc.status = 'pushed') as added,
                 pg_catalog.count(*) filter (where rc.status = 'updated') as updated,
                 pg_catalog.count(*) filter (where rc.status = 'failed') as failed
            from public.phoneburner_push_run_contacts rc where rc.run_id = v_batch.run_id) x
   where r.id = v_batch.run_id;
  return dialbridge.push_run_summary(v_batch.run_id);
end
$$;

COMMENT ON FUNCTION dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) IS 'Fails a batch for good (retries exhausted or a non-retryable PhoneBurner error): its contacts and those
of later batches are marked failed with the error, and the run ends failed (or partially_succeeded
when earlier batches went through), visibly, with the error on the run row.';

REVOKE ALL ON FUNCTION dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.fail_push_batch(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) TO service_role;
