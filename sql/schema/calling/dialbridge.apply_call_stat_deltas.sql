CREATE FUNCTION dialbridge.apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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

COMMENT ON FUNCTION dialbridge.apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) IS 'Applies signed contributions to the contacts, sessions and session members they concern: sums per
parent, monotonic extremes, an indexed top-1 re-read where a removed row held an extreme. Parent rows
are locked in id order: contacts, then sessions, then session members — FOR NO KEY UPDATE, which does not
conflict with the KEY SHARE locks that inserting activities takes on the same parents in row order (FOR
UPDATE did, and two concurrent writers deadlocked on it).';

REVOKE ALL ON FUNCTION dialbridge.apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) FROM PUBLIC;
