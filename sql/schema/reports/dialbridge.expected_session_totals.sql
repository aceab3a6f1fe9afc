CREATE FUNCTION dialbridge.expected_session_totals() RETURNS TABLE(session_id uuid, team_id uuid, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer, qualified integer, nurture integer, disqualified integer, suppressed integer, other_dispositions integer, unmapped_dispositions integer, meetings integer, contacts_dialed integer, contacts_connected integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with st as (
    select f.session_id, f.team_id,
           sum(f.calls)::integer, sum(f.connections)::integer, sum(f.decision_maker_conversations)::integer, sum(f.gatekeeper_conversations)::integer, sum(f.voicemails)::integer, sum(f.no_answers)::integer, sum(f.talk_time_seconds)::bigint, sum(f.call_duration_seconds)::bigint, sum(f.dispositioned_calls)::integer, sum(f.callbacks_scheduled)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'qualified'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'nurture'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'disqualified'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'suppressed'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) in ('attempted', 'invalid', 'other')), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when f.disposition_code <> '' or f.label_key <> '' then 'unmapped' else 'none' end) = 'unmapped'), 0)::integer,
           coalesce(sum(f.calls) filter (where coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)), 0)::integer
      from public.contact_activities a
   cross join lateral dialbridge.activity_facts(a) f
    left join dialbridge.disposition_classes cc on f.disposition_code <> '' and cc.match_key = 'c:' || f.disposition_code
    left join dialbridge.disposition_classes cl on f.label_key <> '' and cl.match_key = 'l:' || f.label_key
     where f.session_id is not null
     group by f.session_id, f.team_id
  ), reach as (
    select s.session_id, s.team_id, count(*)::integer as dialed, count(*) filter (where s.connections > 0)::integer as connected
      from dialbridge.expected_session_contact_stats() s
     group by s.session_id, s.team_id
  )
  select st.*, coalesce(r.dialed, 0), coalesce(r.connected, 0)
    from st left join reach r on r.session_id = st.session_id and r.team_id is not distinct from st.team_id
$$;

COMMENT ON FUNCTION dialbridge.expected_session_totals() IS 'session_totals as the raw rows and the current mappings say it should be (a session has calls whenever it has reach).';

REVOKE ALL ON FUNCTION dialbridge.expected_session_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_session_totals() TO service_role;
