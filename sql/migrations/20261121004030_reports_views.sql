-- migrate:up
-- Reporting, part 4 (issue 5): the reports views read by Metabase and by the frontend.
--
-- Every view is security_invoker (the caller's RLS applies; see 20261121004000 for how Metabase reads
-- them) and reads roll-ups or indexed lookups only: none scans contact_activities. "Today" and report days
-- are calendar days in the reporting time zone (dialbridge.report_settings). Rates are percentages rounded
-- to one decimal, null when the denominator is zero. Durations come in seconds and as m:ss text.
-- Disposition outcome groups are the mapping's SourceCo status: qualified, nurture, disqualified,
-- suppressed, invalid, attempted; "unmapped" when no active mapping matches the code or label.

-- ---------------------------------------------------------------------------------------------------
-- Classified roll-ups (private helpers: each roll-up row with its disposition's class)
-- ---------------------------------------------------------------------------------------------------
/** rep_daily_stats with each row's disposition class (code first, then label; see disposition_classes). */
create or replace view dialbridge.rep_daily_classified with (security_invoker = true) as
  select r.*,
         case when cc.match_key is not null then cc.code else cl.code end as mapping_code,
         case when cc.match_key is not null then cc.label else cl.label end as mapping_label,
         coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end,
                  case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) as outcome_group,
         coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false) as is_meeting
    from dialbridge.rep_daily_stats r
    left join dialbridge.disposition_classes cc on r.disposition_code <> '' and cc.match_key = 'c:' || r.disposition_code
    left join dialbridge.disposition_classes cl on r.label_key <> '' and cl.match_key = 'l:' || r.label_key;

/** segment_daily_stats with each row's disposition class. */
create or replace view dialbridge.segment_classified with (security_invoker = true) as
  select r.*,
         coalesce(case when cc.match_key is not null then cc.outcome_group else cl.outcome_group end,
                  case when r.disposition_code <> '' or r.label_key <> '' then 'unmapped' else 'none' end) as outcome_group,
         coalesce(case when cc.match_key is not null then cc.is_meeting else cl.is_meeting end, false) as is_meeting
    from dialbridge.segment_daily_stats r
    left join dialbridge.disposition_classes cc on r.disposition_code <> '' and cc.match_key = 'c:' || r.disposition_code
    left join dialbridge.disposition_classes cl on r.label_key <> '' and cl.match_key = 'l:' || r.label_key;

-- ---------------------------------------------------------------------------------------------------
-- Rep performance (seed 000 query 1, US-011)
-- ---------------------------------------------------------------------------------------------------
create or replace view reports.rep_performance_daily with (security_invoker = true) as
  select r.day as period_start, r.team_id, t.name as team_name, r.user_id as rep_id,
         coalesce(p.display_name, p.email, 'Unknown rep') as rep_name,
         r.calls as dials, r.connections,
         pg_catalog.round(100.0 * r.connections / nullif(r.calls, 0), 1) as connection_rate_pct,
         r.decision_maker_conversations, r.gatekeeper_conversations, r.voicemails, r.no_answers,
         r.talk_time_seconds, pg_catalog.round(r.talk_time_seconds / 3600.0, 2) as talk_time_hours,
         pg_catalog.round(r.talk_time_seconds::numeric / nullif(r.connections, 0))::integer as avg_talk_time_seconds,
         dialbridge.format_mmss(r.talk_time_seconds::numeric / nullif(r.connections, 0)) as avg_talk_time,
         r.dispositioned_calls,
         pg_catalog.round(100.0 * r.dispositioned_calls / nullif(r.calls, 0), 1) as disposition_coverage_pct,
         r.qualified, r.nurture, r.disqualified, r.suppressed, r.other_dispositions, r.unmapped_dispositions,
         r.meetings, r.callbacks_scheduled,
         pg_catalog.round(100.0 * r.qualified / nullif(r.connections, 0), 1) as qualification_rate_pct
    from dialbridge.rep_day_totals r
    left join dialbridge.report_profiles p on p.id = r.user_id
    left join dialbridge.report_teams t on t.id = r.team_id;

