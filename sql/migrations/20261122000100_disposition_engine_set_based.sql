-- migrate:up
-- The disposition engine, set-based (issue 3, "≥ 2,000 events processed per second"): a batch's
-- dispositions are applied by one call of dialbridge.apply_dispositions(activity ids) instead of one
-- dialbridge.apply_disposition per call. Same rules, one implementation: apply_disposition(id) is now
-- apply_dispositions(array[id]) (the link RPC and reapply_dispositions use it), and the projection collects
-- a batch's new or changed dispositions and applies them at once, then its callbacks.
--
-- How it stays equal to applying the calls one after another: the calls are taken in rounds, a round
-- holding at most one call per contact (a contact's calls in the order given, one per round). Within a
-- round no two calls share a contact, and everything a disposition writes belongs to its contact (its
-- tasks, suppressions, marks, the contact row) or to its call (the application record, the workflow run),
-- so each step of apply_disposition runs as one statement over the round, in apply_disposition's order:
-- lock the contacts (id order) → read mapping and previous application → undo a replaced disposition →
-- suppressions → phone invalid → task → workflow (one add_jobs) → status / next action claims → the
-- contact update → the application record. Tests compare it with one-at-a-time application
-- (test/sql/317-a-batch-of-dispositions-applies-as-one-at-a-time.sql).

/** One call's disposition being applied: what apply_dispositions decides once and reads in every step. */
do $$
begin
  if pg_catalog.to_regtype('dialbridge.disposition_step') is null then
    create type dialbridge.disposition_step as (
      activity_id uuid,
      contact_id uuid,
      mapping_id uuid,
      has_prev boolean,
      same_mapping boolean,
      prev_mapping_id uuid,
      prev_task_id uuid,
      prev_run_id uuid,
      set_at timestamptz,
      label text,
      rep_id uuid,
      team_id uuid,
      dialed text);
  end if;
end
$$;

/**
 * Queues the workflows of a round of dispositions (see dialbridge.queue_workflow_run, which it replaces in
 * the engine): a workflow_runs row per (call, workflow) unless one is queued, recorded or delivered (a
 * cancelled one is queued again), and one graphile_worker.add_jobs call for the runs queued now.
 * security definer: graphile_worker.
 */
create or replace function dialbridge.queue_workflow_runs(p_steps dialbridge.disposition_step[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_specs graphile_worker.job_spec[];
begin
  with queued as (
    insert into public.workflow_runs as w (team_id, contact_id, source_activity_id, workflow_name, workflow_config,
                                           requested_by_user_id, requested_at, status, job_key)
    select s.team_id, s.contact_id, s.activity_id, m.workflow_name, coalesce(m.workflow_config, '{}'::jsonb),
           s.rep_id, s.set_at, 'queued', 'contacts__run_disposition_workflow:' || s.activity_id
      from unnest(p_steps) s
      join public.disposition_mappings m on m.id = s.mapping_id
     order by s.activity_id
    on conflict (source_activity_id, workflow_name) do update
       set status = 'queued', workflow_config = excluded.workflow_config, requested_at = excluded.requested_at,
           requested_by_user_id = excluded.requested_by_user_id, processed_at = null, result = null, error = null
     where w.status = 'cancelled'
    returning w.*
  )
  select coalesce(pg_catalog.array_agg(row(
           'contacts__run_disposition_workflow',
           pg_catalog.json_build_object('run_id', q.id, 'workflow_name', q.workflow_name,
                                        'workflow_config', q.workflow_config, 'contact_id', q.contact_id,
                                        'activity_id', q.source_activity_id),
           null, null, 10, q.job_key, null, null)::graphile_worker.job_spec order by q.source_activity_id), '{}')
    into v_specs
    from queued q;
  if pg_catalog.cardinality(v_specs) > 0 then
    perform graphile_worker.add_jobs(v_specs, false);
  end if;
end
$$;

/**
 * Applies the dispositions of the given calls (contact_activities ids) to their contacts through the
 * matching disposition mappings: the rules of the header of 20261121002120_disposition_engine.sql, set-based
 * (see the header of this migration). Calls that are unmatched, deleted or without a disposition are left
 * alone; a call already applied as it is changes nothing. Raises DB037 for an id that is not an activity.
 * Event times come from the activities, never now(), so a replay produces the same rows.
 */
create or replace function dialbridge.apply_dispositions(p_activity_ids uuid[]) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
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

/** One call's disposition: dialbridge.apply_dispositions of that call (kept for the link RPC and callers). */
create or replace function dialbridge.apply_disposition(p_activity_id uuid) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform dialbridge.apply_dispositions(array[p_activity_id]);
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- normalising and projecting: fewer queries per event
-- ---------------------------------------------------------------------------------------------------
/**
 * A sender's time as timestamptz: ISO 8601 with a zone or epoch numbers, and zone-less
 * 'YYYY-MM-DD[ HH:MM[:SS]]' read in p_zone (the account's zone, or a callback's own timezone); null when
 * it is not a valid time (dialbridge.phoneburner_timestamptz): a bad field never costs the event.
 * Stable, not immutable (its text → timestamptz cast is stable): so it is inlined into the normaliser's
 * expressions instead of run as a query per field.
 */
create or replace function dialbridge.phoneburner_event_time(p_value jsonb, p_zone text) returns timestamptz
language sql stable parallel safe security invoker
as $$
  select case
    -- fast path: ISO 8601 with an explicit zone and a day every month has (the seed contract's form)
    when pg_catalog.jsonb_typeof(p_value) = 'string'
         and (p_value #>> '{}') ~ '^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-4]):[0-5]\d)$'
      then (p_value #>> '{}')::timestamptz
    when pg_catalog.jsonb_typeof(p_value) in ('string', 'number')
      then dialbridge.phoneburner_timestamptz(p_value, p_zone)
  end
$$;

/**
 * The contact_activities rows the stored events of the given calls add up to (a call row, and a
 * callback_scheduled row when a callback was scheduled): a pure function of those events, the contacts,
 * sessions, profiles and disposition mappings. Rows keep a manual link (link_unmatched_activity).
 */
create or replace function dialbridge.phoneburner_call_activity_rows(p_keys text[])
returns table (
  dedupe_key text, contact_id uuid, matching_status text, user_id uuid, phoneburner_session_id uuid, team_id uuid,
  activity_type text, call_started_at timestamptz, call_connected_at timestamptz, call_ended_at timestamptz,
  ring_duration_seconds integer, call_duration_seconds integer, talk_time_seconds integer, call_outcome text,
  answered_by text, disposition_code text, disposition_label text, disposition_notes text,
  disposition_set_at timestamptz, callback_scheduled_date timestamptz, recording_url text,
  recording_duration_seconds integer, user_name text, user_email text, phoneburner_call_id text,
  phoneburner_contact_id text, phoneburner_event_id text, details jsonb)
language plpgsql stable security invoker set search_path = ''
as $$
#variable_conflict use_column
begin
  -- plpgsql (not sql) so that find_disposition_mapping, created by a later migration, binds at run time
  return query
  with f as (
    select e.* from dialbridge.phoneburner_call_events e where e.call_key = any (p_keys)
  ), agg as (
    select f.call_key,
           bool_or(f.kind = 'call') as has_call,
           max(f.call_id) as call_id,
           min(f.started_at) as started_at,
           min(f.connected_at) as connected_at,
           max(f.ended_at) as ended_at,
           max(f.ring_seconds) as ring_seconds,
           max(f.total_seconds) as total_seconds,
           max(f.talk_seconds) as talk_seconds,
           bool_or(f.connected) as connected_flag,
           (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1] as outcome,
           (array_agg(f.answered_by order by f.event_at desc, f.event_id desc) filter (where f.answered_by is not null))[1] as answered_by,
           (array_agg(f.recording_url order by f.event_at desc, f.event_id desc) filter (where f.recording_url is not null))[1] as recording_url,
           max(f.recording_seconds) as recording_seconds,
           min(f.event_at) filter (where f.kind = 'call') as first_call_event_at,
           (array_agg(f.event_id order by f.event_at, f.event_id) filter (where f.kind = 'call'))[1] as first_call_event_id,
           (array_agg(f.event_id order by f.event_at, f.event_id) filter (where f.callback_at is not null))[1] as first_callback_event_id,
           (array_agg(f.phoneburner_contact_id order by f.event_at, f.event_id) filter (where f.phoneburner_contact_id is not null))[1] as pb_contact_id,
           (array_agg(f.phoneburner_session_id order by f.event_at, f.event_id) filter (where f.phoneburner_session_id is not null))[1] as pb_session_id,
           (array_agg(f.extra ->> 'direction' order by f.event_at, f.event_id) filter (where f.extra ? 'direction'))[1] as direction,
           (array_agg(f.extra ->> 'disconnect_reason' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'disconnect_reason'))[1] as disconnect_reason,
           (array_agg(f.extra ->> 'outcome_sent' order by f.event_at desc, f.event_id desc) filter (where f.extra ? 'outcome_sent'))[1] as outcome_sent,
           array_agg(f.sourceco_contact_id order by f.event_at, f.event_id) filter (where f.sourceco_contact_id is not null) as sourceco_ids,
           array_agg(f.phoneburner_contact_id order by f.event_at, f.event_id) filter (where f.phoneburner_contact_id is not null) as pb_ids,
           array_agg(f.event_id order by f.event_id) filter (where f.kind = 'call') as call_event_ids
      from f
     group by f.call_key
  ), phones as (
    select f.call_key, array_agg(distinct p.phone order by p.phone) as phones
      from f cross join unnest(f.phone_e164) as p(phone)
     group by f.call_key
  ), rep as (
    select distinct on (f.call_key) f.call_key, f.phoneburner_user_id, f.user_name, f.user_email
      from f
     where f.kind = 'call' and coalesce(f.phoneburner_user_id, f.user_name, f.user_email) is not null
     order by f.call_key,
              case when f.event_type in ('call.started', 'api_callbegin', 'api_calldone', 'softphone_call_done') then 0
                   when f.event_type = 'disposition.set' then 1 else 2 end,
              f.event_at, f.event_id
  ), disp as (
    select distinct on (f.call_key) f.call_key, f.disposition_code, f.disposition_label, f.disposition_category,
           f.disposition_notes, f.disposition_at
      from f
     where f.kind = 'call' and coalesce(f.disposition_code, f.disposition_label) is not null
     order by f.call_key, f.disposition_at desc nulls last, f.event_at desc, f.event_id desc
  ), disp_maps as materialized (
    -- the mapping of each distinct disposition once (a batch has a handful), not once per call
    select p.disposition_code, p.disposition_label, m.phoneburner_disposition_code, m.phoneburner_disposition_label,
           m.category, m.is_connected_outcome
      from (select distinct x.disposition_code, x.disposition_label from disp x) p
      cross join lateral dialbridge.find_disposition_mapping(p.disposition_code, p.disposition_label) m
  ), cb as (
    select distinct on (f.call_key) f.call_key, f.callback_at, f.callback_notes,
           coalesce(f.callback_details, '{}'::jsonb)
             || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('notes', f.callback_notes, 'event_at', f.event_at))
             as callback_details,
           f.phoneburner_user_id, f.user_name, f.user_email
      from f
     where f.callback_at is not null
     order by f.call_key, f.event_at desc, f.event_id desc
  ), base as (
    select a.*, ph.phones,
           r.user_name as rep_name, r.user_email as rep_email,
           d.disposition_code as code_sent, d.disposition_label as label_sent, d.disposition_category as category_sent,
           d.disposition_notes, d.disposition_at,
           m.phoneburner_disposition_code as mapped_code, m.phoneburner_disposition_label as mapped_label,
           m.category as mapped_category, m.is_connected_outcome as mapped_connected,
           s.id as session_id, s.team_id as session_team_id,
           p.id as rep_id, p.team_id as rep_team_id, p.display_name as rep_display_name, p.email as rep_profile_email,
           cb.callback_at, cb.callback_notes, cb.callback_details, cb.user_name as cb_name, cb.user_email as cb_email,
           cbp.id as cb_rep_id, cbp.display_name as cb_display_name, cbp.email as cb_profile_email,
           ml.contact_id as linked_contact_id, ml.team_id as linked_team_id
      from agg a
      left join phones ph on ph.call_key = a.call_key
      left join rep r on r.call_key = a.call_key
      left join disp d on d.call_key = a.call_key
      left join disp_maps m on m.disposition_code is not distinct from d.disposition_code
                           and m.disposition_label is not distinct from d.disposition_label
      left join public.phoneburner_sessions s on s.phoneburner_session_id = a.pb_session_id
      left join public.profiles p on p.phoneburner_user_id = r.phoneburner_user_id
      left join cb on cb.call_key = a.call_key
      left join public.profiles cbp on cbp.phoneburner_user_id = cb.phoneburner_user_id
      left join lateral (
        select x.contact_id, x.team_id
          from public.contact_activities x
         where x.dedupe_key in (a.call_key, dialbridge.phoneburner_callback_key(a.call_key))
           and x.matching_status = 'manually_linked'
         order by x.dedupe_key
         limit 1) ml on true
  ), resolved as materialized (
    select b.*,
           coalesce(b.linked_contact_id,
                    dialbridge.resolve_phoneburner_contact(b.sourceco_ids, b.pb_ids, b.phones, b.session_id)) as resolved_contact_id
      from base b
  ), derived as materialized (
    select r.*, c.team_id as contact_team_id,
           dialbridge.phoneburner_call_outcome(r.outcome, r.answered_by, r.connected_flag, r.connected_at, r.talk_seconds,
             r.mapped_code, r.mapped_connected, r.label_sent) as outcome_final,
           coalesce(r.started_at,
                    least(r.connected_at - pg_catalog.make_interval(secs => r.ring_seconds),
                          r.ended_at - pg_catalog.make_interval(secs => r.total_seconds)),
                    r.first_call_event_at) as started_final
      from resolved r
      left join public.contacts c on c.id = r.resolved_contact_id
  ), result_rows as (
    select
      d.call_key as dedupe_key,
      d.resolved_contact_id as contact_id,
      case when d.linked_contact_id is not null then 'manually_linked'
           when d.resolved_contact_id is not null then 'matched' else 'unmatched' end as matching_status,
      case when d.linked_contact_id is not null then d.linked_team_id
           else coalesce(d.contact_team_id, d.rep_team_id, d.session_team_id) end as team_id,
      d.*
    from derived d
  )
  -- the call
  select r.dedupe_key, r.contact_id, r.matching_status, r.rep_id, r.session_id, r.team_id,
         case when coalesce(r.code_sent, r.label_sent) is not null then 'disposition_set'
              when r.ended_at is not null or r.outcome is not null or r.total_seconds is not null
                   or r.connected_flag is not null then 'call_completed'
              when r.outcome_final in ('connected', 'voicemail') or r.connected_at is not null then 'call_connected'
              else 'call_attempt' end,
         r.started_final, r.connected_at, r.ended_at, r.ring_seconds,
         coalesce(r.total_seconds,
                  case when r.started_at is not null and r.ended_at >= r.started_at
                       then pg_catalog.round(extract(epoch from r.ended_at - r.started_at))::integer end),
         coalesce(r.talk_seconds,
                  case when r.outcome_final = 'connected' then
                    coalesce(case when r.connected_at is not null and r.ended_at >= r.connected_at
                                  then pg_catalog.round(extract(epoch from r.ended_at - r.connected_at))::integer end,
                             r.total_seconds) end),
         r.outcome_final,
         coalesce(r.answered_by,
                  dialbridge.phoneburner_inferred_answered_by(r.outcome_final, r.mapped_code, r.mapped_category, r.mapped_connected)),
         coalesce(r.mapped_code, r.code_sent),
         coalesce(r.label_sent, r.mapped_label),
         r.disposition_notes,
         case when coalesce(r.code_sent, r.label_sent) is not null then r.disposition_at end,
         r.callback_at,
         r.recording_url, r.recording_seconds,
         coalesce(r.rep_name, r.rep_display_name), coalesce(r.rep_email, r.rep_profile_email),
         r.call_id, r.pb_contact_id, r.first_call_event_id,
         pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'direction', r.direction,
           'outcome_sent', coalesce(r.outcome, r.outcome_sent),
           'disconnect_reason', r.disconnect_reason,
           'connected_flag', r.connected_flag,
           'answered_by_inferred', case when r.answered_by is null and r.outcome_final in ('connected', 'voicemail') then true end,
           'disposition_code_sent', case when r.code_sent is distinct from r.mapped_code then r.code_sent end,
           'disposition_category', r.category_sent,
           'disposition_unmapped', case when coalesce(r.code_sent, r.label_sent) is not null and r.mapped_code is null then true end,
           'event_ids', pg_catalog.to_jsonb(r.call_event_ids)))
    from result_rows r
   where r.has_call
  union all
  -- the callback scheduled on it
  select dialbridge.phoneburner_callback_key(r.dedupe_key), r.contact_id, r.matching_status,
         coalesce(r.cb_rep_id, r.rep_id), r.session_id, r.team_id, 'callback_scheduled',
         null, null, null, null, null, null, null, null, null, null,
         r.callback_notes, null, r.callback_at, null, null,
         coalesce(r.cb_name, r.cb_display_name, r.rep_name, r.rep_display_name),
         coalesce(r.cb_email, r.cb_profile_email, r.rep_email, r.rep_profile_email),
         r.call_id, r.pb_contact_id, r.first_callback_event_id,
         coalesce(r.callback_details, '{}'::jsonb)
    from result_rows r
   where r.callback_at is not null;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- the projection: a batch's dispositions at once
-- ---------------------------------------------------------------------------------------------------
/**
 * Projects the given calls: upserts their rows (only what changed is written: the statistics triggers
 * then move exactly the difference), deletes rows whose events moved to another call, creates unknown
 * dial sessions, and applies the effects of what changed: dialbridge.apply_dispositions, once for the batch (a matched call
 * whose disposition is new or changed — code, label, notes, time, callback date — or that just got its
 * contact), then dialbridge.apply_callback (a matched callback row that is new or changed). Those functions belong to the disposition engine; if
 * they are missing this raises (the events retry), it never skips them.
 */
create or replace function dialbridge.project_phoneburner_calls(p_keys text[]) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:call:%' order by 1);
  v_row record;
  v_changed integer := 0;
  v_key text;
  v_gone text[] := '{}';
  v_deleted integer;
  v_dispositions uuid[] := '{}';
  v_callbacks uuid[] := '{}';
  v_id uuid;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;

  -- dial sessions named by the calls: created when unknown (team and creator from the rep)
  insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id)
  select distinct on (e.phoneburner_session_id) e.phoneburner_session_id,
         coalesce(e.session_name, 'PhoneBurner session ' || e.phoneburner_session_id), p.team_id, p.id
    from dialbridge.phoneburner_call_events e
    left join public.profiles p on p.phoneburner_user_id = e.phoneburner_user_id
   where e.call_key = any (v_keys) and e.phoneburner_session_id is not null
     and not exists (select 1 from public.phoneburner_sessions x where x.phoneburner_session_id = e.phoneburner_session_id)
   order by e.phoneburner_session_id, e.session_name is null, p.id is null, e.event_at, e.event_id
  on conflict (phoneburner_session_id) do nothing;
  -- a session created before its name was known gets the name
  update public.phoneburner_sessions s
     set session_name = n.session_name
    from (select distinct on (e.phoneburner_session_id) e.phoneburner_session_id, e.session_name
            from dialbridge.phoneburner_call_events e
           where e.call_key = any (v_keys) and e.phoneburner_session_id is not null and e.session_name is not null
           order by e.phoneburner_session_id, e.event_at, e.event_id) n
   where s.phoneburner_session_id = n.phoneburner_session_id
     and s.session_name = 'PhoneBurner session ' || s.phoneburner_session_id;

  for v_row in
    with desired as (
      select * from dialbridge.phoneburner_call_activity_rows(v_keys)
    ), old as (
      select a.dedupe_key, a.contact_id, a.disposition_code, a.disposition_label, a.callback_scheduled_date,
             a.disposition_notes, a.disposition_set_at, a.user_id
        from public.contact_activities a
       where a.dedupe_key = any (array(select d.dedupe_key from desired d))
    ), up as (
      insert into public.contact_activities as a (
        dedupe_key, source_system, contact_id, matching_status, user_id, phoneburner_session_id, team_id,
        activity_type, call_started_at, call_connected_at, call_ended_at, ring_duration_seconds,
        call_duration_seconds, talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label,
        disposition_notes, disposition_set_at, callback_scheduled_date, recording_url, recording_duration_seconds,
        user_name, user_email, phoneburner_call_id, phoneburner_contact_id, phoneburner_event_id, details)
      select d.dedupe_key, 'phoneburner', d.contact_id, d.matching_status, d.user_id, d.phoneburner_session_id, d.team_id,
             d.activity_type, d.call_started_at, d.call_connected_at, d.call_ended_at, d.ring_duration_seconds,
             d.call_duration_seconds, d.talk_time_seconds, d.call_outcome, d.answered_by, d.disposition_code,
             d.disposition_label, d.disposition_notes, d.disposition_set_at, d.callback_scheduled_date, d.recording_url,
             d.recording_duration_seconds, d.user_name, d.user_email, d.phoneburner_call_id, d.phoneburner_contact_id,
             d.phoneburner_event_id, d.details
        from desired d
       order by d.dedupe_key
      on conflict (dedupe_key) do update set
        contact_id = case when a.matching_status = 'manually_linked' then a.contact_id else excluded.contact_id end,
        matching_status = case when a.matching_status = 'manually_linked' then a.matching_status else excluded.matching_status end,
        team_id = case when a.matching_status = 'manually_linked' then a.team_id else excluded.team_id end,
        user_id = excluded.user_id,
        phoneburner_session_id = excluded.phoneburner_session_id,
        activity_type = excluded.activity_type,
        call_started_at = excluded.call_started_at,
        call_connected_at = excluded.call_connected_at,
        call_ended_at = excluded.call_ended_at,
        ring_duration_seconds = excluded.ring_duration_seconds,
        call_duration_seconds = excluded.call_duration_seconds,
        talk_time_seconds = excluded.talk_time_seconds,
        call_outcome = excluded.call_outcome,
        answered_by = excluded.answered_by,
        disposition_code = excluded.disposition_code,
        disposition_label = excluded.disposition_label,
        disposition_notes = excluded.disposition_notes,
        disposition_set_at = excluded.disposition_set_at,
        callback_scheduled_date = excluded.callback_scheduled_date,
        recording_url = excluded.recording_url,
        recording_duration_seconds = excluded.recording_duration_seconds,
        user_name = excluded.user_name,
        user_email = excluded.user_email,
        phoneburner_call_id = excluded.phoneburner_call_id,
        phoneburner_contact_id = excluded.phoneburner_contact_id,
        phoneburner_event_id = excluded.phoneburner_event_id,
        details = excluded.details
      where (a.user_id, a.phoneburner_session_id, a.activity_type, a.call_started_at, a.call_connected_at,
             a.call_ended_at, a.ring_duration_seconds, a.call_duration_seconds, a.talk_time_seconds, a.call_outcome,
             a.answered_by, a.disposition_code, a.disposition_label, a.disposition_notes, a.disposition_set_at,
             a.callback_scheduled_date, a.recording_url, a.recording_duration_seconds, a.user_name, a.user_email,
             a.phoneburner_call_id, a.phoneburner_contact_id, a.phoneburner_event_id, a.details)
            is distinct from
            (excluded.user_id, excluded.phoneburner_session_id, excluded.activity_type, excluded.call_started_at,
             excluded.call_connected_at, excluded.call_ended_at, excluded.ring_duration_seconds,
             excluded.call_duration_seconds, excluded.talk_time_seconds, excluded.call_outcome, excluded.answered_by,
             excluded.disposition_code, excluded.disposition_label, excluded.disposition_notes,
             excluded.disposition_set_at, excluded.callback_scheduled_date, excluded.recording_url,
             excluded.recording_duration_seconds, excluded.user_name, excluded.user_email, excluded.phoneburner_call_id,
             excluded.phoneburner_contact_id, excluded.phoneburner_event_id, excluded.details)
         or (a.matching_status <> 'manually_linked'
             and (a.contact_id, a.matching_status, a.team_id)
                 is distinct from (excluded.contact_id, excluded.matching_status, excluded.team_id))
      returning a.id, a.dedupe_key, a.activity_type, a.contact_id, a.disposition_code, a.disposition_label,
                a.callback_scheduled_date, a.disposition_notes, a.disposition_set_at, a.user_id
    )
    select up.*, old.dedupe_key is null as is_new, old.contact_id as old_contact_id,
           old.disposition_code as old_code, old.disposition_label as old_label,
           old.callback_scheduled_date as old_callback_at, old.disposition_notes as old_notes,
           old.disposition_set_at as old_set_at, old.user_id as old_user_id
      from up left join old on old.dedupe_key = up.dedupe_key
     order by up.dedupe_key
  loop
    v_changed := v_changed + 1;
    continue when v_row.contact_id is null;
    if v_row.activity_type = 'callback_scheduled' then
      if v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
         or (v_row.old_callback_at, v_row.old_notes, v_row.old_user_id)
            is distinct from (v_row.callback_scheduled_date, v_row.disposition_notes, v_row.user_id) then
        v_callbacks := v_callbacks || v_row.id;
      end if;
    elsif coalesce(v_row.disposition_code, v_row.disposition_label) is not null
          and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
               or (v_row.old_code, v_row.old_label, v_row.old_notes, v_row.old_set_at, v_row.old_callback_at)
                  is distinct from (v_row.disposition_code, v_row.disposition_label, v_row.disposition_notes,
                                    v_row.disposition_set_at, v_row.callback_scheduled_date)) then
      -- first set or changed (code, label, notes, time or the callback date it schedules)
      v_dispositions := v_dispositions || v_row.id;
    end if;
  end loop;
  -- the batch's dispositions at once (set-based), then its callbacks (the result does not depend on the
  -- order: both resolve by event time)
  if pg_catalog.cardinality(v_dispositions) > 0 then
    perform dialbridge.apply_dispositions(v_dispositions);
  end if;
  foreach v_id in array v_callbacks loop
    perform dialbridge.apply_callback(v_id);
  end loop;

  -- rows whose events now belong to another call (events without call id, re-correlated); checked key by
  -- key so that each check is an index probe whatever the table statistics say
  foreach v_key in array v_keys loop
    if not exists (select 1 from dialbridge.phoneburner_call_events e where e.call_key = v_key and e.kind = 'call') then
      v_gone := v_gone || v_key;
    end if;
    if not exists (select 1 from dialbridge.phoneburner_call_events e where e.call_key = v_key and e.callback_at is not null) then
      v_gone := v_gone || dialbridge.phoneburner_callback_key(v_key);
    end if;
  end loop;
  if pg_catalog.cardinality(v_gone) > 0 then
    delete from public.contact_activities a where a.dedupe_key = any (v_gone) and a.source_system = 'phoneburner';
    get diagnostics v_deleted = row_count;
    v_changed := v_changed + v_deleted;
  end if;
  return v_changed;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- the batch processor: claiming and normalising overlap with the batch before
