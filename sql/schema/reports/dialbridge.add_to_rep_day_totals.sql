CREATE FUNCTION dialbridge.add_to_rep_day_totals(p_rows dialbridge.rollup_contribution[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
declare
  v_zero bigint[];
begin
  if coalesce(pg_catalog.cardinality(p_rows), 0) = 0 then
    return;
  end if;
  with g as (
    select s.team_id, s.user_id, s.day, coalesce(sum(s.w * s.calls), 0)::integer as calls, coalesce(sum(s.w * s.connections), 0)::integer as connections, coalesce(sum(s.w * s.decision_maker_conversations), 0)::integer as decision_maker_conversations, coalesce(sum(s.w * s.gatekeeper_conversations), 0)::integer as gatekeeper_conversations, coalesce(sum(s.w * s.voicemails), 0)::integer as voicemails, coalesce(sum(s.w * s.no_answers), 0)::integer as no_answers, coalesce(sum(s.w * s.talk_time_seconds), 0)::bigint as talk_time_seconds, coalesce(sum(s.w * s.call_duration_seconds), 0)::bigint as call_duration_seconds, coalesce(sum(s.w * s.dispositioned_calls), 0)::integer as dispositioned_calls, coalesce(sum(s.w * s.callbacks_scheduled), 0)::integer as callbacks_scheduled, coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'qualified'), 0)::integer as qualified, coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'nurture'), 0)::integer as nurture, coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'disqualified'), 0)::integer as disqualified, coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'suppressed'), 0)::integer as suppressed, coalesce(sum(s.w * s.calls) filter (where s.outcome_group in ('attempted', 'invalid', 'other')), 0)::integer as other_dispositions, coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'unmapped'), 0)::integer as unmapped_dispositions, coalesce(sum(s.w * s.calls) filter (where s.is_meeting), 0)::integer as meetings from (select * from pg_catalog.unnest(p_rows)) s where s.kind = 'classified' group by s.team_id, s.user_id, s.day
  ), up as (
    insert into dialbridge.rep_day_totals as t (team_id, user_id, day, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings)
    select team_id, user_id, day, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings from g where g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0 or g.qualified <> 0 or g.nurture <> 0 or g.disqualified <> 0 or g.suppressed <> 0 or g.other_dispositions <> 0 or g.unmapped_dispositions <> 0 or g.meetings <> 0 order by team_id, user_id, day
    on conflict (team_id, user_id, day) do update set calls = t.calls + excluded.calls, connections = t.connections + excluded.connections, decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations, gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations, voicemails = t.voicemails + excluded.voicemails, no_answers = t.no_answers + excluded.no_answers, talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds, call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds, dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls, callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled, qualified = t.qualified + excluded.qualified, nurture = t.nurture + excluded.nurture, disqualified = t.disqualified + excluded.disqualified, suppressed = t.suppressed + excluded.suppressed, other_dispositions = t.other_dispositions + excluded.other_dispositions, unmapped_dispositions = t.unmapped_dispositions + excluded.unmapped_dispositions, meetings = t.meetings + excluded.meetings, updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled, t.qualified, t.nurture, t.disqualified, t.suppressed, t.other_dispositions, t.unmapped_dispositions, t.meetings
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0 and up.qualified = 0 and up.nurture = 0 and up.disqualified = 0 and up.suppressed = 0 and up.other_dispositions = 0 and up.unmapped_dispositions = 0 and up.meetings = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.rep_day_totals s where s.id = any (v_zero);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.add_to_rep_day_totals(p_rows dialbridge.rollup_contribution[]) IS 'Adds signed contributions to dialbridge.rep_day_totals: upserts their sums by its key (in key order, so concurrent
writers lock rows in one order) and deletes rows that fell back to all zeros. GENERATED by
dialbridge.generate_rollup_writers() from the roll-up rules (rollup_measure_sum, rollup_filter, the
table''s columns): do not edit; change the rules and run the generator in a migration. No SET clause (a
configuration save and restore per call on the hot path): every name in it is schema-qualified, and only
dialbridge''s own functions (search_path '''') call it.';

REVOKE ALL ON FUNCTION dialbridge.add_to_rep_day_totals(p_rows dialbridge.rollup_contribution[]) FROM PUBLIC;
