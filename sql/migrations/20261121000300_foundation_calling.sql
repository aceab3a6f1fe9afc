-- migrate:up
-- Foundation, part 3: dial sessions, call activities, tasks, suppressions, the contact-sync audit, the
-- webhook log and the admin-editable disposition mappings (seed 000, seed 001 Appendix B).

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_sessions
-- ---------------------------------------------------------------------------------------------------
/** A PhoneBurner dial session and its running totals (maintained by triggers as calls are recorded). */
create table if not exists public.phoneburner_sessions (
  id uuid primary key default gen_random_uuid(),
  phoneburner_session_id text not null unique,
  session_external_url text,
  session_name text not null,
  session_description text,
  session_type text,
  contact_type text,
  target_industry text,
  target_geography text,
  total_contacts_added integer not null default 0,
  total_contacts_active integer not null default 0,
  total_contacts_completed integer not null default 0,
  total_dials integer not null default 0,
  total_connections integer not null default 0,
  total_decision_maker_conversations integer not null default 0,
  total_gatekeeper_conversations integer not null default 0,
  total_voicemails_left integer not null default 0,
  total_no_answers integer not null default 0,
  total_call_time_seconds integer not null default 0,
  total_talk_time_seconds integer not null default 0,
  average_talk_time_seconds integer,
  total_qualified_leads integer not null default 0,
  total_meetings_scheduled integer not null default 0,
  total_disqualified integer not null default 0,
  total_callbacks_scheduled integer not null default 0,
  connection_rate_percentage numeric(5, 2),
  qualification_rate_percentage numeric(5, 2),
  session_status text not null default 'active',
  started_at timestamptz,
  last_activity_at timestamptz,
  completed_at timestamptz,
  created_by_user_id uuid references public.profiles (id) on delete set null,
  team_id uuid references public.teams (id) on delete set null,
  is_shared boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
alter table public.phoneburner_sessions enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_sessions', 'phoneburner_sessions_session_type_check',
  $c$check (session_type in ('buyer_outreach', 'seller_prospecting', 'callback_followup', 'reactivation'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_sessions', 'phoneburner_sessions_contact_type_check',
  $c$check (contact_type in ('buyer', 'seller', 'mixed'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_sessions', 'phoneburner_sessions_session_status_check',
  $c$check (session_status in ('active', 'paused', 'completed', 'archived'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_sessions', 'phoneburner_sessions_counters_check',
  $c$check (total_dials >= 0 and total_connections >= 0 and total_connections <= total_dials
    and total_contacts_added >= 0 and total_call_time_seconds >= 0 and total_talk_time_seconds >= 0)$c$);
create index if not exists phoneburner_sessions_team_id_idx on public.phoneburner_sessions (team_id, session_status, last_activity_at desc);
create index if not exists phoneburner_sessions_created_by_idx on public.phoneburner_sessions (created_by_user_id);
create index if not exists phoneburner_sessions_last_activity_idx on public.phoneburner_sessions (last_activity_at desc);

drop trigger if exists _100_timestamps on public.phoneburner_sessions;
create trigger _100_timestamps before update on public.phoneburner_sessions
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.phoneburner_sessions is 'PhoneBurner dial sessions with counters and rates maintained as calls are recorded (one call counted once).';
comment on column public.phoneburner_sessions.phoneburner_session_id is 'PhoneBurner''s dial session id (ds_id).';
comment on column public.phoneburner_sessions.session_external_url is 'Link that opens the session in PhoneBurner.';
comment on column public.phoneburner_sessions.session_name is 'Session name, e.g. "Buyers - PE Firm - Feb 2026".';
comment on column public.phoneburner_sessions.session_description is 'Free-text description.';
comment on column public.phoneburner_sessions.session_type is 'buyer_outreach, seller_prospecting, callback_followup or reactivation.';
comment on column public.phoneburner_sessions.contact_type is 'buyer, seller or mixed.';
comment on column public.phoneburner_sessions.target_industry is 'Industry the list was filtered on.';
comment on column public.phoneburner_sessions.target_geography is 'Geography the list was filtered on.';
comment on column public.phoneburner_sessions.total_contacts_added is 'Contacts ever added to the session.';
comment on column public.phoneburner_sessions.total_contacts_active is 'Contacts not yet called or completed.';
comment on column public.phoneburner_sessions.total_contacts_completed is 'Contacts with a final disposition.';
comment on column public.phoneburner_sessions.total_dials is 'Calls made in the session.';
comment on column public.phoneburner_sessions.total_connections is 'Calls answered by a person.';
comment on column public.phoneburner_sessions.total_decision_maker_conversations is 'Calls answered by the decision maker.';
comment on column public.phoneburner_sessions.total_gatekeeper_conversations is 'Calls answered by a gatekeeper.';
comment on column public.phoneburner_sessions.total_voicemails_left is 'Calls that reached voicemail.';
comment on column public.phoneburner_sessions.total_no_answers is 'Calls not answered (no answer, busy).';
comment on column public.phoneburner_sessions.total_call_time_seconds is 'Time on calls including ringing, seconds.';
comment on column public.phoneburner_sessions.total_talk_time_seconds is 'Conversation time, seconds.';
comment on column public.phoneburner_sessions.average_talk_time_seconds is 'total_talk_time_seconds / total_connections.';
comment on column public.phoneburner_sessions.total_qualified_leads is 'Calls dispositioned as qualified (status Qualified).';
comment on column public.phoneburner_sessions.total_meetings_scheduled is 'Calls dispositioned as meeting set.';
comment on column public.phoneburner_sessions.total_disqualified is 'Calls dispositioned as disqualified.';
comment on column public.phoneburner_sessions.total_callbacks_scheduled is 'Callbacks scheduled from the session''s calls.';
comment on column public.phoneburner_sessions.connection_rate_percentage is 'total_connections / total_dials × 100.';
comment on column public.phoneburner_sessions.qualification_rate_percentage is 'total_qualified_leads / total_connections × 100.';
comment on column public.phoneburner_sessions.session_status is 'active, paused, completed or archived.';
comment on column public.phoneburner_sessions.started_at is 'First dial in the session.';
comment on column public.phoneburner_sessions.last_activity_at is 'Most recent call or disposition.';
comment on column public.phoneburner_sessions.completed_at is 'When the session was marked complete.';
comment on column public.phoneburner_sessions.created_by_user_id is 'Rep who created the session.';
comment on column public.phoneburner_sessions.team_id is 'Team the session belongs to.';
comment on column public.phoneburner_sessions.is_shared is 'Shared across the team.';
comment on column public.phoneburner_sessions.id is 'Session id (uuid).';
comment on column public.phoneburner_sessions.created_at is 'When the session was created.';
comment on column public.phoneburner_sessions.updated_at is 'When the session last changed.';
comment on column public.phoneburner_sessions.deleted_at is 'Soft delete (the session and its calls are kept for reports).';

revoke all on table public.phoneburner_sessions from anon, authenticated;
grant select on table public.phoneburner_sessions to authenticated;
grant insert (phoneburner_session_id, session_name, session_description, session_type, contact_type,
              target_industry, target_geography, session_status, created_by_user_id, team_id, is_shared),
      update (session_name, session_description, session_type, session_status, completed_at, is_shared),
      delete
  on table public.phoneburner_sessions to authenticated;
grant all on table public.phoneburner_sessions to service_role;

drop policy if exists "Reps see their team's sessions" on public.phoneburner_sessions;
create policy "Reps see their team's sessions" on public.phoneburner_sessions for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps create sessions for their team" on public.phoneburner_sessions;
create policy "Reps create sessions for their team" on public.phoneburner_sessions for insert to authenticated
  -- in their own name: created_by_user_id decides whose session it is in the reports
  with check ((select dialbridge.is_admin())
              or (team_id = (select dialbridge.current_team_id())
                  and (created_by_user_id is null or created_by_user_id = (select auth.uid()))));
drop policy if exists "Reps edit their team's sessions" on public.phoneburner_sessions;
create policy "Reps edit their team's sessions" on public.phoneburner_sessions for update to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Managers delete their team's sessions" on public.phoneburner_sessions;
create policy "Managers delete their team's sessions" on public.phoneburner_sessions for delete to authenticated
  using ((team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_manager_or_admin()))
         or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_session_contacts
-- ---------------------------------------------------------------------------------------------------
/** Which contact is in which dial session, with PhoneBurner's id for it there and its state. */
create table if not exists public.phoneburner_session_contacts (
  session_id uuid not null references public.phoneburner_sessions (id) on delete cascade,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  phoneburner_contact_id text,
  phone_e164 text,
  state text not null default 'pending',
  added_at timestamptz not null default now(),
  added_by_user_id uuid references public.profiles (id) on delete set null,
  last_called_at timestamptz,
  last_disposition_code text,
  updated_at timestamptz not null default now(),
  primary key (session_id, contact_id)
);
alter table public.phoneburner_session_contacts enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_session_contacts', 'phoneburner_session_contacts_state_check',
  $c$check (state in ('pending', 'dialed', 'connected', 'completed', 'removed', 'failed'))$c$);
create index if not exists phoneburner_session_contacts_contact_idx on public.phoneburner_session_contacts (contact_id);
create index if not exists phoneburner_session_contacts_team_idx on public.phoneburner_session_contacts (team_id);
create index if not exists phoneburner_session_contacts_pb_contact_idx on public.phoneburner_session_contacts (phoneburner_contact_id)
  where phoneburner_contact_id is not null;
create index if not exists phoneburner_session_contacts_phone_idx on public.phoneburner_session_contacts (session_id, phone_e164);

drop trigger if exists _100_timestamps on public.phoneburner_session_contacts;
create trigger _100_timestamps before update on public.phoneburner_session_contacts
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.phoneburner_session_contacts is 'Membership of contacts in dial sessions, with PhoneBurner''s contact id and the contact''s state in that session.';
comment on column public.phoneburner_session_contacts.phoneburner_contact_id is 'PhoneBurner''s id of the contact in this session.';
comment on column public.phoneburner_session_contacts.phone_e164 is 'Number pushed for this contact (E.164), used to match calls back.';
comment on column public.phoneburner_session_contacts.state is 'pending, dialed, connected, completed (final disposition), removed or failed (rejected by PhoneBurner).';
comment on column public.phoneburner_session_contacts.last_called_at is 'Most recent call to the contact in this session.';
comment on column public.phoneburner_session_contacts.last_disposition_code is 'Most recent disposition in this session.';
comment on column public.phoneburner_session_contacts.session_id is 'The dial session.';
comment on column public.phoneburner_session_contacts.contact_id is 'The contact pushed into the session.';
comment on column public.phoneburner_session_contacts.team_id is 'Team of the session; scopes who sees the membership.';
comment on column public.phoneburner_session_contacts.added_at is 'When the contact was pushed into the session.';
comment on column public.phoneburner_session_contacts.added_by_user_id is 'Who pushed the contact.';
comment on column public.phoneburner_session_contacts.updated_at is 'When the membership last changed.';

revoke all on table public.phoneburner_session_contacts from anon, authenticated;
grant select on table public.phoneburner_session_contacts to authenticated;
grant all on table public.phoneburner_session_contacts to service_role;
drop policy if exists "Reps see their team's session members" on public.phoneburner_session_contacts;
create policy "Reps see their team's session members" on public.phoneburner_session_contacts for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- contact_activities
-- ---------------------------------------------------------------------------------------------------
/**
 * Every call and touch point. One row per call (provider + call id): all events of a call merge into it.
 * Callbacks and contact changes are rows of their own. contact_id is null while a call is unmatched.
 */
create table if not exists public.contact_activities (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid references public.contacts (id) on delete set null,
  user_id uuid references public.profiles (id) on delete set null,
  phoneburner_session_id uuid references public.phoneburner_sessions (id) on delete set null,
  team_id uuid references public.teams (id) on delete set null,
  activity_type text not null,
  source_system text not null default 'phoneburner',
  matching_status text not null default 'matched',
  dedupe_key text unique,
  call_started_at timestamptz,
  call_connected_at timestamptz,
  call_ended_at timestamptz,
  ring_duration_seconds integer,
  call_duration_seconds integer,
  talk_time_seconds integer,
  call_outcome text,
  answered_by text,
  disposition_code text,
  disposition_label text,
  disposition_notes text,
  disposition_set_at timestamptz,
  callback_scheduled_date timestamptz,
  callback_completed_at timestamptz,
  callback_outcome text,
  recording_url text,
  recording_duration_seconds integer,
  recording_transcription text,
  user_name text,
  user_email text,
  phoneburner_call_id text,
  phoneburner_contact_id text,
  phoneburner_event_id text,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
alter table public.contact_activities enable row level security;
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_activity_type_check',
  $c$check (activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set',
    'callback_scheduled', 'voicemail_left', 'email_sent', 'email_opened', 'meeting_scheduled',
    'contact_updated', 'note'))$c$);
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_source_system_check',
  $c$check (source_system in ('phoneburner', 'sourceco_platform', 'manual', 'manual_entry', 'email_automation',
    'voipstudio', 'bolna'))$c$);
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_matching_status_check',
  $c$check (matching_status in ('matched', 'unmatched', 'manually_linked'))$c$);
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_call_outcome_check',
  $c$check (call_outcome in ('connected', 'voicemail', 'no_answer', 'busy', 'failed', 'rejected'))$c$);
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_answered_by_check',
  $c$check (answered_by in ('decision_maker', 'gatekeeper', 'voicemail', 'answering_service', 'unknown'))$c$);
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_callback_outcome_check',
  $c$check (callback_outcome in ('completed', 'rescheduled', 'missed', 'cancelled'))$c$);
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_durations_check',
  $c$check (coalesce(call_duration_seconds, 0) >= 0 and coalesce(talk_time_seconds, 0) >= 0
    and coalesce(ring_duration_seconds, 0) >= 0 and coalesce(recording_duration_seconds, 0) >= 0)$c$);
