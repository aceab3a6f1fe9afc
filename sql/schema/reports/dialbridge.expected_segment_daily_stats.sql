CREATE FUNCTION dialbridge.expected_segment_daily_stats() RETURNS TABLE(team_id uuid, day date, dimension text, value text, disposition_code text, label_key text, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.team_id, f.day, s.dimension, s.value, f.disposition_code, f.label_key,
         sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer
    from public.contact_activities a
   cross join lateral dialbridge.activity_facts(a) f
    left join public.contacts c on c.id = f.contact_id
   cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s
   group by f.team_id, f.day, s.dimension, s.value, f.disposition_code, f.label_key
$$;

COMMENT ON FUNCTION dialbridge.expected_segment_daily_stats() IS 'segment_daily_stats as the raw rows (and the contacts'' current segment columns) say it should be.';

REVOKE ALL ON FUNCTION dialbridge.expected_segment_daily_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_segment_daily_stats() TO service_role;
