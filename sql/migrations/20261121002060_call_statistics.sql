-- migrate:up
-- Processing PhoneBurner events, part 2: call statistics maintained incrementally (issue 3).
--
-- The seed-000 call statistics on contacts and the counters and rates on phoneburner_sessions are kept
-- by statement-level triggers on contact_activities (transition tables): for every statement they
-- subtract the old rows' contribution and add the new rows' (count = count + delta), grouped by contact
-- and by session, and lock the parent rows in id order (contacts, then sessions, then session members)
-- so concurrent batches cannot deadlock. One call is one row, so a call is counted once however many
-- events it produced (seed 000's own trigger counted it up to three times).
--
-- What a row contributes is defined once, in dialbridge.activity_call_stats(); the reconciliation
-- functions dialbridge.recompute_contact_call_stats() and dialbridge.recompute_session_call_stats()
-- aggregate the same contribution from the raw rows and report (and fix) any drift.
--
-- Extremes (first/last attempt, last connected, last disposition, last engaged call, session start and
-- last activity) move monotonically when rows are added. When a delete or a change removes the row that
-- held an extreme, that one contact's or session's extreme is re-read with an indexed top-1 query (the
-- partial indexes below), so the cost stays flat whatever the number of earlier calls.
--
-- Definitions (also in the column comments of the foundation migration):
--   call          activity_type call_attempt, call_connected, call_completed, disposition_set or
--                 voicemail_left, not soft-deleted
--   connected     call_outcome = 'connected' (a person answered; voicemail is not a connection)
--   talk time     counted for connected calls only (average_talk_time_seconds = talk / connected)
--   engaged       connected, talk time over 2 minutes and a positive disposition (mapping category
--                 positive, else the category the dialer sent)
--   qualified / disqualified / meeting: the disposition's mapping status Qualified / Disqualified, and
--                 code MEETING_SET or stage 'Meeting Set'
--   session member state: dialed < connected < completed (a disposition in that session); rows
--                 'removed' or 'failed' keep their state. Member states never move back.

-- ---------------------------------------------------------------------------------------------------
-- What one activity row contributes
-- ---------------------------------------------------------------------------------------------------

-- The helpers called per row below carry no SET search_path clause: it would stop the planner from
-- inlining them (a SQL function with a SET clause is called, and re-planned, for every row). Every name
-- they use is schema-qualified and they are not security definer.

/** Whether an activity type is a call (what the call statistics count). */
create or replace function dialbridge.is_call_activity_type(p_activity_type text) returns boolean
language sql immutable parallel safe security invoker
as $$
  select p_activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
$$;

/** The contribution of one contact_activities row to the contact and session call statistics. */
create or replace function dialbridge.activity_call_stats(a public.contact_activities)
returns table (
  is_call integer, is_connected integer, is_decision_maker integer, is_gatekeeper integer, is_voicemail integer,
  is_no_answer integer, duration_seconds integer, talk_seconds integer,
  attempt_at timestamptz, connected_at timestamptz, disposition_at timestamptz, engaged_at timestamptz,
  activity_at timestamptz, is_qualified integer, is_meeting integer, is_disqualified integer, is_callback integer,
  member_stage integer)
language sql stable parallel safe security invoker
as $$
  select
    k.call::integer,
    k.connected::integer,
    coalesce(k.connected and a.answered_by = 'decision_maker', false)::integer,
    coalesce(k.connected and a.answered_by = 'gatekeeper', false)::integer,
    coalesce(k.call and a.call_outcome = 'voicemail', false)::integer,
    coalesce(k.call and a.call_outcome in ('no_answer', 'busy'), false)::integer,
    case when k.call then coalesce(a.call_duration_seconds, 0) else 0 end,
    case when k.connected then coalesce(a.talk_time_seconds, 0) else 0 end,
    case when k.call then a.call_started_at end,
    case when k.connected then coalesce(a.call_connected_at, a.call_started_at) end,
    case when k.call and coalesce(a.disposition_code, a.disposition_label) is not null then a.disposition_set_at end,
    case when k.connected and a.talk_time_seconds > 120
          and coalesce(m.category, a.details ->> 'disposition_category') = 'positive'
         then coalesce(a.call_connected_at, a.call_started_at) end,
    case when k.call then greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at) end,
    coalesce(k.call and m.sourceco_contact_status = 'Qualified', false)::integer,
    coalesce(k.call and (m.phoneburner_disposition_code = 'MEETING_SET' or m.sourceco_contact_stage = 'Meeting Set'), false)::integer,
    coalesce(k.call and m.sourceco_contact_status = 'Disqualified', false)::integer,
    coalesce(a.deleted_at is null and a.activity_type = 'callback_scheduled', false)::integer,
    case when not k.call then 0
         when coalesce(a.disposition_code, a.disposition_label) is not null then 3
         when k.connected then 2
         else 1 end
  from (select coalesce(a.deleted_at is null and a.activity_type in ('call_attempt', 'call_connected', 'call_completed',
                                                                     'disposition_set', 'voicemail_left'), false) as call,
               coalesce(a.deleted_at is null and a.activity_type in ('call_attempt', 'call_connected', 'call_completed',
                                                                     'disposition_set', 'voicemail_left')
                        and a.call_outcome = 'connected', false) as connected) k
  left join public.disposition_mappings m
    on k.call and a.disposition_code is not null
   and m.phoneburner_disposition_code = a.disposition_code and m.is_active
$$;

/** One signed contribution: -1 for a row as it was, +1 for a row as it is now. */
do $$
begin
  if pg_catalog.to_regtype('dialbridge.activity_stat_delta') is null then
    create type dialbridge.activity_stat_delta as (
      sign integer,
      activity_id uuid,
      dedupe_key text,
      contact_id uuid,
      session_id uuid,
      disposition_code text,
      disposition_label text,
      disposition_notes text,
      is_call integer, is_connected integer, is_decision_maker integer, is_gatekeeper integer, is_voicemail integer,
      is_no_answer integer, duration_seconds integer, talk_seconds integer,
      attempt_at timestamptz, connected_at timestamptz, disposition_at timestamptz, engaged_at timestamptz,
      activity_at timestamptz, is_qualified integer, is_meeting integer, is_disqualified integer, is_callback integer,
      member_stage integer);
  end if;
end
$$;

