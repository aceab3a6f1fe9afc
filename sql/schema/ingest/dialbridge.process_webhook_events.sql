CREATE FUNCTION dialbridge.process_webhook_events(p_provider text, p_limit integer DEFAULT 100, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(claimed integer, succeeded integer, skipped integer, retrying integer, failed integer, next_retry_at timestamp with time zone)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
#variable_conflict use_column
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
  v_shared boolean := v_p.inbox = 'dialbridge.webhook_events';
  v_ids bigint[];
  v_out record;
  v_started timestamptz := pg_catalog.clock_timestamp();
  r_id bigint[] := '{}';
  r_status text[] := '{}';
  r_error text[] := '{}';
  r_code text[] := '{}';
  r_ms numeric[] := '{}';
  r_activity uuid[] := '{}';
begin
  -- before claiming: wait for receivers that counted on the queued job (dialbridge.queue_webhook_processing)
  perform dialbridge.await_webhook_receivers(p_provider);

  execute pg_catalog.format(
    'select coalesce(array_agg(x.id order by x.next_retry_at nulls first, x.id), ''{}'')
       from (select l.id, l.next_retry_at from %s l
              where l.processing_status in (''pending'', ''processing'') %s
                and (l.next_retry_at is null or l.next_retry_at <= $1)
              order by l.next_retry_at nulls first, l.id
              limit greatest($2, 1)
                for update skip locked) x',
    v_p.inbox, case when v_shared then 'and l.provider = $3' else '' end)
    into v_ids using as_of, p_limit, p_provider;

  if pg_catalog.cardinality(v_ids) > 0 then
    -- the adapter's batch: one outcome per claimed event
    for v_out in execute pg_catalog.format(
        'select o.log_id, o.status, o.error, o.code, o.ms, o.contact_activity_id from %s($1, $2, $3) o', v_p.process_fn)
        using p_provider, v_ids, as_of loop
      r_id := r_id || v_out.log_id;
      r_status := r_status || v_out.status;
      r_error := r_error || v_out.error;
      r_code := r_code || v_out.code;
      r_ms := r_ms || v_out.ms;
      r_activity := r_activity || v_out.contact_activity_id;
    end loop;
    -- an event the adapter said nothing about is an error of the adapter: retried, never lost
    select r_id || coalesce(array_agg(i), '{}'), r_status || coalesce(array_agg('error'::text), '{}'),
           r_error || coalesce(array_agg('the adapter returned no outcome for this event'::text), '{}'),
           r_code || coalesce(array_agg('DB066'::text), '{}'), r_ms || coalesce(array_agg(0::numeric), '{}'),
           r_activity || coalesce(array_agg(null::uuid), '{}')
      into r_id, r_status, r_error, r_code, r_ms, r_activity
      from unnest(v_ids) i where i <> all (r_id);
  end if;

  -- record the outcome of every claimed event
  execute pg_catalog.format($q$
    with upd as (
      update %s l
         set processing_status = case
               when r.status = 'success' then 'success'
               when r.status = 'skipped' then 'skipped'
               when r.status = 'invalid' then 'failed'
               when l.retry_count + 1 >= l.max_retries then 'failed'
               else 'pending' end,
             retry_count = case when r.status in ('invalid', 'error') then l.retry_count + 1 else l.retry_count end,
             next_retry_at = case when r.status = 'error' and l.retry_count + 1 < l.max_retries
                                  then $7 + dialbridge.webhook_retry_delay(l.retry_count + 1) end,
             last_retry_at = case when r.status in ('invalid', 'error') then $7 else l.last_retry_at end,
             processing_error = case when r.status = 'success' then null else r.error end,
             processing_error_code = case when r.status = 'success' then null else r.code end,
             processing_started_at = $8,
             processing_completed_at = pg_catalog.clock_timestamp(),
             processing_duration_ms = pg_catalog.round(r.ms)::integer,
             contact_activity_id = case when r.status = 'success' then coalesce(r.activity, l.contact_activity_id)
                                        else l.contact_activity_id end,
             -- the task this event's processing created (a disposition's or a callback's), if any: given to the
             -- batch's last event of that call (the one whose disposition or callback made it)
             task_id = coalesce(l.task_id, case when r.status = 'success'
                                                 and r.id = (select max(x.id) from unnest($1::bigint[], $6::uuid[]) as x(id, act)
                                                              where x.act = r.activity) then
                         (select t.id from public.tasks t
                           where t.source_activity_id = coalesce(r.activity, l.contact_activity_id)
                             and t.created_at = pg_catalog.now()
                           order by t.created_at, t.id limit 1) end)
        from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::uuid[])
               as r(id, status, error, code, ms, activity)
       where l.id = r.id
      returning l.processing_status as new_status, r.status as outcome)
    select count(*) filter (where upd.outcome = 'success')::integer,
           count(*) filter (where upd.outcome = 'skipped')::integer,
           count(*) filter (where upd.outcome in ('error', 'invalid') and upd.new_status = 'pending')::integer,
           count(*) filter (where upd.new_status = 'failed')::integer
      from upd$q$, v_p.inbox)
    into succeeded, skipped, retrying, failed
    using r_id, r_status, r_error, r_code, r_ms, r_activity, as_of, v_started;
  claimed := pg_catalog.cardinality(v_ids);
  execute pg_catalog.format(
    'select min(l.next_retry_at) from %s l
      where l.processing_status in (''pending'', ''processing'') and l.next_retry_at > $1 %s',
    v_p.inbox, case when v_shared then 'and l.provider = $2' else '' end)
    into next_retry_at using as_of, p_provider;
  return next;
end
$_$;

COMMENT ON FUNCTION dialbridge.process_webhook_events(p_provider text, p_limit integer, as_of timestamp with time zone) IS 'The worker''s unit of work, for any provider: claims up to p_limit of its due events (FOR UPDATE SKIP
LOCKED, oldest retry first), runs the adapter''s batch stage on them (webhook_providers.process_fn) and
records every outcome in the same transaction: success, skipped, invalid (failed at once) or error
(retried after dialbridge.webhook_retry_delay, failed after max_retries). Returns the counts and when the
next retry falls due. Idempotent: processing an event again changes nothing.';

REVOKE ALL ON FUNCTION dialbridge.process_webhook_events(p_provider text, p_limit integer, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.process_webhook_events(p_provider text, p_limit integer, as_of timestamp with time zone) TO service_role;
