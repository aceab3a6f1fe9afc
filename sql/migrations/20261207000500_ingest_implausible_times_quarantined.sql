-- migrate:up
-- Implausible dates are quarantined, not stored as facts (issue 16, item 3): call times in year 9999 or 0001
-- reached activities and statistics. Every provider's processing now checks each normalised event
-- (dialbridge.check_plausible_times): an event whose call times fall before 2000 or after tomorrow, or whose
-- callback lies more than two years ahead, fails at once with DB068 and its reason, stays stored and
-- replayable, and is never projected. Re-runnable: create or replace.

create or replace function dialbridge.check_plausible_times(p_event_at timestamptz, p_started_at timestamptz, p_connected_at timestamptz,
  p_ended_at timestamptz, p_disposition_at timestamptz, p_callback_at timestamptz)
returns void
language plpgsql stable set search_path = ''
as $$
declare
  v_floor constant timestamptz := '2000-01-01 00:00:00+00';
  v_ceiling timestamptz := pg_catalog.now() + interval '1 day';
  v_bad text;
begin
  v_bad := case
    when p_event_at not between v_floor and v_ceiling then 'event time ' || p_event_at
    when p_started_at not between v_floor and v_ceiling then 'start ' || p_started_at
    when p_connected_at not between v_floor and v_ceiling then 'answer ' || p_connected_at
    when p_ended_at not between v_floor and v_ceiling then 'end ' || p_ended_at
    when p_disposition_at not between v_floor and v_ceiling then 'disposition time ' || p_disposition_at
    when p_callback_at not between v_floor and pg_catalog.now() + interval '2 years' then 'callback time ' || p_callback_at end;
  if v_bad is not null then
    raise exception 'quarantined: the call''s % is not a plausible time (calls happen between 2000 and tomorrow; callbacks within two years): the event is kept and not projected — fix the sender or its time zone, then replay it',
      v_bad using errcode = 'DB068';
  end if;
end
$$;
comment on function dialbridge.check_plausible_times(timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz) is 'Quarantine of implausible times (every provider''s processing calls it on each normalised event): a call''s event, start, answer, end or disposition time before 2000 or after tomorrow, or a callback before 2000 or more than two years ahead, raises DB068 — the event stays stored, failed with the reason (dialbridge.webhook_failures), is never projected into activities or statistics, and can be replayed once the sender is fixed.';
revoke all on function dialbridge.check_plausible_times(timestamptz, timestamptz, timestamptz, timestamptz, timestamptz, timestamptz) from public;

CREATE OR REPLACE FUNCTION dialbridge.phoneburner_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) RETURNS TABLE(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
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

CREATE OR REPLACE FUNCTION dialbridge.project_call_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) RETURNS TABLE(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
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

-- migrate:down
