CREATE FUNCTION dialbridge.apply_dispositions(p_activity_ids uuid[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_missing uuid;
  v_rounds integer;
  v_round integer;
  v_ids uuid[];
  v_all_ids uuid[];
  v_all_rounds integer[];
  v_steps dialbridge.disposition_step[];
  v_workflows dialbridge.disposition_step[];
  v_followed_up uuid[];
begin
  if p_activity_ids is null or pg_catalog.cardinality(p_activity_ids) = 0 then
    return;
  end if;
  select u.id into v_missing
    from unnest(p_activity_ids) u(id)
   where not exists (select 1 from public.contact_activities ca where ca.id = u.id)
   limit 1;
  if found then
    raise exception 'activity % not found', v_missing using errcode = 'DB037';
  end if;

  -- rounds: a contact's calls in the order given, one per round
  select coalesce(pg_catalog.array_agg(x.id order by x.round, x.id), '{}'),
         coalesce(pg_catalog.array_agg(x.round order by x.round, x.id), '{}')
    into v_all_ids, v_all_rounds
    from (select y.id, row_number() over (partition by y.contact_id order by y.ord)::integer as round
            from (select distinct on (u.id) u.id, u.ord, ca.contact_id
                    from unnest(p_activity_ids) with ordinality u(id, ord)
                    join public.contact_activities ca on ca.id = u.id
                   where ca.contact_id is not null and ca.deleted_at is null
                     and (ca.disposition_code is not null or ca.disposition_label is not null)
                   order by u.id, u.ord) y) x;
  v_rounds := coalesce((select max(r) from unnest(v_all_rounds) r), 0);

  for v_round in 1 .. v_rounds loop
    v_ids := array(select x.id from unnest(v_all_ids, v_all_rounds) x(id, round) where x.round = v_round);

    -- everything a call does to its contact is serialised on the contact row (id order: no deadlock)
    perform 1 from public.contacts ct
     where ct.id in (select ca.contact_id from public.contact_activities ca where ca.id = any (v_ids))
     order by ct.id
       for no key update;
    perform 1 from dialbridge.disposition_applications d where d.activity_id = any (v_ids) order by d.activity_id for update;

    -- what each call applies; calls already applied as they are drop out (a replay changes nothing)
    with pairs as (
      select distinct a.disposition_code, a.disposition_label
        from public.contact_activities a where a.id = any (v_ids)
    ), maps as materialized (
      select p.disposition_code, p.disposition_label, m.id as mapping_id, m.phoneburner_disposition_label
        from pairs p
        left join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m on true
    )
    select coalesce(pg_catalog.array_agg(row(
             a.id, a.contact_id, mp.mapping_id, d.activity_id is not null,
             coalesce(d.activity_id is not null and d.contact_id = a.contact_id and d.mapping_id = mp.mapping_id, false),
             d.mapping_id, d.task_id, d.workflow_run_id,
             x.set_at,
             coalesce(nullif(pg_catalog.btrim(a.disposition_label), ''), mp.phoneburner_disposition_label, a.disposition_code),
             coalesce(a.user_id, c.owner_id), coalesce(c.team_id, a.team_id),
             (select sc.phone_e164 from public.phoneburner_session_contacts sc
               where sc.session_id = a.phoneburner_session_id and sc.contact_id = c.id)
           )::dialbridge.disposition_step order by a.id), '{}')
      into v_steps
      from public.contact_activities a
      join public.contacts c on c.id = a.contact_id
      join maps mp on mp.disposition_code is not distinct from a.disposition_code
                  and mp.disposition_label is not distinct from a.disposition_label
      cross join lateral (select coalesce(a.disposition_set_at, a.call_ended_at, a.call_started_at, a.created_at) as set_at) x
      left join dialbridge.disposition_applications d on d.activity_id = a.id
     where a.id = any (v_ids)
       and not (d.activity_id is not null
                and d.contact_id = a.contact_id
                and d.disposition_code is not distinct from a.disposition_code
                and d.disposition_label is not distinct from a.disposition_label
                and d.disposition_set_at = x.set_at
                and d.notes_md5 is not distinct from pg_catalog.md5(a.disposition_notes)
                and d.callback_at is not distinct from a.callback_scheduled_date
                and (d.mapping_id is not null or mp.mapping_id is null));
    continue when pg_catalog.cardinality(v_steps) = 0;

    -- a different disposition (or the call moved to another contact): undo what the previous one did that
    -- can be undone. Suppressions are never lifted by a disposition.
    update public.tasks t
       set status = 'cancelled',
           notes = pg_catalog.concat_ws(E'\n\n', t.notes,
                     pg_catalog.format('Cancelled: the call''s disposition changed to "%s".', s.label))
      from unnest(v_steps) s
     where s.has_prev and not s.same_mapping and s.prev_mapping_id is not null
       and t.id = s.prev_task_id and t.status = 'open';
    update public.workflow_runs w
       set status = 'cancelled',
           result = pg_catalog.jsonb_build_object('cancelled_because', 'the call''s disposition changed')
      from unnest(v_steps) s
     where s.has_prev and not s.same_mapping and s.prev_mapping_id is not null
       and w.id = s.prev_run_id and w.status = 'queued';

    -- suppression first: a do-not-call stops the call tasks and call next actions below
    insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source,
                                     source_activity_id, set_by_user_id, created_at)
    select c.id, coalesce(s.dialed, dialbridge.contact_phone_key(c)), s.team_id, 'legal',
           coalesce(m.suppress_reason, 'user_requested'), 'disposition', a.id, a.user_id, s.set_at
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
      join public.contacts c on c.id = s.contact_id
     where m.suppress_contact and m.mark_do_not_call
     order by c.id
    on conflict (source_activity_id, suppression_type) where source_activity_id is not null do nothing;
    update public.suppressions sp
       set expires_at = s.set_at + pg_catalog.make_interval(hours => 24 * m.suppress_duration_days)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
     where m.suppress_contact and not m.mark_do_not_call
       and sp.source_activity_id = s.activity_id and sp.suppression_type = 'internal'
       and sp.lifted_at is null
       and sp.expires_at < s.set_at + pg_catalog.make_interval(hours => 24 * m.suppress_duration_days);
    insert into public.suppressions (contact_id, team_id, suppression_type, reason, source,
                                     source_activity_id, set_by_user_id, created_at, expires_at)
    select s.contact_id, s.team_id, 'internal',
           coalesce(m.suppress_reason, pg_catalog.lower(m.phoneburner_disposition_code)), 'disposition',
           a.id, a.user_id, s.set_at, s.set_at + pg_catalog.make_interval(hours => 24 * m.suppress_duration_days)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
     where m.suppress_contact and not m.mark_do_not_call
       and not exists (select 1 from public.suppressions sp
                        where sp.source_activity_id = s.activity_id and sp.suppression_type = 'internal')
     order by s.contact_id;

    -- the number called is known bad (unless the contact's number has changed since)
    update public.contacts ct
       set phone_number_invalid = true,
           phone_number_invalid_reason = pg_catalog.lower(m.phoneburner_disposition_code)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
     where ct.id = s.contact_id
       and m.mark_phone_invalid and not ct.phone_number_invalid
       and (s.dialed is null or s.dialed is not distinct from dialbridge.contact_phone_key(ct));

    -- the task: the same mapping again updates its open task; a call task is not needed when the call has
    -- an open callback task (the callback is the follow-up); else a new one (on a do-not-call contact it is
    -- recorded as cancelled)
    -- calls whose new call task an open callback task makes unnecessary (asked once, after the suppressions)
    v_followed_up := array(
      select s.activity_id
        from unnest(v_steps) s
        join public.disposition_mappings m on m.id = s.mapping_id
        join public.contact_activities a on a.id = s.activity_id
       where m.create_task and m.task_type = 'call' and not (s.same_mapping and s.prev_task_id is not null)
         and dialbridge.call_has_open_callback_task(s.contact_id, a.id, a.phoneburner_call_id));
    update public.tasks t
       set due_at = case when m.task_type = 'call' and a.callback_scheduled_date is not null then a.callback_scheduled_date
                         else s.set_at + pg_catalog.make_interval(hours => 24 * m.task_due_offset_days) end,
           notes = a.disposition_notes, assigned_to_user_id = s.rep_id,
           title = dialbridge.task_title(m.task_type, c, s.label)
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
      join public.contacts c on c.id = s.contact_id
     where m.create_task and s.same_mapping and s.prev_task_id is not null
       and t.id = s.prev_task_id and t.status = 'open';
    insert into public.tasks (contact_id, team_id, assigned_to_user_id, source_activity_id, source, task_type,
                              title, notes, due_at, priority, status)
    select c.id, s.team_id, s.rep_id, a.id, 'disposition', m.task_type,
           dialbridge.task_title(m.task_type, c, s.label),
           case when m.task_type = 'call' and c.do_not_call
                then pg_catalog.concat_ws(E'\n\n', a.disposition_notes, 'Not scheduled: the contact is on the do-not-call list.')
                else a.disposition_notes end,
           case when m.task_type = 'call' and a.callback_scheduled_date is not null then a.callback_scheduled_date
                else s.set_at + pg_catalog.make_interval(hours => 24 * m.task_due_offset_days) end,
           coalesce(m.task_priority, 'medium'),
           case when m.task_type = 'call' and c.do_not_call then 'cancelled' else 'open' end
      from unnest(v_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
      join public.contact_activities a on a.id = s.activity_id
      join public.contacts c on c.id = s.contact_id
     where m.create_task and not (s.same_mapping and s.prev_task_id is not null)
       and not (s.activity_id = any (v_followed_up))
     order by c.id
    on conflict (source_activity_id, source) where source_activity_id is not null and status <> 'cancelled'
    do nothing;

    -- the workflow, queued once per call (the same mapping again keeps its run)
    v_workflows := array(
      select s from unnest(v_steps) s join public.disposition_mappings m on m.id = s.mapping_id
       where m.trigger_workflow and not (s.same_mapping and s.prev_run_id is not null)
       order by s.activity_id);
    if pg_catalog.cardinality(v_workflows) > 0 then
      perform dialbridge.queue_workflow_runs(v_workflows);
    end if;

    -- status and stage: the contact's newest disposition wins, do-not-call keeps its status; next action:
    -- the newest disposition or callback wins, a callback date on the call wins over the offset. The claims
    -- (dialbridge.contact_marks, see claim_contact_mark) first, then both in one update of the contact.
    with claims as (
      insert into dialbridge.contact_marks as cm (contact_id, kind, activity_id, marked_at)
      select s.contact_id, k.kind, s.activity_id, s.set_at
        from unnest(v_steps) s
        join public.disposition_mappings m on m.id = s.mapping_id
       cross join lateral (values ('status'), ('next_action')) k(kind)
       where k.kind = 'next_action' or m.sourceco_contact_status is not null or m.sourceco_contact_stage is not null
       order by s.contact_id, k.kind
      on conflict (contact_id, kind) do update
         set activity_id = excluded.activity_id, marked_at = excluded.marked_at
       where cm.activity_id = excluded.activity_id
          or (cm.marked_at, cm.activity_id) < (excluded.marked_at, excluded.activity_id)
      returning cm.contact_id, cm.kind
    ), decided as (
      select s.contact_id, m.id as mapping_id, a.callback_scheduled_date, a.disposition_notes, s.set_at, s.label, s.rep_id,
             exists (select 1 from claims k where k.contact_id = s.contact_id and k.kind = 'status')
               and (not c.do_not_call or m.mark_do_not_call) as set_status,
             exists (select 1 from claims k where k.contact_id = s.contact_id and k.kind = 'next_action') as set_next,
             m.next_action_type is null or (m.next_action_type = 'call' and c.do_not_call) as clear_next
        from unnest(v_steps) s
        join public.disposition_mappings m on m.id = s.mapping_id
        join public.contact_activities a on a.id = s.activity_id
        join public.contacts c on c.id = s.contact_id
    )
    update public.contacts ct
       set contact_status = case when d.set_status then coalesce(m.sourceco_contact_status, ct.contact_status)
                                 else ct.contact_status end,
           contact_stage = case when d.set_status then coalesce(m.sourceco_contact_stage, ct.contact_stage)
                                else ct.contact_stage end,
           next_action_type = case when not d.set_next then ct.next_action_type when d.clear_next then null
                                   else m.next_action_type end,
           next_action_date = case when not d.set_next then ct.next_action_date when d.clear_next then null
                                   else coalesce(dialbridge.local_date(d.callback_scheduled_date, ct.timezone),
                                                 dialbridge.local_date(d.set_at, ct.timezone) + m.next_action_offset_days) end,
           next_action_notes = case when not d.set_next then ct.next_action_notes when d.clear_next then null
                                    else pg_catalog.concat_ws(': ', d.label, nullif(pg_catalog.btrim(d.disposition_notes), '')) end,
           next_action_assigned_to_user_id = case when not d.set_next then ct.next_action_assigned_to_user_id
                                                  when d.clear_next then null else d.rep_id end
      from decided d
      join public.disposition_mappings m on m.id = d.mapping_id
     where ct.id = d.contact_id and (d.set_status or d.set_next);

    -- what was applied: makes the next application of the same call a no-op or an adjustment
    insert into dialbridge.disposition_applications as d
      (activity_id, contact_id, mapping_id, disposition_code, disposition_label, disposition_set_at, notes_md5,
       callback_at, task_id, workflow_run_id, applied_at)
    select a.id, a.contact_id, s.mapping_id, a.disposition_code, a.disposition_label, s.set_at,
           pg_catalog.md5(a.disposition_notes), a.callback_scheduled_date,
           case when m.id is null or not m.create_task then null
                when s.same_mapping and s.prev_task_id is not null then s.prev_task_id
                when s.activity_id = any (v_followed_up) then null
                else (select t.id from public.tasks t
                       where t.source_activity_id = a.id and t.source = 'disposition' and t.status <> 'cancelled') end,
           case when m.id is null or not m.trigger_workflow then null
                when s.same_mapping and s.prev_run_id is not null then s.prev_run_id
                else (select w.id from public.workflow_runs w
                       where w.source_activity_id = a.id and w.workflow_name = m.workflow_name) end,
           now()
      from unnest(v_steps) s
      join public.contact_activities a on a.id = s.activity_id
      left join public.disposition_mappings m on m.id = s.mapping_id
     order by a.id
    on conflict (activity_id) do update
       set contact_id = excluded.contact_id, mapping_id = excluded.mapping_id,
           disposition_code = excluded.disposition_code, disposition_label = excluded.disposition_label,
           disposition_set_at = excluded.disposition_set_at, notes_md5 = excluded.notes_md5,
           callback_at = excluded.callback_at, task_id = excluded.task_id, workflow_run_id = excluded.workflow_run_id,
           applied_at = excluded.applied_at;
  end loop;
end
$$;

COMMENT ON FUNCTION dialbridge.apply_dispositions(p_activity_ids uuid[]) IS 'Applies the dispositions of the given calls (contact_activities ids) to their contacts through the
matching disposition mappings: the rules of the header of 20261121002120_disposition_engine.sql, set-based
(see the header of this migration). Calls that are unmatched, deleted or without a disposition are left
alone; a call already applied as it is changes nothing. Raises DB037 for an id that is not an activity.
Event times come from the activities, never now(), so a replay produces the same rows.';

REVOKE ALL ON FUNCTION dialbridge.apply_dispositions(p_activity_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_dispositions(p_activity_ids uuid[]) TO service_role;
