CREATE FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer DEFAULT 100, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(claimed integer, succeeded integer, skipped integer, retrying integer, failed integer, next_retry_at timestamp with time zone)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_zone text;
  v_ids bigint[];
  v_n integer;
  v_log public.phoneburner_webhooks_log;
  v_logs public.phoneburner_webhooks_log[];
  v_facts dialbridge.phoneburner_call_events[] := '{}';
  v_ingested record;
  v_status text[] := '{}';
  v_error text[] := '{}';
  v_code text[] := '{}';
  v_ms numeric[] := '{}';
  v_primary text[] := '{}';
  v_pair_i integer[] := '{}';
  v_pair_key text[] := '{}';
  v_keys text[];
  v_all_keys text[];
  v_failed_keys text[] := '{}';
  v_failed_error text[] := '{}';
  v_failed_code text[] := '{}';
  v_batch_started timestamptz := pg_catalog.clock_timestamp();
  v_t0 timestamptz;
  v_share numeric := 0;
  v_ok integer := 0;
  v_msg text;
  v_state text;
  v_pos integer;
  i integer;
  k text;
begin
  -- before claiming: wait for receivers that counted on the queued job (see 20261121002000_webhook_receive.sql)
  perform dialbridge.await_phoneburner_receivers();
  v_zone := dialbridge.phoneburner_time_zone();
  perform pg_catalog.now() at time zone v_zone;  -- a misspelt zone stops the batch here, loudly

  select coalesce(array_agg(x.id order by x.next_retry_at nulls first, x.id), '{}') into v_ids
    from (select l.id, l.next_retry_at
            from public.phoneburner_webhooks_log l
           where l.processing_status in ('pending', 'processing')
             and (l.next_retry_at is null or l.next_retry_at <= as_of)
           order by l.next_retry_at nulls first, l.id
           limit greatest(p_limit, 1)
             for update skip locked) x;
  v_n := pg_catalog.cardinality(v_ids);
  v_status := pg_catalog.array_fill(null::text, array[v_n]);
  v_error := pg_catalog.array_fill(null::text, array[v_n]);
  v_code := pg_catalog.array_fill(null::text, array[v_n]);
  v_ms := pg_catalog.array_fill(0::numeric, array[v_n]);
  v_primary := pg_catalog.array_fill(null::text, array[v_n]);

  -- 1. normalise each event in its own subtransaction: a bad event fails alone. Normalising only reads,
  --    so these subtransactions take no transaction id: a batch stays far from the 64 subtransactions a
  --    backend caches (past that, every other session's snapshot checks get slower).
  v_logs := array(select l from unnest(v_ids) with ordinality as u(id, ord)
                    join public.phoneburner_webhooks_log l on l.id = u.id order by u.ord);
  for i in 1 .. v_n loop
    v_log := v_logs[i];
    v_t0 := pg_catalog.clock_timestamp();
    v_status[i] := 'ok';
    begin
      v_facts := v_facts || dialbridge.normalize_phoneburner_event(v_log, v_zone);
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      v_status[i] := case when v_state = 'DB060' then 'skipped' when v_state = 'DB061' then 'invalid' else 'error' end;
      v_error[i] := pg_catalog.left(v_msg, 1000);
      v_code[i] := v_state;
    end;
    v_ms[i] := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000;
  end loop;

  -- from here on one batch at a time (arbitrary constant key, 'dialbridge' + 'pb' in ASCII): claiming and
  -- normalising above overlap with the batch before, the rest waits for it to commit
  perform pg_catalog.pg_advisory_xact_lock(7308604897168450146);

  -- 1b. store the facts of the batch at once, and find which calls each event touches
  if pg_catalog.cardinality(v_facts) > 0 then
    v_t0 := pg_catalog.clock_timestamp();
    for v_ingested in select * from dialbridge.ingest_phoneburner_events(v_facts) loop
      i := pg_catalog.array_position(v_ids, v_ingested.log_id);
      if v_ingested.error is not null then
        v_status[i] := 'error';
        v_error[i] := v_ingested.error;
        v_code[i] := v_ingested.error_code;
        continue;
      end if;
      v_primary[i] := v_ingested.own_key;
      foreach k in array array[v_ingested.own_key] || v_ingested.keys loop
        if k is not null then
          v_pair_i := v_pair_i || i;
          v_pair_key := v_pair_key || k;
        end if;
      end loop;
    end loop;
    v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / pg_catalog.cardinality(v_facts);
    for i in 1 .. v_n loop
      if v_status[i] = 'ok' then v_ms[i] := v_ms[i] + v_share; end if;
    end loop;
    v_share := 0;
  end if;

  -- 2. project every touched call once, statistics buffered and applied once at the end (each contact and
  --    session updated and locked once per batch, in id order); if that fails, one key at a time with
  --    statistics applied directly, to isolate the failure
  v_all_keys := array(select distinct x from unnest(v_pair_key) x order by 1);
  if pg_catalog.cardinality(v_all_keys) > 0 then
    v_t0 := pg_catalog.clock_timestamp();
    begin
      perform dialbridge.defer_call_stats();
      perform dialbridge.project_phoneburner_keys(v_all_keys);
      perform dialbridge.flush_call_stat_deltas();
    exception when others then
      perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
      foreach k in array v_all_keys loop
        begin
          perform dialbridge.project_phoneburner_keys(array[k]);
        exception when others then
          get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
          v_failed_keys := v_failed_keys || k;
          v_failed_error := v_failed_error || pg_catalog.left(v_msg, 1000);
          v_failed_code := v_failed_code || v_state;
        end;
      end loop;
    end;
    select count(*) into v_ok from unnest(v_status) s where s = 'ok';
    v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / greatest(v_ok, 1);
  end if;

  for i in 1 .. v_n loop
    if v_status[i] = 'ok' then
      v_status[i] := 'success';
      v_ms[i] := v_ms[i] + v_share;
      if pg_catalog.cardinality(v_failed_keys) > 0 then
        for v_pos in 1 .. pg_catalog.cardinality(v_pair_i) loop
          if v_pair_i[v_pos] = i and v_pair_key[v_pos] = any (v_failed_keys) then
            v_status[i] := 'error';
            v_error[i] := v_failed_error[pg_catalog.array_position(v_failed_keys, v_pair_key[v_pos])];
            v_code[i] := v_failed_code[pg_catalog.array_position(v_failed_keys, v_pair_key[v_pos])];
            exit;
          end if;
        end loop;
      end if;
    end if;
  end loop;

  -- 3. record the outcome of every claimed event
  with upd as (
  update public.phoneburner_webhooks_log l
     set processing_status = case
           when r.status = 'success' then 'success'
           when r.status = 'skipped' then 'skipped'
           when r.status = 'invalid' then 'failed'
           when l.retry_count + 1 >= l.max_retries then 'failed'
           else 'pending' end,
         retry_count = case when r.status in ('invalid', 'error') then l.retry_count + 1 else l.retry_count end,
         next_retry_at = case when r.status = 'error' and l.retry_count + 1 < l.max_retries
                              then as_of + dialbridge.phoneburner_retry_delay(l.retry_count + 1) end,
         last_retry_at = case when r.status in ('invalid', 'error') then as_of else l.last_retry_at end,
         processing_error = case when r.status = 'success' then null else r.error end,
         processing_error_code = case when r.status = 'success' then null else r.code end,
         processing_started_at = v_batch_started,
         processing_completed_at = pg_catalog.clock_timestamp(),
         processing_duration_ms = pg_catalog.round(r.ms)::integer,
         contact_activity_id = case when r.status = 'success' then
           coalesce((select a.id from public.contact_activities a
                      where a.dedupe_key in (r.primary_key, dialbridge.phoneburner_callback_key(r.primary_key))
                      order by a.dedupe_key limit 1), l.contact_activity_id)
           else l.contact_activity_id end
    from unnest(v_ids, v_status, v_error, v_code, v_ms, v_primary) as r(id, status, error, code, ms, primary_key)
   where l.id = r.id
  returning l.processing_status as new_status, r.status as outcome
  )
  select count(*) filter (where upd.outcome = 'success'),
         count(*) filter (where upd.outcome = 'skipped'),
         count(*) filter (where upd.outcome in ('error', 'invalid') and upd.new_status = 'pending'),
         count(*) filter (where upd.new_status = 'failed')
    into succeeded, skipped, retrying, failed
    from upd;
  claimed := v_n;
  select min(l.next_retry_at) into next_retry_at
    from public.phoneburner_webhooks_log l
   where l.processing_status in ('pending', 'processing') and l.next_retry_at > as_of;
  return next;
end
$$;

COMMENT ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) IS 'The worker''s unit of work: processes up to p_limit due events of public.phoneburner_webhooks_log in one
transaction (see the header of this migration) and returns what happened plus when the next retry is
due. Batches overlap only while claiming and normalising (FOR UPDATE SKIP LOCKED: disjoint events; a
normalised event is a function of its own log row); from storing the facts on they run one at a time (a
transaction-level advisory lock): per-session counters are hot rows that concurrent batches would only
queue on, and one writer keeps the projection free of deadlocks. So two processors (the worker task runs
PHONEBURNER_PROCESSORS of them) keep both cores busy: one normalises the next batch while the other
projects.
Per-event subtransactions only read (normalising), so they take no transaction id: batches of any size
stay clear of PostgreSQL''s 64 cached subtransactions per backend.';

REVOKE ALL ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.process_phoneburner_webhooks(p_limit integer, as_of timestamp with time zone) TO service_role;