-- An unmatched activity has no contact. The converse does not hold: a deleted contact's calls are kept
-- (call records are kept for years) with contact_id null and their matching status as it was.
select dialbridge.ensure_constraint('public.contact_activities', 'contact_activities_unmatched_has_no_contact_check',
  $c$check (matching_status <> 'unmatched' or contact_id is null)$c$);

create index if not exists contact_activities_contact_date_idx on public.contact_activities (contact_id, call_started_at desc);
create index if not exists contact_activities_user_date_idx on public.contact_activities (user_id, call_started_at desc);
create index if not exists contact_activities_team_date_idx on public.contact_activities (team_id, call_started_at desc);
create index if not exists contact_activities_session_idx on public.contact_activities (phoneburner_session_id);
create index if not exists contact_activities_created_at_idx on public.contact_activities (created_at desc);
create index if not exists contact_activities_disposition_idx on public.contact_activities (disposition_code) where disposition_code is not null;
create index if not exists contact_activities_pb_call_idx on public.contact_activities (phoneburner_call_id) where phoneburner_call_id is not null;
create index if not exists contact_activities_unmatched_idx on public.contact_activities (created_at) where matching_status = 'unmatched';

drop trigger if exists _100_timestamps on public.contact_activities;
create trigger _100_timestamps before update on public.contact_activities
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.contact_activities is 'Contact timeline: one row per call (all its dialer events merged), plus callbacks, contact changes and manual entries.';
comment on column public.contact_activities.id is 'Activity id (uuid).';
comment on column public.contact_activities.contact_id is 'The contact; null while the call is unmatched (or after the contact was deleted: its calls are kept).';
comment on column public.contact_activities.user_id is 'Rep who made the call.';
comment on column public.contact_activities.phoneburner_session_id is 'Dial session the call belongs to (our session id).';
comment on column public.contact_activities.team_id is 'Team the activity belongs to.';
comment on column public.contact_activities.activity_type is 'call_attempt, call_connected, call_completed, disposition_set (furthest stage a call reached), or callback_scheduled, contact_updated, voicemail_left, email_sent, email_opened, meeting_scheduled, note.';
comment on column public.contact_activities.source_system is 'phoneburner, manual (logged by hand), sourceco_platform, voipstudio, bolna, …';
comment on column public.contact_activities.matching_status is 'matched, unmatched (no contact found yet) or manually_linked.';
comment on column public.contact_activities.dedupe_key is 'Natural key of the activity (provider + call id + kind): makes ingestion idempotent.';
comment on column public.contact_activities.call_started_at is 'When dialing began.';
comment on column public.contact_activities.call_connected_at is 'When the call was answered.';
comment on column public.contact_activities.call_ended_at is 'When the call ended.';
comment on column public.contact_activities.ring_duration_seconds is 'Ringing time, seconds.';
comment on column public.contact_activities.call_duration_seconds is 'Total call duration (ringing + talk), seconds.';
comment on column public.contact_activities.talk_time_seconds is 'Conversation time, seconds.';
comment on column public.contact_activities.call_outcome is 'connected, voicemail, no_answer, busy, failed or rejected.';
comment on column public.contact_activities.answered_by is 'decision_maker, gatekeeper, voicemail, answering_service or unknown.';
comment on column public.contact_activities.disposition_code is 'Disposition code (seed contract) or the code of the mapping matched by label (real PhoneBurner).';
comment on column public.contact_activities.disposition_label is 'Disposition label as the rep chose it.';
comment on column public.contact_activities.disposition_notes is 'Rep''s call notes.';
comment on column public.contact_activities.disposition_set_at is 'When the disposition was set.';
comment on column public.contact_activities.callback_scheduled_date is 'When the scheduled callback is due.';
comment on column public.contact_activities.callback_completed_at is 'When the callback was made.';
comment on column public.contact_activities.callback_outcome is 'completed, rescheduled, missed or cancelled.';
comment on column public.contact_activities.recording_url is 'Link to the call recording.';
comment on column public.contact_activities.recording_duration_seconds is 'Recording length, seconds.';
comment on column public.contact_activities.recording_transcription is 'Transcript, when available.';
comment on column public.contact_activities.user_name is 'Rep name at the time of the call.';
comment on column public.contact_activities.user_email is 'Rep email at the time of the call.';
comment on column public.contact_activities.phoneburner_call_id is 'PhoneBurner''s call id.';
comment on column public.contact_activities.phoneburner_contact_id is 'PhoneBurner''s contact id.';
comment on column public.contact_activities.phoneburner_event_id is 'Event id of the first event that created the row.';
comment on column public.contact_activities.details is 'Extra context (changed fields of contact_updated, callback notes, …).';
comment on column public.contact_activities.created_at is 'When the activity was recorded.';
comment on column public.contact_activities.updated_at is 'When the activity last changed (a later event of the same call, a note).';
comment on column public.contact_activities.deleted_at is 'Soft delete (records are kept for audit).';

