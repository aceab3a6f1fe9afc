-- migrate:up
-- Processing PhoneBurner events, part 3: the projection into contact_activities, the batch processor the
-- worker calls, retries and the failure view, replay, and linking unmatched calls (issue 3, "Processing").
--
--   worker (jobs/tasks/phoneburner_webhooks_log__process.ts)
--     └─ dialbridge.process_phoneburner_webhooks(limit)      one transaction per batch, one batch at a time
--          1. claims due log rows (pending, or a retry that is due) with FOR UPDATE SKIP LOCKED
--          2. per event, in its own subtransaction: normalise (a bad event fails alone); then the batch's
--             normalised events stored at once in dialbridge.phoneburner_call_events
--          3. per batch (falling back to one call at a time when it fails): recompute every touched call's
--             rows from all its stored events, upsert them (statistics follow by trigger), apply the
--             disposition / callback / contact-change effects of what changed
--          4. marks each event success, skipped, pending with a retry time (exponential backoff), or
--             failed (after max_retries, or at once for an event that can never be projected)
--
-- Each call is one contact_activities row (dedupe_key phoneburner:call:<call id>) plus, when a callback
-- was scheduled, one callback_scheduled row (phoneburner:callback:<call id>); each contact.updated event is
-- one contact_updated row (phoneburner:contact_updated:<event id>). A row is a pure function of the set of
-- its events, so any order and any duplication yields the same rows. The per-field winners:
--   call_started_at     earliest start (call.started, api_callbegin, api_calldone start_time); without
--                       one: connect time - ring, else end - duration, else the first event's time
--   call_connected_at   earliest connect time            call_ended_at    latest end time
--   ring / duration / talk / recording length            greatest reported (monotonic)
--   talk (when none is reported)  end - connect for a connected call, else PhoneBurner's duration
--   outcome, answered_by, recording_url                  the latest event (event time, then event id)
--                                                        that reports it
--   disposition (code, label, notes, time)               the latest disposition (disposition time, then
--                                                        event time, then event id)
--   rep                                                  the event that owns the call (start / calldone),
--                                                        else the disposition's, earliest first
--   activity_type        furthest stage: call_attempt < call_connected < call_completed < disposition_set
-- Outcome (dialbridge.phoneburner_call_outcome): an explicit no_answer / busy / failed / rejected wins;
-- voicemail when the call reached voicemail (answered_by, outcome, or a voicemail disposition); connected
-- when a person answered (answered_by, a connect time, PhoneBurner's connected = "1", or seed 000's
-- `completed` with talk time); `completed` without any of that is no_answer.
--
-- Contact resolution (dialbridge.resolve_phoneburner_contact): the SourceCo id the events carry →
-- PhoneBurner's contact id (contacts, then session members) → the dialled number among the contacts
-- pushed to that dial session (exactly one) → else unmatched (contact_id null, team from the rep), until
-- public.link_unmatched_activity() links it. api_contact_displayed never attributes a call.

/** The callback row's dedupe key for a call key. */
create or replace function dialbridge.phoneburner_callback_key(p_call_key text) returns text
language sql immutable parallel safe security invoker  -- no SET clause: inlined (see 20261121002050)
as $$
  select 'phoneburner:callback:' || pg_catalog.substr(p_call_key, 18)
$$;

create unique index if not exists phoneburner_call_events_event_id_key on dialbridge.phoneburner_call_events (event_id);
-- unmatched calls waiting for a PhoneBurner contact id to become known
create index if not exists contact_activities_unmatched_pb_contact_idx on public.contact_activities (phoneburner_contact_id)
  where matching_status = 'unmatched' and phoneburner_contact_id is not null;

/** The call outcome from the merged facts (rules in the header of this migration). */
create or replace function dialbridge.phoneburner_call_outcome(
  p_outcome text, p_answered_by text, p_connected boolean, p_connected_at timestamptz, p_talk integer,
  p_mapping_code text, p_mapping_connected boolean, p_label text
) returns text
language plpgsql immutable parallel safe security invoker set search_path = ''
as $$
declare
  l text := coalesce(dialbridge.normalize_label(p_label), '');
