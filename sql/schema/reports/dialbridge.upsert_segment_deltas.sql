CREATE FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.add_to_segment_daily_stats(array(
    select row('segment', 1, d.day, d.team_id, null, null, null, d.dimension, d.value, d.disposition_code, d.label_key,
               d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails,
               d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled,
               null, false, 0, 0)::dialbridge.rollup_contribution
      from pg_catalog.unnest(p_deltas) d));
end
$$;

COMMENT ON FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) IS 'Adds signed segment contributions (a contact moving between segments) to segment_daily_stats through dialbridge.add_to_segment_daily_stats.';

REVOKE ALL ON FUNCTION dialbridge.upsert_segment_deltas(p_deltas dialbridge.segment_delta[]) FROM PUBLIC;