/** The last disposition of a contact: code, label, time, notes. */
do $$
begin
  if pg_catalog.to_regtype('dialbridge.last_disposition') is null then
    create type dialbridge.last_disposition as (code text, label text, set_at timestamptz, notes text);
  end if;
end
$$;

-- Indexes for the top-1 re-reads of extremes (partial: calls only).
create index if not exists contact_activities_contact_calls_idx on public.contact_activities (contact_id, call_started_at)
  where deleted_at is null and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');
create index if not exists contact_activities_contact_connected_idx on public.contact_activities
  (contact_id, (coalesce(call_connected_at, call_started_at)))
  where deleted_at is null and call_outcome = 'connected'
    and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');
create index if not exists contact_activities_contact_engaged_idx on public.contact_activities
  (contact_id, (coalesce(call_connected_at, call_started_at)))
  where deleted_at is null and call_outcome = 'connected' and talk_time_seconds > 120
    and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');
create index if not exists contact_activities_contact_disposition_idx on public.contact_activities
  (contact_id, disposition_set_at desc, dedupe_key desc nulls last, id desc)
  where deleted_at is null and disposition_set_at is not null
    and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');
create index if not exists contact_activities_session_calls_idx on public.contact_activities (phoneburner_session_id, call_started_at)
  where deleted_at is null and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');
create index if not exists contact_activities_session_activity_idx on public.contact_activities
  (phoneburner_session_id, (greatest(call_started_at, call_connected_at, call_ended_at, disposition_set_at)))
  where deleted_at is null and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');
create index if not exists contact_activities_member_disposition_idx on public.contact_activities
  (phoneburner_session_id, contact_id, disposition_set_at desc, dedupe_key desc nulls last, id desc)
  where deleted_at is null and disposition_set_at is not null
    and activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');

/** Member state name for a stage number (1 dialed, 2 connected, 3 completed). */
create or replace function dialbridge.session_member_state(p_stage integer) returns text
language sql immutable parallel safe security invoker 
as $$
  select case p_stage when 1 then 'dialed' when 2 then 'connected' when 3 then 'completed' else 'pending' end
$$;

/** Stage number of a member state (pending 0 … completed 3; removed and failed are not stages). */
create or replace function dialbridge.session_member_stage(p_state text) returns integer
language sql immutable parallel safe security invoker 
as $$
  select case p_state when 'pending' then 0 when 'dialed' then 1 when 'connected' then 2 when 'completed' then 3 end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Applying deltas
-- ---------------------------------------------------------------------------------------------------

/**
 * The statistics change of one statement on contact_activities as signed contributions: p_old = rows as
 * they were (-1), p_new = rows as they are (+1). A row whose contribution did not change cancels out.
 */
create or replace function dialbridge.activity_stat_deltas(
  p_old public.contact_activities[], p_new public.contact_activities[]
) returns dialbridge.activity_stat_delta[]
language plpgsql stable security invoker set search_path = ''
as $$
-- plpgsql rather than sql: it keeps its plan for the session (a non-inlined SQL function is planned anew
-- on every call, which cost more than the work itself)
begin
  return (
  with o as (
    select x.id, x.dedupe_key, x.contact_id, x.phoneburner_session_id as session_id,
           x.disposition_code, x.disposition_label, x.disposition_notes, s.*
      from unnest(p_old) x cross join lateral dialbridge.activity_call_stats(x) s
     where s.is_call = 1 or s.is_callback = 1
  ), n as (
    select x.id, x.dedupe_key, x.contact_id, x.phoneburner_session_id as session_id,
           x.disposition_code, x.disposition_label, x.disposition_notes, s.*
      from unnest(p_new) x cross join lateral dialbridge.activity_call_stats(x) s
     where s.is_call = 1 or s.is_callback = 1
  )
  select array_agg(d)
    from (
      select row(-1, o.id, o.dedupe_key, o.contact_id, o.session_id, o.disposition_code, o.disposition_label,
                 o.disposition_notes, o.is_call, o.is_connected, o.is_decision_maker, o.is_gatekeeper, o.is_voicemail,
                 o.is_no_answer, o.duration_seconds, o.talk_seconds, o.attempt_at, o.connected_at, o.disposition_at,
                 o.engaged_at, o.activity_at, o.is_qualified, o.is_meeting, o.is_disqualified, o.is_callback,
                 o.member_stage)::dialbridge.activity_stat_delta as d
        from o where not exists (select 1 from n where n.id = o.id and row(o.*) is not distinct from row(n.*))
      union all
      select row(1, n.id, n.dedupe_key, n.contact_id, n.session_id, n.disposition_code, n.disposition_label,
                 n.disposition_notes, n.is_call, n.is_connected, n.is_decision_maker, n.is_gatekeeper, n.is_voicemail,
                 n.is_no_answer, n.duration_seconds, n.talk_seconds, n.attempt_at, n.connected_at, n.disposition_at,
                 n.engaged_at, n.activity_at, n.is_qualified, n.is_meeting, n.is_disqualified, n.is_callback,
                 n.member_stage)::dialbridge.activity_stat_delta
        from n where not exists (select 1 from o where o.id = n.id and row(o.*) is not distinct from row(n.*))
    ) x);
end
$$;

/**
 * Applies signed contributions to the contacts, sessions and session members they concern: sums per
 * parent, monotonic extremes, an indexed top-1 re-read where a removed row held an extreme. Parent rows
 * are locked in id order: contacts, then sessions, then session members — FOR NO KEY UPDATE, which does not
 * conflict with the KEY SHARE locks that inserting activities takes on the same parents in row order (FOR
 * UPDATE did, and two concurrent writers deadlocked on it).
 */