begin
  return case
    when p_outcome in ('no_answer', 'busy', 'failed', 'rejected') then p_outcome
    when p_outcome = 'voicemail' or p_answered_by = 'voicemail' then 'voicemail'
    when p_answered_by in ('decision_maker', 'gatekeeper', 'answering_service') then 'connected'
    when p_mapping_code = 'LEFT_VOICEMAIL' or l ~ '(voicemail|leftmessage|leftvm)' then 'voicemail'
    when p_answered_by = 'unknown' or p_connected_at is not null or p_connected then 'connected'
    when p_outcome = 'completed' and coalesce(p_talk, 0) > 0 then 'connected'
    when p_connected = false or p_mapping_code = 'NO_ANSWER' or l in ('noanswer', 'busy')
      then case when l like '%busy%' then 'busy' else 'no_answer' end
    when p_outcome = 'completed' then 'no_answer'
    when p_mapping_connected or (l like '%connected%' and l not like '%disconnect%') then 'connected'
  end;
end
$$;

/**
 * answered_by when no event said (real PhoneBurner never does): voicemail for voicemail; for a connected
 * call, gatekeeper for a gatekeeper disposition, decision_maker for a conversation that ended in a positive
 * or negative decision (Interested, Not interested, Meeting set, Do not call, …), else unknown.
 */
create or replace function dialbridge.phoneburner_inferred_answered_by(
  p_outcome text, p_mapping_code text, p_mapping_category text, p_mapping_connected boolean
) returns text
language sql immutable parallel safe security invoker  -- no SET clause: inlined (see 20261121002050)
as $$
  select case
    when p_outcome = 'voicemail' then 'voicemail'
    when p_outcome is distinct from 'connected' then null
    when p_mapping_code in ('SPOKE_TO_GATEKEEPER', 'GATEKEEPER') then 'gatekeeper'
    when p_mapping_connected and p_mapping_category in ('positive', 'negative') then 'decision_maker'
    else 'unknown'
  end
$$;

/**
 * Which of our contacts a call or event is about, first match wins: a carried SourceCo id (contacts.
 * sourceco_contact_id, or the contact's uuid) → a PhoneBurner contact id (contacts.phoneburner_contact_id,
 * then session members, this session's first) → the dialled number among this session's members when
 * exactly one contact has it. Null: unmatched.
 */
create or replace function dialbridge.resolve_phoneburner_contact(
  p_sourceco_ids text[], p_phoneburner_ids text[], p_phones text[], p_session_id uuid
) returns uuid
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_id text;
  v_contact uuid;
  v_candidates uuid[];
begin
  foreach v_id in array coalesce(p_sourceco_ids, '{}') loop
    select c.id into v_contact from public.contacts c where c.sourceco_contact_id = v_id;
    if v_contact is not null then return v_contact; end if;
    if v_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      select c.id into v_contact from public.contacts c where c.id = v_id::uuid;
      if v_contact is not null then return v_contact; end if;
    end if;
  end loop;
  foreach v_id in array coalesce(p_phoneburner_ids, '{}') loop
    select c.id into v_contact from public.contacts c where c.phoneburner_contact_id = v_id;
    if v_contact is not null then return v_contact; end if;
    select m.contact_id into v_contact
      from public.phoneburner_session_contacts m
     where m.phoneburner_contact_id = v_id
     order by (m.session_id = p_session_id) desc nulls last, m.added_at desc, m.contact_id
     limit 1;
    if v_contact is not null then return v_contact; end if;
  end loop;
  if p_session_id is not null and pg_catalog.cardinality(p_phones) > 0 then
    select array_agg(distinct m.contact_id) into v_candidates
      from public.phoneburner_session_contacts m
     where m.session_id = p_session_id and m.phone_e164 = any (p_phones) and m.state <> 'removed';
    if pg_catalog.cardinality(v_candidates) = 1 then return v_candidates[1]; end if;
  end if;
  return null;
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
      left join lateral dialbridge.find_disposition_mapping(d.disposition_code, d.disposition_label) m on d.call_key is not null
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

