-- migrate:up
-- Callbacks (seed 001 US-007, F-002 callback.scheduled; real PhoneBurner follow_up) and contact changes
-- from the dialer (US-008, F-005 contact.updated), applied by the event projection:
--   dialbridge.apply_callback(activity)         a callback task for the rep at that time, the contact's
--                                               next action; a later callback for the same call reschedules
--   dialbridge.apply_contact_changes(activity)  field by field, last write wins by event time, one audit row
--                                               per change; a changed email domain flags the contact
-- SourceCo-side edits of the same fields are audited too (trigger), so "last write" compares both sides.

-- ---------------------------------------------------------------------------------------------------
-- callbacks
-- ---------------------------------------------------------------------------------------------------
/**
 * What apply_callback did for each callback activity: the call it belongs to, its event time and
 * schedule, and the task it created or rescheduled. Makes apply_callback idempotent and lets a later
 * callback for the same call find the task to reschedule.
 */
create table if not exists dialbridge.callback_applications (
  activity_id uuid primary key references public.contact_activities (id) on delete cascade,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  call_key text not null,
  event_at timestamptz not null,
  scheduled_for timestamptz not null,
  assigned_to_user_id uuid,
  notes_md5 text,
  task_id uuid references public.tasks (id) on delete set null,
  applied_at timestamptz not null default now()
);
alter table dialbridge.callback_applications enable row level security;
create index if not exists callback_applications_call_idx on dialbridge.callback_applications (contact_id, call_key, event_at desc);
comment on table dialbridge.callback_applications is 'What each callback activity applied (its task, schedule, event time): makes apply_callback idempotent and lets later callbacks reschedule.';
revoke all on table dialbridge.callback_applications from public, anon, authenticated;
grant all on table dialbridge.callback_applications to service_role;

/**
 * Applies a scheduled callback (callback_scheduled activity, or any activity carrying
 * callback_scheduled_date): an open 'call' task (source 'callback') due at the callback time for the rep
 * (user_id, else the contact owner), with details.notes; the contact's next action 'call' on that date (in
 * details.timezone, else the contact's) unless a newer disposition or callback set it. A later callback for
 * the same call (same activity, or same phoneburner_call_id) reschedules that task instead of adding one; an
 * older one arriving late changes nothing. A disposition call task of the same call is cancelled (the
 * callback is the follow-up). On a do-not-call contact the task is recorded as cancelled. Notes:
 * details.notes, else (callback rows) disposition_notes. Event time: details.event_at, else
 * disposition_set_at, else just after its call's disposition, else created_at. Idempotent.
 */
create or replace function dialbridge.apply_callback(p_activity_id uuid) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  a public.contact_activities;
  c public.contacts;
  prev dialbridge.callback_applications;
  t public.tasks;
  v_found_task boolean := false;
  v_event_at timestamptz;
  v_notes text;
  v_tz text;
  v_rep uuid;
  v_team uuid;
  v_call_key text;
  v_is_latest boolean;
  v_status text;
  v_task_id uuid;
