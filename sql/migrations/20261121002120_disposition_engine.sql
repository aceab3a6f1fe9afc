-- migrate:up
-- Disposition engine (seed 000 disposition_mappings, seed 001 F-003 / US-006): what a recorded call's
-- disposition does to the CRM. The event projection calls dialbridge.apply_disposition(activity) whenever a
-- call's disposition is recorded or changes, and again when an unmatched call is linked to a contact.
--
-- Effects of the matched mapping, each applied once per call:
--   status and stage · a task for the rep · next action · suppression (internal for its duration, legal
--   do-not-call permanent) · phone marked invalid · a workflow run queued as a graphile-worker job.
-- The mapping's engagement_score_delta is not added here: contacts.call_engagement_score has one writer,
-- the engagement score of the reporting migrations (20261121004020), which recomputes it from the
-- contact's calls whenever they change, counting each call's current mapping delta exactly once (a
-- changed disposition swaps its delta, a replay changes nothing, the result is clamped to 0..100).
-- Adding the delta here as well would count it twice.
-- Idempotent: dialbridge.disposition_applications records what was applied to each call, so a replay or a
-- duplicate changes nothing, and a later, different disposition of the same call adjusts instead of adding
-- (its earlier open task and queued workflow are cancelled; suppressions stay). Status, stage and next action follow the contact's newest disposition by event time, whatever
-- order calls are processed in. Unknown dispositions change nothing and are listed in
-- public.unmapped_dispositions until an admin adds a mapping and re-applies it.

-- find_disposition_mapping is read by the review view as the signed-in user.
grant execute on function dialbridge.normalized_aliases(text[]), dialbridge.find_disposition_mapping(text, text)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- tasks: one live task per (call, source)
-- ---------------------------------------------------------------------------------------------------
-- The foundation made (source_activity_id, source) unique over all tasks. A call whose disposition changes
-- keeps its cancelled task for the record and gets the new one, so uniqueness holds among tasks that are
-- not cancelled. Same index name, so that re-running the foundation migration does not restore the old one.
do $$
begin
  if coalesce(pg_catalog.pg_get_indexdef(pg_catalog.to_regclass('public.tasks_source_activity_key')), '')
       not like '%cancelled%' then
    drop index if exists public.tasks_source_activity_key;
    create unique index tasks_source_activity_key on public.tasks (source_activity_id, source)
      where source_activity_id is not null and status <> 'cancelled';
  end if;
end
$$;
create index if not exists tasks_source_activity_idx on public.tasks (source_activity_id) where source_activity_id is not null;

-- ---------------------------------------------------------------------------------------------------
-- workflow_runs
-- ---------------------------------------------------------------------------------------------------
/**
 * Workflows a disposition asked for (send_deal_memo, create_calendar_event, high_priority_alert, …), one
 * row per (call, workflow). Queued by the disposition, handled by the worker task
 * contacts__run_disposition_workflow. No integration sends anything yet: the worker marks the run
 * 'recorded' so people see it, and a later integration picks up recorded runs and marks them delivered.
 */
