CREATE FUNCTION dialbridge.project_call_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) RETURNS TABLE(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
#variable_conflict use_column
declare
  v_p dialbridge.webhook_providers := dialbridge.webhook_provider(p_provider);
  v_ids bigint[] := coalesce(p_ids, '{}');
  v_n integer := pg_catalog.cardinality(coalesce(p_ids, '{}'));
  v_event dialbridge.webhook_events;
  v_fact dialbridge.call_events;
  v_facts dialbridge.call_events[] := '{}';
  v_status text[];
  v_error text[];
  v_code text[];
  v_ms numeric[];
  v_key text[];
  v_keys text[];
  v_failed_keys text[] := '{}';
  v_failed_error text[] := '{}';
  v_failed_code text[] := '{}';
  v_t0 timestamptz;
  v_share numeric;
  v_msg text;
  v_state text;
  i integer;
  k text;
begin
  v_status := pg_catalog.array_fill(null::text, array[v_n]);
  v_error := pg_catalog.array_fill(null::text, array[v_n]);
  v_code := pg_catalog.array_fill(null::text, array[v_n]);
  v_ms := pg_catalog.array_fill(0::numeric, array[v_n]);
  v_key := pg_catalog.array_fill(null::text, array[v_n]);

  -- 1. the adapter reads each event in its own subtransaction (only reads: no transaction id taken)
  for i in 1 .. v_n loop
    v_t0 := pg_catalog.clock_timestamp();
    v_status[i] := 'ok';
    begin
      select * into strict v_event from dialbridge.webhook_events e where e.id = v_ids[i] and e.provider = p_provider;
      execute pg_catalog.format('select * from %s($1)', v_p.normalize_fn) into v_fact using v_event;
      if v_fact.kind is null or v_fact.kind not in ('call', 'ignored') then
        raise exception 'the % adapter read event % as kind "%": call or ignored expected', p_provider, v_event.event_id, v_fact.kind
          using errcode = 'DB061';
      end if;
      if v_fact.kind = 'call' and coalesce(v_fact.call_id, '') = '' then
        raise exception '% event % names no call', p_provider, v_event.event_id using errcode = 'DB061';
      end if;
      -- an event whose times cannot be true is quarantined: stored, failed with the reason, never projected
      perform dialbridge.check_plausible_times(v_fact.event_at, v_fact.started_at, v_fact.connected_at, v_fact.ended_at,
                                               v_fact.disposition_at, v_fact.callback_at);
      v_fact.log_id := v_event.id;
      v_fact.provider := p_provider;
      v_fact.event_id := v_event.event_id;
      v_fact.event_type := v_event.event_type;
      v_fact.event_at := coalesce(v_fact.event_at, v_event.event_at, v_event.received_at);
      v_fact.call_key := case when v_fact.kind = 'call' then p_provider || ':call:' || v_fact.call_id end;
      v_fact.phone_e164 := coalesce(v_fact.phone_e164, '{}');
      v_fact.extra := coalesce(v_fact.extra, '{}');
      v_fact.normalized_at := pg_catalog.now();
      v_facts := v_facts || v_fact;
      v_key[i] := v_fact.call_key;
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      v_status[i] := case when v_state = 'DB060' then 'skipped' when v_state in ('DB061', 'DB068') then 'invalid' else 'error' end;
      v_error[i] := pg_catalog.left(v_msg, 1000);
      v_code[i] := v_state;
    end;
    v_ms[i] := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000;
  end loop;

  -- 2. one batch at a time from here on (every provider''s projection)
  perform dialbridge.lock_call_projection();
  v_t0 := pg_catalog.clock_timestamp();

  -- 2a. store the facts; a replay that reads an event differently replaces its row (and re-projects the
  --     call it named before). At once; row by row only to isolate a fact the table refuses.
  v_keys := array(select e.call_key from dialbridge.call_events e join unnest(v_facts) n on n.log_id = e.log_id
                   where e.call_key is not null);
  begin
    delete from dialbridge.call_events e using unnest(v_facts) n where e.log_id = n.log_id;
    insert into dialbridge.call_events select n.* from unnest(v_facts) n order by n.log_id;
  exception when others then
    foreach v_fact in array v_facts loop
      begin
        delete from dialbridge.call_events e where e.log_id = v_fact.log_id;
        insert into dialbridge.call_events select v_fact.*;
      exception when others then
        get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
        i := pg_catalog.array_position(v_ids, v_fact.log_id);
        v_status[i] := case when v_state like '23%' then 'invalid' else 'error' end;
        v_error[i] := pg_catalog.left(v_msg, 1000);
        v_code[i] := v_state;
        v_key[i] := null;
      end;
    end loop;
  end;
  v_keys := array(select distinct x from unnest(v_keys || v_key) x where x is not null order by 1);

  -- 2b. project every touched call once, statistics applied once at the end; if that fails, one call at a
  --     time with statistics applied directly, to isolate the failure
  if pg_catalog.cardinality(v_keys) > 0 then
    begin
      perform dialbridge.defer_call_stats();
      perform dialbridge.project_call_keys(p_provider, v_keys);
      perform dialbridge.flush_call_stat_deltas();
    exception when others then
      perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
      foreach k in array v_keys loop
        begin
          perform dialbridge.project_call_keys(p_provider, array[k]);
        exception when others then
          get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
          v_failed_keys := v_failed_keys || k;
          v_failed_error := v_failed_error || pg_catalog.left(v_msg, 1000);
          v_failed_code := v_failed_code || v_state;
        end;
      end loop;
    end;
  end if;
  v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / greatest(v_n, 1);

  -- 3. one outcome per event
  return query
  select r.id,
         case when r.status <> 'ok' then r.status when r.key = any (v_failed_keys) then 'error' else 'success' end,
         case when r.status <> 'ok' then r.error when r.key = any (v_failed_keys)
              then v_failed_error[pg_catalog.array_position(v_failed_keys, r.key)] end,
         case when r.status <> 'ok' then r.code when r.key = any (v_failed_keys)
              then v_failed_code[pg_catalog.array_position(v_failed_keys, r.key)] end,
         r.ms + v_share,
         case when r.status = 'ok' and r.key is not null then
           (select a.id from public.contact_activities a where a.dedupe_key = r.key) end
    from unnest(v_ids, v_status, v_error, v_code, v_ms, v_key) as r(id, status, error, code, ms, key);
end
$_$;

COMMENT ON FUNCTION dialbridge.project_call_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) IS 'The generic batch stage (webhook_providers.process_fn of every provider without its own): the adapter''s
normalize function reads each stored event into a dialbridge.call_events row in its own subtransaction
(DB060 skips it, DB061 or a fact the table refuses fails it at once, anything else retries); then, under
dialbridge.lock_call_projection, the batch''s facts are stored at once (replacing a replayed event''s
earlier reading) and every call they touch is projected once (dialbridge.project_call_keys), statistics
buffered and applied once; on a failure, one call at a time to isolate it. One outcome per event.';

REVOKE ALL ON FUNCTION dialbridge.project_call_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) FROM PUBLIC;
