CREATE FUNCTION dialbridge.resume_stalled_push_batches(p_stalled_after interval DEFAULT '00:03:00'::interval, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch uuid;
  v_count integer := 0;
begin
  for v_batch in
    select distinct on (b.run_id) b.id
      from public.phoneburner_push_batches b
      join public.phoneburner_push_runs r on r.id = b.run_id
     where r.status in ('queued', 'pushing')
       and b.status in ('queued', 'sending', 'retrying')
     order by b.run_id, b.batch_no
  loop
    if exists (select 1 from public.phoneburner_push_batches b
                where b.id = v_batch and b.updated_at < as_of - p_stalled_after
                  and coalesce(b.next_attempt_at, '-infinity') < as_of) then
      perform dialbridge.enqueue_push_batch(v_batch);
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

COMMENT ON FUNCTION dialbridge.resume_stalled_push_batches(p_stalled_after interval, as_of timestamp with time zone) IS 'Queues again the next unfinished batch of every run that stopped moving (its sender died: the function
was cut off, a worker crashed). Idempotent (one job per batch). Returns how many were queued.';

REVOKE ALL ON FUNCTION dialbridge.resume_stalled_push_batches(p_stalled_after interval, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.resume_stalled_push_batches(p_stalled_after interval, as_of timestamp with time zone) TO service_role;
