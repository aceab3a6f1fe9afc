CREATE FUNCTION dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with b as (
    update public.phoneburner_push_batches
       set status = 'retrying', last_error = pg_catalog.left(p_error ->> 'message', 1000), last_error_code = p_error ->> 'code',
           next_attempt_at = (p_error ->> 'retry_at')::timestamptz
     where id = p_batch_id and status in ('sending', 'retrying')
    returning run_id
  )
  update public.phoneburner_push_runs r
     set stage = 'waiting_to_retry',
         stage_detail = pg_catalog.left(coalesce(p_error ->> 'detail', p_error ->> 'message'), 500)
    from b where r.id = b.run_id
$$;

COMMENT ON FUNCTION dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) IS 'Notes a failed attempt that will be retried (rate limit, timeout, PhoneBurner busy) on the batch and the run.';

REVOKE ALL ON FUNCTION dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_push_batch_retry(p_batch_id uuid, p_error jsonb, as_of timestamp with time zone) TO service_role;