begin
  select * into a from public.contact_activities ca where ca.id = p_activity_id;
  if not found then
    raise exception 'activity % not found', p_activity_id using errcode = 'DB037';
  end if;
  if a.contact_id is null or a.deleted_at is not null or a.callback_scheduled_date is null then
    return;
  end if;

  select * into c from public.contacts ct where ct.id = a.contact_id for no key update;
  if not found then
    return;
  end if;

  -- When the callback was decided: the event time when the projection records it; else just after its
  -- call's disposition (a callback set with a disposition is the more specific plan); else when recorded.
  v_event_at := coalesce(
    dialbridge.timestamptz_or_null(a.details ->> 'event_at'),
    a.disposition_set_at,
    (select greatest(ca.disposition_set_at, ca.call_ended_at, ca.call_started_at) + interval '1 millisecond'
       from public.contact_activities ca
      where a.phoneburner_call_id is not null
        and ca.phoneburner_call_id = a.phoneburner_call_id
        and ca.contact_id = a.contact_id
        and ca.id <> a.id
        and ca.activity_type <> 'callback_scheduled'
      order by 1 desc nulls last
      limit 1),
    a.created_at);
  v_notes := nullif(pg_catalog.btrim(coalesce(a.details ->> 'notes', a.details ->> 'callback_notes',
                                              case when a.activity_type = 'callback_scheduled' then a.disposition_notes end)), '');
  v_tz := coalesce(nullif(pg_catalog.btrim(a.details ->> 'timezone'), ''), c.timezone);
  v_rep := coalesce(a.user_id, c.owner_id);
  v_team := coalesce(c.team_id, a.team_id);
  v_call_key := coalesce(a.phoneburner_call_id, a.id::text);

  select * into prev from dialbridge.callback_applications ap where ap.activity_id = a.id for update;
  if found
     and prev.contact_id = a.contact_id
     and prev.event_at = v_event_at
     and prev.scheduled_for = a.callback_scheduled_date
     and prev.assigned_to_user_id is not distinct from v_rep
     and prev.notes_md5 is not distinct from pg_catalog.md5(v_notes) then
    return;   -- already applied
  end if;

  -- the task of this callback, else of an earlier callback of the same call
  select * into t from public.tasks tk
   where tk.source = 'callback' and tk.source_activity_id = a.id
   order by (tk.status <> 'cancelled') desc, tk.created_at desc
   limit 1;
  v_found_task := found;
  if not v_found_task then
    select tk.* into t
      from dialbridge.callback_applications ap
      join public.tasks tk on tk.id = ap.task_id
     where ap.contact_id = a.contact_id and ap.call_key = v_call_key and ap.activity_id <> a.id
     order by ap.event_at desc, ap.activity_id desc
     limit 1;
    v_found_task := found;
  end if;

  -- an older callback of the same call arriving after a newer one changes nothing
  v_is_latest := not exists (
    select 1 from dialbridge.callback_applications ap
     where ap.contact_id = a.contact_id and ap.call_key = v_call_key and ap.activity_id <> a.id
       and (ap.event_at, ap.activity_id) > (v_event_at, a.id));

  if v_is_latest then
    v_status := case when c.do_not_call then 'cancelled' else 'open' end;
    if v_found_task and (t.status = 'open' or t.source_activity_id = a.id) then
      -- reschedule; a completed or cancelled callback reopens only when its time changed
      update public.tasks tk
         set due_at = a.callback_scheduled_date,
             assigned_to_user_id = v_rep,
             notes = case when c.do_not_call
                          then pg_catalog.concat_ws(E'\n\n', v_notes, 'Not scheduled: the contact is on the do-not-call list.')
                          else v_notes end,
             title = dialbridge.task_title('call', c, 'Scheduled callback'),
             status = case when tk.status = 'open' or tk.due_at is distinct from a.callback_scheduled_date
                           then v_status else tk.status end,
             completed_at = case when tk.status = 'completed' and tk.due_at is not distinct from a.callback_scheduled_date
                                 then tk.completed_at end
       where tk.id = t.id
      returning tk.id into v_task_id;
    else
      insert into public.tasks (contact_id, team_id, assigned_to_user_id, source_activity_id, source, task_type,
                                title, notes, due_at, priority, status)
      values (c.id, v_team, v_rep, a.id, 'callback', 'call',
              dialbridge.task_title('call', c, 'Scheduled callback'),
              case when c.do_not_call
                   then pg_catalog.concat_ws(E'\n\n', v_notes, 'Not scheduled: the contact is on the do-not-call list.')
                   else v_notes end,
              a.callback_scheduled_date, 'high', v_status)
      on conflict (source_activity_id, source) where source_activity_id is not null and status <> 'cancelled'
      do nothing
      returning id into v_task_id;
    end if;

    -- the callback is the follow-up call: a disposition's call task for the same call is not needed
    if v_status = 'open' then
      update public.tasks tk
         set status = 'cancelled',
             notes = pg_catalog.concat_ws(E'\n\n', tk.notes, 'Cancelled: replaced by the scheduled callback.')
        from public.contact_activities ca
       where ca.id = tk.source_activity_id
         and tk.contact_id = c.id
         and tk.source = 'disposition'
         and tk.task_type = 'call'
         and tk.status = 'open'
         and (ca.id = a.id or (a.phoneburner_call_id is not null and ca.phoneburner_call_id = a.phoneburner_call_id));
    end if;

    if dialbridge.claim_contact_mark(c.id, 'next_action', a.id, v_event_at) and not c.do_not_call then
      update public.contacts ct
         set next_action_type = 'call',
             next_action_date = dialbridge.local_date(a.callback_scheduled_date, v_tz),
             next_action_notes = coalesce(v_notes, 'Scheduled callback'),
             next_action_assigned_to_user_id = v_rep
       where ct.id = c.id;
    end if;
  else
    v_task_id := case when v_found_task then t.id end;
  end if;

  insert into dialbridge.callback_applications as ap
    (activity_id, contact_id, call_key, event_at, scheduled_for, assigned_to_user_id, notes_md5, task_id, applied_at)
  values (a.id, a.contact_id, v_call_key, v_event_at, a.callback_scheduled_date, v_rep, pg_catalog.md5(v_notes),
          v_task_id, now())
  on conflict (activity_id) do update
     set contact_id = excluded.contact_id, call_key = excluded.call_key, event_at = excluded.event_at,
         scheduled_for = excluded.scheduled_for, assigned_to_user_id = excluded.assigned_to_user_id,
         notes_md5 = excluded.notes_md5, task_id = excluded.task_id, applied_at = excluded.applied_at;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- contact changes
