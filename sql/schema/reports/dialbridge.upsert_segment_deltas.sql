CREATE FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_zero bigint[];
begin
  if coalesce(pg_catalog.cardinality(p_deltas), 0) = 0 then
    return;
  end if;
  with g as (
    select d.team_id, d.day, d.dimension, d.value, d.disposition_code, d.label_key,
           sum(d.calls)::integer as calls,
           sum(d.connections)::integer as connections,
           sum(d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.voicemails)::integer as voicemails,
           sum(d.no_answers)::integer as no_answers,
           sum(d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.callbacks_scheduled)::integer as callbacks_scheduled
      from pg_catalog.unnest(p_deltas) d
     group by d.team_id, d.day, d.dimension, d.value, d.disposition_code, d.label_key
  ), up as (
    insert into dialbridge.segment_daily_stats as t (team_id, day, dimension, value, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
    select g.team_id, g.day, g.dimension, g.value, g.disposition_code, g.label_key, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0)
     order by g.team_id, g.day, g.dimension, g.value, g.disposition_code, g.label_key
    on conflict (team_id, day, dimension, value, disposition_code, label_key) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.segment_daily_stats s where s.id = any (v_zero);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) IS 'Adds signed contributions to segment_daily_stats: summed per key, upserted in key order (the lock
order every writer shares), and rows left with all counters at zero deleted.';

REVOKE ALL ON FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) FROM PUBLIC;