create or replace function dialbridge.apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_deltas dialbridge.activity_stat_delta[] := p_deltas;
begin
  if v_deltas is null or pg_catalog.cardinality(v_deltas) = 0 then
    return;
  end if;

  -- contacts (locked in id order by the locking CTE)
  with d as (
    select * from unnest(v_deltas) where contact_id is not null and is_call = 1
  ), g as (
    select d.contact_id,
           sum(d.sign * d.is_call) as attempts,
           sum(d.sign * d.is_connected) as connected,
           sum(d.sign * d.is_decision_maker) as decision_maker,
           sum(d.sign * d.is_gatekeeper) as gatekeeper,
           sum(d.sign * d.is_voicemail) as voicemail,
           sum(d.sign * d.duration_seconds) as duration,
           sum(d.sign * d.talk_seconds) as talk,
           min(d.attempt_at) filter (where d.sign = 1) as new_first,
           max(d.attempt_at) filter (where d.sign = 1) as new_last,
           max(d.connected_at) filter (where d.sign = 1) as new_connected,
           max(d.engaged_at) filter (where d.sign = 1) as new_engaged,
           max(d.disposition_at) filter (where d.sign = 1) as new_disposition_at,
           (array_agg(row(d.disposition_code, d.disposition_label, d.disposition_at, d.disposition_notes)::dialbridge.last_disposition
                      order by d.disposition_at desc, d.dedupe_key desc nulls last, d.activity_id desc)
              filter (where d.sign = 1 and d.disposition_at is not null))[1] as new_disposition,
           array_agg(d.attempt_at) filter (where d.sign = -1 and d.attempt_at is not null) as old_attempts,
           array_agg(d.connected_at) filter (where d.sign = -1 and d.connected_at is not null) as old_connected,
           array_agg(d.engaged_at) filter (where d.sign = -1 and d.engaged_at is not null) as old_engaged,
           array_agg(d.disposition_at) filter (where d.sign = -1 and d.disposition_at is not null) as old_dispositions
      from d group by d.contact_id
  ), locked as (
    select c.id, c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker,
           c.total_calls_to_gatekeeper, c.total_voicemails_left, c.total_call_duration_seconds,
           c.total_talk_time_seconds, c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at,
           c.last_engaged_call_at, c.last_disposition_date
      from public.contacts c
     where c.id in (select g.contact_id from g)
     order by c.id
       for no key update
  ), calc as (
    select l.id,
           l.total_call_attempts + g.attempts as attempts,
           l.total_calls_connected + g.connected as connected,
           l.total_calls_to_decision_maker + g.decision_maker as decision_maker,
           l.total_calls_to_gatekeeper + g.gatekeeper as gatekeeper,
           l.total_voicemails_left + g.voicemail as voicemail,
           l.total_call_duration_seconds + g.duration as duration,
           l.total_talk_time_seconds + g.talk as talk,
           case
             when g.new_first is not null and (l.first_call_attempt_at is null or g.new_first <= l.first_call_attempt_at) then g.new_first
             when l.first_call_attempt_at = any (g.old_attempts) then
               (select a.call_started_at from public.contact_activities a
                 where a.contact_id = l.id and a.deleted_at is null and a.call_started_at is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.call_started_at limit 1)
             else l.first_call_attempt_at end as first_attempt,
           case
             when g.new_last is not null and (l.last_call_attempt_at is null or g.new_last >= l.last_call_attempt_at) then g.new_last
             when l.last_call_attempt_at = any (g.old_attempts) then
               (select a.call_started_at from public.contact_activities a
                 where a.contact_id = l.id and a.deleted_at is null and a.call_started_at is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.call_started_at desc limit 1)
             else l.last_call_attempt_at end as last_attempt,
           case
             when g.new_connected is not null and (l.last_call_connected_at is null or g.new_connected >= l.last_call_connected_at) then g.new_connected
             when l.last_call_connected_at = any (g.old_connected) then
               (select coalesce(a.call_connected_at, a.call_started_at) from public.contact_activities a
                 where a.contact_id = l.id and a.deleted_at is null and a.call_outcome = 'connected'
                   and coalesce(a.call_connected_at, a.call_started_at) is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by coalesce(a.call_connected_at, a.call_started_at) desc limit 1)
             else l.last_call_connected_at end as last_connected,
           case
             when g.new_engaged is not null and (l.last_engaged_call_at is null or g.new_engaged >= l.last_engaged_call_at) then g.new_engaged
             when l.last_engaged_call_at = any (g.old_engaged) then
               (select s.engaged_at from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
                 where a.contact_id = l.id and a.deleted_at is null and a.call_outcome = 'connected' and a.talk_time_seconds > 120
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                   and s.engaged_at is not null
                 order by coalesce(a.call_connected_at, a.call_started_at) desc limit 1)
             else l.last_engaged_call_at end as last_engaged,
           case
             when g.new_disposition_at is not null
                  and (l.last_disposition_date is null or g.new_disposition_at > l.last_disposition_date) then 'new'
             when g.new_disposition_at = l.last_disposition_date or l.last_disposition_date = any (g.old_dispositions) then 'reread'
             else 'keep' end as disposition_action,
           g.new_disposition
      from locked l join g on g.contact_id = l.id
  ), disp as (
    select calc.id, calc.disposition_action,
           case calc.disposition_action
             when 'new' then calc.new_disposition
             when 'reread' then
               (select row(a.disposition_code, a.disposition_label, a.disposition_set_at, a.disposition_notes)::dialbridge.last_disposition
                  from public.contact_activities a
                 where a.contact_id = calc.id and a.deleted_at is null and a.disposition_set_at is not null
                   and coalesce(a.disposition_code, a.disposition_label) is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.disposition_set_at desc, a.dedupe_key desc nulls last, a.id desc
                 limit 1)
           end as disposition
      from calc
  )
  update public.contacts c
     set total_call_attempts = calc.attempts,
         total_calls_connected = calc.connected,
         total_calls_to_decision_maker = calc.decision_maker,
         total_calls_to_gatekeeper = calc.gatekeeper,
         total_voicemails_left = calc.voicemail,
         total_call_duration_seconds = calc.duration,
         total_talk_time_seconds = calc.talk,
         average_talk_time_seconds = case when calc.connected > 0 then pg_catalog.round(calc.talk::numeric / calc.connected)::integer end,
         connection_rate_percentage = case when calc.attempts > 0
                                           then pg_catalog.round(calc.connected * 100.0 / calc.attempts, 2) end,
         first_call_attempt_at = calc.first_attempt,
         last_call_attempt_at = calc.last_attempt,
         last_call_connected_at = calc.last_connected,
         phone_verified_at = calc.last_connected,
         last_engaged_call_at = calc.last_engaged,
         last_disposition_code = case when disp.disposition_action = 'keep' then c.last_disposition_code
                                      else (disp.disposition).code end,
         last_disposition_label = case when disp.disposition_action = 'keep' then c.last_disposition_label
                                       else (disp.disposition).label end,
         last_disposition_date = case when disp.disposition_action = 'keep' then c.last_disposition_date
                                      else (disp.disposition).set_at end,
         last_disposition_notes = case when disp.disposition_action = 'keep' then c.last_disposition_notes
                                       else (disp.disposition).notes end,
         call_stats_last_calculated_at = pg_catalog.now()
    from calc join disp on disp.id = calc.id
   where c.id = calc.id;

  -- sessions (after contacts: the fixed lock order is contacts, sessions, session members)
  with d as (
    select * from unnest(v_deltas) where session_id is not null and (is_call = 1 or is_callback = 1)
  ), g as (
    select d.session_id,
           sum(d.sign * d.is_call) as dials,
           sum(d.sign * d.is_connected) as connections,
           sum(d.sign * d.is_decision_maker) as decision_maker,
           sum(d.sign * d.is_gatekeeper) as gatekeeper,
           sum(d.sign * d.is_voicemail) as voicemail,
           sum(d.sign * d.is_no_answer) as no_answer,
           sum(d.sign * d.duration_seconds) as call_time,
           sum(d.sign * d.talk_seconds) as talk,
           sum(d.sign * d.is_qualified) as qualified,
           sum(d.sign * d.is_meeting) as meetings,
           sum(d.sign * d.is_disqualified) as disqualified,
           sum(d.sign * d.is_callback) as callbacks,
           min(d.attempt_at) filter (where d.sign = 1) as new_started,
           max(d.activity_at) filter (where d.sign = 1) as new_activity,
           array_agg(d.attempt_at) filter (where d.sign = -1 and d.attempt_at is not null) as old_attempts,
           array_agg(d.activity_at) filter (where d.sign = -1 and d.activity_at is not null) as old_activity
      from d group by d.session_id
  ), locked as (
    select s.id, s.total_dials, s.total_connections, s.total_decision_maker_conversations,
           s.total_gatekeeper_conversations, s.total_voicemails_left, s.total_no_answers, s.total_call_time_seconds,
           s.total_talk_time_seconds, s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified,
           s.total_callbacks_scheduled, s.started_at, s.last_activity_at
      from public.phoneburner_sessions s
     where s.id in (select g.session_id from g)
     order by s.id
       for no key update
  ), calc as (
    select l.id,
           l.total_dials + g.dials as dials,
           l.total_connections + g.connections as connections,
           l.total_decision_maker_conversations + g.decision_maker as decision_maker,
           l.total_gatekeeper_conversations + g.gatekeeper as gatekeeper,
           l.total_voicemails_left + g.voicemail as voicemail,
           l.total_no_answers + g.no_answer as no_answer,
           l.total_call_time_seconds + g.call_time as call_time,
           l.total_talk_time_seconds + g.talk as talk,
           l.total_qualified_leads + g.qualified as qualified,
           l.total_meetings_scheduled + g.meetings as meetings,
           l.total_disqualified + g.disqualified as disqualified,
           l.total_callbacks_scheduled + g.callbacks as callbacks,
           case
             when g.new_started is not null and (l.started_at is null or g.new_started <= l.started_at) then g.new_started
             when l.started_at = any (g.old_attempts) then
               (select a.call_started_at from public.contact_activities a
                 where a.phoneburner_session_id = l.id and a.deleted_at is null and a.call_started_at is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by a.call_started_at limit 1)
             else l.started_at end as started_at,
           case
             when g.new_activity is not null and (l.last_activity_at is null or g.new_activity >= l.last_activity_at) then g.new_activity
             when l.last_activity_at = any (g.old_activity) then
               (select greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at)
                  from public.contact_activities a
                 where a.phoneburner_session_id = l.id and a.deleted_at is null
                   and greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at) is not null
                   and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
                 order by greatest(a.call_started_at, a.call_connected_at, a.call_ended_at, a.disposition_set_at) desc limit 1)
             else l.last_activity_at end as last_activity_at
      from locked l join g on g.session_id = l.id
  )
  update public.phoneburner_sessions s
     set total_dials = calc.dials,
         total_connections = calc.connections,
         total_decision_maker_conversations = calc.decision_maker,
         total_gatekeeper_conversations = calc.gatekeeper,
         total_voicemails_left = calc.voicemail,
         total_no_answers = calc.no_answer,
         total_call_time_seconds = calc.call_time,
         total_talk_time_seconds = calc.talk,
         average_talk_time_seconds = case when calc.connections > 0 then pg_catalog.round(calc.talk::numeric / calc.connections)::integer end,
         total_qualified_leads = calc.qualified,
         total_meetings_scheduled = calc.meetings,
         total_disqualified = calc.disqualified,
         total_callbacks_scheduled = calc.callbacks,
         connection_rate_percentage = case when calc.dials > 0 then pg_catalog.round(calc.connections * 100.0 / calc.dials, 2) end,
         qualification_rate_percentage = case when calc.connections > 0
                                              then least(pg_catalog.round(calc.qualified * 100.0 / calc.connections, 2), 999.99) end,
         started_at = calc.started_at,
         last_activity_at = calc.last_activity_at
    from calc
   where s.id = calc.id;

  -- session members: state (dialed < connected < completed), last call, last disposition in the session
  with d as (
    select * from unnest(v_deltas) where sign = 1 and is_call = 1 and contact_id is not null and session_id is not null
  ), g as (
    select d.session_id, d.contact_id, max(d.member_stage) as stage, max(d.attempt_at) as last_called,
           bool_or(d.disposition_at is not null) as has_disposition
      from d group by d.session_id, d.contact_id
  ), locked as (
    select m.session_id, m.contact_id, m.state, m.last_called_at, m.last_disposition_code
      from public.phoneburner_session_contacts m
      join g on g.session_id = m.session_id and g.contact_id = m.contact_id
     order by m.session_id, m.contact_id
       for no key update of m
  )
  update public.phoneburner_session_contacts m
     set state = case when l.state in ('removed', 'failed') then l.state
                      else dialbridge.session_member_state(greatest(dialbridge.session_member_stage(l.state), g.stage)) end,
         last_called_at = greatest(l.last_called_at, g.last_called),
         last_disposition_code = case when g.has_disposition then
           (select a.disposition_code from public.contact_activities a
             where a.phoneburner_session_id = m.session_id and a.contact_id = m.contact_id and a.deleted_at is null
               and a.disposition_set_at is not null
               and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
             order by a.disposition_set_at desc, a.dedupe_key desc nulls last, a.id desc limit 1)
           else l.last_disposition_code end
    from locked l join g on g.session_id = l.session_id and g.contact_id = l.contact_id
   where m.session_id = l.session_id and m.contact_id = l.contact_id
     and (l.state not in ('removed', 'failed') and dialbridge.session_member_stage(l.state) < g.stage
          or l.last_called_at is distinct from greatest(l.last_called_at, g.last_called)
          or g.has_disposition);
