CREATE FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_deltas dialbridge.activity_delta[];
  v_contacts uuid[];
  v_rescore uuid[];
  v_rows dialbridge.rollup_contribution[];
  v_reach dialbridge.rollup_contribution[];
  v_zero bigint[];
begin
  v_deltas := dialbridge.activity_deltas(p_old, p_new);
  if v_deltas is null then
    return;  -- no call or callback among the rows
  end if;

  -- Contacts first, in id order: their segment columns are read below and their score written last.
  select coalesce(pg_catalog.array_agg(distinct d.contact_id order by d.contact_id), '{}') into v_contacts
    from pg_catalog.unnest(v_deltas) d where d.contact_id is not null;
  perform 1 from public.contacts c where c.id = any (v_contacts) order by c.id for no key update;

  -- The contributions: each call's, classified (for the totals), and for each of its contact's current
  -- segment dimensions
  select coalesce(pg_catalog.array_agg(x.c), '{}') into v_rows
    from (select row(k.kind, d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, null, null, d.disposition_code,
                     d.label_key, d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations,
                     d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls,
                     d.callbacks_scheduled, d.outcome_group, d.is_meeting, 0, 0)::dialbridge.rollup_contribution as c
            from pg_catalog.unnest(v_deltas) d cross join (values ('call'), ('classified')) as k(kind)
          union all
          select row('segment', d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, s.dimension, s.value,
                     d.disposition_code, d.label_key, d.calls, d.connections, d.decision_maker_conversations,
                     d.gatekeeper_conversations, d.voicemails, d.no_answers, d.talk_time_seconds, d.call_duration_seconds,
                     d.dispositioned_calls, d.callbacks_scheduled, d.outcome_group, d.is_meeting, 0, 0)::dialbridge.rollup_contribution
            from pg_catalog.unnest(v_deltas) d
            left join public.contacts c on c.id = d.contact_id
           cross join lateral dialbridge.contact_segment_values(c.contact_type, c.list_source, c.industry, c.state, c.country) s) x;

  -- In the lock order every writer shares (dialbridge.rollups())
  perform dialbridge.add_to_rep_daily_stats(v_rows);
  perform dialbridge.add_to_rep_day_totals(v_rows);
  perform dialbridge.add_to_session_stats(v_rows);

  -- Per session and contact, with the reach it changes: a contact counts in its session's contacts dialed
  -- (connected) when its calls (connections) there go from 0 to more, and stops when they fall back to 0.
  -- old = new − delta, since the upsert added the delta.
  with sc as (
    select r.session_id, r.team_id, r.contact_id, sum(r.w * r.calls)::integer as calls, sum(r.w * r.connections)::integer as connections
      from pg_catalog.unnest(v_rows) r
     where r.kind = 'call' and r.session_id is not null and r.contact_id is not null and r.calls = 1
     group by r.session_id, r.team_id, r.contact_id
    having sum(r.w * r.calls) <> 0 or sum(r.w * r.connections) <> 0
  ), up as (
    insert into dialbridge.session_contact_stats as t (session_id, team_id, contact_id, calls, connections)
    select sc.session_id, sc.team_id, sc.contact_id, sc.calls, sc.connections
      from sc
     order by sc.session_id, sc.team_id, sc.contact_id
    on conflict (session_id, team_id, contact_id) do update
       set calls = t.calls + excluded.calls, connections = t.connections + excluded.connections, updated_at = now()
    returning t.id, t.session_id, t.team_id, t.contact_id, t.calls, t.connections
  ), moved as (
    select up.id, up.session_id, up.team_id, up.contact_id, up.calls, up.connections,
           (up.calls > 0)::integer - ((up.calls - sc.calls) > 0)::integer as dialed,
           (up.connections > 0)::integer - ((up.connections - sc.connections) > 0)::integer as connected
      from up
      join sc on sc.session_id = up.session_id and sc.team_id is not distinct from up.team_id and sc.contact_id = up.contact_id
  )
  select coalesce(pg_catalog.array_agg(m.id) filter (where m.calls = 0 and m.connections = 0), '{}'),
         coalesce(pg_catalog.array_agg(row('reach', 1, null, m.team_id, null, m.session_id, m.contact_id, null, null, null, null,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, false, m.dialed, m.connected)::dialbridge.rollup_contribution)
                  filter (where m.dialed <> 0 or m.connected <> 0), '{}')
    into v_zero, v_reach
    from moved m;
  if pg_catalog.cardinality(v_zero) > 0 then
    delete from dialbridge.session_contact_stats s where s.id = any (v_zero);
  end if;

  perform dialbridge.add_to_session_totals(v_rows || v_reach);
  perform dialbridge.add_to_segment_daily_stats(v_rows);

  -- Contacts whose calls changed are marked for rescoring (an update that changed nothing a report counts
  -- cancels out here and nothing is marked).
  select coalesce(pg_catalog.array_agg(distinct x.contact_id), '{}') into v_rescore
    from (select d.contact_id
            from pg_catalog.unnest(v_deltas) d
           where d.contact_id is not null and d.calls = 1
           group by d.contact_id, d.day, d.team_id, d.user_id, d.session_id, d.disposition_code, d.label_key,
                    d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails, d.no_answers,
                    d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled
          having sum(d.sign) <> 0) x;
  if pg_catalog.cardinality(v_rescore) > 0 then
    perform dialbridge.mark_contacts_for_scoring(v_rescore);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) IS 'Applies a change of contact_activities rows to every roll-up: the old rows'' contributions are
subtracted, the new rows'' added (the generated dialbridge.add_to_<roll-up> writers; a session''s reach by
its own rule). Lock
order, shared by every writer: the contacts involved (by id), then the roll-ups in dialbridge.rollups()
order (each in key order). Finally every contact whose calls changed is marked for rescoring
(dialbridge.mark_contacts_for_scoring: the contacts__score job recomputes it moments later, off this path,
since a score reads the contact''s whole history); the score is always derived from the calls.';

REVOKE ALL ON FUNCTION dialbridge.apply_activity_changes(p_old public.contact_activities[], p_new public.contact_activities[]) FROM PUBLIC;
