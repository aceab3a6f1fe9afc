CREATE FUNCTION dialbridge.flush_call_stat_deltas() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_deltas dialbridge.activity_stat_delta[];
begin
  perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
  if pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is null then
    return 0;
  end if;
  select array_agg(row(x.net, x.activity_id, x.dedupe_key, x.contact_id, x.session_id, x.disposition_code,
                       x.disposition_label, x.disposition_notes, x.is_call, x.is_connected, x.is_decision_maker,
                       x.is_gatekeeper, x.is_voicemail, x.is_no_answer, x.duration_seconds, x.talk_seconds, x.attempt_at,
                       x.connected_at, x.disposition_at, x.engaged_at, x.activity_at, x.is_qualified, x.is_meeting,
                       x.is_disqualified, x.is_callback, x.member_stage)::dialbridge.activity_stat_delta)
    into v_deltas
    from (select sum(d.sign)::integer as net, d.activity_id, d.dedupe_key, d.contact_id, d.session_id, d.disposition_code,
                 d.disposition_label, d.disposition_notes, d.is_call, d.is_connected, d.is_decision_maker,
                 d.is_gatekeeper, d.is_voicemail, d.is_no_answer, d.duration_seconds, d.talk_seconds, d.attempt_at,
                 d.connected_at, d.disposition_at, d.engaged_at, d.activity_at, d.is_qualified, d.is_meeting,
                 d.is_disqualified, d.is_callback, d.member_stage
            from pg_temp.dialbridge_call_stat_deltas d
           group by d.activity_id, d.dedupe_key, d.contact_id, d.session_id, d.disposition_code, d.disposition_label,
                    d.disposition_notes, d.is_call, d.is_connected, d.is_decision_maker, d.is_gatekeeper,
                    d.is_voicemail, d.is_no_answer, d.duration_seconds, d.talk_seconds, d.attempt_at, d.connected_at,
                    d.disposition_at, d.engaged_at, d.activity_at, d.is_qualified, d.is_meeting, d.is_disqualified,
                    d.is_callback, d.member_stage
          having sum(d.sign) <> 0) x;
  delete from pg_temp.dialbridge_call_stat_deltas;
  perform dialbridge.apply_call_stat_deltas(v_deltas);
  return coalesce(pg_catalog.cardinality(v_deltas), 0);
end
$$;

COMMENT ON FUNCTION dialbridge.flush_call_stat_deltas() IS 'Applies the buffered deltas (a row inserted then updated in the same batch nets out to its last
version) and stops buffering. Returns the number of net deltas applied.';

REVOKE ALL ON FUNCTION dialbridge.flush_call_stat_deltas() FROM PUBLIC;