end
$$;

/**
 * Within a batch of the event processor (setting dialbridge.defer_call_stats = on for the transaction)
 * statement deltas are buffered in a temporary table and applied once, by flush_call_stat_deltas(), at
 * the end of the batch: each contact and session is then updated and locked once per batch, in id order,
 * for the shortest time. Everywhere else (the browser, link_unmatched_activity, …) they apply at once.
 */
create or replace function dialbridge.buffer_or_apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if p_deltas is null or pg_catalog.cardinality(p_deltas) = 0 then
    return;
  end if;
  if pg_catalog.current_setting('dialbridge.defer_call_stats', true) = 'on'
     and pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is not null then
    insert into pg_temp.dialbridge_call_stat_deltas select * from unnest(p_deltas);
  else
    perform dialbridge.apply_call_stat_deltas(p_deltas);
  end if;
end
$$;

/** Starts buffering call-statistics deltas for the rest of the transaction (see buffer_or_apply_call_stat_deltas). */
create or replace function dialbridge.defer_call_stats() returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is null then
    create temporary table dialbridge_call_stat_deltas of dialbridge.activity_stat_delta on commit delete rows;
  end if;
  perform pg_catalog.set_config('dialbridge.defer_call_stats', 'on', true);
end
$$;

/**
 * Applies the buffered deltas (a row inserted then updated in the same batch nets out to its last
 * version) and stops buffering. Returns the number of net deltas applied.
 */