-- ---------------------------------------------------------------------------------------------------
/**
 * The worker's unit of work: processes up to p_limit due events of public.phoneburner_webhooks_log in one
 * transaction (see the header of this migration) and returns what happened plus when the next retry is
 * due. Batches overlap only while claiming and normalising (FOR UPDATE SKIP LOCKED: disjoint events; a
 * normalised event is a function of its own log row); from storing the facts on they run one at a time (a
 * transaction-level advisory lock): per-session counters are hot rows that concurrent batches would only
 * queue on, and one writer keeps the projection free of deadlocks. So two processors (the worker task runs
 * PHONEBURNER_PROCESSORS of them) keep both cores busy: one normalises the next batch while the other
 * projects.
 * Per-event subtransactions only read (normalising), so they take no transaction id: batches of any size
 * stay clear of PostgreSQL's 64 cached subtransactions per backend.
 */
create or replace function dialbridge.process_phoneburner_webhooks(p_limit integer default 100, as_of timestamptz default now())
returns table (claimed integer, succeeded integer, skipped integer, retrying integer, failed integer, next_retry_at timestamptz)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  v_zone text;
  v_ids bigint[];
  v_n integer;
  v_log public.phoneburner_webhooks_log;
  v_logs public.phoneburner_webhooks_log[];
  v_facts dialbridge.phoneburner_call_events[] := '{}';
  v_ingested record;
  v_status text[] := '{}';
  v_error text[] := '{}';
  v_code text[] := '{}';
  v_ms numeric[] := '{}';
  v_primary text[] := '{}';
  v_pair_i integer[] := '{}';
  v_pair_key text[] := '{}';
  v_keys text[];
  v_all_keys text[];
  v_failed_keys text[] := '{}';
  v_failed_error text[] := '{}';
  v_failed_code text[] := '{}';
  v_batch_started timestamptz := pg_catalog.clock_timestamp();
  v_t0 timestamptz;
  v_share numeric := 0;
  v_ok integer := 0;
  v_msg text;
  v_state text;
  v_pos integer;
  i integer;
  k text;