/**
 * Projects the given calls: upserts their rows (only what changed is written: the statistics triggers
 * then move exactly the difference), deletes rows whose events moved to another call, creates unknown
 * dial sessions, and applies the effects of what changed: dialbridge.apply_disposition (a matched call
 * whose disposition is new or changed — code, label, notes, time, callback date — or that just got its
 * contact) and dialbridge.apply_callback (a matched callback row that is new or changed). Those functions belong to the disposition engine; if
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
        perform dialbridge.apply_callback(v_row.id);
      end if;
    elsif coalesce(v_row.disposition_code, v_row.disposition_label) is not null
          and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id
               or (v_row.old_code, v_row.old_label, v_row.old_notes, v_row.old_set_at, v_row.old_callback_at)
                  is distinct from (v_row.disposition_code, v_row.disposition_label, v_row.disposition_notes,
                                    v_row.disposition_set_at, v_row.callback_scheduled_date)) then
      -- first set or changed (code, label, notes, time or the callback date it schedules)
      perform dialbridge.apply_disposition(v_row.id);
    end if;
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

/**
 * Projects contact.updated events (keys phoneburner:contact_updated:<event id>): one contact_updated row
 * each, details {changes: {field: {old, new}}, updated_by: {user_id, name, email}, event_at}; then
 * dialbridge.apply_contact_changes for a matched row that is new or just got its contact.
 */
create or replace function dialbridge.project_phoneburner_contact_updates(p_keys text[]) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:contact_updated:%' order by 1);
  v_row record;
  v_changed integer := 0;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;
  for v_row in
    with desired as (
      select 'phoneburner:contact_updated:' || e.event_id as dedupe_key,
             coalesce(ml.contact_id, r.contact_id) as contact_id,
             case when ml.contact_id is not null then 'manually_linked'
                  when r.contact_id is not null then 'matched' else 'unmatched' end as matching_status,
             p.id as user_id,
             case when ml.contact_id is not null then ml.team_id else coalesce(c.team_id, p.team_id) end as team_id,
             coalesce(e.user_name, p.display_name) as user_name,
             coalesce(e.user_email, p.email) as user_email,
             e.phoneburner_contact_id, e.event_id,
             pg_catalog.jsonb_build_object('changes', e.changes, 'updated_by', e.updated_by, 'event_at', e.event_at) as details
        from dialbridge.phoneburner_call_events e
        left join public.profiles p on p.phoneburner_user_id = e.phoneburner_user_id
        left join lateral (
          select dialbridge.resolve_phoneburner_contact(
                   case when e.sourceco_contact_id is not null then array[e.sourceco_contact_id] end,
                   case when e.phoneburner_contact_id is not null then array[e.phoneburner_contact_id] end,
                   '{}', null) as contact_id) r on true
        left join lateral (
          select x.contact_id, x.team_id from public.contact_activities x
           where x.dedupe_key = 'phoneburner:contact_updated:' || e.event_id and x.matching_status = 'manually_linked') ml on true
        left join public.contacts c on c.id = r.contact_id
       where e.kind = 'contact_update' and e.event_id in (select pg_catalog.substr(k, 29) from unnest(v_keys) k)
    ), old as (
      select a.dedupe_key, a.contact_id from public.contact_activities a
       where a.dedupe_key = any (array(select d.dedupe_key from desired d))
    ), up as (
      insert into public.contact_activities as a (
        dedupe_key, source_system, activity_type, contact_id, matching_status, user_id, team_id, user_name, user_email,
        phoneburner_contact_id, phoneburner_event_id, details)
      select d.dedupe_key, 'phoneburner', 'contact_updated', d.contact_id, d.matching_status, d.user_id, d.team_id,
             d.user_name, d.user_email, d.phoneburner_contact_id, d.event_id, d.details
        from desired d
       order by d.dedupe_key
      on conflict (dedupe_key) do update set
        contact_id = case when a.matching_status = 'manually_linked' then a.contact_id else excluded.contact_id end,
        matching_status = case when a.matching_status = 'manually_linked' then a.matching_status else excluded.matching_status end,
        team_id = case when a.matching_status = 'manually_linked' then a.team_id else excluded.team_id end,
        user_id = excluded.user_id,
        user_name = excluded.user_name,
        user_email = excluded.user_email,
        phoneburner_contact_id = excluded.phoneburner_contact_id,
        details = excluded.details
      where (a.user_id, a.user_name, a.user_email, a.phoneburner_contact_id, a.details)
            is distinct from (excluded.user_id, excluded.user_name, excluded.user_email, excluded.phoneburner_contact_id, excluded.details)
         or (a.matching_status <> 'manually_linked'
             and (a.contact_id, a.matching_status, a.team_id)
                 is distinct from (excluded.contact_id, excluded.matching_status, excluded.team_id))
      returning a.id, a.dedupe_key, a.contact_id
    )
    select up.*, old.dedupe_key is null as is_new, old.contact_id as old_contact_id
      from up left join old on old.dedupe_key = up.dedupe_key
     order by up.dedupe_key
  loop
    v_changed := v_changed + 1;
    if v_row.contact_id is not null and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id) then
      perform dialbridge.apply_contact_changes(v_row.id);
    end if;
  end loop;
  return v_changed;