create or replace function dialbridge.flush_call_stat_deltas() returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_deltas dialbridge.activity_stat_delta[];
begin
  perform pg_catalog.set_config('dialbridge.defer_call_stats', 'off', true);
  if pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is null then
    return 0;
  end if;
  select array_agg(row(x.net, x.activity_id, x.dedupe_key, x.contact_id, x.session_id, x.disposition_code,
                       x.disposition_label, x.disposition_notes, x.is_call, x.is_connected, x.is_decision_maker,
                       x.is_gatekeeper, x.is_voicemail, x.is_no_answer, x.duration_seconds, x.talk_seconds, x.attempt_at,
                       x.connected_at, x.disposition_at, x.engaged_at, x.activity_at, x.is_qualified, x.is_meeting,
                       x.is_disqualified, x.is_callback, x.member_stage)::dialbridge.activity_stat_delta)
    into v_deltas
    from (select sum(d.sign)::integer as net, d.activity_id, d.dedupe_key, d.contact_id, d.session_id, d.disposition_code,
                 d.disposition_label, d.disposition_notes, d.is_call, d.is_connected, d.is_decision_maker,
                 d.is_gatekeeper, d.is_voicemail, d.is_no_answer, d.duration_seconds, d.talk_seconds, d.attempt_at,
                 d.connected_at, d.disposition_at, d.engaged_at, d.activity_at, d.is_qualified, d.is_meeting,
                 d.is_disqualified, d.is_callback, d.member_stage
            from pg_temp.dialbridge_call_stat_deltas d
           group by d.activity_id, d.dedupe_key, d.contact_id, d.session_id, d.disposition_code, d.disposition_label,
                    d.disposition_notes, d.is_call, d.is_connected, d.is_decision_maker, d.is_gatekeeper,
                    d.is_voicemail, d.is_no_answer, d.duration_seconds, d.talk_seconds, d.attempt_at, d.connected_at,
                    d.disposition_at, d.engaged_at, d.activity_at, d.is_qualified, d.is_meeting, d.is_disqualified,
                    d.is_callback, d.member_stage
          having sum(d.sign) <> 0) x;
  delete from pg_temp.dialbridge_call_stat_deltas;
  perform dialbridge.apply_call_stat_deltas(v_deltas);
  return coalesce(pg_catalog.cardinality(v_deltas), 0);
end
$$;

/**
 * Statement-level trigger on contact_activities: the transition tables' deltas, applied or buffered.
 * security definer: a rep logging a call by hand may not write the statistics columns (column privileges),
 * yet they must follow; a trigger function cannot be called other than as a trigger.
 */
create or replace function dialbridge.tg_contact_activities__aggregate_calls() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      null, array(select r::public.contact_activities from new_rows r)));
  elsif tg_op = 'UPDATE' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      array(select r::public.contact_activities from old_rows r), array(select r::public.contact_activities from new_rows r)));
  elsif tg_op = 'DELETE' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      array(select r::public.contact_activities from old_rows r), null));
  end if;
  return null;
end
$$;

drop trigger if exists _500_aggregate_calls_after_insert on public.contact_activities;
create trigger _500_aggregate_calls_after_insert after insert on public.contact_activities
  referencing new table as new_rows
  for each statement execute function dialbridge.tg_contact_activities__aggregate_calls();
drop trigger if exists _500_aggregate_calls_after_update on public.contact_activities;
create trigger _500_aggregate_calls_after_update after update on public.contact_activities
  referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_contact_activities__aggregate_calls();
drop trigger if exists _500_aggregate_calls_after_delete on public.contact_activities;
create trigger _500_aggregate_calls_after_delete after delete on public.contact_activities
  referencing old table as old_rows
  for each statement execute function dialbridge.tg_contact_activities__aggregate_calls();

/**
 * Call rows logged by hand (the browser inserts call_started_at / call_ended_at but no disposition time):
 * a call always has a start time and a dispositioned call a disposition time, which the statistics use.
 */