create table if not exists public.workflow_runs (
  id uuid primary key default gen_random_uuid(),
  team_id uuid references public.teams (id) on delete set null,
  contact_id uuid references public.contacts (id) on delete cascade,
  source_activity_id uuid references public.contact_activities (id) on delete set null,
  workflow_name text not null,
  workflow_config jsonb not null default '{}'::jsonb,
  status text not null default 'queued',
  requested_by_user_id uuid references public.profiles (id) on delete set null,
  requested_at timestamptz not null,
  job_key text,
  processed_at timestamptz,
  result jsonb,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.workflow_runs enable row level security;
select dialbridge.ensure_constraint('public.workflow_runs', 'workflow_runs_status_check',
  $c$check (status in ('queued', 'recorded', 'delivered', 'failed', 'cancelled'))$c$);
select dialbridge.ensure_constraint('public.workflow_runs', 'workflow_runs_activity_workflow_key',
  $c$unique (source_activity_id, workflow_name)$c$);
create index if not exists workflow_runs_team_idx on public.workflow_runs (team_id, created_at desc);
create index if not exists workflow_runs_contact_idx on public.workflow_runs (contact_id);
create index if not exists workflow_runs_status_idx on public.workflow_runs (workflow_name, status) where status in ('queued', 'recorded');

drop trigger if exists _100_timestamps on public.workflow_runs;
create trigger _100_timestamps before update on public.workflow_runs
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.workflow_runs is 'Workflows triggered by call dispositions (e.g. send_deal_memo), one per call and workflow: queued, then recorded by the worker for people and integrations to act on.';
comment on column public.workflow_runs.team_id is 'Team of the contact.';
comment on column public.workflow_runs.contact_id is 'Contact the workflow is about.';
comment on column public.workflow_runs.source_activity_id is 'Call whose disposition triggered it.';
comment on column public.workflow_runs.workflow_name is 'Workflow from the disposition mapping (send_deal_memo, create_calendar_event, high_priority_alert, …).';
comment on column public.workflow_runs.workflow_config is 'The mapping''s workflow_config at the time (template ids, delays, …).';
comment on column public.workflow_runs.status is 'queued (waiting for the worker), recorded (handled; nothing sent yet), delivered (sent by an integration), failed, cancelled (the call''s disposition changed before it ran).';
comment on column public.workflow_runs.requested_by_user_id is 'Rep whose disposition triggered it.';
comment on column public.workflow_runs.requested_at is 'When the disposition was set.';
comment on column public.workflow_runs.job_key is 'graphile-worker job key (one job per call).';
comment on column public.workflow_runs.processed_at is 'When the worker handled it.';
comment on column public.workflow_runs.result is 'What the worker or integration did.';
comment on column public.workflow_runs.error is 'Last error, if it failed.';

revoke all on table public.workflow_runs from anon, authenticated;
grant select on table public.workflow_runs to authenticated;
grant all on table public.workflow_runs to service_role;

drop policy if exists "Reps see their team's workflow runs" on public.workflow_runs;
create policy "Reps see their team's workflow runs" on public.workflow_runs for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- bookkeeping (private)
-- ---------------------------------------------------------------------------------------------------
/**
 * What apply_disposition applied to each call: the disposition it saw, the mapping, the task and workflow
 * run it created. Makes re-application a no-op and lets a changed disposition undo what the previous one
 * did.
 */
create table if not exists dialbridge.disposition_applications (
  activity_id uuid primary key references public.contact_activities (id) on delete cascade,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  mapping_id uuid references public.disposition_mappings (id) on delete set null,
  disposition_code text,
  disposition_label text,
  disposition_set_at timestamptz not null,
  notes_md5 text,
  callback_at timestamptz,
  task_id uuid references public.tasks (id) on delete set null,
  workflow_run_id uuid references public.workflow_runs (id) on delete set null,
  applied_at timestamptz not null default now()
);
alter table dialbridge.disposition_applications enable row level security;
create index if not exists disposition_applications_contact_idx on dialbridge.disposition_applications (contact_id);
create index if not exists disposition_applications_unmapped_idx on dialbridge.disposition_applications (activity_id) where mapping_id is null;
comment on table dialbridge.disposition_applications is 'What each call''s disposition applied (mapping, task, workflow run): makes apply_disposition idempotent and reversible.';

/**
 * Which activity last set a contact's status ('status') and next action ('next_action'), and the event
 * time it carried: the newest by event time wins (ties: larger activity id), in any processing order.
 */
create table if not exists dialbridge.contact_marks (
  contact_id uuid not null references public.contacts (id) on delete cascade,
  kind text not null,
  activity_id uuid not null,
  marked_at timestamptz not null,
  primary key (contact_id, kind)
);
alter table dialbridge.contact_marks enable row level security;
select dialbridge.ensure_constraint('dialbridge.contact_marks', 'contact_marks_kind_check',
  $c$check (kind in ('status', 'next_action'))$c$);
comment on table dialbridge.contact_marks is 'Newest activity (by event time) that set a contact''s status or next action.';

revoke all on table dialbridge.disposition_applications, dialbridge.contact_marks from public, anon, authenticated;
grant all on table dialbridge.disposition_applications, dialbridge.contact_marks to service_role;

-- ---------------------------------------------------------------------------------------------------
-- helpers
-- ---------------------------------------------------------------------------------------------------
/** Timestamp from event text, or null when it is missing or unreadable (never fails the projection). */
create or replace function dialbridge.timestamptz_or_null(p_text text) returns timestamptz
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return nullif(pg_catalog.btrim(p_text), '')::timestamptz;
exception when others then
  return null;
end
$$;

/** The calendar date of an instant in a time zone (the contact's); UTC when the zone is missing or unknown. */
create or replace function dialbridge.local_date(p_at timestamptz, p_timezone text) returns date
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return (p_at at time zone coalesce(nullif(pg_catalog.btrim(p_timezone), ''), 'UTC'))::date;
exception when invalid_parameter_value then
  return (p_at at time zone 'UTC')::date;
end
$$;

/** Task title: "Email John Smith – Interested - Send Information". */
create or replace function dialbridge.task_title(p_task_type text, p_contact public.contacts, p_label text)
returns text
language sql immutable security invoker set search_path = ''
as $$
  select pg_catalog.concat_ws(' – ',
           (case p_task_type
              when 'call' then 'Call'
              when 'email' then 'Email'
              when 'meeting_prep' then 'Prepare the meeting with'
              when 'research' then 'Research'
              when 'send_materials' then 'Send materials to'
              when 'follow_up' then 'Follow up with'
              else 'Follow up with'
            end) || ' ' ||
           coalesce(nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', p_contact.first_name, p_contact.last_name)), ''),
                    nullif(pg_catalog.btrim(p_contact.company), ''), 'contact'),
           nullif(pg_catalog.btrim(p_label), ''))
$$;

/**
 * The suppression key of a contact's phone: its E.164 form when the push side has normalised it
 * (contacts.phone_e164, read softly: that column belongs to the push migrations), else
 * dialbridge.suppression_phone(phone).
 */
create or replace function dialbridge.contact_phone_key(p_contact public.contacts) returns text
language sql stable security invoker set search_path = ''
as $$
  select coalesce(nullif(pg_catalog.to_jsonb(p_contact) ->> 'phone_e164', ''), dialbridge.suppression_phone(p_contact.phone))
$$;

/**
 * Claims a contact's status or next action for an activity if its event time is the newest seen (ties:
 * larger activity id; the same activity always re-claims). True when the caller should write it.
 */
create or replace function dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamptz)
returns boolean
language sql volatile security invoker set search_path = ''
as $$
  with claimed as (
    insert into dialbridge.contact_marks as m (contact_id, kind, activity_id, marked_at)
    values (p_contact_id, p_kind, p_activity_id, p_at)
    on conflict (contact_id, kind) do update
       set activity_id = excluded.activity_id, marked_at = excluded.marked_at
     where m.activity_id = excluded.activity_id
        or (m.marked_at, m.activity_id) < (excluded.marked_at, excluded.activity_id)
    returning 1
  )
  select exists (select 1 from claimed)
