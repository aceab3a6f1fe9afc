CREATE FUNCTION dialbridge.merge_call_activities(p_source_system text, p_rows dialbridge.call_activity_row[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_row record;
  v_changed integer := 0;
  v_dispositions uuid[] := '{}';
  v_callbacks uuid[] := '{}';
  v_id uuid;
begin
  if p_rows is null or pg_catalog.cardinality(p_rows) = 0 then
    return 0;
  end if;
  for v_row in
    with desired as (
      select * from unnest(p_rows) r
    ), old as (
      select a.dedupe_key, a.contact_id, a.disposition_code, a.disposition_label, a.callback_scheduled_date,
             a.disposition_notes, a.disposition_set_at, a.user_id, a.details ->> 'callback_notes' as callback_notes
        from public.contact_activities a
       where a.dedupe_key = any (array(select d.dedupe_key from desired d))
    ), up as (
      insert into public.contact_activities as a (
        dedupe_key, source_system, contact_id, matching_status, user_id, phoneburner_session_id, team_id,
        activity_type, call_started_at, call_connected_at, call_ended_at, ring_duration_seconds,
        call_duration_seconds, talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label,
        disposition_notes, disposition_set_at, callback_scheduled_date, recording_url, recording_duration_seconds,
        user_name, user_email, phoneburner_call_id, phoneburner_contact_id, phoneburner_event_id, details)
      select d.dedupe_key, p_source_system, d.contact_id, d.matching_status, d.user_id, d.phoneburner_session_id, d.team_id,
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
                a.callback_scheduled_date, a.disposition_notes, a.disposition_set_at, a.user_id,
                a.details ->> 'callback_notes' as callback_notes
    )
    select up.*, old.dedupe_key is null as is_new, old.contact_id as old_contact_id,
           old.disposition_code as old_code, old.disposition_label as old_label,
           old.callback_scheduled_date as old_callback_at, old.disposition_notes as old_notes,
           old.disposition_set_at as old_set_at, old.user_id as old_user_id, old.callback_notes as old_callback_notes
      from up left join old on old.dedupe_key = up.dedupe_key
     order by up.dedupe_key
  loop
    v_changed := v_changed + 1;
    continue when v_row.contact_id is null;
    -- the callback on the row (a call's, or a callback whose call is not known yet): new or changed
    if v_row.callback_scheduled_date is not null
       and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
            or (v_row.old_callback_at, v_row.old_user_id, v_row.old_callback_notes,
                case when v_row.activity_type = 'callback_scheduled' then v_row.old_notes end)
               is distinct from (v_row.callback_scheduled_date, v_row.user_id, v_row.callback_notes,
                case when v_row.activity_type = 'callback_scheduled' then v_row.disposition_notes end)) then
      v_callbacks := v_callbacks || v_row.id;
    end if;
    if v_row.activity_type <> 'callback_scheduled'
          and coalesce(v_row.disposition_code, v_row.disposition_label) is not null
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

  return v_changed;
end
$$;

COMMENT ON FUNCTION dialbridge.merge_call_activities(p_source_system text, p_rows dialbridge.call_activity_row[]) IS 'The order-independent merge of every provider: upserts the computed rows into contact_activities by
dedupe_key (only what changed is written, so the statistics triggers move exactly the difference; a manual
link is kept), then applies the effects of what changed: dialbridge.apply_dispositions once for the batch
(a matched call whose disposition is new or changed — code, label, notes, time, callback date — or that
just got its contact), then dialbridge.apply_callback (a matched callback row that is new or changed).
Returns the rows written. Raises when the disposition engine fails (the events retry); never skips it.';

REVOKE ALL ON FUNCTION dialbridge.merge_call_activities(p_source_system text, p_rows dialbridge.call_activity_row[]) FROM PUBLIC;
