CREATE FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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

COMMENT ON FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) IS 'Projects the given calls: upserts their rows (only what changed is written: the statistics triggers
then move exactly the difference), deletes rows whose events moved to another call, creates unknown
dial sessions, and applies the effects of what changed: dialbridge.apply_dispositions, once for the batch (a matched call
whose disposition is new or changed — code, label, notes, time, callback date — or that just got its
contact), then dialbridge.apply_callback (a matched callback row that is new or changed). Those functions belong to the disposition engine; if
they are missing this raises (the events retry), it never skips them.';

REVOKE ALL ON FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) FROM PUBLIC;