$$;

/**
 * Whether the call (or another activity of the same PhoneBurner call) has an open callback task: the
 * scheduled callback is then the follow-up call, and the disposition adds no second call task.
 */
create or replace function dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text)
returns boolean
language sql stable security invoker set search_path = ''
as $$
  select exists (
    select 1
      from public.tasks t
      join public.contact_activities ca on ca.id = t.source_activity_id
     where t.contact_id = p_contact_id
       and t.source = 'callback'
       and t.status = 'open'
       and (ca.id = p_activity_id or (p_call_id is not null and ca.phoneburner_call_id = p_call_id)))
$$;

/**
 * Queues a disposition's workflow: a workflow_runs row and a graphile-worker job (job_key per call), once.
 * A run already queued, recorded or delivered is never queued again; a cancelled one (the disposition
 * changed and changed back) is queued again. security definer: graphile_worker.add_job.
 */
create or replace function dialbridge.queue_workflow_run(
  p_activity_id uuid, p_contact_id uuid, p_team_id uuid, p_requested_by uuid,
  p_workflow_name text, p_workflow_config jsonb, p_requested_at timestamptz
) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.workflow_runs;
begin
  insert into public.workflow_runs as w (team_id, contact_id, source_activity_id, workflow_name, workflow_config,
                                         requested_by_user_id, requested_at, status, job_key)
  values (p_team_id, p_contact_id, p_activity_id, p_workflow_name, coalesce(p_workflow_config, '{}'::jsonb),
          p_requested_by, p_requested_at, 'queued', 'contacts__run_disposition_workflow:' || p_activity_id)
  on conflict (source_activity_id, workflow_name) do update
     set status = 'queued', workflow_config = excluded.workflow_config, requested_at = excluded.requested_at,
         requested_by_user_id = excluded.requested_by_user_id, processed_at = null, result = null, error = null
   where w.status = 'cancelled'
  returning * into v;

  if v.id is null then
    select w.id into v.id from public.workflow_runs w
     where w.source_activity_id = p_activity_id and w.workflow_name = p_workflow_name;
    return v.id;
  end if;

  perform graphile_worker.add_job(
    'contacts__run_disposition_workflow',
    pg_catalog.json_build_object('run_id', v.id, 'workflow_name', v.workflow_name,
                                 'workflow_config', v.workflow_config, 'contact_id', v.contact_id,
                                 'activity_id', v.source_activity_id),
    job_key => v.job_key,
    max_attempts => 10);
  return v.id;