-- ---------------------------------------------------------------------------------------------------
/** The contacts column a dialer field updates (seed 001 data mapping), null when the field is not synced. */
create or replace function dialbridge.synced_contact_column(p_field text) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case pg_catalog.lower(pg_catalog.btrim(p_field))
           when 'phone' then 'phone'
           when 'email' then 'email'
           when 'first_name' then 'first_name'
           when 'last_name' then 'last_name'
           when 'company' then 'company'
           when 'title' then 'title'
           when 'address' then 'address_line1'
           when 'address_line1' then 'address_line1'
           when 'city' then 'city'
           when 'state' then 'state'
           when 'zip' then 'zip'
         end
$$;

/** The domain of an email address (lower case), null when there is none. */
create or replace function dialbridge.email_domain(p_email text) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select nullif(pg_catalog.lower(pg_catalog."substring"(pg_catalog.btrim(p_email), '@([^@[:space:]]+)$')), '')
$$;

/**
 * Applies a contact_updated activity (details: {changes: {field: {old, new}}, updated_by, event_at}) field
 * by field, last write wins by event time: a change is applied when its (event time, event id) is newer
 * than the newest applied change of that field (from either side); otherwise it is kept as not applied.
 * One contact_field_changes row per (event, field), source 'phoneburner', changed_at = event time.
 * Only the synced fields (dialbridge.synced_contact_column) change the contact; other fields, do_not_call
 * included, are audited as not applied. A changed email domain flags the contact for review; a changed
 * phone clears the invalid-number flag (the new number is untested). Idempotent per (event, field).
 */
create or replace function dialbridge.apply_contact_changes(p_activity_id uuid) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  a public.contact_activities;
  c public.contacts;
  r record;
  v_changes jsonb;
  v_event_at timestamptz;
  v_event_id text;
  v_by text;
  v_column text;
  v_field text;
  v_old text;
  v_new text;
  v_current text;
  v_newest record;
  v_applied boolean;
  v_old_domain text;
  v_new_domain text;
