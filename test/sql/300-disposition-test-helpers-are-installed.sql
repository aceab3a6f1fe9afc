-- Helpers for the disposition, callback and contact-sync tests (300–349): they build the rows the event
-- projection would write (contacts, call activities with a disposition, callback and contact_updated
-- activities), as postgres. Kept for the whole run, like 000-setup.sql; every other file rolls back.
begin;
select plan(1);

/** A contact of a team (created with its users by tests.create_user), owned by p_owner_email. */
create or replace function tests.make_contact(
  p_team text, p_owner_email text default null, p_first text default 'John', p_last text default 'Smith',
  p_phone text default '+12125550123', p_email text default 'jsmith@heritagecap.com',
  p_timezone text default 'America/New_York', p_company text default 'Heritage Capital Partners'
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.contacts (team_id, owner_id, first_name, last_name, phone, email, timezone, company, title,
                               contact_type)
  values (tests.team_id(p_team), tests.user_id(p_owner_email), p_first, p_last, p_phone, p_email, p_timezone,
          p_company, 'Managing Partner', 'buyer')
  returning id
$$;

/**
 * A completed call by p_rep_email with a disposition set at p_set_at, as the projection records it (one row
 * per call). p_contact null: an unmatched call. p_connected false: nobody answered (no talk time).
 */
create or replace function tests.record_call(
  p_contact uuid, p_rep_email text, p_code text, p_label text, p_set_at timestamptz,
  p_notes text default null, p_call_id text default null, p_callback_at timestamptz default null,
  p_connected boolean default true
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.contact_activities (
    contact_id, user_id, team_id, activity_type, source_system, matching_status, dedupe_key,
    call_started_at, call_connected_at, call_ended_at, ring_duration_seconds, call_duration_seconds,
    talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label, disposition_notes,
    disposition_set_at, callback_scheduled_date, phoneburner_call_id, user_name)
  select p_contact, tests.user_id(p_rep_email),
         coalesce((select c.team_id from public.contacts c where c.id = p_contact),
                  (select p.team_id from public.profiles p where p.id = tests.user_id(p_rep_email))),
         'disposition_set', 'phoneburner', case when p_contact is null then 'unmatched' else 'matched' end,
         'test:call:' || v.call_id,
         p_set_at - interval '4 minutes 5 seconds',
         case when p_connected then p_set_at - interval '3 minutes 53 seconds' end,
         p_set_at - interval '11 seconds', 12, case when p_connected then 234 else 30 end,
         case when p_connected then 222 else 0 end,
         case when p_connected then 'connected' else 'no_answer' end,
         case when p_connected then 'decision_maker' end,
         p_code, p_label, p_notes, p_set_at, p_callback_at, v.call_id, 'Sarah Johnson'
    from (select coalesce(p_call_id, 'call_' || gen_random_uuid()::text) as call_id) v
  returning id
$$;

/** The projection merging a newer disposition.set into the same call row. */
create or replace function tests.redispose(p_activity uuid, p_code text, p_label text, p_set_at timestamptz,
                                           p_notes text default null)
returns void
language sql volatile security definer set search_path = ''
as $$
  update public.contact_activities
     set disposition_code = p_code, disposition_label = p_label, disposition_set_at = p_set_at,
         disposition_notes = p_notes
   where id = p_activity
$$;

/** A callback_scheduled activity (seed 000 callback.scheduled) for p_call_id. */
create or replace function tests.record_callback(
  p_contact uuid, p_rep_email text, p_scheduled_for timestamptz, p_event_at timestamptz,
  p_notes text default null, p_timezone text default 'America/New_York', p_call_id text default null,
  p_dedupe text default null
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.contact_activities (
    contact_id, user_id, team_id, activity_type, source_system, matching_status, dedupe_key,
    callback_scheduled_date, phoneburner_call_id, details)
  values (p_contact, tests.user_id(p_rep_email), (select c.team_id from public.contacts c where c.id = p_contact),
          'callback_scheduled', 'phoneburner', case when p_contact is null then 'unmatched' else 'matched' end,
          coalesce(p_dedupe, 'test:callback:' || gen_random_uuid()::text),
          p_scheduled_for, p_call_id,
          jsonb_build_object('notes', p_notes, 'timezone', p_timezone, 'event_at', p_event_at))
  returning id
$$;

/** A contact_updated activity (seed 000 contact.updated): details {changes, updated_by, event_at}. */
create or replace function tests.record_contact_update(
  p_contact uuid, p_event_id text, p_event_at timestamptz, p_changes jsonb,
  p_updated_by jsonb default '{"user_id": "pb_user_10", "name": "Sarah Johnson"}'
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.contact_activities (
    contact_id, team_id, activity_type, source_system, matching_status, dedupe_key, phoneburner_event_id, details)
  values (p_contact, (select c.team_id from public.contacts c where c.id = p_contact), 'contact_updated',
          'phoneburner', case when p_contact is null then 'unmatched' else 'matched' end,
          'test:contact_updated:' || p_event_id, p_event_id,
          jsonb_build_object('changes', p_changes, 'updated_by', p_updated_by, 'event_at', p_event_at))
  returning id
$$;

/** Rows of a table that reference an activity, as a comparable snapshot (for apply-twice tests). */
create or replace function tests.disposition_footprint(p_contact uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select concat_ws(' | ',
    (select row(c.contact_status, c.contact_stage, c.next_action_type, c.next_action_date, c.next_action_notes,
                c.next_action_assigned_to_user_id, c.call_engagement_score, c.do_not_call, c.do_not_call_reason,
                c.do_not_call_set_at, c.phone_number_invalid, c.phone_number_invalid_reason, c.needs_review)::text
       from public.contacts c where c.id = p_contact),
    (select string_agg(row(t.source, t.task_type, t.title, t.notes, t.due_at, t.priority, t.status,
                           t.assigned_to_user_id)::text, ';' order by t.id) from public.tasks t where t.contact_id = p_contact),
    (select string_agg(row(s.suppression_type, s.reason, s.phone_e164, s.created_at, s.expires_at, s.lifted_at)::text, ';'
                       order by s.id) from public.suppressions s where s.contact_id = p_contact),
    (select string_agg(row(w.workflow_name, w.status)::text, ';' order by w.id) from public.workflow_runs w where w.contact_id = p_contact),
    (select count(*)::text from graphile_worker.jobs j
      where j.key in (select 'contacts__run_disposition_workflow:' || a.id from public.contact_activities a
                       where a.contact_id = p_contact)),
    (select string_agg(row(f.field_name, f.old_value, f.new_value, f.changed_at, f.applied)::text, ';' order by f.id)
       from public.contact_field_changes f where f.contact_id = p_contact))
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

select has_function('tests', 'record_call',
  array['uuid', 'text', 'text', 'text', 'timestamp with time zone', 'text', 'text', 'timestamp with time zone', 'boolean'],
  'the disposition test helpers are installed');
select * from finish();
commit;