end
$$;

/**
 * Worker side of a workflow run (task contacts__run_disposition_workflow): a queued run becomes
 * 'recorded' (no integration sends anything yet). Idempotent; returns the run's status (null: gone).
 */
create or replace function dialbridge.perform_workflow_run(p_run_id uuid) returns text
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_status text;
begin
  update public.workflow_runs w
     set status = 'recorded',
         processed_at = pg_catalog.clock_timestamp(),
         result = pg_catalog.jsonb_build_object(
           'delivered', false,
           'note', 'No integration performs this workflow yet: recorded for people and later integrations to act on.')
   where w.id = p_run_id
     and w.status = 'queued'
  returning w.status into v_status;
  if v_status is null then
    select w.status into v_status from public.workflow_runs w where w.id = p_run_id;
  end if;
  return v_status;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- apply_disposition
-- ---------------------------------------------------------------------------------------------------
/**
 * Applies a call's disposition to its contact through the matching disposition mapping (see the header of
 * this migration). Called by the projection after it records or changes a disposition, and by the link
 * RPC. Unmatched calls and calls without a disposition are left alone. Idempotent. Event times come from
 * the activity (disposition_set_at), never now(), so a replay produces the same rows.
 */
create or replace function dialbridge.apply_disposition(p_activity_id uuid) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  a public.contact_activities;
  c public.contacts;
  m public.disposition_mappings;
  prev dialbridge.disposition_applications;
  v_has_prev boolean;
  v_same boolean;
  v_at timestamptz;
  v_rep uuid;
  v_team uuid;
  v_label text;
  v_dialed text;
  v_due timestamptz;
  v_expires timestamptz;
  v_existing public.suppressions;
  v_task_id uuid;
  v_run_id uuid;
  v_claimed boolean;
  v_set_status boolean;
  v_set_next boolean;
  v_clear_next boolean;