create or replace function dialbridge.tg_contact_activities__call_defaults() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if new.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left') then
    new.call_started_at := coalesce(new.call_started_at, new.call_connected_at, new.call_ended_at,
                                    new.disposition_set_at, new.created_at, pg_catalog.now());
    if coalesce(new.disposition_code, new.disposition_label) is not null and new.disposition_set_at is null then
      new.disposition_set_at := coalesce(new.call_ended_at, new.call_started_at);
    end if;
  end if;
  return new;
end
$$;
drop trigger if exists _050_call_defaults on public.contact_activities;
create trigger _050_call_defaults before insert or update on public.contact_activities
  for each row execute function dialbridge.tg_contact_activities__call_defaults();

-- ---------------------------------------------------------------------------------------------------
-- Session membership totals
-- ---------------------------------------------------------------------------------------------------

/**
 * Statement-level trigger on phoneburner_session_contacts: total_contacts_added / _active / _completed.
 * security definer for the same reason as tg_contact_activities__aggregate_calls.
 */
create or replace function dialbridge.tg_phoneburner_session_contacts__count_members() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_old public.phoneburner_session_contacts[];
  v_new public.phoneburner_session_contacts[];
begin
  if tg_op in ('UPDATE', 'DELETE') then
    v_old := array(select r::public.phoneburner_session_contacts from old_rows r);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_new := array(select r::public.phoneburner_session_contacts from new_rows r);
  end if;
  with d as (
    select -1 as sign, x.session_id, x.state from unnest(v_old) x
    union all
    select 1, x.session_id, x.state from unnest(v_new) x
  ), g as (
    select d.session_id,
           sum(d.sign) as added,
           sum(d.sign) filter (where d.state in ('pending', 'dialed', 'connected')) as active,
           sum(d.sign) filter (where d.state = 'completed') as completed
      from d group by d.session_id
  ), locked as (
    select s.id from public.phoneburner_sessions s where s.id in (select g.session_id from g) order by s.id for no key update
  )
  update public.phoneburner_sessions s
     set total_contacts_added = s.total_contacts_added + g.added,
         total_contacts_active = s.total_contacts_active + coalesce(g.active, 0),
         total_contacts_completed = s.total_contacts_completed + coalesce(g.completed, 0)
    from g join locked l on l.id = g.session_id
   where s.id = g.session_id
     and (g.added <> 0 or coalesce(g.active, 0) <> 0 or coalesce(g.completed, 0) <> 0);
  return null;
end
$$;

drop trigger if exists _500_count_members_after_insert on public.phoneburner_session_contacts;
create trigger _500_count_members_after_insert after insert on public.phoneburner_session_contacts
  referencing new table as new_rows
  for each statement execute function dialbridge.tg_phoneburner_session_contacts__count_members();
drop trigger if exists _500_count_members_after_update on public.phoneburner_session_contacts;
create trigger _500_count_members_after_update after update on public.phoneburner_session_contacts
  referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_phoneburner_session_contacts__count_members();
drop trigger if exists _500_count_members_after_delete on public.phoneburner_session_contacts;
create trigger _500_count_members_after_delete after delete on public.phoneburner_session_contacts
  referencing old table as old_rows
  for each statement execute function dialbridge.tg_phoneburner_session_contacts__count_members();

-- ---------------------------------------------------------------------------------------------------
-- Reconciliation: recompute from the raw rows, report and fix drift
-- ---------------------------------------------------------------------------------------------------

/**
 * The contacts' call statistics recomputed from their contact_activities rows (same contribution as the
 * triggers). p_contact_id null: every contact that has call rows or non-zero statistics.
 */
