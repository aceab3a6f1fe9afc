CREATE FUNCTION dialbridge.phoneburner_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) RETURNS TABLE(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_fact dialbridge.phoneburner_call_events;
  v_zone text;
  v_ids bigint[] := coalesce(p_ids, '{}');
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
  v_t0 timestamptz;
  v_share numeric := 0;
  v_ok integer := 0;
  v_msg text;
  v_state text;
  v_pos integer;
  i integer;
  k text;
begin
  v_zone := dialbridge.phoneburner_time_zone();
  perform pg_catalog.now() at time zone v_zone;  -- a misspelt zone stops the batch here, loudly

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
      v_fact := dialbridge.normalize_phoneburner_event(v_log, v_zone);
      -- an event whose times cannot be true is quarantined: stored, failed with the reason, never projected
      perform dialbridge.check_plausible_times(v_fact.event_at, v_fact.started_at, v_fact.connected_at, v_fact.ended_at,
                                               v_fact.disposition_at, v_fact.callback_at);
      v_facts := v_facts || v_fact;
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      v_status[i] := case when v_state = 'DB060' then 'skipped' when v_state in ('DB061', 'DB068') then 'invalid' else 'error' end;
      v_error[i] := pg_catalog.left(v_msg, 1000);
      v_code[i] := v_state;
    end;
    v_ms[i] := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000;
  end loop;

  -- from here on one batch at a time (arbitrary constant key, 'dialbridge' + 'pb' in ASCII): claiming and
  -- normalising above overlap with the batch before, the rest waits for it to commit
  perform dialbridge.lock_call_projection();

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

  -- 3. the outcome of every event (the shared processor records it)
  return query
  select r.id, r.status, r.error, r.code, r.ms,
         case when r.status = 'success' then
           (select a.id from public.contact_activities a
             where a.dedupe_key in (r.primary_key, dialbridge.phoneburner_callback_key(r.primary_key))
             order by a.dedupe_key limit 1) end
    from unnest(v_ids, v_status, v_error, v_code, v_ms, v_primary) as r(id, status, error, code, ms, primary_key);
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) IS 'PhoneBurner''s batch stage (webhook_providers.process_fn), called by dialbridge.process_webhook_events
with the claimed ids: normalises each event in its own subtransaction (a bad event fails alone; normalising
only reads, so these subtransactions take no transaction id and a batch stays clear of the 64 a backend
caches), then under dialbridge.lock_call_projection stores the batch''s facts at once and projects every
touched call once, statistics buffered and applied once (if that fails, one key at a time to isolate the
failure). Returns one outcome per event: success, skipped (DB060), invalid (DB061; DB068: quarantined, a time that cannot be true) or error.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) FROM PUBLIC;