begin
  select * into a from public.contact_activities ca where ca.id = p_activity_id;
  if not found then
    raise exception 'activity % not found', p_activity_id using errcode = 'DB037';
  end if;
  if a.contact_id is null or a.deleted_at is not null
     or (a.disposition_code is null and a.disposition_label is null) then
    return;   -- unmatched (applied when linked), deleted, or not dispositioned yet
  end if;

  -- Everything a call does to its contact is serialised on the contact row.
  select * into c from public.contacts ct where ct.id = a.contact_id for no key update;
  if not found then
    return;
  end if;

  v_at := coalesce(a.disposition_set_at, a.call_ended_at, a.call_started_at, a.created_at);
  m := dialbridge.find_disposition_mapping(a.disposition_code, a.disposition_label);
  v_label := coalesce(nullif(pg_catalog.btrim(a.disposition_label), ''), m.phoneburner_disposition_label,
                      a.disposition_code);

  select * into prev from dialbridge.disposition_applications d where d.activity_id = a.id for update;
  v_has_prev := found;
  if v_has_prev
     and prev.contact_id = a.contact_id
     and prev.disposition_code is not distinct from a.disposition_code
     and prev.disposition_label is not distinct from a.disposition_label
     and prev.disposition_set_at = v_at
     and prev.notes_md5 is not distinct from pg_catalog.md5(a.disposition_notes)
     and prev.callback_at is not distinct from a.callback_scheduled_date
     and (prev.mapping_id is not null or m.id is null) then
    return;   -- already applied: a replay or a duplicate changes nothing
  end if;
  -- the same mapping again (a re-save, new notes, a callback date): update in place, add nothing
  v_same := coalesce(v_has_prev and prev.contact_id = a.contact_id and prev.mapping_id = m.id, false);

  -- A different disposition (or the call moved to another contact): undo what the previous one did that
  -- can be undone. Suppressions are never lifted by a disposition. (The engagement score follows by
  -- itself: it is recomputed from the calls.)
  if v_has_prev and not v_same and prev.mapping_id is not null then
    update public.tasks t
       set status = 'cancelled',
           notes = pg_catalog.concat_ws(E'\n\n', t.notes,
                     pg_catalog.format('Cancelled: the call''s disposition changed to "%s".', v_label))
     where t.id = prev.task_id and t.status = 'open';
    update public.workflow_runs w
       set status = 'cancelled',
           result = pg_catalog.jsonb_build_object('cancelled_because', 'the call''s disposition changed')
     where w.id = prev.workflow_run_id and w.status = 'queued';
  end if;

  if m.id is not null then
    v_rep := coalesce(a.user_id, c.owner_id);
    v_team := coalesce(c.team_id, a.team_id);
    select sc.phone_e164 into v_dialed
      from public.phoneburner_session_contacts sc
     where sc.session_id = a.phoneburner_session_id and sc.contact_id = c.id;

    -- suppression first: a do-not-call stops the call tasks and call next actions below
    if m.suppress_contact then
      if m.mark_do_not_call then
        insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source,
                                         source_activity_id, set_by_user_id, created_at)
        values (c.id, coalesce(v_dialed, dialbridge.contact_phone_key(c)), v_team, 'legal',
                coalesce(m.suppress_reason, 'user_requested'), 'disposition', a.id, a.user_id, v_at)
        on conflict (source_activity_id, suppression_type) where source_activity_id is not null do nothing;
      else
        v_expires := v_at + pg_catalog.make_interval(hours => 24 * m.suppress_duration_days);
        select * into v_existing from public.suppressions s
         where s.source_activity_id = a.id and s.suppression_type = 'internal';
        if not found then
          insert into public.suppressions (contact_id, team_id, suppression_type, reason, source,
                                           source_activity_id, set_by_user_id, created_at, expires_at)
          values (c.id, v_team, 'internal',
                  coalesce(m.suppress_reason, pg_catalog.lower(m.phoneburner_disposition_code)), 'disposition',
                  a.id, a.user_id, v_at, v_expires);
        elsif v_existing.lifted_at is null and v_existing.expires_at < v_expires then
          update public.suppressions s set expires_at = v_expires where s.id = v_existing.id;
        end if;
      end if;
      select * into c from public.contacts ct where ct.id = a.contact_id;
    end if;

    -- the number called is known bad (unless the contact's number has changed since)
    if m.mark_phone_invalid and not c.phone_number_invalid
       and (v_dialed is null or v_dialed is not distinct from dialbridge.contact_phone_key(c)) then
      update public.contacts ct
         set phone_number_invalid = true,
             phone_number_invalid_reason = pg_catalog.lower(m.phoneburner_disposition_code)
       where ct.id = c.id;
    end if;

    if m.create_task then
      v_due := case when m.task_type = 'call' and a.callback_scheduled_date is not null
                    then a.callback_scheduled_date
                    else v_at + pg_catalog.make_interval(hours => 24 * m.task_due_offset_days) end;
      if v_same and prev.task_id is not null then
        update public.tasks t
           set due_at = v_due, notes = a.disposition_notes, assigned_to_user_id = v_rep,
               title = dialbridge.task_title(m.task_type, c, v_label)
         where t.id = prev.task_id and t.status = 'open';
        v_task_id := prev.task_id;
      elsif m.task_type = 'call' and dialbridge.call_has_open_callback_task(c.id, a.id, a.phoneburner_call_id) then
        v_task_id := null;
      else
        insert into public.tasks (contact_id, team_id, assigned_to_user_id, source_activity_id, source, task_type,
                                  title, notes, due_at, priority, status)
        values (c.id, v_team, v_rep, a.id, 'disposition', m.task_type,
                dialbridge.task_title(m.task_type, c, v_label),
                case when m.task_type = 'call' and c.do_not_call
                     then pg_catalog.concat_ws(E'\n\n', a.disposition_notes, 'Not scheduled: the contact is on the do-not-call list.')
                     else a.disposition_notes end,
                v_due, coalesce(m.task_priority, 'medium'),
                case when m.task_type = 'call' and c.do_not_call then 'cancelled' else 'open' end)
        on conflict (source_activity_id, source) where source_activity_id is not null and status <> 'cancelled'
        do nothing
        returning id into v_task_id;
        if v_task_id is null then
          select t.id into v_task_id from public.tasks t
           where t.source_activity_id = a.id and t.source = 'disposition' and t.status <> 'cancelled';
        end if;
      end if;
    end if;

    if m.trigger_workflow then
      if v_same and prev.workflow_run_id is not null then
        v_run_id := prev.workflow_run_id;
      else
        v_run_id := dialbridge.queue_workflow_run(a.id, c.id, v_team, v_rep, m.workflow_name,
                                                  m.workflow_config, v_at);
      end if;
    end if;

    -- status and stage: the contact's newest disposition wins; do-not-call keeps its status
    v_set_status := false;
    if m.sourceco_contact_status is not null or m.sourceco_contact_stage is not null then
      v_claimed := dialbridge.claim_contact_mark(c.id, 'status', a.id, v_at);
      v_set_status := v_claimed and (not c.do_not_call or m.mark_do_not_call);
    end if;

    -- next action: the newest disposition or callback wins; a callback date on the call wins over the offset
    v_set_next := dialbridge.claim_contact_mark(c.id, 'next_action', a.id, v_at);
    v_clear_next := m.next_action_type is null or (m.next_action_type = 'call' and c.do_not_call);

    -- both in one update (each update of a contact is a new row version and a round of its triggers)
    if v_set_status or v_set_next then
      update public.contacts ct
         set contact_status = case when v_set_status then coalesce(m.sourceco_contact_status, ct.contact_status)
                                   else ct.contact_status end,
             contact_stage = case when v_set_status then coalesce(m.sourceco_contact_stage, ct.contact_stage)
                                  else ct.contact_stage end,
             next_action_type = case when not v_set_next then ct.next_action_type when v_clear_next then null
                                     else m.next_action_type end,
             next_action_date = case when not v_set_next then ct.next_action_date when v_clear_next then null
                                     else coalesce(dialbridge.local_date(a.callback_scheduled_date, c.timezone),
                                                   dialbridge.local_date(v_at, c.timezone) + m.next_action_offset_days) end,
             next_action_notes = case when not v_set_next then ct.next_action_notes when v_clear_next then null
                                      else pg_catalog.concat_ws(': ', v_label, nullif(pg_catalog.btrim(a.disposition_notes), '')) end,
             next_action_assigned_to_user_id = case when not v_set_next then ct.next_action_assigned_to_user_id
                                                    when v_clear_next then null else v_rep end
       where ct.id = c.id;
    end if;
  end if;

  insert into dialbridge.disposition_applications as d
    (activity_id, contact_id, mapping_id, disposition_code, disposition_label, disposition_set_at, notes_md5,
     callback_at, task_id, workflow_run_id, applied_at)
  values (a.id, a.contact_id, m.id, a.disposition_code, a.disposition_label, v_at, pg_catalog.md5(a.disposition_notes),
          a.callback_scheduled_date, v_task_id, v_run_id, now())
  on conflict (activity_id) do update
     set contact_id = excluded.contact_id, mapping_id = excluded.mapping_id,
         disposition_code = excluded.disposition_code, disposition_label = excluded.disposition_label,
         disposition_set_at = excluded.disposition_set_at, notes_md5 = excluded.notes_md5,
         callback_at = excluded.callback_at, task_id = excluded.task_id, workflow_run_id = excluded.workflow_run_id, applied_at = excluded.applied_at;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- unknown dispositions
-- ---------------------------------------------------------------------------------------------------
/**
 * Applies the mappings that now match to past calls whose disposition matched none when they were
 * recorded (or that were never applied). p_code: only calls the mapping with this code now matches.
 * Returns the number of calls applied. Oldest first, contacts in id order.
 */
create or replace function dialbridge.reapply_dispositions(p_code text default null) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  r record;
  n integer := 0;
begin
  for r in
    with candidates as materialized (
      select a.id, a.contact_id, a.disposition_code, a.disposition_label,
             coalesce(a.disposition_set_at, a.call_ended_at, a.call_started_at, a.created_at) as set_at
        from public.contact_activities a
       where a.contact_id is not null
         and a.deleted_at is null
         and (a.disposition_code is not null or a.disposition_label is not null)
         and not exists (select 1 from dialbridge.disposition_applications d
                          where d.activity_id = a.id and d.mapping_id is not null)
    )
    select k.id
      from candidates k
     cross join lateral dialbridge.find_disposition_mapping(k.disposition_code, k.disposition_label) m
     where m.id is not null
       and (p_code is null or m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code)))
     order by k.contact_id, k.set_at, k.id
  loop
    perform dialbridge.apply_disposition(r.id);
    n := n + 1;
  end loop;
  return n;
