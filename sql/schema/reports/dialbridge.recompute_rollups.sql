CREATE FUNCTION dialbridge.recompute_rollups(p_repair boolean DEFAULT true) RETURNS TABLE(rollup text, differences bigint)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_total bigint := 0;
  v_count bigint;
begin
  if p_repair then
    lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
               dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  end if;

  with e as materialized (select * from dialbridge.expected_rep_daily_stats()),
       r as materialized (select s.team_id, s.user_id, s.day, s.disposition_code, s.label_key, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled from dialbridge.rep_daily_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'rep_daily_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_rep_day_totals()),
       r as materialized (select s.team_id, s.user_id, s.day, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled, s.qualified, s.nurture, s.disqualified, s.suppressed, s.other_dispositions, s.unmapped_dispositions, s.meetings from dialbridge.rep_day_totals s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'rep_day_totals'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_session_stats()),
       r as materialized (select s.session_id, s.team_id, s.disposition_code, s.label_key, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled from dialbridge.session_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'session_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_session_contact_stats()),
       r as materialized (select s.session_id, s.team_id, s.contact_id, s.calls, s.connections from dialbridge.session_contact_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'session_contact_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_session_totals()),
       r as materialized (select s.session_id, s.team_id, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled, s.qualified, s.nurture, s.disqualified, s.suppressed, s.other_dispositions, s.unmapped_dispositions, s.meetings, s.contacts_dialed, s.contacts_connected from dialbridge.session_totals s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'session_totals'; differences := v_count; v_total := v_total + v_count;
  return next;

  with e as materialized (select * from dialbridge.expected_segment_daily_stats()),
       r as materialized (select s.team_id, s.day, s.dimension, s.value, s.disposition_code, s.label_key, s.calls, s.connections, s.decision_maker_conversations, s.gatekeeper_conversations, s.voicemails, s.no_answers, s.talk_time_seconds, s.call_duration_seconds, s.dispositioned_calls, s.callbacks_scheduled from dialbridge.segment_daily_stats s)
  select count(*) into v_count from (
    (select * from r except all select * from e)
    union all
    (select * from e except all select * from r)) x;
  rollup := 'segment_daily_stats'; differences := v_count; v_total := v_total + v_count;
  return next;

  if p_repair and v_total > 0 then
    perform dialbridge.rebuild_rollups();
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) IS 'Compares every roll-up with a recompute from the raw rows: one row per roll-up with the number of
differing rows (a missing or extra row counts once, a changed row twice). With p_repair, takes the
roll-up locks first (so the comparison is exact under concurrent writes) and rebuilds them all when any
difference is found. Without it, each comparison is one statement, consistent with itself.';

REVOKE ALL ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) TO service_role;