end
$$;

/** Projects any mix of call keys and contact-update keys (calls first). */
create or replace function dialbridge.project_phoneburner_keys(p_keys text[]) returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  return dialbridge.project_phoneburner_calls(p_keys) + dialbridge.project_phoneburner_contact_updates(p_keys);
end
$$;

/**
 * Stores the normalised facts of a batch of events (one statement for the whole batch; a replay that
 * normalises an event differently replaces its row) and returns, per event, the keys to project: its own
 * key (null when it has none) and every other key it changed (events without call id re-correlated;
 * unmatched calls that an api_contact_displayed just made resolvable). The per-event follow-ups that
 * write run in their own subtransaction: a failure there marks that event only (error text in the row).
 */
create or replace function dialbridge.ingest_phoneburner_events(p_facts dialbridge.phoneburner_call_events[])
returns table (log_id bigint, own_key text, keys text[], error text, error_code text)
language plpgsql volatile security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  r dialbridge.phoneburner_call_events;
  v_old dialbridge.phoneburner_call_events;
  v_replaced dialbridge.phoneburner_call_events[] := '{}';
  v_keys text[];
  v_own text;
  v_msg text;
  v_state text;
begin
  if p_facts is null or pg_catalog.cardinality(p_facts) = 0 then
    return;
  end if;
  -- a replay that reads an event differently (normalisation fixed since): the old row goes, the new comes
  for v_old in
    delete from dialbridge.phoneburner_call_events e
     using unnest(p_facts) n
     where e.log_id = n.log_id
       and (e.event_id, e.event_type, e.kind, e.event_at, e.call_id, e.subject, e.is_start, e.sourceco_contact_id,
            e.phoneburner_contact_id, e.phone_e164, e.phoneburner_user_id, e.user_name, e.user_email,
            e.phoneburner_session_id, e.session_name, e.started_at, e.connected_at, e.ended_at, e.ring_seconds,
            e.total_seconds, e.talk_seconds, e.connected, e.outcome, e.answered_by, e.recording_url, e.recording_seconds,
            e.disposition_code, e.disposition_label, e.disposition_category, e.disposition_notes, e.disposition_at,
            e.callback_at, e.callback_notes, e.callback_details, e.changes, e.updated_by, e.extra)
           is distinct from
           (n.event_id, n.event_type, n.kind, n.event_at, n.call_id, n.subject, n.is_start, n.sourceco_contact_id,
            n.phoneburner_contact_id, n.phone_e164, n.phoneburner_user_id, n.user_name, n.user_email,
            n.phoneburner_session_id, n.session_name, n.started_at, n.connected_at, n.ended_at, n.ring_seconds,
            n.total_seconds, n.talk_seconds, n.connected, n.outcome, n.answered_by, n.recording_url, n.recording_seconds,
            n.disposition_code, n.disposition_label, n.disposition_category, n.disposition_notes, n.disposition_at,
            n.callback_at, n.callback_notes, n.callback_details, n.changes, n.updated_by, n.extra)
    returning e.*
  loop
    v_replaced := v_replaced || v_old;
  end loop;
  insert into dialbridge.phoneburner_call_events
  select n.* from unnest(p_facts) n order by n.log_id
  on conflict (log_id) do nothing;

  foreach r in array p_facts loop
    v_keys := '{}';
    v_own := null;
    select x.* into v_old from unnest(v_replaced) x where x.log_id = r.log_id;
    if v_old.log_id is not null and v_old.call_key is not null then
      v_keys := v_keys || v_old.call_key;
    end if;
    begin
      if r.kind in ('call', 'callback') then
        if r.subject is not null and exists (
             select 1 from dialbridge.phoneburner_call_events e
              where e.subject = r.subject and e.call_id is null and e.kind in ('call', 'callback')
                and e.event_at between r.event_at - interval '14 hours' and r.event_at + interval '14 hours') then
          v_keys := v_keys || dialbridge.phoneburner_reassign_idless(r.subject, r.event_at);
        end if;
        if v_old.log_id is not null and v_old.subject is not null
           and (v_old.subject is distinct from r.subject or v_old.event_at is distinct from r.event_at) then
          v_keys := v_keys || dialbridge.phoneburner_reassign_idless(v_old.subject, v_old.event_at);
        end if;
        if r.call_id is not null then
          v_own := r.call_key;
        else
          select e.call_key into v_own from dialbridge.phoneburner_call_events e where e.log_id = r.log_id;
        end if;
      elsif r.kind = 'contact_update' then
        v_own := 'phoneburner:contact_updated:' || r.event_id;
      elsif r.kind = 'contact_displayed' then
        -- never attributes a call; it may tell us PhoneBurner's id for a contact we pushed to that session
        if r.sourceco_contact_id is not null and r.phoneburner_contact_id is not null and r.phoneburner_session_id is not null then
          update public.phoneburner_session_contacts m
             set phoneburner_contact_id = r.phoneburner_contact_id
            from public.phoneburner_sessions s, public.contacts c
           where s.phoneburner_session_id = r.phoneburner_session_id and m.session_id = s.id
             and c.sourceco_contact_id = r.sourceco_contact_id and m.contact_id = c.id
             and m.phoneburner_contact_id is distinct from r.phoneburner_contact_id;
          if found then
            v_keys := v_keys || array(
              select a.dedupe_key from public.contact_activities a
               where a.matching_status = 'unmatched' and a.phoneburner_contact_id = r.phoneburner_contact_id
                 and a.dedupe_key like 'phoneburner:call:%');
          end if;
        end if;
      end if;
      log_id := r.log_id;
      own_key := v_own;
      keys := array(select distinct k from unnest(v_keys) k where k is not null and k is distinct from v_own order by 1);
      error := null;
      error_code := null;
    exception when others then
      get stacked diagnostics v_msg = message_text, v_state = returned_sqlstate;
      log_id := r.log_id;
      own_key := null;
      keys := '{}';
      error := pg_catalog.left(v_msg, 1000);
      error_code := v_state;
    end;
    return next;
  end loop;
