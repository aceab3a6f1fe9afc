CREATE FUNCTION dialbridge.expected_rep_daily_stats() RETURNS TABLE(team_id uuid, user_id uuid, day date, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.team_id, f.user_id, f.day, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   group by f.team_id, f.user_id, f.day, f.disposition_code, f.label_key
$$;

COMMENT ON FUNCTION dialbridge.expected_rep_daily_stats() IS 'rep_daily_stats as the raw rows say it should be.';

REVOKE ALL ON FUNCTION dialbridge.expected_rep_daily_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_rep_daily_stats() TO service_role;
