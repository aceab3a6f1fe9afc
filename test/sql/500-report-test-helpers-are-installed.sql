-- Helpers for the reporting tests (500–599): contacts, sessions, calls and callbacks as the event
-- projection records them, written as postgres. Kept for the whole run, like 000-setup.sql; every other
-- file rolls back. Times are built from report days ("noon, two report days ago") so that the per-day
-- numbers the tests expect never depend on the hour the suite runs.
begin;
select plan(1);

/** Noon, in the reporting time zone, p_days_ago report days before today. */
create or replace function tests.report_noon(p_days_ago integer default 0) returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select ((dialbridge.report_today() - p_days_ago)::timestamp + interval '12 hours') at time zone dialbridge.report_time_zone()
$$;

/** A contact of a team with the columns reports segment by. */
create or replace function tests.report_contact(
  p_team text, p_first text, p_contact_type text default 'buyer', p_industry text default null,
  p_state text default null, p_list_source text default null, p_timezone text default null
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.contacts (team_id, first_name, last_name, company, contact_type, industry, state, list_source,
                               timezone, phone, email)
  values (tests.team_id(p_team), p_first, 'Tester', p_first || ' Capital', p_contact_type, p_industry, p_state,
          p_list_source, p_timezone, '+1212555' || pg_catalog.lpad((pg_catalog.floor(pg_catalog.random() * 10000))::integer::text, 4, '0'),
          pg_catalog.lower(p_first) || '@example.com')
  returning id
$$;

/** A dial session of a team, created by a rep. */
create or replace function tests.report_session(
  p_team text, p_name text, p_creator_email text, p_started_at timestamptz default now(),
  p_status text default 'active', p_contact_type text default 'buyer', p_session_type text default 'buyer_outreach',
  p_industry text default null, p_contacts_added integer default 0
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.phoneburner_sessions (phoneburner_session_id, session_name, session_type, contact_type,
         target_industry, session_status, started_at, last_activity_at, created_by_user_id, team_id, total_contacts_added)
  values ('test-ds-' || gen_random_uuid(), p_name, p_session_type, p_contact_type, p_industry, p_status, p_started_at,
          p_started_at, tests.user_id(p_creator_email), tests.team_id(p_team), p_contacts_added)
  returning id
$$;

/**
 * One call by a rep: one contact_activities row, as the projection records a call (its furthest stage).
 * p_contact null: an unmatched call. Connected calls are answered by the decision maker unless told.
 */
create or replace function tests.report_call(
  p_contact uuid, p_rep_email text, p_started_at timestamptz, p_outcome text default 'no_answer',
  p_talk_seconds integer default null, p_code text default null, p_session uuid default null,
  p_label text default null, p_answered_by text default null, p_notes text default null
) returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.contact_activities (
    contact_id, user_id, team_id, phoneburner_session_id, activity_type, source_system, matching_status, dedupe_key,
    call_started_at, call_connected_at, call_ended_at, call_duration_seconds, talk_time_seconds, call_outcome,
    answered_by, disposition_code, disposition_label, disposition_notes, disposition_set_at, user_name,
    phoneburner_call_id, recording_url)
  select p_contact, pr.id,
         coalesce((select c.team_id from public.contacts c where c.id = p_contact), pr.team_id),
         p_session,
         case when p_code is not null or p_label is not null then 'disposition_set'
              when p_outcome = 'connected' then 'call_connected' else 'call_completed' end,
         'phoneburner', case when p_contact is null then 'unmatched' else 'matched' end,
         'test:report:' || v.call_id,
         p_started_at,
         case when p_outcome = 'connected' then p_started_at + interval '10 seconds' end,
         p_started_at + pg_catalog.make_interval(secs => coalesce(p_talk_seconds, 0) + 25),
         coalesce(p_talk_seconds, 0) + 25,
         case when p_outcome = 'connected' then coalesce(p_talk_seconds, 0) end,
         p_outcome,
         coalesce(p_answered_by, case p_outcome when 'connected' then 'decision_maker' when 'voicemail' then 'voicemail' end),
         p_code, p_label, p_notes,
         case when p_code is not null or p_label is not null
              then p_started_at + pg_catalog.make_interval(secs => coalesce(p_talk_seconds, 0) + 40) end,
         pr.display_name, v.call_id,
         case when p_outcome = 'connected' then 'https://phoneburner.example/recordings/' || v.call_id || '.mp3' end
    from public.profiles pr
   cross join (select 'call_' || gen_random_uuid()::text as call_id) v
   where pr.id = tests.user_id(p_rep_email)
  returning id
$$;

/** A callback a rep scheduled at p_at, due p_due (its own contact_activities row). */
create or replace function tests.report_callback(p_contact uuid, p_rep_email text, p_at timestamptz, p_due timestamptz,
                                                 p_session uuid default null)
returns uuid
language sql volatile security definer set search_path = ''
as $$
  insert into public.contact_activities (contact_id, user_id, team_id, phoneburner_session_id, activity_type,
         source_system, matching_status, dedupe_key, callback_scheduled_date, disposition_notes, user_name, created_at)
  select p_contact, pr.id, coalesce((select c.team_id from public.contacts c where c.id = p_contact), pr.team_id),
         p_session, 'callback_scheduled', 'phoneburner', 'matched', 'test:report:callback:' || gen_random_uuid(),
         p_due, 'Call back after the board meeting', pr.display_name, p_at
    from public.profiles pr where pr.id = tests.user_id(p_rep_email)
  returning id
$$;

/**
 * The reports views the current role cannot read (each is tried; the error is caught). Used to prove that
 * Metabase reads every one of them.
 */
create or replace function tests.unreadable_reports() returns setof text
language plpgsql volatile set search_path = ''
as $$
declare
  v record;
begin
  for v in select c.relname from pg_catalog.pg_class c
            where c.relnamespace = 'reports'::regnamespace and c.relkind = 'v' order by 1 loop
    begin
      execute pg_catalog.format('select * from reports.%I limit 1', v.relname);
    exception when others then
      return next v.relname || ': ' || sqlerrm;
    end;
  end loop;
end
$$;

grant usage on schema tests to dialbridge_metabase;
grant execute on all functions in schema tests to anon, authenticated, service_role, dialbridge_metabase;

select has_function('tests', 'report_call',
  array['uuid', 'text', 'timestamp with time zone', 'text', 'integer', 'text', 'uuid', 'text', 'text', 'text'],
  'the reporting test helpers are installed');
select * from finish();
commit;