end
$$;

/** Delay before retry n (1-based): 5 s × 4^(n-1), at most one hour (5 s, 20 s, 80 s, 5 min 20 s, 21 min …). */
create or replace function dialbridge.phoneburner_retry_delay(p_attempt integer) returns interval
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select least(pg_catalog.make_interval(secs => 5 * pg_catalog.power(4, greatest(p_attempt, 1) - 1)), interval '1 hour')
$$;

/**
 * The worker's unit of work: processes up to p_limit due events of public.phoneburner_webhooks_log in one
 * transaction (see the header of this migration) and returns what happened plus when the next retry is
 * due. Batches run one at a time (a transaction-level advisory lock): per-session counters are hot rows
 * that concurrent batches would only queue on, and one writer keeps the projection free of deadlocks.
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
  -- one batch at a time (arbitrary constant key, 'dialbridge' + 'pb' in ASCII)
  perform pg_catalog.pg_advisory_xact_lock(7308604897168450146);
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

-- ---------------------------------------------------------------------------------------------------
-- Failures, replay
-- ---------------------------------------------------------------------------------------------------

/**
 * Events that could not be processed: failed for good (after max_retries, or at once when the event can
 * never be projected) and those waiting for a retry. No payload (PII): look events up by log_id.
 */
create or replace view dialbridge.phoneburner_webhook_failures with (security_invoker = true) as
select l.id as log_id,
       l.event_id,
       l.event_type,
       case when l.processing_status = 'failed' then 'failed' else 'retrying' end as state,
       l.processing_error_code as error_code,
       l.processing_error as error,
       l.retry_count,
       l.max_retries,
       l.next_retry_at,
       l.last_retry_at,
       l.received_at,
       l.event_at,
       l.phoneburner_call_id,
       l.phoneburner_session_id
  from public.phoneburner_webhooks_log l
 where l.processing_status = 'failed'
    or (l.processing_status in ('pending', 'processing') and l.retry_count > 0);

