-- migrate:up
-- Retention and the webhook log's loose ends (issue 16, item 6; the push_run_owner finding):
--  * payload bodies are pruned after a configurable time (dialbridge.webhook_payload_retention, default
--    90 days) from events that were processed: the payload becomes {} and payload_pruned_at says when; the
--    row (who, what, when, outcome, the activity and task it made) stays, and the call records themselves
--    (contact_activities, the normalised call facts) are never pruned: kept five years (FCC). A pruned event
--    is never replayed. Worker task webhook_logs__maintain runs it nightly.
--  * task_id on the log is filled for the events whose processing created a task.
--  * dialbridge.push_run_owner answers only whether a request id is taken: it returned the owner's id of
--    another user's push run.

alter table public.phoneburner_webhooks_log add column if not exists payload_pruned_at timestamptz;
comment on column public.phoneburner_webhooks_log.payload_pruned_at is 'When the payload body was pruned (retention: dialbridge.webhook_payload_retention after processing); null while kept. A pruned event is not replayed.';
alter table dialbridge.webhook_events add column if not exists payload_pruned_at timestamptz;
comment on column dialbridge.webhook_events.payload_pruned_at is 'When the payload body was pruned (retention: dialbridge.webhook_payload_retention after processing); null while kept. A pruned event is not replayed.';

create or replace function dialbridge.webhook_payload_retention() returns interval
  language sql stable set search_path = '' as $$
  select coalesce(nullif(pg_catalog.current_setting('dialbridge.webhook_payload_retention', true), '')::interval, interval '90 days')
$$;
comment on function dialbridge.webhook_payload_retention() is 'How long processed webhook payloads are kept whole: setting dialbridge.webhook_payload_retention (alter database … set), default 90 days.';
revoke all on function dialbridge.webhook_payload_retention() from public;

create or replace function dialbridge.prune_webhook_payloads(as_of timestamptz default now(), p_keep interval default null,
                                                             p_limit integer default 10000)
  returns table (inbox text, pruned integer)
  language plpgsql set search_path = '' as $$
declare
  v_before timestamptz := as_of - coalesce(p_keep, dialbridge.webhook_payload_retention());
  v_n integer;
begin
  with due as (
    select l.id from public.phoneburner_webhooks_log l
     where l.payload_pruned_at is null and l.received_at < v_before
       and l.processing_status in ('success', 'skipped', 'duplicate')
     order by l.received_at limit p_limit
  )
  update public.phoneburner_webhooks_log l
     set payload = '{}'::jsonb, envelope = null, signature_header = null, payload_pruned_at = as_of
    from due where l.id = due.id;
  get diagnostics v_n = row_count;
  inbox := 'public.phoneburner_webhooks_log'; pruned := v_n; return next;
  with due as (
    select e.id from dialbridge.webhook_events e
     where e.payload_pruned_at is null and e.received_at < v_before
       and e.processing_status in ('success', 'skipped', 'duplicate')
     order by e.received_at limit p_limit
  )
  update dialbridge.webhook_events e
     set payload = '{}'::jsonb, envelope = null, signature_header = null, payload_pruned_at = as_of
    from due where e.id = due.id;
  get diagnostics v_n = row_count;
  inbox := 'dialbridge.webhook_events'; pruned := v_n; return next;
end
$$;
comment on function dialbridge.prune_webhook_payloads(timestamptz, interval, integer) is 'Retention: empties the payload (and envelope and signature) of processed events received before as_of − p_keep (default dialbridge.webhook_payload_retention(), 90 days), at most p_limit per inbox per call; failed and pending events keep theirs until they are resolved. The rows, their outcome and links stay; the call records are never pruned. Returns how many per inbox.';
revoke all on function dialbridge.prune_webhook_payloads(timestamptz, interval, integer) from public;
grant execute on function dialbridge.prune_webhook_payloads(timestamptz, interval, integer) to service_role;

create or replace function dialbridge.push_run_owner(p_request_id text) returns table (user_id uuid)
  language sql stable security definer set search_path = '' as $$
  -- whether the request id is taken; whose it is only for the caller's own run (or a server-side caller)
  select case when auth.uid() is null or r.user_id = auth.uid() then r.user_id end
    from public.phoneburner_push_runs r where r.request_id = p_request_id
$$;
comment on function dialbridge.push_run_owner(text) is 'Whether a request_id is taken: one row when it is, with the owner only when that is the caller (security definer: a rep learns nothing about other users'' runs beyond the key being taken).';

CREATE OR REPLACE FUNCTION dialbridge.process_webhook_events(p_provider text, p_limit integer DEFAULT 100, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(claimed integer, succeeded integer, skipped integer, retrying integer, failed integer, next_retry_at timestamp with time zone)
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

CREATE OR REPLACE FUNCTION dialbridge.reset_webhook_events_for_replay(p_provider text, p_since timestamp with time zone DEFAULT NULL::timestamp with time zone, p_statuses text[] DEFAULT ARRAY['failed'::text], p_event_type text DEFAULT NULL::text, p_until timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS SETOF bigint
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
begin
  return query execute pg_catalog.format(
    'update %s l
        set processing_status = ''pending'', retry_count = 0, next_retry_at = null,
            processing_error = null, processing_error_code = null
      where ($1::timestamptz is null or l.received_at >= $1)
        and ($2::timestamptz is null or l.received_at < $2)
        and ($3::text[] is null or l.processing_status = any ($3))
        and ($4::text is null or l.event_type = $4)
        and l.payload_pruned_at is null %s
     returning l.id',
    v_p.inbox, case when v_p.inbox = 'dialbridge.webhook_events' then 'and l.provider = $5' else '' end)
    using p_since, p_until, p_statuses, p_event_type, p_provider;
end
$_$;

-- migrate:down
--
