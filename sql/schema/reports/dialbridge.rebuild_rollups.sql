CREATE FUNCTION dialbridge.rebuild_rollups() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
             dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  delete from dialbridge.rep_daily_stats;
  insert into dialbridge.rep_daily_stats (team_id, user_id, day, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
  select * from dialbridge.expected_rep_daily_stats();
  delete from dialbridge.session_stats;
  insert into dialbridge.session_stats (session_id, team_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
  select * from dialbridge.expected_session_stats();
  delete from dialbridge.session_contact_stats;
  insert into dialbridge.session_contact_stats (session_id, team_id, contact_id, calls, connections)
  select * from dialbridge.expected_session_contact_stats();
  delete from dialbridge.segment_daily_stats;
  insert into dialbridge.segment_daily_stats (team_id, day, dimension, value, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
  select * from dialbridge.expected_segment_daily_stats();
  perform dialbridge.reclassify_totals();
end
$$;

COMMENT ON FUNCTION dialbridge.rebuild_rollups() IS 'Rebuilds every roll-up from the raw rows. Takes EXCLUSIVE locks on the roll-up tables (reads go on;
writers — the triggers — wait), in the same order the triggers lock them.';

REVOKE ALL ON FUNCTION dialbridge.rebuild_rollups() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.rebuild_rollups() TO service_role;