begin
  select * into a from public.contact_activities ca where ca.id = p_activity_id;
  if not found then
    raise exception 'activity % not found', p_activity_id using errcode = 'DB037';
  end if;
  v_changes := a.details -> 'changes';
  if a.contact_id is null or a.deleted_at is not null or pg_catalog.jsonb_typeof(v_changes) is distinct from 'object' then
    return;
  end if;

  select * into c from public.contacts ct where ct.id = a.contact_id for no key update;
  if not found then
    return;
  end if;

  v_event_at := coalesce(dialbridge.timestamptz_or_null(a.details ->> 'event_at'), a.created_at);
  v_event_id := coalesce(a.phoneburner_event_id, a.id::text);
  v_by := case pg_catalog.jsonb_typeof(a.details -> 'updated_by')
            when 'object' then coalesce(a.details -> 'updated_by' ->> 'user_id', a.details -> 'updated_by' ->> 'id')
            when 'string' then a.details ->> 'updated_by'
            when 'number' then a.details ->> 'updated_by'
          end;

  -- our own audit rows: the SourceCo-side audit trigger stays out of the way
  perform pg_catalog.set_config('dialbridge.audited_by_caller', 'on', true);

  for r in select e.key, e.value from pg_catalog.jsonb_each(v_changes) e order by e.key loop
    v_column := dialbridge.synced_contact_column(r.key);
    v_field := coalesce(v_column, pg_catalog.left(r.key, 100));
    if exists (select 1 from public.contact_field_changes f
                where f.source_event_id = v_event_id and f.field_name = v_field) then
      continue;   -- this event's change of this field is already recorded
    end if;

    if pg_catalog.jsonb_typeof(r.value) = 'object' then
      v_old := r.value ->> 'old';
      v_new := r.value ->> 'new';
    else
      v_old := null;
      v_new := r.value #>> '{}';
    end if;
    v_new := nullif(pg_catalog.btrim(v_new), '');

    v_applied := false;
    if v_column is not null then
      select f.changed_at, f.source_event_id into v_newest
        from public.contact_field_changes f
       where f.contact_id = c.id and f.field_name = v_column and f.applied
       order by f.changed_at desc, f.source_event_id desc nulls last
       limit 1;
      v_applied := v_newest.changed_at is null
                   or (v_event_at, v_event_id) > (v_newest.changed_at, coalesce(v_newest.source_event_id, ''));
    end if;

    if v_applied then
      execute pg_catalog.format('select (%I)::text from public.contacts where id = $1', v_column)
        into v_current using c.id;
      execute pg_catalog.format('update public.contacts set %I = $1 where id = $2', v_column)
        using v_new, c.id;
      if v_column = 'email' then
        v_old_domain := dialbridge.email_domain(coalesce(v_current, v_old));
        v_new_domain := dialbridge.email_domain(v_new);
        if v_old_domain is not null and v_new_domain is not null and v_old_domain <> v_new_domain then
          update public.contacts ct
             set needs_review = true,
                 needs_review_reason = pg_catalog.format(
                   'Email domain changed from %s to %s in PhoneBurner: possible company change.',
                   v_old_domain, v_new_domain)
           where ct.id = c.id;
        end if;
      elsif v_column = 'phone' and v_current is distinct from v_new then
        update public.contacts ct
           set phone_number_invalid = false, phone_number_invalid_reason = null
         where ct.id = c.id and ct.phone_number_invalid;
      end if;
    end if;

    insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system,
                                              source_event_id, changed_by, changed_at, applied)
    values (c.id, c.team_id, v_field, coalesce(v_old, v_current), v_new, 'phoneburner', v_event_id, v_by,
            v_event_at, v_applied)
    on conflict (source_event_id, field_name) where source_event_id is not null do nothing;
  end loop;

  perform pg_catalog.set_config('dialbridge.audited_by_caller', '', true);
end
$$;

/**
 * Trigger function: edits of the synced contact fields made in SourceCo (the frontend, imports, the
 * service role) are audited in contact_field_changes (source 'sourceco_platform', changed now, applied),
 * so a dialer change older than a SourceCo edit loses (last write wins across both sides). Callers that
 * write their own audit rows set dialbridge.audited_by_caller = 'on' for the transaction.
 * security definer: reps edit contacts but do not write the audit table.
 */
create or replace function dialbridge.tg_contacts__audit_field_changes() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if coalesce(pg_catalog.current_setting('dialbridge.audited_by_caller', true), '') = 'on' then
    return null;
  end if;
  insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system,
                                            changed_by, changed_at, applied)
  select new.id, new.team_id, f.field_name, f.old_value, f.new_value, 'sourceco_platform',
         coalesce((select auth.uid())::text, 'system'), now(), true
    from (values ('phone', old.phone, new.phone),
                 ('email', old.email, new.email),
                 ('first_name', old.first_name, new.first_name),
                 ('last_name', old.last_name, new.last_name),
                 ('company', old.company, new.company),
                 ('title', old.title, new.title),
                 ('address_line1', old.address_line1, new.address_line1),
                 ('city', old.city, new.city),
                 ('state', old.state, new.state),
                 ('zip', old.zip, new.zip)) as f (field_name, old_value, new_value)
   where f.old_value is distinct from f.new_value;
  return null;
end
$$;

drop trigger if exists _610_audit_field_changes on public.contacts;
create trigger _610_audit_field_changes
  after update of phone, email, first_name, last_name, company, title, address_line1, city, state, zip
  on public.contacts
  for each row execute function dialbridge.tg_contacts__audit_field_changes();

revoke execute on all functions in schema dialbridge from public;
grant execute on function
  dialbridge.apply_callback(uuid),
  dialbridge.apply_contact_changes(uuid),
  dialbridge.synced_contact_column(text),
  dialbridge.email_domain(text)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