end
$$;

/**
 * RPC (admins): after adding or fixing a disposition mapping, apply it to the past calls it now matches.
 * p_code: that mapping's code (null: every mapping). Returns the number of calls applied.
 */
create or replace function public.reapply_dispositions(p_code text default null) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (select dialbridge.is_admin()) then
    raise exception 'only admins re-apply disposition mappings' using errcode = 'DB036';
  end if;
  return dialbridge.reapply_dispositions(p_code);
end
$$;
revoke all on function public.reapply_dispositions(text) from public, anon;
grant execute on function public.reapply_dispositions(text) to authenticated;

/**
 * Dispositions received from the dialer that no active mapping matches, for an admin to map (seed 001,
 * risk 3: "log all unmapped dispositions for manual review"). Rows disappear as soon as a mapping matches.
 */
create or replace view public.unmapped_dispositions with (security_invoker = true) as
with received as (
  select a.disposition_code,
         a.disposition_label,
         count(*) as call_count,
         count(distinct a.contact_id) as contact_count,
         min(coalesce(a.disposition_set_at, a.created_at)) as first_seen_at,
         max(coalesce(a.disposition_set_at, a.created_at)) as last_seen_at,
         (array_agg(a.id order by coalesce(a.disposition_set_at, a.created_at) desc, a.id desc))[1] as example_activity_id
    from public.contact_activities a
   where (a.disposition_code is not null or a.disposition_label is not null)
     and a.deleted_at is null
   group by a.disposition_code, a.disposition_label
)
select r.disposition_code, r.disposition_label, r.call_count, r.contact_count, r.first_seen_at, r.last_seen_at,
       r.example_activity_id
  from received r
 where (dialbridge.find_disposition_mapping(r.disposition_code, r.disposition_label)).id is null;

