CREATE FUNCTION dialbridge.apply_callback(p_activity_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
    dialbridge.timestamptz_or_null(a.details ->> 'callback_event_at'),
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
  v_notes := nullif(pg_catalog.btrim(coalesce(a.details ->> 'callback_notes', a.details ->> 'notes',
                                              case when a.activity_type = 'callback_scheduled' then a.disposition_notes end)), '');
  v_tz := coalesce(nullif(pg_catalog.btrim(a.details ->> 'callback_timezone'), ''), nullif(pg_catalog.btrim(a.details ->> 'timezone'), ''), c.timezone);
  v_rep := coalesce(case when a.details ->> 'callback_user_id' ~ '^[0-9a-fA-F-]{36}$' then (a.details ->> 'callback_user_id')::uuid end, a.user_id, c.owner_id);
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
$_$;

COMMENT ON FUNCTION dialbridge.apply_callback(p_activity_id uuid) IS 'Applies a scheduled callback (callback_scheduled activity, or any activity carrying
callback_scheduled_date): an open ''call'' task (source ''callback'') due at the callback time for the rep
(user_id, else the contact owner), with details.notes; the contact''s next action ''call'' on that date (in
details.timezone, else the contact''s) unless a newer disposition or callback set it. A later callback for
the same call (same activity, or same phoneburner_call_id) reschedules that task instead of adding one; an
older one arriving late changes nothing. A disposition call task of the same call is cancelled (the
callback is the follow-up). On a do-not-call contact the task is recorded as cancelled. Notes:
details.notes, else (callback rows) disposition_notes. Event time: details.event_at, else
disposition_set_at, else just after its call''s disposition, else created_at. Idempotent.';

REVOKE ALL ON FUNCTION dialbridge.apply_callback(p_activity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_callback(p_activity_id uuid) TO service_role;