create or replace view reports.rep_performance_weekly with (security_invoker = true) as
  with w as (
    select pg_catalog.date_trunc('week', r.day)::date as period_start, r.team_id, r.user_id,
           sum(r.calls)::integer as dials, sum(r.connections)::integer as connections,
           sum(r.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(r.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(r.voicemails)::integer as voicemails, sum(r.no_answers)::integer as no_answers,
           sum(r.talk_time_seconds)::bigint as talk_time_seconds, sum(r.dispositioned_calls)::integer as dispositioned_calls,
           coalesce(sum(r.qualified), 0)::integer as qualified, coalesce(sum(r.nurture), 0)::integer as nurture,
           coalesce(sum(r.disqualified), 0)::integer as disqualified, coalesce(sum(r.suppressed), 0)::integer as suppressed,
           coalesce(sum(r.other_dispositions), 0)::integer as other_dispositions,
           coalesce(sum(r.unmapped_dispositions), 0)::integer as unmapped, coalesce(sum(r.meetings), 0)::integer as meetings,
           sum(r.callbacks_scheduled)::integer as callbacks_scheduled
      from dialbridge.rep_day_totals r
     group by 1, 2, 3
  )
  select w.period_start, w.team_id, t.name as team_name, w.user_id as rep_id,
         coalesce(p.display_name, p.email, 'Unknown rep') as rep_name,
         w.dials, w.connections, pg_catalog.round(100.0 * w.connections / nullif(w.dials, 0), 1) as connection_rate_pct,
         w.decision_maker_conversations, w.gatekeeper_conversations, w.voicemails, w.no_answers,
         w.talk_time_seconds, pg_catalog.round(w.talk_time_seconds / 3600.0, 2) as talk_time_hours,
         pg_catalog.round(w.talk_time_seconds::numeric / nullif(w.connections, 0))::integer as avg_talk_time_seconds,
         dialbridge.format_mmss(w.talk_time_seconds::numeric / nullif(w.connections, 0)) as avg_talk_time,
         w.dispositioned_calls, pg_catalog.round(100.0 * w.dispositioned_calls / nullif(w.dials, 0), 1) as disposition_coverage_pct,
         w.qualified, w.nurture, w.disqualified, w.suppressed, w.other_dispositions, w.unmapped as unmapped_dispositions,
         w.meetings, w.callbacks_scheduled,
         pg_catalog.round(100.0 * w.qualified / nullif(w.connections, 0), 1) as qualification_rate_pct
    from w
    left join dialbridge.report_profiles p on p.id = w.user_id
    left join dialbridge.report_teams t on t.id = w.team_id;

create or replace view reports.rep_performance_monthly with (security_invoker = true) as
  with m as (
    select pg_catalog.date_trunc('month', r.day)::date as period_start, r.team_id, r.user_id,
           sum(r.calls)::integer as dials, sum(r.connections)::integer as connections,
           sum(r.decision_maker_conversations)::integer as decision_maker_conversations,
           sum(r.gatekeeper_conversations)::integer as gatekeeper_conversations,
           sum(r.voicemails)::integer as voicemails, sum(r.no_answers)::integer as no_answers,
           sum(r.talk_time_seconds)::bigint as talk_time_seconds, sum(r.dispositioned_calls)::integer as dispositioned_calls,
           coalesce(sum(r.qualified), 0)::integer as qualified, coalesce(sum(r.nurture), 0)::integer as nurture,
           coalesce(sum(r.disqualified), 0)::integer as disqualified, coalesce(sum(r.suppressed), 0)::integer as suppressed,
           coalesce(sum(r.other_dispositions), 0)::integer as other_dispositions,
           coalesce(sum(r.unmapped_dispositions), 0)::integer as unmapped, coalesce(sum(r.meetings), 0)::integer as meetings,
           sum(r.callbacks_scheduled)::integer as callbacks_scheduled
      from dialbridge.rep_day_totals r
     group by 1, 2, 3
  )
  select m.period_start, m.team_id, t.name as team_name, m.user_id as rep_id,
         coalesce(p.display_name, p.email, 'Unknown rep') as rep_name,
         m.dials, m.connections, pg_catalog.round(100.0 * m.connections / nullif(m.dials, 0), 1) as connection_rate_pct,
         m.decision_maker_conversations, m.gatekeeper_conversations, m.voicemails, m.no_answers,
         m.talk_time_seconds, pg_catalog.round(m.talk_time_seconds / 3600.0, 2) as talk_time_hours,
         pg_catalog.round(m.talk_time_seconds::numeric / nullif(m.connections, 0))::integer as avg_talk_time_seconds,
         dialbridge.format_mmss(m.talk_time_seconds::numeric / nullif(m.connections, 0)) as avg_talk_time,
         m.dispositioned_calls, pg_catalog.round(100.0 * m.dispositioned_calls / nullif(m.dials, 0), 1) as disposition_coverage_pct,
         m.qualified, m.nurture, m.disqualified, m.suppressed, m.other_dispositions, m.unmapped as unmapped_dispositions,
         m.meetings, m.callbacks_scheduled,
         pg_catalog.round(100.0 * m.qualified / nullif(m.connections, 0), 1) as qualification_rate_pct
    from m
    left join dialbridge.report_profiles p on p.id = m.user_id
    left join dialbridge.report_teams t on t.id = m.team_id;

/**
 * Rep scorecard over any range of report days (inclusive): one row per team and rep, ranked by
 * connections (seed 000 query 1's order). RPC for the frontend: reports.rep_scorecard(p_from, p_to).
 */
create or replace function reports.rep_scorecard(p_from date, p_to date)
returns table (
  team_id uuid, team_name text, rep_id uuid, rep_name text, dials integer, connections integer,
  connection_rate_pct numeric, talk_time_seconds bigint, talk_time_hours numeric, avg_talk_time_seconds integer,
  avg_talk_time text, decision_maker_conversations integer, voicemails integer, qualified integer,
  nurture integer, disqualified integer, meetings integer, callbacks_scheduled integer,
  qualification_rate_pct numeric, disposition_coverage_pct numeric, rank_by_connections bigint)
language sql stable security invoker set search_path = ''
begin atomic
  with s as (
    select r.team_id, r.user_id,
           sum(r.calls)::integer as dials, sum(r.connections)::integer as connections,
           sum(r.talk_time_seconds)::bigint as talk, sum(r.decision_maker_conversations)::integer as dm,
           sum(r.voicemails)::integer as vm, coalesce(sum(r.qualified), 0)::integer as qualified,
           coalesce(sum(r.nurture), 0)::integer as nurture, coalesce(sum(r.disqualified), 0)::integer as disqualified,
           coalesce(sum(r.meetings), 0)::integer as meetings, sum(r.callbacks_scheduled)::integer as callbacks,
           sum(r.dispositioned_calls)::integer as dispositioned
      from dialbridge.rep_day_totals r
     where r.day between p_from and p_to and r.user_id is not null
     group by r.team_id, r.user_id
  )
  select s.team_id, t.name, s.user_id, coalesce(p.display_name, p.email, 'Unknown rep'),
         s.dials, s.connections, pg_catalog.round(100.0 * s.connections / nullif(s.dials, 0), 1),
         s.talk, pg_catalog.round(s.talk / 3600.0, 2),
         pg_catalog.round(s.talk::numeric / nullif(s.connections, 0))::integer,
         dialbridge.format_mmss(s.talk::numeric / nullif(s.connections, 0)),
         s.dm, s.vm, s.qualified, s.nurture, s.disqualified, s.meetings, s.callbacks,
         pg_catalog.round(100.0 * s.qualified / nullif(s.connections, 0), 1),
         pg_catalog.round(100.0 * s.dispositioned / nullif(s.dials, 0), 1),
         pg_catalog.rank() over (order by s.connections desc)
    from s
    left join dialbridge.report_profiles p on p.id = s.user_id
    left join dialbridge.report_teams t on t.id = s.team_id
   order by s.connections desc, coalesce(p.display_name, p.email, 'Unknown rep');
end;

create or replace view reports.rep_leaderboard_30d with (security_invoker = true) as
  select * from reports.rep_scorecard(dialbridge.report_today() - 29, dialbridge.report_today());

-- ---------------------------------------------------------------------------------------------------
-- Contact timeline (seed 000 query 4, US-010)
-- ---------------------------------------------------------------------------------------------------
create or replace view reports.contact_timeline with (security_invoker = true) as
  with activities as (
    select a.*, coalesce(p.display_name, a.user_name) as rep_display,
           a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left') as is_call,
           case when a.call_outcome = 'connected' then 'Connected'
                when a.call_outcome = 'voicemail' then 'Voicemail'
                when a.call_outcome = 'no_answer' then 'No answer'
                when a.call_outcome = 'busy' then 'Busy'
                when a.call_outcome = 'failed' then 'Failed'
                when a.call_outcome = 'rejected' then 'Rejected'
                else 'Attempted' end as call_outcome_text
      from dialbridge.report_contact_activities a
      left join dialbridge.report_profiles p on p.id = a.user_id
     where a.contact_id is not null and a.deleted_at is null
  )
  select a.contact_id, a.team_id,
         coalesce(a.call_started_at, a.disposition_set_at, a.created_at) as occurred_at,
         case when a.is_call then 'call'
              when a.activity_type = 'callback_scheduled' then 'callback'
              when a.activity_type = 'contact_updated' then 'contact_change'
              when a.activity_type in ('email_sent', 'email_opened') then 'email'
              when a.activity_type = 'meeting_scheduled' then 'meeting'
              else a.activity_type end as item_type,
         a.activity_type,
         case when a.is_call
                then 'Call - ' || a.call_outcome_text
                     || ' (' || dialbridge.format_mmss(coalesce(a.talk_time_seconds, 0)) || ')'
                     || coalesce(' - ' || a.rep_display, '')
              when a.activity_type = 'callback_scheduled'
                then 'Callback scheduled' || coalesce(' for ' || pg_catalog.to_char(
                       a.callback_scheduled_date at time zone dialbridge.report_time_zone(), 'YYYY-MM-DD HH24:MI'), '')
                     || coalesce(' - ' || a.rep_display, '')
              when a.activity_type = 'contact_updated'
                then 'Contact updated' || coalesce(' (' || (select pg_catalog.string_agg(k, ', ' order by k)
                       from pg_catalog.jsonb_object_keys(case when pg_catalog.jsonb_typeof(a.details -> 'changes') = 'object'
                                                              then a.details -> 'changes' end) k) || ')', '')
              when a.activity_type = 'email_sent' then 'Email - Sent'
              when a.activity_type = 'email_opened' then 'Email - Opened'
              when a.activity_type = 'meeting_scheduled' then 'Meeting scheduled'
              else pg_catalog.initcap(pg_catalog.replace(a.activity_type, '_', ' ')) end as title,
         case when a.is_call then a.call_outcome_text end as outcome,
         a.call_duration_seconds, dialbridge.format_mmss(a.call_duration_seconds) as call_duration,
         a.talk_time_seconds, dialbridge.format_mmss(a.talk_time_seconds) as talk_time,
         a.user_id as rep_id, a.rep_display as rep_name,
         a.disposition_code, a.disposition_label,
         coalesce(a.disposition_notes, a.details ->> 'notes', a.details ->> 'callback_notes') as notes,
         a.recording_url,
         a.callback_scheduled_date as due_at,
         a.phoneburner_session_id as session_id, a.source_system,
         'contact_activities'::text as source_table, a.id as source_id
    from activities a
  union all
  select t.contact_id, t.team_id,
         coalesce(t.completed_at, t.created_at),
         'task', t.task_type,
         'Task - ' || t.title || case t.status when 'completed' then ' (completed)' when 'cancelled' then ' (cancelled)' else '' end,
         case t.status when 'completed' then 'Completed' when 'cancelled' then 'Cancelled' else 'Open' end,
         null, null, null, null,
         t.assigned_to_user_id, p.display_name,
         null, null, t.notes, null,
         t.due_at, null, t.source,
         'tasks', t.id
    from dialbridge.report_tasks t
    left join dialbridge.report_profiles p on p.id = t.assigned_to_user_id
   where t.contact_id is not null;

-- ---------------------------------------------------------------------------------------------------
-- Follow-ups due today and overdue (seed 000 query 2)
-- ---------------------------------------------------------------------------------------------------
create or replace view reports.follow_ups with (security_invoker = true) as
  with today as (select dialbridge.report_today() as d, dialbridge.report_time_zone() as tz),
  items as (
    select 'task'::text as source, t.id as source_id, t.contact_id, t.team_id,
           t.assigned_to_user_id as rep_id, t.task_type as action_type, t.title, t.notes,
           t.due_at, (t.due_at at time zone y.tz)::date as due_date, t.priority
      from dialbridge.report_tasks t cross join today y
     where t.status = 'open' and t.contact_id is not null
       and t.due_at < ((y.d + 1)::timestamp at time zone y.tz)
    union all
    select 'next_action', c.id, c.id, c.team_id,
           c.next_action_assigned_to_user_id, c.next_action_type,
           'Next action: ' || c.next_action_type, c.next_action_notes,
           (c.next_action_date::timestamp at time zone y.tz), c.next_action_date, null
      from dialbridge.report_contacts c cross join today y
     where c.next_action_date <= y.d and c.next_action_type is not null
       -- a callback creates a task and sets the next action: show it once
       and not exists (select 1 from dialbridge.report_tasks t
                        where t.contact_id = c.id and t.status = 'open'
                          and (t.due_at at time zone y.tz)::date = c.next_action_date)
  )
  select i.source, i.source_id, i.contact_id, i.team_id, i.rep_id,
         coalesce(p.display_name, p.email, 'Unassigned') as rep_name,
         i.action_type, i.title, i.notes, i.due_at, i.due_date, i.priority,
         case when i.due_date < y.d then 'overdue' else 'due_today' end as status,
         greatest(y.d - i.due_date, 0) as days_overdue,
         c.first_name, c.last_name, c.company, c.phone, c.email,
         c.last_disposition_label, c.last_call_attempt_at, c.call_engagement_score
    from items i
    cross join today y
    join dialbridge.report_contacts c on c.id = i.contact_id
    left join dialbridge.report_profiles p on p.id = i.rep_id
   -- a call that must not be made is not a follow-up (seed 000 query 2)
   where not (i.action_type = 'call' and (c.do_not_call or c.phone_number_invalid));

create or replace view reports.follow_up_summary with (security_invoker = true) as
  select f.team_id, f.rep_id, f.rep_name,
         count(*) filter (where f.status = 'due_today')::integer as due_today,
         count(*) filter (where f.status = 'overdue')::integer as overdue,
         count(*) filter (where f.action_type = 'call')::integer as calls_due,
         max(f.days_overdue)::integer as oldest_overdue_days
    from reports.follow_ups f
   group by f.team_id, f.rep_id, f.rep_name;

-- ---------------------------------------------------------------------------------------------------
-- Sessions and campaigns (seed 000 query 3, seed 002 session dashboard and detail, US-012)
-- ---------------------------------------------------------------------------------------------------
-- One row per session with its totals read by key (a session's rows of session_totals: one per team), so
-- filters on the session's columns (status, started_at, team…) apply to the sessions first.
create or replace view reports.session_performance with (security_invoker = true) as
  select s.id as session_id, s.phoneburner_session_id, s.session_name, s.session_type, s.contact_type,
         s.target_industry, s.target_geography, s.session_status, s.team_id, t.name as team_name,
         s.created_by_user_id as created_by_id, coalesce(p.display_name, p.email) as created_by_name,
         s.created_at, s.started_at, s.last_activity_at, s.completed_at, s.session_external_url,
         s.total_contacts_added as contacts_added,
         coalesce(x.contacts_dialed, 0) as contacts_dialed, coalesce(x.contacts_connected, 0) as contacts_connected,
         pg_catalog.round(100.0 * x.contacts_connected / nullif(x.contacts_dialed, 0), 1) as contact_connection_rate_pct,
         coalesce(x.calls, 0) as dials, coalesce(x.connections, 0) as connections,
         pg_catalog.round(100.0 * x.connections / nullif(x.calls, 0), 1) as connection_rate_pct,
         coalesce(x.decision_maker_conversations, 0) as decision_maker_conversations,
         coalesce(x.gatekeeper_conversations, 0) as gatekeeper_conversations,
         coalesce(x.voicemails, 0) as voicemails, coalesce(x.no_answers, 0) as no_answers,
         coalesce(x.talk_time_seconds, 0) as talk_time_seconds,
         pg_catalog.round(coalesce(x.talk_time_seconds, 0) / 3600.0, 2) as talk_time_hours,
         dialbridge.format_mmss(x.talk_time_seconds::numeric / nullif(x.connections, 0)) as avg_talk_time,
         coalesce(x.qualified, 0) as qualified, coalesce(x.nurture, 0) as nurture,
         coalesce(x.disqualified, 0) as disqualified, coalesce(x.meetings, 0) as meetings,
         coalesce(x.callbacks_scheduled, 0) as callbacks_scheduled,
         pg_catalog.round(100.0 * x.qualified / nullif(x.connections, 0), 1) as qualification_rate_pct,
         pg_catalog.round(100.0 * x.dispositioned_calls / nullif(x.calls, 0), 1) as disposition_coverage_pct
    from dialbridge.report_phoneburner_sessions s
    left join lateral (
      select sum(r.calls)::integer as calls, sum(r.connections)::integer as connections,
             sum(r.decision_maker_conversations)::integer as decision_maker_conversations,
             sum(r.gatekeeper_conversations)::integer as gatekeeper_conversations,
             sum(r.voicemails)::integer as voicemails, sum(r.no_answers)::integer as no_answers,
             sum(r.talk_time_seconds)::bigint as talk_time_seconds, sum(r.dispositioned_calls)::integer as dispositioned_calls,
             sum(r.qualified)::integer as qualified, sum(r.nurture)::integer as nurture,
             sum(r.disqualified)::integer as disqualified, sum(r.meetings)::integer as meetings,
             sum(r.callbacks_scheduled)::integer as callbacks_scheduled,
             sum(r.contacts_dialed)::integer as contacts_dialed, sum(r.contacts_connected)::integer as contacts_connected
        from dialbridge.session_totals r
       where r.session_id = s.id
    ) x on true
    left join dialbridge.report_profiles p on p.id = s.created_by_user_id
    left join dialbridge.report_teams t on t.id = s.team_id
   where s.deleted_at is null;

/** Seed 000 query 3 on the roll-ups: active campaigns started in the last 90 days, latest activity first. */
create or replace view reports.campaign_comparison_90d with (security_invoker = true) as
  select s.session_id, s.session_name, s.session_type, s.contact_type, s.target_industry, s.target_geography,
         s.team_name, s.created_by_name, s.contacts_added, s.contacts_dialed, s.dials, s.connections,
         s.connection_rate_pct, s.qualified, s.qualification_rate_pct, s.meetings, s.talk_time_hours,
         s.started_at, s.last_activity_at
    from reports.session_performance s
   where s.session_status = 'active' and s.started_at >= now() - interval '90 days'
   order by s.last_activity_at desc nulls last;

/** Campaigns compared by segment: the sessions' contact type, session type, industry and geography. */
create or replace view reports.campaign_segments with (security_invoker = true) as
  select s.team_id, s.team_name, coalesce(s.contact_type, 'unspecified') as contact_type,
         coalesce(s.session_type, 'unspecified') as session_type,
         coalesce(s.target_industry, 'unspecified') as target_industry,
         coalesce(s.target_geography, 'unspecified') as target_geography,
         count(*)::integer as sessions,
         sum(s.contacts_added)::integer as contacts_added, sum(s.contacts_dialed)::integer as contacts_dialed,
         sum(s.dials)::integer as dials, sum(s.connections)::integer as connections,
         pg_catalog.round(100.0 * sum(s.connections) / nullif(sum(s.dials), 0), 1) as connection_rate_pct,
         sum(s.talk_time_seconds)::bigint as talk_time_seconds,
         pg_catalog.round(sum(s.talk_time_seconds) / 3600.0, 2) as talk_time_hours,
         sum(s.qualified)::integer as qualified, sum(s.meetings)::integer as meetings,
         pg_catalog.round(100.0 * sum(s.qualified) / nullif(sum(s.connections), 0), 1) as qualification_rate_pct,
         pg_catalog.round(sum(s.meetings) / nullif(sum(s.talk_time_seconds) / 3600.0, 0), 2) as meetings_per_talk_hour,
         min(s.started_at) as first_started_at, max(s.last_activity_at) as last_activity_at
    from reports.session_performance s
   group by 1, 2, 3, 4, 5, 6;

/** Session detail: the contacts of a session with their status and calls in it. */
create or replace view reports.session_contacts with (security_invoker = true) as
  select m.session_id, m.team_id, m.contact_id, c.first_name, c.last_name, c.company,
         case when coalesce(x.connections, 0) > 0 then 'connected'
              when coalesce(x.calls, 0) > 0 then 'dialed'
              else m.state end as status,
         m.state as membership_state, coalesce(x.calls, 0) as calls, coalesce(x.connections, 0) as connections,
         m.last_called_at, m.last_disposition_code, m.added_at, c.call_engagement_score
    from dialbridge.report_session_contacts m
    join dialbridge.report_contacts c on c.id = m.contact_id
    left join (select s.session_id, s.contact_id, sum(s.calls)::integer as calls, sum(s.connections)::integer as connections
                 from dialbridge.session_contact_stats s group by s.session_id, s.contact_id) x
           on x.session_id = m.session_id and x.contact_id = m.contact_id;

/** Session detail: recent activity ("Sarah called John Smith — Connected • 3:42 — Interested"). */
create or replace view reports.session_activity with (security_invoker = true) as
  select a.phoneburner_session_id as session_id, a.team_id, a.id as activity_id,
         coalesce(a.call_started_at, a.disposition_set_at, a.created_at) as occurred_at,
         a.user_id as rep_id, coalesce(p.display_name, a.user_name) as rep_name,
         a.contact_id, c.first_name, c.last_name, c.company,
         case when a.call_outcome = 'connected' then 'Connected' when a.call_outcome = 'voicemail' then 'Voicemail'
              when a.call_outcome = 'no_answer' then 'No answer' when a.call_outcome = 'busy' then 'Busy'
              when a.call_outcome is not null then pg_catalog.initcap(a.call_outcome) else 'Attempted' end as outcome,
         a.talk_time_seconds, dialbridge.format_mmss(a.talk_time_seconds) as talk_time,
         a.disposition_code, a.disposition_label,
         pg_catalog.left(a.disposition_notes, 200) as notes_preview, a.recording_url
    from dialbridge.report_contact_activities a
    left join dialbridge.report_contacts c on c.id = a.contact_id
    left join dialbridge.report_profiles p on p.id = a.user_id
   where a.phoneburner_session_id is not null and a.deleted_at is null
     and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left');

/** Calls by contact segment (the contact's type, list source, industry, geography; one dimension per row) and report day. */
create or replace view reports.segment_performance_daily with (security_invoker = true) as
  with g as (
    select r.day, r.team_id, r.dimension, r.value,
           sum(r.calls)::integer as dials, sum(r.connections)::integer as connections,
           sum(r.talk_time_seconds)::bigint as talk, sum(r.dispositioned_calls)::integer as disp,
           coalesce(sum(r.calls) filter (where r.outcome_group = 'qualified'), 0)::integer as qualified,
           coalesce(sum(r.calls) filter (where r.outcome_group = 'nurture'), 0)::integer as nurture,
           coalesce(sum(r.calls) filter (where r.outcome_group = 'disqualified'), 0)::integer as disqualified,
           coalesce(sum(r.calls) filter (where r.is_meeting), 0)::integer as meetings,
           sum(r.callbacks_scheduled)::integer as callbacks
      from dialbridge.segment_classified r
     group by r.day, r.team_id, r.dimension, r.value
  )
  select g.day as period_start, g.team_id, t.name as team_name, g.dimension, coalesce(g.value, 'unspecified') as segment,
         g.dials, g.connections, pg_catalog.round(100.0 * g.connections / nullif(g.dials, 0), 1) as connection_rate_pct,
         g.talk as talk_time_seconds, pg_catalog.round(g.talk / 3600.0, 2) as talk_time_hours,
         dialbridge.format_mmss(g.talk::numeric / nullif(g.connections, 0)) as avg_talk_time,
         g.qualified, g.nurture, g.disqualified, g.meetings, g.callbacks as callbacks_scheduled,
         pg_catalog.round(100.0 * g.qualified / nullif(g.connections, 0), 1) as qualification_rate_pct,
         pg_catalog.round(100.0 * g.disp / nullif(g.dials, 0), 1) as disposition_coverage_pct
    from g
    left join dialbridge.report_teams t on t.id = g.team_id;

-- ---------------------------------------------------------------------------------------------------
-- Time from first call to meeting (US-012 time-to-conversion)
-- ---------------------------------------------------------------------------------------------------
create or replace view reports.time_to_meeting with (security_invoker = true) as
  with meeting_keys as (
    select k.match_key from dialbridge.disposition_classes k where k.is_meeting
  ), meetings as (
    select a.contact_id, min(coalesce(a.disposition_set_at, a.call_started_at, a.created_at)) as first_meeting_at,
           count(*)::integer as meeting_calls
      from dialbridge.report_contact_activities a
     where a.contact_id is not null and a.deleted_at is null
       and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
       and (a.disposition_code in (select pg_catalog.substr(k.match_key, 3) from meeting_keys k where k.match_key like 'c:%')
            or (a.disposition_code is null and a.disposition_label is not null
                and 'l:' || dialbridge.normalize_label(a.disposition_label) in (select k.match_key from meeting_keys k)))
     group by a.contact_id
  )
  select c.id as contact_id, c.team_id, c.first_name, c.last_name, c.company,
         coalesce(c.contact_type, 'unspecified') as contact_type, coalesce(c.list_source, 'unspecified') as list_source,
         coalesce(c.industry, 'unspecified') as industry,
         coalesce(nullif(c.state, ''), nullif(c.country, ''), 'unspecified') as geography,
         c.first_call_attempt_at as first_call_at, m.first_meeting_at, m.meeting_calls,
         pg_catalog.round((pg_catalog.date_part('epoch', m.first_meeting_at - c.first_call_attempt_at) / 86400)::numeric, 1)
           as days_to_meeting
    from meetings m
    join dialbridge.report_contacts c on c.id = m.contact_id;

create or replace view reports.time_to_meeting_by_segment with (security_invoker = true) as
  select t.team_id, t.contact_type, t.list_source, t.industry,
         count(*)::integer as contacts_with_meeting,
         pg_catalog.round(avg(t.days_to_meeting), 1) as avg_days_to_meeting,
         pg_catalog.round((percentile_cont(0.5) within group (order by t.days_to_meeting))::numeric, 1) as median_days_to_meeting,
         min(t.days_to_meeting) as fastest_days, max(t.days_to_meeting) as slowest_days
    from reports.time_to_meeting t
   where t.days_to_meeting is not null
   group by t.team_id, t.contact_type, t.list_source, t.industry;

-- ---------------------------------------------------------------------------------------------------
-- Dispositions
-- ---------------------------------------------------------------------------------------------------
create or replace view reports.disposition_breakdown_daily with (security_invoker = true) as
  select r.day as period_start, r.team_id, t.name as team_name, r.user_id as rep_id,
         coalesce(p.display_name, p.email, 'Unknown rep') as rep_name,
         coalesce(r.mapping_code, nullif(r.disposition_code, ''), '(label) ' || r.label_key) as disposition,
         r.mapping_label as disposition_label, r.outcome_group, r.is_meeting,
         sum(r.calls)::integer as calls, sum(r.connections)::integer as connections,
         sum(r.talk_time_seconds)::bigint as talk_time_seconds
    from dialbridge.rep_daily_classified r
    left join dialbridge.report_profiles p on p.id = r.user_id
    left join dialbridge.report_teams t on t.id = r.team_id
   where r.calls > 0 and (r.disposition_code <> '' or r.label_key <> '')
   group by r.day, r.team_id, t.name, r.user_id, p.display_name, p.email,
            coalesce(r.mapping_code, nullif(r.disposition_code, ''), '(label) ' || r.label_key),
            r.mapping_label, r.outcome_group, r.is_meeting;

/**
 * An example of the label reps chose for an unmapped disposition (a label only, no other data of the
 * call). Security definer so that the label-only index can be used (a normalize_label predicate cannot
 * cross the source view's security barrier).
 */
create or replace function dialbridge.disposition_label_example(p_code text, p_label_key text) returns text
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select a.disposition_label from public.contact_activities a
      where p_code <> '' and a.disposition_code = p_code and a.disposition_label is not null limit 1),
    (select a.disposition_label from public.contact_activities a
      where p_label_key <> '' and a.disposition_code is null and a.disposition_label is not null
        and dialbridge.normalize_label(a.disposition_label) = p_label_key limit 1))
$$;

create or replace view reports.unmapped_dispositions with (security_invoker = true) as
  select u.team_id, t.name as team_name, nullif(u.disposition_code, '') as disposition_code,
         dialbridge.disposition_label_example(u.disposition_code, u.label_key) as example_label,
         nullif(u.label_key, '') as normalized_label,
         u.calls, u.reps, u.first_day, u.last_day
    from (select r.team_id, r.disposition_code, r.label_key, sum(r.calls)::integer as calls,
                 count(distinct r.user_id)::integer as reps, min(r.day) as first_day, max(r.day) as last_day
            from dialbridge.rep_daily_classified r
           where r.outcome_group = 'unmapped' and r.calls > 0
           group by r.team_id, r.disposition_code, r.label_key) u
    left join dialbridge.report_teams t on t.id = u.team_id;

create or replace view reports.unmatched_activities with (security_invoker = true) as
  select a.id as activity_id, a.team_id, a.created_at, coalesce(a.call_started_at, a.created_at) as occurred_at,
         a.activity_type, a.source_system, a.user_id as rep_id, coalesce(p.display_name, a.user_name) as rep_name,
         a.phoneburner_session_id as session_id, s.session_name,
         a.phoneburner_call_id, a.phoneburner_contact_id, a.call_outcome, a.disposition_code, a.disposition_label,
         pg_catalog.round((pg_catalog.date_part('epoch', now() - a.created_at) / 3600)::numeric, 1) as age_hours
    from dialbridge.report_contact_activities a
    left join dialbridge.report_profiles p on p.id = a.user_id
    left join dialbridge.report_phoneburner_sessions s on s.id = a.phoneburner_session_id
   where a.matching_status = 'unmatched' and a.deleted_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Engagement scores
-- ---------------------------------------------------------------------------------------------------
create or replace view reports.contact_engagement with (security_invoker = true) as
  select c.id as contact_id, c.team_id, c.first_name, c.last_name, c.company, c.contact_type, c.industry,
         c.call_engagement_score as score,
         (s.breakdown #>> '{connection_rate,rate_pct}')::numeric as connection_rate_pct,
         (s.breakdown #>> '{connection_rate,points}')::integer as connection_rate_points,
         (s.breakdown #>> '{talk_time,average_seconds}')::numeric as avg_talk_time_seconds,
         (s.breakdown #>> '{talk_time,points}')::integer as talk_time_points,
         (s.breakdown #>> '{dispositions,sum_of_deltas}')::integer as disposition_deltas,
         (s.breakdown #>> '{dispositions,points}')::integer as disposition_points,
         c.days_since_last_engaged_call,
         (s.breakdown #>> '{recency,points}')::integer as recency_points,
         (s.breakdown ->> 'raw_score')::integer as raw_score,
         c.last_engaged_call_at, c.best_call_day_of_week, c.best_call_time_of_day,
         s.best_call_time ->> 'source' as best_call_time_source,
         s.breakdown, s.as_of as scored_as_of, s.computed_at as scored_at
    from dialbridge.report_contacts c
    left join dialbridge.contact_scores s on s.contact_id = c.id;

-- ---------------------------------------------------------------------------------------------------
-- Pipeline health and alerts (seed 001 "Monitoring & Alerting")
-- ---------------------------------------------------------------------------------------------------
/**
 * Webhook pipeline health over the last hour, 24 hours and 7 days before p_as_of. Admins and reporting
 * readers see the counts; others see zeros (the source views return no rows to them).
 */
create or replace function dialbridge.pipeline_health(p_as_of timestamptz default now())
returns table (
  window_name text, window_start timestamptz, window_end timestamptz, events_received bigint,
  events_processed bigint, events_skipped bigint, events_failed bigint, events_retrying bigint,
  backlog bigint, oldest_backlog_age_seconds numeric, latency_p50_seconds numeric, latency_p95_seconds numeric,
  latency_max_seconds numeric, success_rate_pct numeric, signature_failures bigint, other_rejections bigint,
  missing_sourceco_contact_id bigint, missing_sourceco_contact_id_pct numeric, last_event_received_at timestamptz)
language sql stable security invoker set search_path = ''
begin atomic
  with windows(name, span, ord) as (
    values ('last_hour', interval '1 hour', 1), ('last_24_hours', interval '24 hours', 2), ('last_7_days', interval '7 days', 3)
  ), backlog as (
    select count(*) as n, max(pg_catalog.date_part('epoch', p_as_of - e.received_at)) as oldest
      from dialbridge.report_webhook_events e
     where e.processing_status in ('pending', 'processing') and e.received_at <= p_as_of
  ), last_event as (
    select max(e.received_at) as at from dialbridge.report_webhook_events e where e.received_at <= p_as_of
  )
  select w.name, p_as_of - w.span, p_as_of,
         coalesce(ev.received, 0), coalesce(ev.processed, 0), coalesce(ev.skipped, 0), coalesce(ev.failed, 0),
         coalesce(ev.retrying, 0), b.n, pg_catalog.round(b.oldest::numeric, 1),
         pg_catalog.round(ev.p50::numeric, 2), pg_catalog.round(ev.p95::numeric, 2), pg_catalog.round(ev.lmax::numeric, 2),
         pg_catalog.round(100.0 * ev.processed / nullif(ev.processed + ev.failed, 0), 2),
         coalesce(rj.signature, 0), coalesce(rj.other, 0),
         coalesce(ev.missing, 0), pg_catalog.round(100.0 * ev.missing / nullif(ev.received, 0), 2),
         l.at
    from windows w
    cross join backlog b
    cross join last_event l
    cross join lateral (
      select count(*) as received,
             count(*) filter (where e.processing_status = 'success') as processed,
             count(*) filter (where e.processing_status in ('skipped', 'duplicate')) as skipped,
             count(*) filter (where e.processing_status = 'failed') as failed,
             count(*) filter (where e.processing_status in ('pending', 'processing') and e.retry_count > 0) as retrying,
             count(*) filter (where not e.has_sourceco_contact_id) as missing,
             percentile_cont(0.5) within group (order by pg_catalog.date_part('epoch', e.processing_completed_at - e.received_at))
               filter (where e.processing_status = 'success' and e.processing_completed_at is not null) as p50,
             percentile_cont(0.95) within group (order by pg_catalog.date_part('epoch', e.processing_completed_at - e.received_at))
               filter (where e.processing_status = 'success' and e.processing_completed_at is not null) as p95,
             max(pg_catalog.date_part('epoch', e.processing_completed_at - e.received_at))
               filter (where e.processing_status = 'success') as lmax
        from dialbridge.report_webhook_events e
       where e.received_at > p_as_of - w.span and e.received_at <= p_as_of
    ) ev
    cross join lateral (
      select sum(r.rejection_count) filter (where r.reason in ('missing_auth', 'bad_signature', 'bad_token')) as signature,
             sum(r.rejection_count) filter (where r.reason not in ('missing_auth', 'bad_signature', 'bad_token')) as other
        from dialbridge.report_webhook_rejections r
       where r.bucket_at > p_as_of - w.span and r.bucket_at <= p_as_of
    ) rj
   order by w.ord;
end;

create or replace view reports.pipeline_health with (security_invoker = true) as
  select * from dialbridge.pipeline_health(now());

/** PhoneBurner push runs the caller may see (for the "API key rejected" alert). */
create or replace view dialbridge.report_push_runs with (security_barrier = true) as
  select r.id, r.team_id, r.user_id, r.target_user_id, r.status, r.error_code, r.created_at, r.finished_at, r.updated_at
    from public.phoneburner_push_runs r
   where (select dialbridge.reads_all_reports())
      or r.team_id = (select dialbridge.current_team_id())
      or (select dialbridge.is_admin());
comment on view dialbridge.report_push_runs is 'Push runs (status and error code only) the caller may see. Read by the alerts.';

/**
 * Seed 001's alert rules evaluated as of p_as_of: one row per rule (and per team or rep for the business
 * rules), with whether it fires now, what was observed and the threshold. Pipeline rules are returned only
 * to callers who may see the pipeline (admins, reporting readers).
 *   critical  webhook_endpoint_down         the database cannot see the endpoint; it sees traffic stop:
 *                                           nothing received (accepted or rejected) for 5 minutes after
 *                                           events were arriving in the hour before
 *   critical  phoneburner_api_key_rejected  a push refused for bad credentials (401/403 → error PB_AUTH) in
 *                                           the last hour, and no successful push for that rep since
 *   high      webhook_processing_failing    more than 50 events failed or waiting to retry (24 hours)
 *   high      webhook_backlog               more than 100 events not processed yet
 *   medium    reconciliation_discrepancies  the reconciliation corrected more than 10 contacts (24 hours)
 *   medium    missing_sourceco_contact_id   more than 1% of events without a SourceCo id (24 hours)
 *   medium    webhook_success_rate          under 99.5% processed successfully (24 hours)
 *   medium    webhook_latency               95th percentile receipt-to-processing over 10 s (last hour)
 *   low       connection_rate_drop          a team's connection rate down more than 10% week over week
 *                                           (relative; both weeks at least 20 dials)
 *   low       rep_connection_rate_low       a rep under 20% over 7 days (at least 20 dials)
 *   low       rep_avg_talk_time_low         a rep's average talk time under 90 s over 7 days (at least 5
 *                                           connections)
 */
create or replace function dialbridge.pipeline_alerts(p_as_of timestamptz default now())
returns table (severity text, rule text, subject text, fires boolean, observed numeric, threshold numeric,
               detail text, evaluated_at timestamptz)
language sql stable security invoker set search_path = ''
begin atomic
  with ev24 as (
    select e.processing_status, e.retry_count, e.has_sourceco_contact_id
      from dialbridge.report_webhook_events e
     where e.received_at > p_as_of - interval '24 hours' and e.received_at <= p_as_of
  ), traffic as (
    select greatest((select max(e.received_at) from dialbridge.report_webhook_events e where e.received_at <= p_as_of),
                    (select max(r.bucket_at) + interval '1 minute' from dialbridge.report_webhook_rejections r
                      where r.bucket_at <= p_as_of)) as last_at,
           (select count(*) from dialbridge.report_webhook_events e
             where e.received_at > p_as_of - interval '65 minutes' and e.received_at <= p_as_of - interval '5 minutes') as flowing
  ), auth as (
    select coalesce(f.target_user_id, f.user_id) as rep_id, count(*) as failures
      from dialbridge.report_push_runs f
     where f.error_code = 'PB_AUTH' and coalesce(f.finished_at, f.updated_at) > p_as_of - interval '1 hour'
       and coalesce(f.finished_at, f.updated_at) <= p_as_of
       and not exists (select 1 from dialbridge.report_push_runs s
                        where coalesce(s.target_user_id, s.user_id) = coalesce(f.target_user_id, f.user_id)
                          and s.status in ('succeeded', 'partially_succeeded')
                          and coalesce(s.finished_at, s.updated_at) > coalesce(f.finished_at, f.updated_at)
                          and coalesce(s.finished_at, s.updated_at) <= p_as_of)
     group by 1
  ), team_weeks as (
    select d.team_id,
           sum(d.calls) filter (where d.day > dialbridge.report_today(p_as_of) - 7) as dials_now,
           sum(d.connections) filter (where d.day > dialbridge.report_today(p_as_of) - 7) as conn_now,
           sum(d.calls) filter (where d.day <= dialbridge.report_today(p_as_of) - 7) as dials_before,
           sum(d.connections) filter (where d.day <= dialbridge.report_today(p_as_of) - 7) as conn_before
      from dialbridge.rep_day_totals d
     where d.day > dialbridge.report_today(p_as_of) - 14 and d.day <= dialbridge.report_today(p_as_of)
     group by d.team_id
  ), rep_week as (
    select d.user_id, sum(d.calls) as dials, sum(d.connections) as conns, sum(d.talk_time_seconds) as talk
      from dialbridge.rep_day_totals d
     where d.day > dialbridge.report_today(p_as_of) - 7 and d.day <= dialbridge.report_today(p_as_of)
       and d.user_id is not null
     group by d.user_id
  ), alerts as (
    select 'critical' as severity, 'webhook_endpoint_down' as rule, null::text as subject,
           coalesce(t.last_at < p_as_of - interval '5 minutes' and t.flowing > 0, false) as fires,
           pg_catalog.round((pg_catalog.date_part('epoch', p_as_of - t.last_at) / 60)::numeric, 1) as observed,
           5::numeric as threshold,
           'Minutes since the last webhook request, when events were arriving in the hour before.' as detail
      from traffic t where dialbridge.reads_pipeline_reports()
    union all
    select 'high', 'webhook_processing_failing', null,
           count(*) filter (where e.processing_status = 'failed'
                               or (e.processing_status in ('pending', 'processing') and e.retry_count > 0)) > 50,
           count(*) filter (where e.processing_status = 'failed'
                               or (e.processing_status in ('pending', 'processing') and e.retry_count > 0)),
           50, 'Events failed or retrying in the last 24 hours.'
      from ev24 e having dialbridge.reads_pipeline_reports()  -- aggregates: a row even over no rows
    union all
    select 'high', 'webhook_backlog', null, count(*) > 100, count(*), 100, 'Events received and not processed yet.'
      from dialbridge.report_webhook_events e
     where e.processing_status in ('pending', 'processing') and e.received_at <= p_as_of
    having dialbridge.reads_pipeline_reports()
    union all
    select 'medium', 'missing_sourceco_contact_id', null,
           coalesce(100.0 * count(*) filter (where not e.has_sourceco_contact_id) / nullif(count(*), 0) > 1, false),
           pg_catalog.round(100.0 * count(*) filter (where not e.has_sourceco_contact_id) / nullif(count(*), 0), 2),
           1, 'Percent of events in the last 24 hours without a SourceCo contact id.'
      from ev24 e having dialbridge.reads_pipeline_reports()  -- aggregates: a row even over no rows
    union all
    select 'medium', 'webhook_success_rate', null,
           coalesce(100.0 * count(*) filter (where e.processing_status = 'success')
                    / nullif(count(*) filter (where e.processing_status in ('success', 'failed')), 0) < 99.5, false),
           pg_catalog.round(100.0 * count(*) filter (where e.processing_status = 'success')
                    / nullif(count(*) filter (where e.processing_status in ('success', 'failed')), 0), 2),
           99.5, 'Percent of events processed successfully in the last 24 hours.'
      from ev24 e having dialbridge.reads_pipeline_reports()  -- aggregates: a row even over no rows
    union all
    select 'medium', 'webhook_latency', null, coalesce(x.p95 > 10, false), pg_catalog.round(x.p95::numeric, 2), 10,
           '95th percentile of seconds from receipt to processing, last hour.'
      from (select percentile_cont(0.95) within group (order by pg_catalog.date_part('epoch', e.processing_completed_at - e.received_at)) as p95
              from dialbridge.report_webhook_events e
             where e.received_at > p_as_of - interval '1 hour' and e.received_at <= p_as_of
               and e.processing_status = 'success' and e.processing_completed_at is not null) x
     where dialbridge.reads_pipeline_reports()
    union all
    select 'critical', 'phoneburner_api_key_rejected', coalesce(p.display_name, p.email, 'Unknown rep'), true,
           a.failures, 0, 'Pushes refused by PhoneBurner for bad credentials in the last hour: the rep must reconnect PhoneBurner.'
      from auth a left join dialbridge.report_profiles p on p.id = a.rep_id
    union all
    select 'critical', 'phoneburner_api_key_rejected', null, false, 0, 0,
           'Pushes refused by PhoneBurner for bad credentials in the last hour.'
     where not exists (select 1 from auth)
    union all
    select 'medium', 'reconciliation_discrepancies', null, count(distinct f.contact_id) > 10, count(distinct f.contact_id), 10,
           'Contacts the reconciliation corrected in the last 24 hours.'
      from dialbridge.report_contact_field_changes f
     where f.source_system = 'reconciliation' and f.recorded_at > p_as_of - interval '24 hours' and f.recorded_at <= p_as_of
    union all
    select 'low', 'connection_rate_drop', coalesce(t.name, 'No team'),
           coalesce(w.conn_before > 0 and (w.conn_before::numeric / w.dials_before - w.conn_now::numeric / w.dials_now)
                    / (w.conn_before::numeric / w.dials_before) > 0.10, false),
           pg_catalog.round(case when w.conn_before > 0
                                 then 100 * (w.conn_before::numeric / w.dials_before - w.conn_now::numeric / w.dials_now)
                                      / (w.conn_before::numeric / w.dials_before) end, 1),
           10,
           pg_catalog.format('Relative drop in %%: connection rate %s%% over the last 7 days vs %s%% the 7 days before.',
                             pg_catalog.round(100.0 * w.conn_now / w.dials_now, 1), pg_catalog.round(100.0 * w.conn_before / w.dials_before, 1))
      from team_weeks w left join dialbridge.report_teams t on t.id = w.team_id
     where w.dials_now >= 20 and w.dials_before >= 20
    union all
    select 'low', 'rep_connection_rate_low', coalesce(p.display_name, p.email, 'Unknown rep'),
           100.0 * r.conns / r.dials < 20, pg_catalog.round(100.0 * r.conns / r.dials, 1), 20,
           'Rep connection rate over the last 7 days (at least 20 dials).'
      from rep_week r left join dialbridge.report_profiles p on p.id = r.user_id
     where r.dials >= 20
    union all
    select 'low', 'rep_avg_talk_time_low', coalesce(p.display_name, p.email, 'Unknown rep'),
           r.talk::numeric / r.conns < 90, pg_catalog.round(r.talk::numeric / r.conns, 1), 90,
           'Rep average talk time per connected call, seconds, last 7 days (at least 5 connections).'
      from rep_week r left join dialbridge.report_profiles p on p.id = r.user_id
     where r.conns >= 5
  )
  select a.severity, a.rule, a.subject, a.fires, a.observed, a.threshold, a.detail, p_as_of
    from alerts a
   order by case a.severity when 'critical' then 1 when 'high' then 2 when 'medium' then 3 else 4 end, a.rule, a.subject;
end;

create or replace view reports.pipeline_alerts with (security_invoker = true) as
  select * from dialbridge.pipeline_alerts(now());

-- ---------------------------------------------------------------------------------------------------
-- Success metrics (seed 001, 90-day goals)
-- ---------------------------------------------------------------------------------------------------
/** Seed 001's 90-day success metrics that the data can measure, as of p_as_of. */
create or replace function dialbridge.success_metrics(p_as_of timestamptz default now())
returns table (metric text, period_days integer, value numeric, target text, meets_target boolean, detail text)
language sql stable security invoker set search_path = ''
begin atomic
  with days as (
    select d.* from dialbridge.rep_day_totals d
     where d.day > dialbridge.report_today(p_as_of) - 90 and d.day <= dialbridge.report_today(p_as_of)
  ), m as (
    select 1 as ord, 'disposition_coverage_pct' as metric, 90 as period_days,
           pg_catalog.round(100.0 * sum(d.dispositioned_calls) / nullif(sum(d.calls), 0), 1) as value,
           '> 90' as target, 90::numeric as above, 'Calls with a disposition set.' as detail
      from days d
    union all
    select 2, 'callback_completion_on_time_pct', 90,
           pg_catalog.round(100.0 * count(*) filter (where t.status = 'completed' and t.completed_at <= t.due_at + interval '1 day')
                            / nullif(count(*), 0), 1),
           '> 80', 80, 'Callbacks due in the period completed by the end of the day after they were due.'
      from dialbridge.report_tasks t
     where t.source = 'callback' and t.status <> 'cancelled'
       and t.due_at > p_as_of - interval '90 days' and t.due_at <= p_as_of
    union all
    select 3, 'webhook_success_rate_pct', 90,
           pg_catalog.round(100.0 * count(*) filter (where e.processing_status = 'success')
                            / nullif(count(*) filter (where e.processing_status in ('success', 'failed')), 0), 2),
           '> 99.5', 99.5, 'Webhooks processed successfully (admins and reporting readers).'
      from dialbridge.report_webhook_events e
     where e.received_at > p_as_of - interval '90 days' and e.received_at <= p_as_of
    union all
    select 4, 'dials_per_rep_per_day', 30, pg_catalog.round(avg(x.dials), 1), '+20% over baseline', null,
           'Average dials per rep on days the rep dialed.'
      from (select d.user_id, d.day, sum(d.calls) as dials from days d
             where d.day > dialbridge.report_today(p_as_of) - 30 and d.user_id is not null
             group by d.user_id, d.day having sum(d.calls) > 0) x
    union all
    select 5, 'connection_rate_pct', 30,
           pg_catalog.round(100.0 * sum(d.connections) / nullif(sum(d.calls), 0), 1), 'establish baseline, improve', null,
           'Connected calls / calls.'
      from days d where d.day > dialbridge.report_today(p_as_of) - 30
    union all
    select 6, 'meetings_booked_from_calls', 90, coalesce(sum(d.meetings), 0), 'track attribution', null,
           'Calls dispositioned as a meeting.'
      from days d
    union all
    select 7, 'contact_accuracy_pct', 90,
           pg_catalog.round(100.0 * count(*) filter (where not c.phone_number_invalid) / nullif(count(*), 0), 1),
           '> 95', 95, 'Contacts called in the period whose number is not flagged invalid.'
      from dialbridge.report_contacts c
     where c.last_call_attempt_at > p_as_of - interval '90 days' and c.last_call_attempt_at <= p_as_of
  )
  select m.metric, m.period_days, m.value, m.target, case when m.above is not null then m.value > m.above end, m.detail
    from m order by m.ord;
end;

create or replace view reports.success_metrics with (security_invoker = true) as
  select * from dialbridge.success_metrics(now());

-- ---------------------------------------------------------------------------------------------------
-- Documentation: every view and column
-- ---------------------------------------------------------------------------------------------------
comment on view dialbridge.rep_daily_classified is 'rep_daily_stats with the disposition class of each row.';
comment on view dialbridge.segment_classified is 'segment_daily_stats with the disposition class of each row.';

comment on view reports.rep_performance_daily is 'Rep performance per report day (seed 000 query 1, US-011): dials, connections, rates, talk time, dispositions split by outcome, meetings, callbacks. Filter period_start for a range.';
comment on view reports.rep_performance_weekly is 'Rep performance per ISO week (Monday start). Same columns as rep_performance_daily.';
comment on view reports.rep_performance_monthly is 'Rep performance per calendar month. Same columns as rep_performance_daily.';
comment on view reports.rep_leaderboard_30d is 'Rep scorecard over the last 30 report days (today included), ranked by connections: seed 000 query 1 on the roll-ups.';
comment on function reports.rep_scorecard(date, date) is 'Rep scorecard between two report days (inclusive), ranked by connections. RPC: rpc/rep_scorecard {p_from, p_to}.';
comment on view reports.contact_timeline is 'Everything that happened with a contact (US-010, seed 000 query 4): calls with outcome, duration (m:ss), rep, notes and recording; callbacks; tasks; contact changes; other activities. Filter contact_id and item_type; order by occurred_at desc.';
comment on view reports.follow_ups is 'Follow-ups due today or overdue (seed 000 query 2), per rep: open tasks and contacts'' next actions, without calls to do-not-call or invalid numbers. "Today" is in the reporting time zone.';
comment on view reports.follow_up_summary is 'Per rep: follow-ups due today, overdue, calls due and the oldest overdue.';
comment on view reports.session_performance is 'Dial sessions with their performance (seed 002 session cards and detail, seed 000 query 3): contacts added, dialed and connected, calls, rates, talk time, outcomes.';
comment on view reports.campaign_comparison_90d is 'Seed 000 query 3: active sessions started in the last 90 days, latest activity first.';
comment on view reports.campaign_segments is 'Sessions compared by segment (US-012): contact type, session type, target industry and geography.';
comment on view reports.session_contacts is 'Session detail: each contact of a session with its status (pending, dialed, connected, …) and calls.';
comment on view reports.session_activity is 'Session detail, recent activity: each call of a session with rep, contact, outcome, talk time and disposition. Filter session_id; order by occurred_at desc.';
comment on view reports.segment_performance_daily is 'Calls by contact segment per report day (US-012): dimension contact_type, list_source, industry or geography (state, else country) and its value.';
comment on view reports.time_to_meeting is 'Contacts who got a meeting: time from their first call to the first call dispositioned as a meeting.';
comment on view reports.time_to_meeting_by_segment is 'Time from first call to meeting by contact type, list source and industry: count, average and median days.';
comment on view reports.disposition_breakdown_daily is 'Dispositioned calls per report day, rep and disposition, with the outcome group.';
comment on view reports.unmapped_dispositions is 'Dispositions that match no active mapping (code or label), with how often and since when: add a mapping or an alias for each.';
comment on view reports.unmatched_activities is 'Dialer activities not linked to a contact yet (matching_status unmatched), oldest needing attention.';
comment on view reports.contact_engagement is 'Engagement score of each contact with the factors that produced it (seed 000 scoring, corrected) and the best time to call.';
comment on view reports.pipeline_health is 'Webhook pipeline over the last hour, 24 hours and 7 days: received, processed, failed, retrying, backlog, latency, signature failures, missing SourceCo ids. Admins and reporting readers.';
comment on view reports.pipeline_alerts is 'Seed 001 alert rules evaluated now: which fire, what was observed, the threshold.';
comment on view reports.success_metrics is 'Seed 001 90-day success metrics the data can measure, with targets.';

-- Column comments, shared by the views that have the column.
do $$
declare
  c record;
begin
  for c in
    with comments(name, comment) as (values
      ('period_start', 'First report day of the period (reporting time zone).'),
      ('team_id', 'Team id.'),
      ('team_name', 'Team name.'),
      ('rep_id', 'Rep (profile id).'),
      ('rep_name', 'Rep name.'),
      ('dials', 'Calls made (one per call, however many dialer events it produced).'),
      ('connections', 'Calls answered by a person (call outcome connected; voicemail is not a connection).'),
      ('connection_rate_pct', 'connections / dials × 100.'),
      ('decision_maker_conversations', 'Connections with the decision maker.'),
      ('gatekeeper_conversations', 'Connections with a gatekeeper.'),
      ('voicemails', 'Calls that reached voicemail.'),
      ('no_answers', 'Calls not answered (no answer, busy).'),
      ('talk_time_seconds', 'Conversation time of connected calls, seconds.'),
      ('talk_time_hours', 'Conversation time, hours.'),
      ('avg_talk_time_seconds', 'Average talk time per connection, seconds.'),
      ('avg_talk_time', 'Average talk time per connection, m:ss.'),
      ('dispositioned_calls', 'Calls with a disposition.'),
      ('disposition_coverage_pct', 'Calls with a disposition / calls × 100 (target > 90).'),
      ('qualified', 'Calls dispositioned with SourceCo status Qualified.'),
      ('nurture', 'Calls dispositioned with SourceCo status Nurture.'),
      ('disqualified', 'Calls dispositioned with SourceCo status Disqualified.'),
      ('suppressed', 'Calls dispositioned with SourceCo status Suppressed (do not call).'),
      ('other_dispositions', 'Calls dispositioned Attempted, Invalid or with no status.'),
      ('unmapped_dispositions', 'Calls whose disposition matches no active mapping.'),
      ('meetings', 'Calls dispositioned as a meeting (code MEETING_SET or stage Meeting Set).'),
      ('callbacks_scheduled', 'Callbacks scheduled.'),
      ('qualification_rate_pct', 'qualified / connections × 100.'),
      ('rank_by_connections', 'Rank by connections (1 = most).'),
      ('contact_id', 'Contact id.'),
      ('first_name', 'Contact first name.'),
      ('last_name', 'Contact last name.'),
      ('company', 'Contact company.'),
      ('occurred_at', 'When it happened (call start, else disposition time, else when recorded).'),
      ('item_type', 'call, callback, task, contact_change, email, meeting, note.'),
      ('activity_type', 'Activity type as recorded (call: its furthest stage; task: task type).'),
      ('outcome', 'Call outcome in words (Connected, Voicemail, No answer, …) or task status.'),
      ('call_duration_seconds', 'Call duration including ringing, seconds.'),
      ('call_duration', 'Call duration, m:ss.'),
      ('talk_time', 'Talk time, m:ss.'),
      ('disposition_code', 'Disposition code.'),
      ('disposition_label', 'Disposition label.'),
      ('notes', 'Rep notes (call notes, callback notes, task notes).'),
      ('recording_url', 'Link to the call recording.'),
      ('due_at', 'When it is due.'),
        ('session_id', 'Dial session id.'),
      ('source_system', 'Where the activity came from (phoneburner, manual, …) or the task source.'),
      ('source_table', 'Table of the underlying row (contact_activities or tasks).'),
      ('source_id', 'Id of the underlying row.'),
      ('source', 'task (an open task) or next_action (the contact''s next action).'),
      ('action_type', 'What to do: call, email, send_materials, meeting_prep, …'),
      ('title', 'One-line summary (timeline: "Call - Connected (3:42) - Sarah") or the task title (follow-ups).'),
      ('due_date', 'Due date (reporting time zone).'),
      ('priority', 'Task priority.'),
      ('status', 'overdue or due_today (follow-ups); pending, dialed, connected, … (session contacts).'),
      ('days_overdue', 'Days past due (0 when due today).'),
      ('phone', 'Contact phone.'),
      ('email', 'Contact email.'),
      ('last_disposition_label', 'Disposition of the contact''s last dispositioned call.'),
      ('last_call_attempt_at', 'Contact''s last call attempt.'),
      ('call_engagement_score', 'Contact''s engagement score (0–100).'),
      ('due_today', 'Follow-ups due today.'),
      ('overdue', 'Follow-ups overdue.'),
      ('calls_due', 'Follow-ups that are calls.'),
      ('oldest_overdue_days', 'Days the oldest overdue follow-up is late.'),
      ('phoneburner_session_id', 'PhoneBurner''s dial session id.'),
      ('session_name', 'Session name.'),
      ('session_type', 'buyer_outreach, seller_prospecting, callback_followup or reactivation.'),
      ('contact_type', 'buyer, seller (or mixed for sessions; unspecified when blank).'),
      ('target_industry', 'Industry the session''s list targets.'),
      ('target_geography', 'Geography the session''s list targets.'),
      ('session_status', 'active, paused, completed or archived.'),
      ('created_by_id', 'Who created the session.'),
      ('created_by_name', 'Name of who created the session.'),
      ('created_at', 'When created.'),
      ('started_at', 'First dial in the session.'),
      ('last_activity_at', 'Most recent call or disposition in the session.'),
      ('completed_at', 'When the session was marked complete.'),
      ('session_external_url', 'Link to the session in PhoneBurner.'),
      ('contacts_added', 'Contacts added to the session.'),
      ('contacts_dialed', 'Distinct contacts called at least once in the session.'),
      ('contacts_connected', 'Distinct contacts reached in the session.'),
      ('contact_connection_rate_pct', 'contacts_connected / contacts_dialed × 100 (the session card''s rate).'),
      ('sessions', 'Sessions in the segment.'),
      ('meetings_per_talk_hour', 'Meetings per hour of talk time (effort return).'),
      ('first_started_at', 'Earliest session start in the segment.'),
      ('membership_state', 'State of the contact in the session as the push and dialer recorded it.'),
      ('calls', 'Calls.'),
      ('last_called_at', 'Last call to the contact in this session.'),
      ('last_disposition_code', 'Last disposition in this session.'),
      ('added_at', 'When the contact was added to the session.'),
      ('activity_id', 'Activity id.'),
      ('notes_preview', 'First 200 characters of the rep''s notes.'),
      ('dimension', 'Segment dimension: contact_type, list_source, industry or geography (state, else country).'),
      ('segment', 'The segment value (unspecified when blank).'),
      ('talk', 'Conversation time of connected calls, seconds.'),
      ('list_source', 'Where the contact came from (unspecified when blank).'),
      ('industry', 'Contact industry (unspecified when blank).'),
      ('geography', 'Contact state, else country (unspecified when blank).'),
      ('first_call_at', 'The contact''s first call attempt.'),
      ('first_meeting_at', 'When the contact''s first meeting disposition was set.'),
      ('meeting_calls', 'Calls dispositioned as a meeting.'),
      ('days_to_meeting', 'Days from first call to first meeting.'),
      ('contacts_with_meeting', 'Contacts who got a meeting.'),
      ('avg_days_to_meeting', 'Average days from first call to meeting.'),
      ('median_days_to_meeting', 'Median days from first call to meeting.'),
      ('fastest_days', 'Fewest days from first call to meeting.'),
      ('slowest_days', 'Most days from first call to meeting.'),
      ('disposition', 'Mapping code (or the unmapped code, or the label when only a label came).'),
      ('outcome_group', 'qualified, nurture, disqualified, suppressed, invalid, attempted, other, unmapped.'),
      ('is_meeting', 'Whether the disposition is a meeting.'),
      ('example_label', 'A label reps chose for this disposition.'),
      ('normalized_label', 'The label normalised for matching (case, spaces and punctuation ignored).'),
      ('reps', 'Reps who used it.'),
      ('first_day', 'First report day it was used.'),
      ('last_day', 'Last report day it was used.'),
      ('phoneburner_call_id', 'PhoneBurner''s call id.'),
      ('phoneburner_contact_id', 'PhoneBurner''s contact id.'),
      ('call_outcome', 'Call outcome as recorded.'),
      ('age_hours', 'Hours since the activity was recorded.'),
      ('score', 'Engagement score 0–100.'),
      ('connection_rate_points', 'Points from the connection rate (rate ÷ 5, 0–20).'),
      ('talk_time_points', 'Points from average talk time (+5 over 1 min, +10 over 2, +15 over 3).'),
      ('disposition_deltas', 'Sum of the mapping engagement deltas of the contact''s dispositions.'),
      ('disposition_points', 'Points from dispositions (the sum, bounded to −50…+50).'),
      ('days_since_last_engaged_call', 'Days since the last engaged call (connected, over 2 minutes, positive).'),
      ('recency_points', 'Recency penalty (−5 over 30 days, −10 over 90, −20 over 180).'),
      ('raw_score', 'Score before clamping to 0–100.'),
      ('last_engaged_call_at', 'Last engaged call.'),
      ('best_call_day_of_week', 'Best ISO day of week to call (1 = Monday).'),
      ('best_call_time_of_day', 'Best hour to call (contact''s time zone when known).'),
      ('best_call_time_source', 'contact (its own connections), segment or everyone.'),
      ('breakdown', 'Every factor of the score as JSON.'),
      ('scored_as_of', 'The time the score describes.'),
      ('scored_at', 'When the score was computed.'),
      ('window_name', 'last_hour, last_24_hours or last_7_days.'),
      ('window_start', 'Start of the window.'),
      ('window_end', 'End of the window (now).'),
      ('events_received', 'Webhook events received in the window.'),
      ('events_processed', 'Events processed successfully.'),
      ('events_skipped', 'Events skipped or duplicates.'),
      ('events_failed', 'Events that failed for good.'),
      ('events_retrying', 'Events waiting for a retry.'),
      ('backlog', 'Events received and not processed yet (now).'),
      ('oldest_backlog_age_seconds', 'Age of the oldest unprocessed event, seconds.'),
      ('latency_p50_seconds', 'Median seconds from receipt to processing.'),
      ('latency_p95_seconds', '95th percentile seconds from receipt to processing (target < 10).'),
      ('latency_max_seconds', 'Slowest receipt-to-processing, seconds.'),
      ('success_rate_pct', 'processed / (processed + failed) × 100 (target > 99.5).'),
      ('signature_failures', 'Requests rejected for a missing or bad signature or token.'),
      ('other_rejections', 'Requests rejected for other reasons (malformed, too large, …).'),
      ('missing_sourceco_contact_id', 'Events without a SourceCo contact id.'),
      ('missing_sourceco_contact_id_pct', 'Percent of events without a SourceCo contact id (alert over 1).'),
      ('last_event_received_at', 'Last event received.'),
      ('severity', 'critical, high, medium or low.'),
      ('rule', 'Alert rule.'),
      ('subject', 'Team or rep the row is about (null: the whole pipeline).'),
      ('fires', 'Whether the alert fires now.'),
      ('observed', 'The measured value.'),
      ('threshold', 'The threshold it is compared with.'),
      ('detail', 'What is measured.'),
      ('evaluated_at', 'When evaluated.'),
      ('metric', 'Metric.'),
      ('period_days', 'Days the metric covers.'),
      ('value', 'Measured value.'),
      ('target', 'Seed 001 target.'),
      ('meets_target', 'Whether the target is met (null: no numeric target).')
    )
    select cl.relname, a.attname, cm.comment
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class cl on cl.oid = a.attrelid
      join pg_catalog.pg_namespace n on n.oid = cl.relnamespace
      left join comments cm on cm.name = a.attname
     where n.nspname = 'reports' and cl.relkind = 'v' and a.attnum > 0 and not a.attisdropped
       -- only columns nobody documented yet (a later migration's views carry their own comments)
       and pg_catalog.col_description(cl.oid, a.attnum) is null
  loop
    if c.comment is null then
      raise exception 'reports.%.% has no column comment', c.relname, c.attname;
    end if;
    execute pg_catalog.format('comment on column reports.%I.%I is %L', c.relname, c.attname, c.comment);
  end loop;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------------------------------
do $$
declare
  v record;
begin
  for v in
    select cl.relname from pg_catalog.pg_class cl join pg_catalog.pg_namespace n on n.oid = cl.relnamespace
     where n.nspname = 'reports' and cl.relkind = 'v'
  loop
    execute pg_catalog.format('revoke all on reports.%I from public, anon, authenticated', v.relname);
    execute pg_catalog.format('grant select on reports.%I to authenticated, service_role, dialbridge_metabase', v.relname);
  end loop;
end
$$;
revoke all on dialbridge.rep_daily_classified, dialbridge.segment_classified, dialbridge.report_push_runs
  from public, anon, authenticated;
grant select on dialbridge.rep_daily_classified, dialbridge.segment_classified, dialbridge.report_push_runs
  to authenticated, service_role, dialbridge_metabase;

revoke all on function reports.rep_scorecard(date, date) from public, anon;
grant execute on function reports.rep_scorecard(date, date) to authenticated, service_role, dialbridge_metabase;
revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.pipeline_health(timestamptz), dialbridge.pipeline_alerts(timestamptz),
  dialbridge.success_metrics(timestamptz), dialbridge.disposition_label_example(text, text)
  to authenticated, service_role, dialbridge_metabase;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