create or replace function dialbridge.contact_call_stats_from_rows(p_contact_id uuid default null)
returns table (
  contact_id uuid, total_call_attempts integer, total_calls_connected integer, total_calls_to_decision_maker integer,
  total_calls_to_gatekeeper integer, total_voicemails_left integer, total_call_duration_seconds integer,
  total_talk_time_seconds integer, average_talk_time_seconds integer, connection_rate_percentage numeric,
  first_call_attempt_at timestamptz, last_call_attempt_at timestamptz, last_call_connected_at timestamptz,
  phone_verified_at timestamptz, last_disposition_code text, last_disposition_label text,
  last_disposition_date timestamptz, last_disposition_notes text, last_engaged_call_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
  with scope as (
    select c.id from public.contacts c
     where (p_contact_id is null or c.id = p_contact_id)
       and (p_contact_id is not null or c.total_call_attempts <> 0 or c.last_call_attempt_at is not null
            or c.last_disposition_date is not null
            or exists (select 1 from public.contact_activities a where a.contact_id = c.id))
  ), agg as (
    select a.contact_id,
           sum(s.is_call)::integer as attempts, sum(s.is_connected)::integer as connected,
           sum(s.is_decision_maker)::integer as dm, sum(s.is_gatekeeper)::integer as gk,
           sum(s.is_voicemail)::integer as vm, sum(s.duration_seconds)::integer as duration,
           sum(s.talk_seconds)::integer as talk, min(s.attempt_at) as first_at, max(s.attempt_at) as last_at,
           max(s.connected_at) as connected_at, max(s.engaged_at) as engaged_at
      from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
     where a.contact_id in (select id from scope) and s.is_call = 1
     group by a.contact_id
  ), disp as (
    select distinct on (a.contact_id) a.contact_id, a.disposition_code, a.disposition_label, a.disposition_set_at,
           a.disposition_notes
      from public.contact_activities a
     where a.contact_id in (select id from scope) and a.deleted_at is null and a.disposition_set_at is not null
       and coalesce(a.disposition_code, a.disposition_label) is not null
       and dialbridge.is_call_activity_type(a.activity_type)
     order by a.contact_id, a.disposition_set_at desc, a.dedupe_key desc nulls last, a.id desc
  )
  select sc.id, coalesce(g.attempts, 0), coalesce(g.connected, 0), coalesce(g.dm, 0), coalesce(g.gk, 0),
         coalesce(g.vm, 0), coalesce(g.duration, 0), coalesce(g.talk, 0),
         case when g.connected > 0 then pg_catalog.round(g.talk::numeric / g.connected)::integer end,
         case when g.attempts > 0 then pg_catalog.round(g.connected * 100.0 / g.attempts, 2) end,
         g.first_at, g.last_at, g.connected_at, g.connected_at,
         d.disposition_code, d.disposition_label, d.disposition_set_at, d.disposition_notes, g.engaged_at
    from scope sc
    left join agg g on g.contact_id = sc.id
    left join disp d on d.contact_id = sc.id
$$;

/**
 * Reconciliation: recomputes contacts' call statistics from the raw rows, fixes the ones that drifted and
 * returns what it fixed, one row per contact and column. An empty result means the incremental statistics
 * were exact. p_contact_id null: all contacts (drifted ones fixed one at a time, in id order, each under
 * its row lock, so the projection is never held up for long).
 */
create or replace function dialbridge.recompute_contact_call_stats(p_contact_id uuid default null)
returns table (contact_id uuid, column_name text, stored_value text, recomputed_value text)
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id uuid;
begin
  if p_contact_id is null then
    -- all contacts: find the drifted ones without locking anything, then fix them one at a time, in id
    -- order, each checked again under its own row lock (the projection keeps running meanwhile)
    for v_id in
      select t.contact_id
        from dialbridge.contact_call_stats_from_rows(null) t
        join public.contacts c on c.id = t.contact_id
       where (c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker, c.total_calls_to_gatekeeper,
              c.total_voicemails_left, c.total_call_duration_seconds, c.total_talk_time_seconds, c.average_talk_time_seconds,
              c.connection_rate_percentage, c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at,
              c.phone_verified_at, c.last_disposition_code, c.last_disposition_label, c.last_disposition_date,
              c.last_disposition_notes, c.last_engaged_call_at)
             is distinct from
             (t.total_call_attempts, t.total_calls_connected, t.total_calls_to_decision_maker, t.total_calls_to_gatekeeper,
              t.total_voicemails_left, t.total_call_duration_seconds, t.total_talk_time_seconds, t.average_talk_time_seconds,
              t.connection_rate_percentage, t.first_call_attempt_at, t.last_call_attempt_at, t.last_call_connected_at,
              t.phone_verified_at, t.last_disposition_code, t.last_disposition_label, t.last_disposition_date,
              t.last_disposition_notes, t.last_engaged_call_at)
       order by t.contact_id
    loop
      return query select * from dialbridge.recompute_contact_call_stats(v_id);
    end loop;
    return;
  end if;

  return query
  with truth as (
    select * from dialbridge.contact_call_stats_from_rows(p_contact_id)
  ), cur_rows as (
    select c.id, c.total_call_attempts, c.total_calls_connected, c.total_calls_to_decision_maker,
           c.total_calls_to_gatekeeper, c.total_voicemails_left, c.total_call_duration_seconds,
           c.total_talk_time_seconds, c.average_talk_time_seconds, c.connection_rate_percentage,
           c.first_call_attempt_at, c.last_call_attempt_at, c.last_call_connected_at, c.phone_verified_at,
           c.last_disposition_code, c.last_disposition_label, c.last_disposition_date, c.last_disposition_notes,
           c.last_engaged_call_at
      from public.contacts c
     where c.id in (select t.contact_id from truth t)
     order by c.id
       for no key update
  ), diff as (
    select cur.id, o.key as column_name, o.value #>> '{}' as stored_value, n.value #>> '{}' as recomputed_value
      from cur_rows cur
      join truth t on t.contact_id = cur.id
      cross join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(cur) - 'id') o
      join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(t) - 'contact_id') n on n.key = o.key
     where o.value is distinct from n.value
  ), fixed as (
    update public.contacts c
       set total_call_attempts = t.total_call_attempts,
           total_calls_connected = t.total_calls_connected,
           total_calls_to_decision_maker = t.total_calls_to_decision_maker,
           total_calls_to_gatekeeper = t.total_calls_to_gatekeeper,
           total_voicemails_left = t.total_voicemails_left,
           total_call_duration_seconds = t.total_call_duration_seconds,
           total_talk_time_seconds = t.total_talk_time_seconds,
           average_talk_time_seconds = t.average_talk_time_seconds,
           connection_rate_percentage = t.connection_rate_percentage,
           first_call_attempt_at = t.first_call_attempt_at,
           last_call_attempt_at = t.last_call_attempt_at,
           last_call_connected_at = t.last_call_connected_at,
           phone_verified_at = t.phone_verified_at,
           last_disposition_code = t.last_disposition_code,
           last_disposition_label = t.last_disposition_label,
           last_disposition_date = t.last_disposition_date,
           last_disposition_notes = t.last_disposition_notes,
           last_engaged_call_at = t.last_engaged_call_at,
           call_stats_stale = false,
           call_stats_last_calculated_at = pg_catalog.now()
      from truth t
     where c.id = t.contact_id and c.id in (select diff.id from diff)
    returning c.id
  )
  select diff.id, diff.column_name, diff.stored_value, diff.recomputed_value
    from diff
   where diff.id in (select fixed.id from fixed)
   order by diff.id, diff.column_name;
end
$$;