revoke all on table public.contact_activities from anon, authenticated;
grant select on table public.contact_activities to authenticated;
-- Reps log calls and notes by hand from the browser; dialer rows are written only by dialbridge.
grant insert (contact_id, user_id, team_id, activity_type, source_system, call_started_at, call_ended_at,
              call_duration_seconds, talk_time_seconds, call_outcome, answered_by, disposition_code,
              disposition_label, disposition_notes, user_name, details),
      update (disposition_notes, deleted_at)
  on table public.contact_activities to authenticated;
grant delete on table public.contact_activities to authenticated;
grant all on table public.contact_activities to service_role;

drop policy if exists "Reps see their team's activities" on public.contact_activities;
create policy "Reps see their team's activities" on public.contact_activities for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps log manual activities for their team" on public.contact_activities;
create policy "Reps log manual activities for their team" on public.contact_activities for insert to authenticated
  -- in their own name, about a contact of the same team (the subquery runs under the caller's RLS on
  -- contacts, so another team's contact never qualifies)
  with check ((team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
              and source_system in ('manual', 'manual_entry', 'sourceco_platform')
              and (user_id = (select auth.uid()) or (select dialbridge.is_admin()))
              and (contact_id is null
                   or exists (select 1 from public.contacts c
                               where c.id = contact_activities.contact_id
                                 and c.team_id is not distinct from contact_activities.team_id)));
drop policy if exists "Reps annotate their team's activities" on public.contact_activities;
create policy "Reps annotate their team's activities" on public.contact_activities for update to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Admins delete activities" on public.contact_activities;
create policy "Admins delete activities" on public.contact_activities for delete to authenticated
  using ((select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- tasks
-- ---------------------------------------------------------------------------------------------------
/** Callbacks and follow-ups assigned to reps (created by dispositions, callbacks or by hand). */
create table if not exists public.tasks (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid references public.contacts (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  assigned_to_user_id uuid references public.profiles (id) on delete set null,
  created_by_user_id uuid references public.profiles (id) on delete set null,
  source_activity_id uuid references public.contact_activities (id) on delete set null,
  source text not null default 'manual',
  task_type text not null default 'call',
  title text not null,
  notes text,
  due_at timestamptz not null,
  priority text not null default 'medium',
  status text not null default 'open',
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.tasks enable row level security;
select dialbridge.ensure_constraint('public.tasks', 'tasks_task_type_check',
  $c$check (task_type in ('call', 'email', 'meeting_prep', 'research', 'send_materials', 'follow_up'))$c$);
select dialbridge.ensure_constraint('public.tasks', 'tasks_priority_check',
  $c$check (priority in ('low', 'medium', 'high', 'urgent'))$c$);
select dialbridge.ensure_constraint('public.tasks', 'tasks_status_check',
  $c$check (status in ('open', 'completed', 'cancelled'))$c$);
select dialbridge.ensure_constraint('public.tasks', 'tasks_source_check',
  $c$check (source in ('manual', 'disposition', 'callback', 'system'))$c$);
select dialbridge.ensure_constraint('public.tasks', 'tasks_completed_check',
  $c$check ((status = 'completed') = (completed_at is not null))$c$);
-- one task per (activity, source): re-processing an event never creates a second task
create unique index if not exists tasks_source_activity_key on public.tasks (source_activity_id, source) where source_activity_id is not null;
create index if not exists tasks_team_idx on public.tasks (team_id);
create index if not exists tasks_assignee_due_idx on public.tasks (assigned_to_user_id, due_at) where status = 'open';
create index if not exists tasks_contact_idx on public.tasks (contact_id);

drop trigger if exists _100_timestamps on public.tasks;
create trigger _100_timestamps before update on public.tasks
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.tasks is 'Callbacks and follow-ups assigned to reps.';
comment on column public.tasks.id is 'Task id (uuid).';
comment on column public.tasks.contact_id is 'Contact the task is about.';
comment on column public.tasks.team_id is 'Team the task belongs to.';
comment on column public.tasks.assigned_to_user_id is 'Rep who should do it.';
comment on column public.tasks.created_by_user_id is 'Who created it (null: created by a disposition or callback).';
comment on column public.tasks.source_activity_id is 'Call or callback activity that created the task.';
comment on column public.tasks.source is 'manual, disposition, callback or system.';
comment on column public.tasks.task_type is 'call, email, meeting_prep, research, send_materials or follow_up.';
comment on column public.tasks.title is 'What to do.';
comment on column public.tasks.notes is 'Context (e.g. the rep''s call notes).';
comment on column public.tasks.due_at is 'When it is due.';
comment on column public.tasks.priority is 'low, medium, high or urgent.';
comment on column public.tasks.status is 'open, completed or cancelled.';
comment on column public.tasks.completed_at is 'When it was completed.';
comment on column public.tasks.created_at is 'When the task was created.';
comment on column public.tasks.updated_at is 'When the task last changed.';

revoke all on table public.tasks from anon, authenticated;
grant select on table public.tasks to authenticated;
grant insert (contact_id, team_id, assigned_to_user_id, created_by_user_id, task_type, title, notes, due_at, priority),
      update (assigned_to_user_id, task_type, title, notes, due_at, priority, status, completed_at),
      delete
  on table public.tasks to authenticated;
grant all on table public.tasks to service_role;

drop policy if exists "Reps see their team's tasks" on public.tasks;
create policy "Reps see their team's tasks" on public.tasks for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps create tasks for their team" on public.tasks;
create policy "Reps create tasks for their team" on public.tasks for insert to authenticated
  with check ((team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
              -- in their own name (any teammate may be the assignee)
              and (created_by_user_id is null or created_by_user_id = (select auth.uid()) or (select dialbridge.is_admin()))
              and (contact_id is null
                   or exists (select 1 from public.contacts c
                               where c.id = tasks.contact_id
                                 and c.team_id is not distinct from tasks.team_id)));
drop policy if exists "Reps update their team's tasks" on public.tasks;
create policy "Reps update their team's tasks" on public.tasks for update to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Managers delete their team's tasks" on public.tasks;
create policy "Managers delete their team's tasks" on public.tasks for delete to authenticated
  using ((team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_manager_or_admin()))
         or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- suppressions
-- ---------------------------------------------------------------------------------------------------
/**
 * Do-not-call and other suppressions, by contact and/or phone number. Legal suppressions are permanent
 * and can never be overridden; any suppression is lifted only by an explicit, audited action
 * (lifted_at/lifted_by/lift_reason), never by a later disposition or sync.
 */
create table if not exists public.suppressions (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid references public.contacts (id) on delete cascade,
  phone_e164 text,
  team_id uuid references public.teams (id) on delete set null,
  suppression_type text not null,
  reason text not null,
  source text not null default 'manual',
  source_activity_id uuid references public.contact_activities (id) on delete set null,
  set_by_user_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  lifted_at timestamptz,
  lifted_by_user_id uuid references public.profiles (id) on delete set null,
  lift_reason text
);
alter table public.suppressions enable row level security;
select dialbridge.ensure_constraint('public.suppressions', 'suppressions_target_check',
  $c$check (contact_id is not null or phone_e164 is not null)$c$);
select dialbridge.ensure_constraint('public.suppressions', 'suppressions_type_check',
  $c$check (suppression_type in ('legal', 'internal'))$c$);
select dialbridge.ensure_constraint('public.suppressions', 'suppressions_source_check',
  $c$check (source in ('disposition', 'manual', 'import', 'sync', 'system'))$c$);
select dialbridge.ensure_constraint('public.suppressions', 'suppressions_legal_never_expires_check',
  $c$check (suppression_type <> 'legal' or expires_at is null)$c$);
select dialbridge.ensure_constraint('public.suppressions', 'suppressions_expiry_after_start_check',
  $c$check (expires_at is null or expires_at > created_at)$c$);
select dialbridge.ensure_constraint('public.suppressions', 'suppressions_lift_audited_check',
  $c$check ((lifted_at is null) = (lift_reason is null))$c$);
create unique index if not exists suppressions_source_activity_key on public.suppressions (source_activity_id) where source_activity_id is not null;
create index if not exists suppressions_contact_idx on public.suppressions (contact_id) where lifted_at is null;
create index if not exists suppressions_phone_idx on public.suppressions (phone_e164) where lifted_at is null;
create index if not exists suppressions_team_idx on public.suppressions (team_id);

comment on table public.suppressions is 'Do-not-call and other suppressions by contact and/or phone. Legal ones are permanent and never overridable; lifting is an audited admin action.';
comment on column public.suppressions.id is 'Suppression id (uuid).';
comment on column public.suppressions.contact_id is 'Suppressed contact.';
comment on column public.suppressions.phone_e164 is 'Suppressed phone number (E.164), whichever contact carries it.';
comment on column public.suppressions.team_id is 'Team of the contact (null: global number suppression).';
comment on column public.suppressions.suppression_type is 'legal (do-not-call request or legal list: never overridable) or internal (policy, e.g. not interested for 365 days).';
comment on column public.suppressions.reason is 'Why: user_requested, not_interested, wrong_number, legal_requirement, …';
comment on column public.suppressions.source is 'disposition, manual, import, sync or system.';
comment on column public.suppressions.source_activity_id is 'Call whose disposition created the suppression.';
comment on column public.suppressions.set_by_user_id is 'Who set it (the rep on the call, for dispositions).';
comment on column public.suppressions.created_at is 'When the suppression was recorded (it applies from then).';
comment on column public.suppressions.expires_at is 'When an internal suppression ends (null: permanent).';
comment on column public.suppressions.lifted_at is 'When an authorised person lifted it.';
comment on column public.suppressions.lifted_by_user_id is 'Who lifted it.';
comment on column public.suppressions.lift_reason is 'Why it was lifted (required to lift).';

revoke all on table public.suppressions from anon, authenticated;
grant select on table public.suppressions to authenticated;
grant insert (contact_id, phone_e164, team_id, suppression_type, reason, source, set_by_user_id, expires_at)
  on table public.suppressions to authenticated;
grant all on table public.suppressions to service_role;

drop policy if exists "Reps see their team's suppressions" on public.suppressions;
create policy "Reps see their team's suppressions" on public.suppressions for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps record suppressions for their team" on public.suppressions;
create policy "Reps record suppressions for their team" on public.suppressions for insert to authenticated
  with check ((team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
              and set_by_user_id = (select auth.uid())
              and (contact_id is null
                   or exists (select 1 from public.contacts c
                               where c.id = suppressions.contact_id
                                 and c.team_id is not distinct from suppressions.team_id)));

-- ---------------------------------------------------------------------------------------------------
-- contact_field_changes
-- ---------------------------------------------------------------------------------------------------
/** Audit of contact field changes from sync (dialer → SourceCo and back): old, new, source, time. */
create table if not exists public.contact_field_changes (
  id bigint generated always as identity primary key,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  field_name text not null,
  old_value text,
  new_value text,
  source_system text not null,
  source_event_id text,
  changed_by text,
  changed_at timestamptz not null,
  applied boolean not null default true,
  recorded_at timestamptz not null default now()
);
alter table public.contact_field_changes enable row level security;
select dialbridge.ensure_constraint('public.contact_field_changes', 'contact_field_changes_source_system_check',
  $c$check (source_system in ('phoneburner', 'sourceco_platform', 'manual', 'reconciliation', 'voipstudio', 'bolna'))$c$);
create unique index if not exists contact_field_changes_event_field_key on public.contact_field_changes (source_event_id, field_name)
  where source_event_id is not null;
create index if not exists contact_field_changes_contact_idx on public.contact_field_changes (contact_id, field_name, changed_at desc);
create index if not exists contact_field_changes_team_idx on public.contact_field_changes (team_id);

comment on table public.contact_field_changes is 'Field-by-field audit of contact changes from dialer sync: old and new value, source, event time, and whether it was applied (last write wins).';
comment on column public.contact_field_changes.id is 'Change id (in recording order).';
comment on column public.contact_field_changes.contact_id is 'The contact that changed.';
comment on column public.contact_field_changes.team_id is 'Team of the contact; scopes who sees the change.';
comment on column public.contact_field_changes.field_name is 'Changed field (phone, email, title, …).';
comment on column public.contact_field_changes.old_value is 'Value before the change (as reported by the source).';
comment on column public.contact_field_changes.new_value is 'Value after the change.';
comment on column public.contact_field_changes.source_system is 'Where the change came from.';
comment on column public.contact_field_changes.source_event_id is 'Event that carried the change.';
comment on column public.contact_field_changes.changed_by is 'Who changed it in the source system.';
comment on column public.contact_field_changes.changed_at is 'When the change happened in the source (event time).';
comment on column public.contact_field_changes.applied is 'false when a newer write already won (stale change, kept for audit).';
comment on column public.contact_field_changes.recorded_at is 'When dialbridge recorded the change.';

revoke all on table public.contact_field_changes from anon, authenticated;
-- Supabase's default privileges grant the identity sequence to anon and authenticated too; UPDATE on a
-- sequence is setval(), which would let a browser session break the next insert. Identity columns
-- need no sequence privilege to insert.
revoke all on sequence public.contact_field_changes_id_seq from anon, authenticated;
grant select on table public.contact_field_changes to authenticated;
grant all on table public.contact_field_changes to service_role;
drop policy if exists "Reps see their team's contact changes" on public.contact_field_changes;
create policy "Reps see their team's contact changes" on public.contact_field_changes for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_webhooks_log
-- ---------------------------------------------------------------------------------------------------
/**
 * Every dialer event as received, stored before it is acknowledged (durable first), then projected into
 * contact_activities by dialbridge. Idempotent on event_id (the event identity). Service role only.
 */
create table if not exists public.phoneburner_webhooks_log (
  id bigint generated always as identity primary key,
  event_id text not null unique,
  event_type text not null,
  payload jsonb not null,
  payload_size_bytes integer,
  phoneburner_call_id text,
  phoneburner_contact_id text,
  sourceco_contact_id text,
  phoneburner_user_id text,
  phoneburner_session_id text,
  event_at timestamptz,
  processing_status text not null default 'pending',
  processing_error text,
  processing_error_code text,
  processing_started_at timestamptz,
  processing_completed_at timestamptz,
  processing_duration_ms integer,
  retry_count integer not null default 0,
  max_retries integer not null default 5,
  next_retry_at timestamptz,
  last_retry_at timestamptz,
  auth_method text,
  signature_header text,
  signature_valid boolean,
  ip_address inet,
  user_agent text,
  contact_activity_id uuid references public.contact_activities (id) on delete set null,
  task_id uuid references public.tasks (id) on delete set null,
  received_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  partition_date date generated always as ((received_at at time zone 'UTC')::date) stored
);
alter table public.phoneburner_webhooks_log enable row level security;
select dialbridge.ensure_constraint('public.phoneburner_webhooks_log', 'phoneburner_webhooks_log_processing_status_check',
  $c$check (processing_status in ('pending', 'processing', 'success', 'failed', 'skipped', 'duplicate'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_webhooks_log', 'phoneburner_webhooks_log_auth_method_check',
  $c$check (auth_method in ('hmac', 'url_token', 'softphone_hmac', 'replay', 'reconciliation'))$c$);
select dialbridge.ensure_constraint('public.phoneburner_webhooks_log', 'phoneburner_webhooks_log_retries_check',
  $c$check (retry_count >= 0 and max_retries >= 0)$c$);
create index if not exists phoneburner_webhooks_log_actionable_idx on public.phoneburner_webhooks_log (next_retry_at nulls first, id)
  where processing_status in ('pending', 'processing');
create index if not exists phoneburner_webhooks_log_status_received_idx on public.phoneburner_webhooks_log (processing_status, received_at desc);
create index if not exists phoneburner_webhooks_log_type_received_idx on public.phoneburner_webhooks_log (event_type, received_at desc);
create index if not exists phoneburner_webhooks_log_call_idx on public.phoneburner_webhooks_log (phoneburner_call_id) where phoneburner_call_id is not null;
create index if not exists phoneburner_webhooks_log_received_idx on public.phoneburner_webhooks_log (received_at desc);

drop trigger if exists _100_timestamps on public.phoneburner_webhooks_log;
create trigger _100_timestamps before update on public.phoneburner_webhooks_log
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.phoneburner_webhooks_log is 'Every dialer event as received (stored before it is acknowledged) and its processing state. Service role only.';
comment on column public.phoneburner_webhooks_log.event_id is 'Event identity: event_id, else the X-Phoneburner-Event-ID header, else provider call id + event type.';
comment on column public.phoneburner_webhooks_log.event_type is 'call.started, call.connected, call.ended, disposition.set, callback.scheduled, contact.updated, api_callbegin, api_calldone, api_contact_displayed, softphone_call_done.';
comment on column public.phoneburner_webhooks_log.payload is 'The event body as received (PII: never log it whole).';
comment on column public.phoneburner_webhooks_log.payload_size_bytes is 'Size of the raw body.';
comment on column public.phoneburner_webhooks_log.event_at is 'When the event happened according to the sender.';
comment on column public.phoneburner_webhooks_log.processing_status is 'pending, processing, success, failed (after the last retry), skipped or duplicate.';
comment on column public.phoneburner_webhooks_log.processing_error is 'Last processing error.';
comment on column public.phoneburner_webhooks_log.retry_count is 'Processing attempts that failed.';
comment on column public.phoneburner_webhooks_log.next_retry_at is 'When the next attempt is due (backoff).';
comment on column public.phoneburner_webhooks_log.auth_method is 'How the sender was authenticated: hmac, url_token, softphone_hmac.';
comment on column public.phoneburner_webhooks_log.received_at is 'When the event reached our endpoint.';
comment on column public.phoneburner_webhooks_log.id is 'Arrival order.';
comment on column public.phoneburner_webhooks_log.phoneburner_call_id is 'PhoneBurner''s call id carried by the event.';
comment on column public.phoneburner_webhooks_log.phoneburner_contact_id is 'PhoneBurner''s contact id carried by the event.';
comment on column public.phoneburner_webhooks_log.sourceco_contact_id is 'Our contact key carried back by the dialer (custom field "SourceCo ID").';
comment on column public.phoneburner_webhooks_log.phoneburner_user_id is 'PhoneBurner user (agent) who made the call.';
comment on column public.phoneburner_webhooks_log.phoneburner_session_id is 'PhoneBurner dial session id carried by the event.';
comment on column public.phoneburner_webhooks_log.processing_error_code is 'Machine-readable code of the last processing error.';
comment on column public.phoneburner_webhooks_log.processing_started_at is 'When the last processing attempt began.';
comment on column public.phoneburner_webhooks_log.processing_completed_at is 'When processing finished (success, skipped or duplicate).';
comment on column public.phoneburner_webhooks_log.processing_duration_ms is 'Duration of the last processing attempt, milliseconds.';
comment on column public.phoneburner_webhooks_log.max_retries is 'Attempts allowed before the event is marked failed.';
comment on column public.phoneburner_webhooks_log.last_retry_at is 'When the last retry ran.';
comment on column public.phoneburner_webhooks_log.signature_header is 'Signature header as received (for audit of rejected or replayed events).';
comment on column public.phoneburner_webhooks_log.signature_valid is 'Whether the signature verified.';
comment on column public.phoneburner_webhooks_log.ip_address is 'Sender address.';
comment on column public.phoneburner_webhooks_log.user_agent is 'Sender user agent.';
comment on column public.phoneburner_webhooks_log.contact_activity_id is 'Activity the event was projected into.';
comment on column public.phoneburner_webhooks_log.task_id is 'Task the event created (callbacks).';
comment on column public.phoneburner_webhooks_log.created_at is 'When the row was written.';
comment on column public.phoneburner_webhooks_log.updated_at is 'When the processing state last changed.';
comment on column public.phoneburner_webhooks_log.partition_date is 'UTC day of arrival (for retention and per-day reports).';

revoke all on table public.phoneburner_webhooks_log from anon, authenticated;
revoke all on sequence public.phoneburner_webhooks_log_id_seq from anon, authenticated;
grant all on table public.phoneburner_webhooks_log to service_role;
-- RLS on, no policy for anon or authenticated: only the service role (which bypasses RLS) reads it.

-- ---------------------------------------------------------------------------------------------------
-- disposition_mappings
-- ---------------------------------------------------------------------------------------------------
/**
 * Admin-editable configuration: what each dialer disposition does to the contact (status, stage, task,
 * suppression, next action, engagement). Matched by code, else by normalised label or alias.
 */
create table if not exists public.disposition_mappings (
  id uuid primary key default gen_random_uuid(),
  phoneburner_disposition_code text not null unique,
  phoneburner_disposition_label text,
  label_aliases text[] not null default '{}',
  category text,
  sourceco_contact_status text,
  sourceco_contact_stage text,
  is_connected_outcome boolean,
  trigger_workflow boolean not null default false,
  workflow_name text,
  workflow_config jsonb,
  create_task boolean not null default false,
  task_type text,
  task_due_offset_days integer,
  task_priority text,
  suppress_contact boolean not null default false,
  suppress_duration_days integer,
  suppress_reason text,
  mark_phone_invalid boolean not null default false,
  mark_do_not_call boolean not null default false,
  next_action_type text,
  next_action_offset_days integer,
  engagement_score_delta integer not null default 0,
  is_active boolean not null default true,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by_user_id uuid references public.profiles (id) on delete set null
);
alter table public.disposition_mappings enable row level security;
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_engagement_score_delta_check',
  $c$check (engagement_score_delta between -50 and 50)$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_suppression_duration_check',
  $c$check (not suppress_contact or coalesce(suppress_duration_days, 0) > 0)$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_task_check',
  $c$check (not create_task or (task_type is not null and coalesce(task_due_offset_days, -1) >= 0))$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_task_type_check',
  $c$check (task_type in ('call', 'email', 'meeting_prep', 'research', 'send_materials', 'follow_up'))$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_task_priority_check',
  $c$check (task_priority in ('low', 'medium', 'high', 'urgent'))$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_status_check',
  $c$check (sourceco_contact_status in ('Qualified', 'Nurture', 'Disqualified', 'Suppressed', 'Invalid', 'Attempted'))$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_stage_check',
  $c$check (sourceco_contact_stage in ('Engaged', 'Follow-up', 'Meeting Set', 'Dead', 'Paused', 'Outreach'))$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_category_check',
  $c$check (category in ('positive', 'neutral', 'negative', 'administrative'))$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_workflow_check',
  $c$check (not trigger_workflow or workflow_name is not null)$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_next_action_check',
  $c$check (next_action_offset_days is null or (next_action_offset_days >= 0 and next_action_type is not null))$c$);
select dialbridge.ensure_constraint('public.disposition_mappings', 'disposition_mappings_dnc_suppresses_check',
  $c$check (not mark_do_not_call or suppress_contact)$c$);
create unique index if not exists disposition_mappings_label_key on public.disposition_mappings
  (dialbridge.normalize_label(phoneburner_disposition_label)) where is_active;

drop trigger if exists _100_timestamps on public.disposition_mappings;
create trigger _100_timestamps before update on public.disposition_mappings
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.disposition_mappings is 'What each dialer disposition does: contact status and stage, task, suppression, next action, engagement delta. Admin-editable.';
comment on column public.disposition_mappings.id is 'Mapping id (uuid).';
comment on column public.disposition_mappings.phoneburner_disposition_code is 'Disposition code (seed contract, e.g. INTERESTED).';
comment on column public.disposition_mappings.phoneburner_disposition_label is 'Label as shown in PhoneBurner; real PhoneBurner sends only the label, matched case-, space- and punctuation-insensitively.';
comment on column public.disposition_mappings.label_aliases is 'Other labels that mean the same disposition (e.g. "Left Message" for LEFT_VOICEMAIL).';
comment on column public.disposition_mappings.category is 'positive, neutral, negative or administrative (reporting split qualified / nurture / disqualified).';
comment on column public.disposition_mappings.sourceco_contact_status is 'Status the contact gets.';
comment on column public.disposition_mappings.sourceco_contact_stage is 'Stage the contact gets.';
comment on column public.disposition_mappings.is_connected_outcome is 'Whether the disposition implies a live conversation (null: decide from the call).';
comment on column public.disposition_mappings.workflow_name is 'Workflow queued when trigger_workflow (send_deal_memo, create_calendar_event, …).';
comment on column public.disposition_mappings.task_type is 'Type of the task created.';
comment on column public.disposition_mappings.task_due_offset_days is 'Days from the disposition to the task due date.';
comment on column public.disposition_mappings.task_priority is 'low, medium, high or urgent.';
comment on column public.disposition_mappings.suppress_duration_days is 'Days to suppress the contact.';
comment on column public.disposition_mappings.mark_phone_invalid is 'Flag the phone number as invalid.';
comment on column public.disposition_mappings.mark_do_not_call is 'Legal do-not-call: permanent, never lifted by a later disposition.';
comment on column public.disposition_mappings.next_action_type is 'Next action set on the contact.';
comment on column public.disposition_mappings.next_action_offset_days is 'Days until the next action.';
comment on column public.disposition_mappings.engagement_score_delta is 'Change applied to the engagement score (−50..50).';
comment on column public.disposition_mappings.is_active is 'Inactive mappings are ignored (the disposition shows as unmapped).';
comment on column public.disposition_mappings.trigger_workflow is 'Queue workflow_name when the disposition is set.';
comment on column public.disposition_mappings.workflow_config is 'Parameters passed to the workflow.';
comment on column public.disposition_mappings.create_task is 'Create a task (task_type, due task_due_offset_days later, task_priority).';
comment on column public.disposition_mappings.suppress_contact is 'Suppress the contact for suppress_duration_days (9999: permanent).';
comment on column public.disposition_mappings.suppress_reason is 'Reason recorded on the suppression (user_requested, not_interested, …).';
comment on column public.disposition_mappings.notes is 'Why the mapping is set up this way.';
comment on column public.disposition_mappings.created_at is 'When the mapping was created.';
comment on column public.disposition_mappings.updated_at is 'When an admin last changed the mapping.';
comment on column public.disposition_mappings.created_by_user_id is 'Admin who created the mapping (null: seeded).';

revoke all on table public.disposition_mappings from anon, authenticated;
grant select on table public.disposition_mappings to authenticated;
grant insert (phoneburner_disposition_code, phoneburner_disposition_label, label_aliases, category,
              sourceco_contact_status, sourceco_contact_stage, is_connected_outcome, trigger_workflow,
              workflow_name, workflow_config, create_task, task_type, task_due_offset_days, task_priority,
              suppress_contact, suppress_duration_days, suppress_reason, mark_phone_invalid, mark_do_not_call,
              next_action_type, next_action_offset_days, engagement_score_delta, is_active, notes,
              created_by_user_id),
      update (phoneburner_disposition_label, label_aliases, category, sourceco_contact_status,
              sourceco_contact_stage, is_connected_outcome, trigger_workflow, workflow_name, workflow_config,
              create_task, task_type, task_due_offset_days, task_priority, suppress_contact,
              suppress_duration_days, suppress_reason, mark_phone_invalid, mark_do_not_call, next_action_type,
              next_action_offset_days, engagement_score_delta, is_active, notes),
      delete
  on table public.disposition_mappings to authenticated;
grant all on table public.disposition_mappings to service_role;

drop policy if exists "Signed-in users read disposition mappings" on public.disposition_mappings;
create policy "Signed-in users read disposition mappings" on public.disposition_mappings for select to authenticated
  using (true);
drop policy if exists "Admins add disposition mappings" on public.disposition_mappings;
create policy "Admins add disposition mappings" on public.disposition_mappings for insert to authenticated
  with check ((select dialbridge.is_admin()));
drop policy if exists "Admins edit disposition mappings" on public.disposition_mappings;
create policy "Admins edit disposition mappings" on public.disposition_mappings for update to authenticated
  using ((select dialbridge.is_admin())) with check ((select dialbridge.is_admin()));
drop policy if exists "Admins delete disposition mappings" on public.disposition_mappings;
create policy "Admins delete disposition mappings" on public.disposition_mappings for delete to authenticated
  using ((select dialbridge.is_admin()));

-- Seed 000's ten mappings, completed with seed 001's F-003 table (suppression, next actions) and the
-- Appendix B catalogue; aliases cover the labels real PhoneBurner accounts use. Existing rows (an admin
-- may have edited them) are left untouched.
insert into public.disposition_mappings (
  phoneburner_disposition_code, phoneburner_disposition_label, label_aliases, category,
  sourceco_contact_status, sourceco_contact_stage, is_connected_outcome,
  trigger_workflow, workflow_name, create_task, task_type, task_due_offset_days, task_priority,
  suppress_contact, suppress_duration_days, suppress_reason, mark_phone_invalid, mark_do_not_call,
  next_action_type, next_action_offset_days, engagement_score_delta, notes)
values
  ('INTERESTED', 'Interested - Send Information', '{"Interested","Interested - Send Info"}', 'positive',
   'Qualified', 'Engaged', true, true, 'send_deal_memo', true, 'email', 1, 'high',
   false, null, null, false, false, 'send_materials', 0, 25, 'Seed 000; F-003: email the deal memo.'),
  ('MEETING_SET', 'Meeting Scheduled', '{"Meeting Set","Appointment Set","Appointment Scheduled"}', 'positive',
   'Qualified', 'Meeting Set', true, true, 'create_calendar_event', true, 'meeting_prep', 0, 'high',
   false, null, null, false, false, 'meeting_prep', 0, 50, 'Seed 000; F-003: prep materials, calendar event.'),
  ('CALLBACK_30D', 'Callback in 30 Days', '{}', 'neutral',
   'Nurture', 'Paused', true, false, null, true, 'call', 30, 'medium',
   false, null, null, false, false, 'call', 30, 0, 'Seed 000.'),
  ('NOT_INTERESTED', 'Not Interested', '{}', 'negative',
   'Disqualified', 'Dead', true, false, null, false, null, null, null,
   true, 365, 'not_interested', false, false, null, null, -25, 'Seed 000; F-003: suppress 365 days.'),
  ('NOT_A_FIT', 'Not a Fit - Wrong ICP', '{"Not a Fit"}', 'negative',
   'Disqualified', 'Dead', true, false, null, false, null, null, null,
   true, 365, 'not_a_fit', false, false, null, null, -25, 'Seed 000; seed 001 milestone 4.3: suppress 365 days.'),
  ('WRONG_NUMBER', 'Wrong Number / Disconnected', '{"Wrong Number","Disconnected","Bad Number"}', 'administrative',
   'Invalid', 'Dead', false, false, null, false, null, null, null,
   false, null, null, true, false, null, null, 0, 'Seed 000: flag bad data.'),
  ('DO_NOT_CALL', 'Do Not Call - Requested Removal', '{"Do Not Call","DNC","Remove From List"}', 'negative',
   'Suppressed', 'Dead', true, false, null, false, null, null, null,
   true, 9999, 'user_requested', false, true, null, null, 0, 'Seed 000: legal do-not-call, global and permanent.'),
  ('LEFT_VOICEMAIL', 'Left Voicemail', '{"Left Message","Voicemail","Left VM"}', 'neutral',
   'Attempted', 'Outreach', false, false, null, true, 'call', 3, 'medium',
   false, null, null, false, false, 'call', 3, 5, 'Seed 000; F-003: call again in 3 days.'),
  ('SPOKE_TO_GATEKEEPER', 'Spoke to Gatekeeper', '{}', 'neutral',
   'Attempted', 'Outreach', true, false, null, true, 'call', 2, 'medium',
   false, null, null, false, false, 'call', 2, 0, 'Seed 000; F-003: call back, ask for the decision maker.'),
  ('HOT_LEAD', 'Hot Lead - High Priority', '{"Hot Lead"}', 'positive',
   'Qualified', 'Engaged', true, true, 'high_priority_alert', true, 'call', 1, 'urgent',
   false, null, null, false, false, 'call', 1, 40, 'Seed 000.'),
  -- seed 001 Appendix B
  ('REFERRAL_PROVIDED', 'Referral Provided', '{"Referral"}', 'positive',
   'Nurture', 'Follow-up', true, false, null, true, 'research', 1, 'medium',
   false, null, null, false, false, 'call', 7, 10, 'Appendix B: gave a referral to another contact.'),
  ('GATEKEEPER', 'Gatekeeper', '{}', 'neutral',
   'Attempted', 'Outreach', true, false, null, true, 'call', 2, 'medium',
   false, null, null, false, false, 'call', 2, 0, 'Appendix B: spoke to assistant or gatekeeper.'),
  ('CALLBACK_REQUESTED', 'Callback Requested', '{"Request Callback","Call Back","Callback"}', 'neutral',
   'Nurture', 'Follow-up', true, false, null, true, 'call', 1, 'high',
   false, null, null, false, false, 'call', 1, 10, 'Appendix B; F-003: task at the requested time.'),
  ('NOT_NOW', 'Not Now - Bad Timing', '{"Bad Timing","Bad Timing - Follow Up"}', 'neutral',
   'Nurture', 'Paused', true, false, null, true, 'call', 90, 'low',
   false, null, null, false, false, 'remarket', 90, 0, 'Appendix B; F-003: remarket later.'),
  ('ALREADY_WORKING_WITH_COMPETITOR', 'Already Working With Competitor', '{"Working With Competitor"}', 'negative',
   'Disqualified', 'Dead', true, false, null, false, null, null, null,
   true, 180, 'working_with_competitor', false, false, null, null, -20, 'Appendix B: uses another M&A advisor.'),
  ('BAD_DATA', 'Bad Data', '{}', 'administrative',
   'Invalid', 'Dead', false, false, null, true, 'research', 2, 'low',
   false, null, null, true, false, 'research', 2, 0, 'Appendix B: contact info completely incorrect.'),
  ('LANGUAGE_BARRIER', 'Language Barrier', '{}', 'administrative',
   'Attempted', 'Outreach', true, false, null, false, null, null, null,
   false, null, null, false, false, null, null, 0, 'Appendix B.'),
  ('DECEASED', 'Deceased', '{}', 'administrative',
   'Invalid', 'Dead', false, false, null, false, null, null, null,
   true, 9999, 'deceased', false, false, null, null, 0, 'Appendix B: never call again (internal, permanent).'),
  ('NO_ANSWER', 'No Answer', '{"No Contact","Busy"}', 'neutral',
   'Attempted', 'Outreach', false, false, null, false, null, null, null,
   false, null, null, false, false, 'call', 2, 0, 'Real PhoneBurner default disposition.')
on conflict (phoneburner_disposition_code) do nothing;

revoke execute on all functions in schema dialbridge from public;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