comment on view public.unmapped_dispositions is 'Dispositions from the dialer that no active disposition mapping matches, for review: add a mapping, then run reapply_dispositions(code). Shows the calls the viewer may see.';
comment on column public.unmapped_dispositions.disposition_code is 'Disposition code as received (null when the dialer sent only a label, as real PhoneBurner does).';
comment on column public.unmapped_dispositions.disposition_label is 'Disposition label as received.';
comment on column public.unmapped_dispositions.call_count is 'Calls recorded with this disposition.';
comment on column public.unmapped_dispositions.contact_count is 'Distinct contacts among those calls (unmatched calls not counted).';
comment on column public.unmapped_dispositions.first_seen_at is 'First time it was set.';
comment on column public.unmapped_dispositions.last_seen_at is 'Most recent time it was set.';
comment on column public.unmapped_dispositions.example_activity_id is 'The most recent call with it (contact_activities.id).';

revoke all on table public.unmapped_dispositions from anon, authenticated;
grant select on table public.unmapped_dispositions to authenticated, service_role;

revoke execute on all functions in schema dialbridge from public;
grant execute on function
  dialbridge.apply_disposition(uuid),
  dialbridge.reapply_dispositions(text),
  dialbridge.perform_workflow_run(uuid),
  dialbridge.timestamptz_or_null(text),
  dialbridge.local_date(timestamptz, text),
  dialbridge.task_title(text, public.contacts, text),
  dialbridge.contact_phone_key(public.contacts),
  dialbridge.claim_contact_mark(uuid, text, uuid, timestamptz),
  dialbridge.call_has_open_callback_task(uuid, uuid, text),
  dialbridge.queue_workflow_run(uuid, uuid, uuid, uuid, text, jsonb, timestamptz)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