/** The sessions' call statistics and member counts recomputed from the raw rows. */
create or replace function dialbridge.session_call_stats_from_rows(p_session_id uuid default null)
returns table (
  session_id uuid, total_contacts_added integer, total_contacts_active integer, total_contacts_completed integer,
  total_dials integer, total_connections integer, total_decision_maker_conversations integer,
  total_gatekeeper_conversations integer, total_voicemails_left integer, total_no_answers integer,
  total_call_time_seconds integer, total_talk_time_seconds integer, average_talk_time_seconds integer,
  total_qualified_leads integer, total_meetings_scheduled integer, total_disqualified integer,
  total_callbacks_scheduled integer, connection_rate_percentage numeric, qualification_rate_percentage numeric,
  started_at timestamptz, last_activity_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
  with scope as (
    select s.id from public.phoneburner_sessions s where p_session_id is null or s.id = p_session_id
  ), agg as (
    select a.phoneburner_session_id as session_id,
           sum(s.is_call)::integer as dials, sum(s.is_connected)::integer as connections,
           sum(s.is_decision_maker)::integer as dm, sum(s.is_gatekeeper)::integer as gk,
           sum(s.is_voicemail)::integer as vm, sum(s.is_no_answer)::integer as no_answer,
           sum(s.duration_seconds)::integer as call_time, sum(s.talk_seconds)::integer as talk,
           sum(s.is_qualified)::integer as qualified, sum(s.is_meeting)::integer as meetings,
           sum(s.is_disqualified)::integer as disqualified, sum(s.is_callback)::integer as callbacks,
           min(s.attempt_at) as started_at, max(s.activity_at) as last_activity_at
      from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
     where a.phoneburner_session_id in (select id from scope) and (s.is_call = 1 or s.is_callback = 1)
     group by a.phoneburner_session_id
  ), members as (
    select m.session_id, count(*)::integer as added,
           (count(*) filter (where m.state in ('pending', 'dialed', 'connected')))::integer as active,
           (count(*) filter (where m.state = 'completed'))::integer as completed
      from public.phoneburner_session_contacts m
     where m.session_id in (select id from scope)
     group by m.session_id
  )
  select sc.id, coalesce(m.added, 0), coalesce(m.active, 0), coalesce(m.completed, 0),
         coalesce(g.dials, 0), coalesce(g.connections, 0), coalesce(g.dm, 0), coalesce(g.gk, 0), coalesce(g.vm, 0),
         coalesce(g.no_answer, 0), coalesce(g.call_time, 0), coalesce(g.talk, 0),
         case when g.connections > 0 then pg_catalog.round(g.talk::numeric / g.connections)::integer end,
         coalesce(g.qualified, 0), coalesce(g.meetings, 0), coalesce(g.disqualified, 0), coalesce(g.callbacks, 0),
         case when g.dials > 0 then pg_catalog.round(g.connections * 100.0 / g.dials, 2) end,
         case when g.connections > 0 then least(pg_catalog.round(g.qualified * 100.0 / g.connections, 2), 999.99) end,
         g.started_at, g.last_activity_at
    from scope sc
    left join agg g on g.session_id = sc.id
    left join members m on m.session_id = sc.id
$$;

/**
 * Reconciliation for phoneburner_sessions: recomputes counters, rates and member counts from the raw
 * rows, fixes drift (sessions locked in id order) and returns what it fixed. p_session_id null: all.
 */
create or replace function dialbridge.recompute_session_call_stats(p_session_id uuid default null)
returns table (session_id uuid, column_name text, stored_value text, recomputed_value text)
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id uuid;
begin
  if p_session_id is null then
    -- all sessions: drifted ones found without locks, then fixed one at a time under their row lock
    for v_id in
      select t.session_id
        from dialbridge.session_call_stats_from_rows(null) t
        join public.phoneburner_sessions s on s.id = t.session_id
       where (s.total_contacts_added, s.total_contacts_active, s.total_contacts_completed, s.total_dials, s.total_connections,
              s.total_decision_maker_conversations, s.total_gatekeeper_conversations, s.total_voicemails_left,
              s.total_no_answers, s.total_call_time_seconds, s.total_talk_time_seconds, s.average_talk_time_seconds,
              s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified, s.total_callbacks_scheduled,
              s.connection_rate_percentage, s.qualification_rate_percentage, s.started_at, s.last_activity_at)
             is distinct from
             (t.total_contacts_added, t.total_contacts_active, t.total_contacts_completed, t.total_dials, t.total_connections,
              t.total_decision_maker_conversations, t.total_gatekeeper_conversations, t.total_voicemails_left,
              t.total_no_answers, t.total_call_time_seconds, t.total_talk_time_seconds, t.average_talk_time_seconds,
              t.total_qualified_leads, t.total_meetings_scheduled, t.total_disqualified, t.total_callbacks_scheduled,
              t.connection_rate_percentage, t.qualification_rate_percentage, t.started_at, t.last_activity_at)
       order by t.session_id
    loop
      return query select * from dialbridge.recompute_session_call_stats(v_id);
    end loop;
    return;
  end if;

  return query
  with truth as (
    select * from dialbridge.session_call_stats_from_rows(p_session_id)
  ), cur_rows as (
    select s.id, s.total_contacts_added, s.total_contacts_active, s.total_contacts_completed, s.total_dials,
           s.total_connections, s.total_decision_maker_conversations, s.total_gatekeeper_conversations,
           s.total_voicemails_left, s.total_no_answers, s.total_call_time_seconds, s.total_talk_time_seconds,
           s.average_talk_time_seconds, s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified,
           s.total_callbacks_scheduled, s.connection_rate_percentage, s.qualification_rate_percentage,
           s.started_at, s.last_activity_at
      from public.phoneburner_sessions s
     where s.id in (select t.session_id from truth t)
     order by s.id
       for no key update
  ), diff as (
    select cur.id, o.key as column_name, o.value #>> '{}' as stored_value, n.value #>> '{}' as recomputed_value
      from cur_rows cur
      join truth t on t.session_id = cur.id
      cross join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(cur) - 'id') o
      join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(t) - 'session_id') n on n.key = o.key
     where o.value is distinct from n.value
  ), fixed as (
    update public.phoneburner_sessions s
       set total_contacts_added = t.total_contacts_added,
           total_contacts_active = t.total_contacts_active,
           total_contacts_completed = t.total_contacts_completed,
           total_dials = t.total_dials,
           total_connections = t.total_connections,
           total_decision_maker_conversations = t.total_decision_maker_conversations,
           total_gatekeeper_conversations = t.total_gatekeeper_conversations,
           total_voicemails_left = t.total_voicemails_left,
           total_no_answers = t.total_no_answers,
           total_call_time_seconds = t.total_call_time_seconds,
           total_talk_time_seconds = t.total_talk_time_seconds,
           average_talk_time_seconds = t.average_talk_time_seconds,
           total_qualified_leads = t.total_qualified_leads,
           total_meetings_scheduled = t.total_meetings_scheduled,
           total_disqualified = t.total_disqualified,
           total_callbacks_scheduled = t.total_callbacks_scheduled,
           connection_rate_percentage = t.connection_rate_percentage,
           qualification_rate_percentage = t.qualification_rate_percentage,
           started_at = t.started_at,
           last_activity_at = t.last_activity_at
      from truth t
     where s.id = t.session_id and s.id in (select diff.id from diff)
    returning s.id
  )
  select diff.id, diff.column_name, diff.stored_value, diff.recomputed_value
    from diff
   where diff.id in (select fixed.id from fixed)
   order by diff.id, diff.column_name;
end
$$;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.recompute_contact_call_stats(uuid), dialbridge.recompute_session_call_stats(uuid),
  dialbridge.contact_call_stats_from_rows(uuid), dialbridge.session_call_stats_from_rows(uuid)
  to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
