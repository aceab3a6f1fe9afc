CREATE FUNCTION dialbridge.expected_session_stats() RETURNS TABLE(session_id uuid, team_id uuid, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.session_id, f.team_id, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   where f.session_id is not null
   group by f.session_id, f.team_id, f.disposition_code, f.label_key
$$;

COMMENT ON FUNCTION dialbridge.expected_session_stats() IS 'session_stats as the raw rows say it should be.';

REVOKE ALL ON FUNCTION dialbridge.expected_session_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_session_stats() TO service_role;