comment on view dialbridge.phoneburner_webhook_failures is 'PhoneBurner events that failed processing (state failed: gave up, replay with `npm run replay`) or are waiting for a retry (state retrying). No payloads.';
comment on column dialbridge.phoneburner_webhook_failures.log_id is 'phoneburner_webhooks_log.id of the event.';
comment on column dialbridge.phoneburner_webhook_failures.state is 'failed (no more automatic retries) or retrying (next_retry_at says when).';
comment on column dialbridge.phoneburner_webhook_failures.error_code is 'SQLSTATE of the last error: DB061 = the event can never be projected (see docs/error_codes.md), others are retried.';
comment on column dialbridge.phoneburner_webhook_failures.error is 'Message of the last error.';
comment on column dialbridge.phoneburner_webhook_failures.retry_count is 'Failed attempts so far.';
comment on column dialbridge.phoneburner_webhook_failures.max_retries is 'Attempts allowed before the event is failed.';
comment on column dialbridge.phoneburner_webhook_failures.next_retry_at is 'When the next attempt is due (retrying only).';
comment on column dialbridge.phoneburner_webhook_failures.last_retry_at is 'When the last attempt failed.';
comment on column dialbridge.phoneburner_webhook_failures.received_at is 'When the event reached the webhook.';
comment on column dialbridge.phoneburner_webhook_failures.event_at is 'When it happened according to the sender.';

revoke all on table dialbridge.phoneburner_webhook_failures from public, anon, authenticated;
grant select on table dialbridge.phoneburner_webhook_failures to service_role;

/**
 * Replay: puts matching logged events back to pending with a fresh retry budget and returns their ids.
 * Safe for any event: processing the same event again changes nothing. p_statuses null: every status.
 */
create or replace function dialbridge.reset_phoneburner_webhooks_for_replay(
  p_since timestamptz default null, p_statuses text[] default array['failed'], p_event_type text default null,
  p_until timestamptz default null
) returns setof bigint
language sql volatile security invoker set search_path = ''
as $$
  update public.phoneburner_webhooks_log l
     set processing_status = 'pending', retry_count = 0, next_retry_at = null,
         processing_error = null, processing_error_code = null
   where (p_since is null or l.received_at >= p_since)
     and (p_until is null or l.received_at < p_until)
     and (p_statuses is null or l.processing_status = any (p_statuses))
     and (p_event_type is null or l.event_type = p_event_type)
  returning l.id