begin
  -- before claiming: wait for receivers that counted on the queued job (see 20261121002000_webhook_receive.sql)
  perform dialbridge.await_phoneburner_receivers();
  v_zone := dialbridge.phoneburner_time_zone();
  perform pg_catalog.now() at time zone v_zone;  -- a misspelt zone stops the batch here, loudly

  select coalesce(array_agg(x.id order by x.next_retry_at nulls first, x.id), '{}') into v_ids
    from (select l.id, l.next_retry_at
            from public.phoneburner_webhooks_log l
           where l.processing_status in ('pending', 'processing')
             and (l.next_retry_at is null or l.next_retry_at <= as_of)
           order by l.next_retry_at nulls first, l.id
           limit greatest(p_limit, 1)
             for update skip locked) x;
  v_n := pg_catalog.cardinality(v_ids);
  v_status := pg_catalog.array_fill(null::text, array[v_n]);
  v_error := pg_catalog.array_fill(null::text, array[v_n]);
  v_code := pg_catalog.array_fill(null::text, array[v_n]);
  v_ms := pg_catalog.array_fill(0::numeric, array[v_n]);
  v_primary := pg_catalog.array_fill(null::text, array[v_n]);

  -- 1. normalise each event in its own subtransaction: a bad event fails alone. Normalising only reads,
  --    so these subtransactions take no transaction id: a batch stays far from the 64 subtransactions a
  --    backend caches (past that, every other session's snapshot checks get slower).
  v_logs := array(select l from unnest(v_ids) with ordinality as u(id, ord)
                    join public.phoneburner_webhooks_log l on l.id = u.id order by u.ord);
  for i in 1 .. v_n loop
    v_log := v_logs[i];
    v_t0 := pg_catalog.clock_timestamp();
    v_status[i] := 'ok';
    begin
      v_facts := v_facts || dialbridge.normalize_phoneburner_event(v_log, v_zone);
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      v_status[i] := case when v_state = 'DB060' then 'skipped' when v_state = 'DB061' then 'invalid' else 'error' end;
      v_error[i] := pg_catalog.left(v_msg, 1000);
      v_code[i] := v_state;
    end;
    v_ms[i] := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000;
  end loop;

  -- from here on one batch at a time (arbitrary constant key, 'dialbridge' + 'pb' in ASCII): claiming and
  -- normalising above overlap with the batch before, the rest waits for it to commit
  perform pg_catalog.pg_advisory_xact_lock(7308604897168450146);

  -- 1b. store the facts of the batch at once, and find which calls each event touches
  if pg_catalog.cardinality(v_facts) > 0 then
    v_t0 := pg_catalog.clock_timestamp();
    for v_ingested in select * from dialbridge.ingest_phoneburner_events(v_facts) loop
      i := pg_catalog.array_position(v_ids, v_ingested.log_id);
      if v_ingested.error is not null then
        v_status[i] := 'error';
        v_error[i] := v_ingested.error;
        v_code[i] := v_ingested.error_code;
        continue;
      end if;
      v_primary[i] := v_ingested.own_key;
      foreach k in array array[v_ingested.own_key] || v_ingested.keys loop
        if k is not null then
          v_pair_i := v_pair_i || i;
          v_pair_key := v_pair_key || k;
        end if;
      end loop;
    end loop;
    v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / pg_catalog.cardinality(v_facts);
    for i in 1 .. v_n loop
      if v_status[i] = 'ok' then v_ms[i] := v_ms[i] + v_share; end if;
    end loop;
    v_share := 0;
  end if;

  -- 2. project every touched call once, statistics buffered and applied once at the end (each contact and
  --    session updated and locked once per batch, in id order); if that fails, one key at a time with
  --    statistics applied directly, to isolate the failure
  v_all_keys := array(select distinct x from unnest(v_pair_key) x order by 1);
  if pg_catalog.cardinality(v_all_keys) > 0 then
    v_t0 := pg_catalog.clock_timestamp();
    begin
      perform dialbridge.defer_call_stats();
      perform dialbridge.project_phoneburner_keys(v_all_keys);
      perform dialbridge.flush_call_stat_deltas();
    exception when others then
      perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
      foreach k in array v_all_keys loop
        begin
          perform dialbridge.project_phoneburner_keys(array[k]);
        exception when others then
          get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
          v_failed_keys := v_failed_keys || k;
          v_failed_error := v_failed_error || pg_catalog.left(v_msg, 1000);
          v_failed_code := v_failed_code || v_state;
        end;
      end loop;
    end;
    select count(*) into v_ok from unnest(v_status) s where s = 'ok';
    v_share := extract(epoch from pg_catalog.clock_timestamp() - v_t0) * 1000 / greatest(v_ok, 1);
  end if;

  for i in 1 .. v_n loop
    if v_status[i] = 'ok' then
      v_status[i] := 'success';
      v_ms[i] := v_ms[i] + v_share;
      if pg_catalog.cardinality(v_failed_keys) > 0 then
        for v_pos in 1 .. pg_catalog.cardinality(v_pair_i) loop
          if v_pair_i[v_pos] = i and v_pair_key[v_pos] = any (v_failed_keys) then
            v_status[i] := 'error';
            v_error[i] := v_failed_error[pg_catalog.array_position(v_failed_keys, v_pair_key[v_pos])];
            v_code[i] := v_failed_code[pg_catalog.array_position(v_failed_keys, v_pair_key[v_pos])];
            exit;
          end if;
        end loop;
      end if;
    end if;
  end loop;

  -- 3. record the outcome of every claimed event
  with upd as (
  update public.phoneburner_webhooks_log l
     set processing_status = case
           when r.status = 'success' then 'success'
           when r.status = 'skipped' then 'skipped'
           when r.status = 'invalid' then 'failed'
           when l.retry_count + 1 >= l.max_retries then 'failed'
           else 'pending' end,
         retry_count = case when r.status in ('invalid', 'error') then l.retry_count + 1 else l.retry_count end,
         next_retry_at = case when r.status = 'error' and l.retry_count + 1 < l.max_retries
                              then as_of + dialbridge.phoneburner_retry_delay(l.retry_count + 1) end,
         last_retry_at = case when r.status in ('invalid', 'error') then as_of else l.last_retry_at end,
         processing_error = case when r.status = 'success' then null else r.error end,
         processing_error_code = case when r.status = 'success' then null else r.code end,
         processing_started_at = v_batch_started,
         processing_completed_at = pg_catalog.clock_timestamp(),
         processing_duration_ms = pg_catalog.round(r.ms)::integer,
         contact_activity_id = case when r.status = 'success' then
           coalesce((select a.id from public.contact_activities a
                      where a.dedupe_key in (r.primary_key, dialbridge.phoneburner_callback_key(r.primary_key))
                      order by a.dedupe_key limit 1), l.contact_activity_id)
           else l.contact_activity_id end
    from unnest(v_ids, v_status, v_error, v_code, v_ms, v_primary) as r(id, status, error, code, ms, primary_key)
   where l.id = r.id
  returning l.processing_status as new_status, r.status as outcome
  )
  select count(*) filter (where upd.outcome = 'success'),
         count(*) filter (where upd.outcome = 'skipped'),
         count(*) filter (where upd.outcome in ('error', 'invalid') and upd.new_status = 'pending'),
         count(*) filter (where upd.new_status = 'failed')
    into succeeded, skipped, retrying, failed
    from upd;
  claimed := v_n;
  select min(l.next_retry_at) into next_retry_at
    from public.phoneburner_webhooks_log l
   where l.processing_status in ('pending', 'processing') and l.next_retry_at > as_of;
  return next;
end
$$;

-- replaced by queue_workflow_runs (one rule, one place)
drop function if exists dialbridge.queue_workflow_run(uuid, uuid, uuid, uuid, text, jsonb, timestamptz);

revoke execute on all functions in schema dialbridge from public;
grant execute on function
  dialbridge.apply_dispositions(uuid[]),
  dialbridge.queue_workflow_runs(dialbridge.disposition_step[])
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
