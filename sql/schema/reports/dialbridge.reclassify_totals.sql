CREATE FUNCTION dialbridge.reclassify_totals() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  lock table dialbridge.rep_day_totals, dialbridge.session_totals in exclusive mode;
  delete from dialbridge.rep_day_totals;
  insert into dialbridge.rep_day_totals (team_id, user_id, day, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings)
  select r.team_id, r.user_id, r.day,
         sum(r.calls)::integer, sum(r.connections)::integer, sum(r.decision_maker_conversations)::integer, sum(r.gatekeeper_conversations)::integer, sum(r.voicemails)::integer, sum(r.no_answers)::integer, sum(r.talk_time_seconds)::bigint, sum(r.call_duration_seconds)::bigint, sum(r.dispositioned_calls)::integer, sum(r.callbacks_scheduled)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'qualified'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'nurture'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'disqualified'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'suppressed'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) in ('attempted', 'invalid', 'other')), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'unmapped'), 0)::integer,
         coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)), 0)::integer
    from dialbridge.rep_daily_stats r
    left join dialbridge.disposition_classes cc on r.disposition_code <> '' and cc.match_key = 'c:' || r.disposition_code
    left join dialbridge.disposition_classes cl on r.label_key <> '' and cl.match_key = 'l:' || r.label_key
   group by r.team_id, r.user_id, r.day;
  delete from dialbridge.session_totals;
  insert into dialbridge.session_totals (session_id, team_id, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings, contacts_dialed, contacts_connected)
  with st as (
    select r.session_id, r.team_id,
           sum(r.calls)::integer as calls, sum(r.connections)::integer as connections, sum(r.decision_maker_conversations)::integer as decision_maker_conversations, sum(r.gatekeeper_conversations)::integer as gatekeeper_conversations, sum(r.voicemails)::integer as voicemails, sum(r.no_answers)::integer as no_answers, sum(r.talk_time_seconds)::bigint as talk_time_seconds, sum(r.call_duration_seconds)::bigint as call_duration_seconds, sum(r.dispositioned_calls)::integer as dispositioned_calls, sum(r.callbacks_scheduled)::integer as callbacks_scheduled,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'qualified'), 0)::integer as qualified,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'nurture'), 0)::integer as nurture,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'disqualified'), 0)::integer as disqualified,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'suppressed'), 0)::integer as suppressed,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) in ('attempted', 'invalid', 'other')), 0)::integer as other_dispositions,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end, case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) = 'unmapped'), 0)::integer as unmapped_dispositions,
           coalesce(sum(r.calls) filter (where coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false)), 0)::integer as meetings
      from dialbridge.session_stats r
      left join dialbridge.disposition_classes cc on r.disposition_code <> '' and cc.match_key = 'c:' || r.disposition_code
      left join dialbridge.disposition_classes cl on r.label_key <> '' and cl.match_key = 'l:' || r.label_key
     group by r.session_id, r.team_id
  ), reach as (
    select s.session_id, s.team_id, count(*)::integer as dialed, count(*) filter (where s.connections > 0)::integer as connected
      from dialbridge.session_contact_stats s
     group by s.session_id, s.team_id
  )
  select st.*, coalesce(r.dialed, 0), coalesce(r.connected, 0)
    from st left join reach r on r.session_id = st.session_id and r.team_id is not distinct from st.team_id;
end
$$;

COMMENT ON FUNCTION dialbridge.reclassify_totals() IS 'Rebuilds rep_day_totals and session_totals from the per-disposition roll-ups with the current mappings
(an admin edited a mapping: qualified, meetings… move at once). EXCLUSIVE locks: reads go on, writers wait.';

REVOKE ALL ON FUNCTION dialbridge.reclassify_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reclassify_totals() TO service_role;