$$;

-- ---------------------------------------------------------------------------------------------------
-- Linking an unmatched activity by hand
-- ---------------------------------------------------------------------------------------------------

/**
 * Links an unmatched activity (and the other rows of the same call: its callback) to a contact:
 * matching_status manually_linked, the contact's team; the call statistics move to the contact by trigger,
 * and the effects that waited for a contact are applied now (disposition, callback, contact changes).
 * Allowed for an admin, or a signed-in rep of the activity's team linking to a contact of that team;
 * the service role (backend) may always. Later events of the call keep the link.
 */
create or replace function public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid)
returns setof public.contact_activities
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_activity public.contact_activities;
  v_contact public.contacts;
  v_keys text[];
  v_row public.contact_activities;
  v_ids uuid[] := '{}';
  v_service boolean := coalesce(auth.role(), '') = 'service_role';
begin
  if not v_service and auth.uid() is null then
    raise exception 'sign in to link an activity' using errcode = 'DB062';
  end if;
  select * into v_activity from public.contact_activities a where a.id = p_activity_id;
  select * into v_contact from public.contacts c where c.id = p_contact_id;
  if v_activity.id is null or v_contact.id is null
     or not (v_service or dialbridge.is_admin()
             or v_activity.team_id is not distinct from dialbridge.current_team_id()) then
    raise exception 'activity or contact not found' using errcode = 'DB063';
  end if;
  if not (v_service or dialbridge.is_admin()
          or (dialbridge.current_team_id() is not null
              and v_activity.team_id = dialbridge.current_team_id()
              and v_contact.team_id = dialbridge.current_team_id())) then
    raise exception 'only a rep of the activity''s team can link it, to a contact of that team' using errcode = 'DB065';
  end if;
  if v_activity.matching_status <> 'unmatched' then
    raise exception 'the activity is already linked to a contact' using errcode = 'DB064';
  end if;

  v_keys := case
    when v_activity.dedupe_key like 'phoneburner:call:%'
      then array[v_activity.dedupe_key, dialbridge.phoneburner_callback_key(v_activity.dedupe_key)]
    when v_activity.dedupe_key like 'phoneburner:callback:%'
      then array[v_activity.dedupe_key, 'phoneburner:call:' || pg_catalog.substr(v_activity.dedupe_key, 22)]
    else array[]::text[] end;

  for v_row in
    update public.contact_activities a
       set contact_id = p_contact_id,
           matching_status = 'manually_linked',
           team_id = coalesce(v_contact.team_id, a.team_id)
     where (a.id = p_activity_id or a.dedupe_key = any (v_keys)) and a.matching_status = 'unmatched'
    returning a.*
  loop
    v_ids := v_ids || v_row.id;
  end loop;

  -- effects that waited for a contact, in a fixed order (the call before its callback)
  for v_row in select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id loop
    if v_row.activity_type = 'callback_scheduled' then
      perform dialbridge.apply_callback(v_row.id);
    elsif v_row.activity_type = 'contact_updated' then
      perform dialbridge.apply_contact_changes(v_row.id);
    elsif coalesce(v_row.disposition_code, v_row.disposition_label) is not null then
      perform dialbridge.apply_disposition(v_row.id);
    end if;
  end loop;

  return query select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id;
end
$$;

comment on function public.link_unmatched_activity(uuid, uuid) is 'Links an unmatched call (with its callback) or contact change to a contact: statistics move to the contact and pending effects apply. Admins, or reps of the activity''s team for a contact of that team.';

revoke execute on function public.link_unmatched_activity(uuid, uuid) from public, anon;
grant execute on function public.link_unmatched_activity(uuid, uuid) to authenticated, service_role;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.process_phoneburner_webhooks(integer, timestamptz),
  dialbridge.reset_phoneburner_webhooks_for_replay(timestamptz, text[], text, timestamptz),
  dialbridge.phoneburner_call_activity_rows(text[]), dialbridge.phoneburner_retry_delay(integer)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
