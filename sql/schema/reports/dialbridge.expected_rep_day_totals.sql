CREATE FUNCTION dialbridge.expected_rep_day_totals() RETURNS TABLE(team_id uuid, user_id uuid, day date, calls integer, connections integer, decision_maker_conversations integer, gatekeeper_conversations integer, voicemails integer, no_answers integer, talk_time_seconds bigint, call_duration_seconds bigint, dispositioned_calls integer, callbacks_scheduled integer, qualified integer, nurture integer, disqualified integer, suppressed integer, other_dispositions integer, unmapped_dispositions integer, meetings integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.team_id, f.user_id, f.day,
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
   group by f.team_id, f.user_id, f.day
$$;

COMMENT ON FUNCTION dialbridge.expected_rep_day_totals() IS 'rep_day_totals as the raw rows and the current mappings say it should be.';

REVOKE ALL ON FUNCTION dialbridge.expected_rep_day_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_rep_day_totals() TO service_role;
