CREATE FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_deltas dialbridge.activity_delta[];
  v_contacts uuid[];
  v_rescore uuid[];
  v_zero bigint[];
  v_zero_totals bigint[];
  v_segments dialbridge.segment_delta[];
begin
  v_deltas := dialbridge.activity_deltas(p_old, p_new);
  if v_deltas is null then
    return;  -- no call or callback among the rows
  end if;

  -- Contacts first, in id order: their segment columns are read below and their score written last.
  select coalesce(pg_catalog.array_agg(distinct d.contact_id order by d.contact_id), '{}') into v_contacts
    from pg_catalog.unnest(v_deltas) d where d.contact_id is not null;
  perform 1 from public.contacts c where c.id = any (v_contacts) order by c.id for no key update;

  -- Per rep, day and disposition
  with g as (
    select d.team_id,
           d.user_id,
           d.day,
           d.disposition_code,
           d.label_key,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled
      from pg_catalog.unnest(v_deltas) d
     group by d.team_id, d.user_id, d.day, d.disposition_code, d.label_key
  ), up as (
    insert into dialbridge.rep_daily_stats as t (team_id, user_id, day, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
    select g.team_id, g.user_id, g.day, g.disposition_code, g.label_key, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0)
     order by g.team_id, g.user_id, g.day, g.disposition_code, g.label_key
    on conflict (team_id, user_id, day, disposition_code, label_key) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero
    from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.rep_daily_stats s where s.id = any (v_zero);
  end if;

  -- Per rep and day, classified
  with g as (
    select d.team_id,
           d.user_id,
           d.day,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'qualified'), 0)::integer as qualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'nurture'), 0)::integer as nurture,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'disqualified'), 0)::integer as disqualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'suppressed'), 0)::integer as suppressed,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group in ('attempted', 'invalid', 'other')), 0)::integer as other_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'unmapped'), 0)::integer as unmapped_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.is_meeting), 0)::integer as meetings
      from pg_catalog.unnest(v_deltas) d
     group by d.team_id, d.user_id, d.day
  ), up as (
    insert into dialbridge.rep_day_totals as t (team_id, user_id, day, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings)
    select g.team_id, g.user_id, g.day, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled, g.qualified, g.nurture, g.disqualified, g.suppressed, g.other_dispositions, g.unmapped_dispositions, g.meetings
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0 or g.qualified <> 0 or g.nurture <> 0 or g.disqualified <> 0 or g.suppressed <> 0 or g.other_dispositions <> 0 or g.unmapped_dispositions <> 0 or g.meetings <> 0)
     order by g.team_id, g.user_id, g.day
    on conflict (team_id, user_id, day) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           qualified = t.qualified + excluded.qualified,
           nurture = t.nurture + excluded.nurture,
           disqualified = t.disqualified + excluded.disqualified,
           suppressed = t.suppressed + excluded.suppressed,
           other_dispositions = t.other_dispositions + excluded.other_dispositions,
           unmapped_dispositions = t.unmapped_dispositions + excluded.unmapped_dispositions,
           meetings = t.meetings + excluded.meetings,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled, t.qualified, t.nurture, t.disqualified, t.suppressed, t.other_dispositions, t.unmapped_dispositions, t.meetings
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero
    from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0 and up.qualified = 0 and up.nurture = 0 and up.disqualified = 0 and up.suppressed = 0 and up.other_dispositions = 0 and up.unmapped_dispositions = 0 and up.meetings = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.rep_day_totals s where s.id = any (v_zero);
  end if;

  -- Per session and disposition
  with g as (
    select d.session_id,
           d.team_id,
           d.disposition_code,
           d.label_key,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled
      from pg_catalog.unnest(v_deltas) d
     where d.session_id is not null
     group by d.session_id, d.team_id, d.disposition_code, d.label_key
  ), up as (
    insert into dialbridge.session_stats as t (session_id, team_id, disposition_code, label_key, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled)
    select g.session_id, g.team_id, g.disposition_code, g.label_key, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0)
     order by g.session_id, g.team_id, g.disposition_code, g.label_key
    on conflict (session_id, team_id, disposition_code, label_key) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled
  )
  select coalesce(pg_catalog.array_agg(up.id), '{}') into v_zero
    from up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.session_stats s where s.id = any (v_zero);
  end if;

  -- Per session and contact, and per session classified with the distinct contacts dialed (connected):
  -- a contact counts when its calls (connections) in the session go from 0 to more, and stops when they
  -- fall back to 0. old = new − delta, since the upsert added the delta.
  with sc as (
    select d.session_id, d.team_id, d.contact_id,
           sum(d.sign * d.calls)::integer as calls, sum(d.sign * d.connections)::integer as connections
      from pg_catalog.unnest(v_deltas) d
     where d.session_id is not null and d.contact_id is not null and d.calls = 1
     group by d.session_id, d.team_id, d.contact_id
    having sum(d.sign * d.calls) <> 0 or sum(d.sign * d.connections) <> 0
  ), up as (
    insert into dialbridge.session_contact_stats as t (session_id, team_id, contact_id, calls, connections)
    select sc.session_id, sc.team_id, sc.contact_id, sc.calls, sc.connections
      from sc
     order by sc.session_id, sc.team_id, sc.contact_id
    on conflict (session_id, team_id, contact_id) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           updated_at = now()
    returning t.id, t.session_id, t.team_id, t.contact_id, t.calls, t.connections
  ), reach as (
    select up.session_id, up.team_id,
           sum((up.calls > 0)::integer - ((up.calls - sc.calls) > 0)::integer)::integer as contacts_dialed,
           sum((up.connections > 0)::integer - ((up.connections - sc.connections) > 0)::integer)::integer as contacts_connected
      from up
      join sc on sc.session_id = up.session_id and sc.team_id is not distinct from up.team_id and sc.contact_id = up.contact_id
     group by up.session_id, up.team_id
  ), st as (
    select d.session_id,
           d.team_id,
           sum(d.sign * d.calls)::integer as calls,
           sum(d.sign * d.connections)::integer as connections,
           sum(d.sign * d.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(d.sign * d.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(d.sign * d.voicemails)::integer as voicemails,
           sum(d.sign * d.no_answers)::integer as no_answers,
           sum(d.sign * d.talk_time_seconds)::bigint as talk_time_seconds,
           sum(d.sign * d.call_duration_seconds)::bigint as call_duration_seconds,
           sum(d.sign * d.dispositioned_calls)::integer as dispositioned_calls,
           sum(d.sign * d.callbacks_scheduled)::integer as callbacks_scheduled,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'qualified'), 0)::integer as qualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'nurture'), 0)::integer as nurture,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'disqualified'), 0)::integer as disqualified,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'suppressed'), 0)::integer as suppressed,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group in ('attempted', 'invalid', 'other')), 0)::integer as other_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.outcome_group = 'unmapped'), 0)::integer as unmapped_dispositions,
           coalesce(sum(d.sign * d.calls) filter (where d.is_meeting), 0)::integer as meetings
      from pg_catalog.unnest(v_deltas) d
     where d.session_id is not null
     group by d.session_id, d.team_id
  ), g as (
    select x.session_id, x.team_id,
           sum(x.calls)::integer as calls, sum(x.connections)::integer as connections, sum(x.decision_maker_conversations)::integer as decision_maker_conversations, sum(x.gatekeeper_conversations)::integer as gatekeeper_conversations, sum(x.voicemails)::integer as voicemails, sum(x.no_answers)::integer as no_answers, sum(x.talk_time_seconds)::bigint as talk_time_seconds, sum(x.call_duration_seconds)::bigint as call_duration_seconds, sum(x.dispositioned_calls)::integer as dispositioned_calls, sum(x.callbacks_scheduled)::integer as callbacks_scheduled, sum(x.qualified)::integer as qualified, sum(x.nurture)::integer as nurture, sum(x.disqualified)::integer as disqualified, sum(x.suppressed)::integer as suppressed, sum(x.other_dispositions)::integer as other_dispositions, sum(x.unmapped_dispositions)::integer as unmapped_dispositions, sum(x.meetings)::integer as meetings, sum(x.contacts_dialed)::integer as contacts_dialed, sum(x.contacts_connected)::integer as contacts_connected
      from (select st.*, 0 as contacts_dialed, 0 as contacts_connected from st
            union all
            select r.session_id, r.team_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, r.contacts_dialed, r.contacts_connected
              from reach r) x
     group by x.session_id, x.team_id
  ), tot as (
    insert into dialbridge.session_totals as t (session_id, team_id, calls, connections, decision_maker_conversations, gatekeeper_conversations, voicemails, no_answers, talk_time_seconds, call_duration_seconds, dispositioned_calls, callbacks_scheduled, qualified, nurture, disqualified, suppressed, other_dispositions, unmapped_dispositions, meetings, contacts_dialed, contacts_connected)
    select g.session_id, g.team_id, g.calls, g.connections, g.decision_maker_conversations, g.gatekeeper_conversations, g.voicemails, g.no_answers, g.talk_time_seconds, g.call_duration_seconds, g.dispositioned_calls, g.callbacks_scheduled, g.qualified, g.nurture, g.disqualified, g.suppressed, g.other_dispositions, g.unmapped_dispositions, g.meetings, g.contacts_dialed, g.contacts_connected
      from g g
     where (g.calls <> 0 or g.connections <> 0 or g.decision_maker_conversations <> 0 or g.gatekeeper_conversations <> 0 or g.voicemails <> 0 or g.no_answers <> 0 or g.talk_time_seconds <> 0 or g.call_duration_seconds <> 0 or g.dispositioned_calls <> 0 or g.callbacks_scheduled <> 0 or g.qualified <> 0 or g.nurture <> 0 or g.disqualified <> 0 or g.suppressed <> 0 or g.other_dispositions <> 0 or g.unmapped_dispositions <> 0 or g.meetings <> 0 or g.contacts_dialed <> 0 or g.contacts_connected <> 0)
     order by g.session_id, g.team_id
    on conflict (session_id, team_id) do update
       set calls = t.calls + excluded.calls,
           connections = t.connections + excluded.connections,
           decision_maker_conversations = t.decision_maker_conversations + excluded.decision_maker_conversations,
           gatekeeper_conversations = t.gatekeeper_conversations + excluded.gatekeeper_conversations,
           voicemails = t.voicemails + excluded.voicemails,
           no_answers = t.no_answers + excluded.no_answers,
           talk_time_seconds = t.talk_time_seconds + excluded.talk_time_seconds,
           call_duration_seconds = t.call_duration_seconds + excluded.call_duration_seconds,
           dispositioned_calls = t.dispositioned_calls + excluded.dispositioned_calls,
           callbacks_scheduled = t.callbacks_scheduled + excluded.callbacks_scheduled,
           qualified = t.qualified + excluded.qualified,
           nurture = t.nurture + excluded.nurture,
           disqualified = t.disqualified + excluded.disqualified,
           suppressed = t.suppressed + excluded.suppressed,
           other_dispositions = t.other_dispositions + excluded.other_dispositions,
           unmapped_dispositions = t.unmapped_dispositions + excluded.unmapped_dispositions,
           meetings = t.meetings + excluded.meetings,
           contacts_dialed = t.contacts_dialed + excluded.contacts_dialed,
           contacts_connected = t.contacts_connected + excluded.contacts_connected,
           updated_at = now()
    returning t.id, t.calls, t.connections, t.decision_maker_conversations, t.gatekeeper_conversations, t.voicemails, t.no_answers, t.talk_time_seconds, t.call_duration_seconds, t.dispositioned_calls, t.callbacks_scheduled, t.qualified, t.nurture, t.disqualified, t.suppressed, t.other_dispositions, t.unmapped_dispositions, t.meetings, t.contacts_dialed, t.contacts_connected
  )
  select coalesce((select pg_catalog.array_agg(up.id) from up where up.calls = 0 and up.connections = 0), '{}'),
         coalesce((select pg_catalog.array_agg(up.id) from tot up where up.calls = 0 and up.connections = 0 and up.decision_maker_conversations = 0 and up.gatekeeper_conversations = 0 and up.voicemails = 0 and up.no_answers = 0 and up.talk_time_seconds = 0 and up.call_duration_seconds = 0 and up.dispositioned_calls = 0 and up.callbacks_scheduled = 0 and up.qualified = 0 and up.nurture = 0 and up.disqualified = 0 and up.suppressed = 0 and up.other_dispositions = 0 and up.unmapped_dispositions = 0 and up.meetings = 0 and up.contacts_dialed = 0 and up.contacts_connected = 0), '{}')
    into v_zero, v_zero_totals;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.session_contact_stats s where s.id = any (v_zero);
  end if;
  if pg_catalog.cardinality(v_zero_totals) > 0 then
    delete from dialbridge.session_totals s where s.id = any (v_zero_totals);
  end if;

  -- Per segment: the contact's current segment columns (locked above)
  select pg_catalog.array_agg(row(d.team_id, d.day, s.dimension, s.value, d.disposition_code, d.label_key,
           d.sign * d.calls, d.sign * d.connections, d.sign * d.decision_maker_conversations, d.sign * d.gatekeeper_conversations, d.sign * d.voicemails, d.sign * d.no_answers, d.sign * d.talk_time_seconds, d.sign * d.call_duration_seconds, d.sign * d.dispositioned_calls, d.sign * d.callbacks_scheduled)::dialbridge.segment_delta)
    into v_segments
    from pg_catalog.unnest(v_deltas) d
    left join public.contacts c on c.id = d.contact_id
   cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s;
  perform dialbridge.upsert_segment_deltas(v_segments);

  -- Contacts whose calls changed are marked for rescoring (an update that changed nothing a report counts
  -- cancels out here and nothing is marked).
  select coalesce(pg_catalog.array_agg(distinct x.contact_id), '{}') into v_rescore
    from (select d.contact_id
            from pg_catalog.unnest(v_deltas) d
           where d.contact_id is not null and d.calls = 1
           group by d.contact_id, d.day, d.team_id, d.user_id, d.session_id, d.disposition_code, d.label_key,
                    d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled
          having sum(d.sign) <> 0) x;
  if pg_catalog.cardinality(v_rescore) > 0 then
    perform dialbridge.mark_contacts_for_scoring(v_rescore);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) IS 'Applies a change of contact_activities rows to every roll-up: the old rows'' contributions are
subtracted, the new rows'' added. Lock order, shared by every writer: the contacts involved (by id),
then rep_daily_stats, rep_day_totals, session_stats, session_contact_stats, session_totals,
segment_daily_stats (each in key order). Finally every contact whose calls changed is marked for
rescoring (dialbridge.mark_contacts_for_scoring: the contacts__score job recomputes it moments later, off
this path, since a score reads the contact''s whole history); the score is always derived from the calls.';

REVOKE ALL ON FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) FROM PUBLIC;
