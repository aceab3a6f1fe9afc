-- The call statistics are maintained by statement triggers on contact_activities for every write, not only
-- the dialer's: calls logged by hand, outcome changes, soft and hard deletes, a call moved to another
-- contact, many rows in one statement. Extremes that a delete lowers are re-read. The reconciliation
-- functions report drift (one row per wrong column) and fix it.
begin;
select plan(24);

select tests.create_user('rep@stats275.test', 'Stats 275 team');
insert into public.contacts (id, team_id, first_name) values
  ('27500000-0000-0000-0000-0000000000c1', tests.team_id('Stats 275 team'), 'One'),
  ('27500000-0000-0000-0000-0000000000c2', tests.team_id('Stats 275 team'), 'Two');
insert into public.phoneburner_sessions (id, phoneburner_session_id, session_name, team_id)
values ('27500000-0000-0000-0000-00000000005e', 'ds_275', 'Session 275', tests.team_id('Stats 275 team'));

-- ---------------------------------------------------------------------------------------------------
-- A rep logs calls by hand (the browser's insert privileges and policy)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep@stats275.test');
insert into public.contact_activities (contact_id, team_id, user_id, activity_type, source_system, call_started_at,
                                       call_ended_at, call_duration_seconds, talk_time_seconds, call_outcome, answered_by,
                                       disposition_code)
select c, t, u, x.*
  from (values ('call_completed', 'manual', '2026-03-01T10:00:00Z'::timestamptz, '2026-03-01T10:05:00Z'::timestamptz, 300, 280,
                'connected', 'decision_maker', 'INTERESTED'),
               ('call_attempt', 'manual', '2026-03-02T10:00:00Z', null, 40, null, 'voicemail', 'voicemail', null),
               ('call_attempt', 'manual', '2026-03-03T10:00:00Z', null, 25, null, 'no_answer', null, null),
               ('note', 'manual', null, null, null, null, null, null, null)) as x,
       (select '27500000-0000-0000-0000-0000000000c1'::uuid as c, tests.team_id('Stats 275 team') as t,
               tests.user_id('rep@stats275.test') as u) k;
select tests.clear_authentication();

select results_eq(
  $$select total_call_attempts, total_calls_connected, total_calls_to_decision_maker, total_voicemails_left,
           total_call_duration_seconds, total_talk_time_seconds, average_talk_time_seconds, connection_rate_percentage
      from public.contacts where id = '27500000-0000-0000-0000-0000000000c1'$$,
  $$values (3, 1, 1, 1, 365, 280, 280, 33.33::numeric)$$,
  'three calls in one statement (a note is not a call): one connected, one voicemail, 365 s, talk only for the connection');
select results_eq(
  $$select first_call_attempt_at, last_call_attempt_at, last_call_connected_at, last_engaged_call_at,
           last_disposition_code, last_disposition_date
      from public.contacts where id = '27500000-0000-0000-0000-0000000000c1'$$,
  $$values ('2026-03-01T10:00:00Z'::timestamptz, '2026-03-03T10:00:00Z'::timestamptz, '2026-03-01T10:00:00Z'::timestamptz,
            '2026-03-01T10:00:00Z'::timestamptz, 'INTERESTED'::text, '2026-03-01T10:05:00Z'::timestamptz)$$,
  'extremes: first and last attempt, last connection and engaged call; a hand-logged disposition is dated at the call''s end');

-- ---------------------------------------------------------------------------------------------------
-- Changes
-- ---------------------------------------------------------------------------------------------------
update public.contact_activities set call_outcome = 'connected', answered_by = 'gatekeeper', talk_time_seconds = 30
 where contact_id = '27500000-0000-0000-0000-0000000000c1' and call_started_at = '2026-03-02T10:00:00Z';
select results_eq(
  $$select total_calls_connected, total_calls_to_gatekeeper, total_voicemails_left, total_talk_time_seconds,
           last_call_connected_at
      from public.contacts where id = '27500000-0000-0000-0000-0000000000c1'$$,
  $$values (2, 1, 0, 310, '2026-03-02T10:00:00Z'::timestamptz)$$,
  'a voicemail corrected to a gatekeeper conversation moves from one counter to the other');
update public.contact_activities set disposition_notes = 'no change to any statistic'
 where contact_id = '27500000-0000-0000-0000-0000000000c1' and call_started_at = '2026-03-03T10:00:00Z';
select is((select total_call_attempts from public.contacts where id = '27500000-0000-0000-0000-0000000000c1'), 3,
  'an update that changes no contribution changes nothing');

-- ---------------------------------------------------------------------------------------------------
-- Deletes lower extremes (re-read with an index)
-- ---------------------------------------------------------------------------------------------------
update public.contact_activities set deleted_at = now()
 where contact_id = '27500000-0000-0000-0000-0000000000c1' and call_started_at = '2026-03-03T10:00:00Z';
select results_eq(
  $$select total_call_attempts, total_call_duration_seconds, last_call_attempt_at
      from public.contacts where id = '27500000-0000-0000-0000-0000000000c1'$$,
  $$values (2, 340, '2026-03-02T10:00:00Z'::timestamptz)$$,
  'a soft-deleted call no longer counts, and the last attempt falls back to the previous call');
delete from public.contact_activities
 where contact_id = '27500000-0000-0000-0000-0000000000c1' and call_started_at = '2026-03-01T10:00:00Z';
select results_eq(
  $$select total_call_attempts, total_calls_connected, total_calls_to_decision_maker, first_call_attempt_at,
           last_disposition_code, last_disposition_date, last_engaged_call_at
      from public.contacts where id = '27500000-0000-0000-0000-0000000000c1'$$,
  $$values (1, 1, 0, '2026-03-02T10:00:00Z'::timestamptz, null::text, null::timestamptz, null::timestamptz)$$,
  'deleting the first call moves the first attempt forward and clears the disposition and engaged call it held');

-- ---------------------------------------------------------------------------------------------------
-- A call moved to another contact and into a session
-- ---------------------------------------------------------------------------------------------------
update public.contact_activities
   set contact_id = '27500000-0000-0000-0000-0000000000c2', phoneburner_session_id = '27500000-0000-0000-0000-00000000005e'
 where contact_id = '27500000-0000-0000-0000-0000000000c1' and call_started_at = '2026-03-02T10:00:00Z';
select results_eq(
  $$select id, total_call_attempts, total_calls_connected, last_call_attempt_at from public.contacts
     where id in ('27500000-0000-0000-0000-0000000000c1', '27500000-0000-0000-0000-0000000000c2') order by id$$,
  $$values ('27500000-0000-0000-0000-0000000000c1'::uuid, 0, 0, null::timestamptz),
           ('27500000-0000-0000-0000-0000000000c2', 1, 1, '2026-03-02T10:00:00Z'::timestamptz)$$,
  'moving a call to another contact moves its statistics');
select results_eq(
  $$select total_dials, total_connections, total_gatekeeper_conversations, started_at, last_activity_at
      from public.phoneburner_sessions where id = '27500000-0000-0000-0000-00000000005e'$$,
  $$values (1, 1, 1, '2026-03-02T10:00:00Z'::timestamptz, '2026-03-02T10:00:00Z'::timestamptz)$$,
  'and into the session it now belongs to');

-- ---------------------------------------------------------------------------------------------------
-- Session members
-- ---------------------------------------------------------------------------------------------------
insert into public.phoneburner_session_contacts (session_id, contact_id, team_id, phone_e164)
values ('27500000-0000-0000-0000-00000000005e', '27500000-0000-0000-0000-0000000000c1', tests.team_id('Stats 275 team'), '+15550275'),
       ('27500000-0000-0000-0000-00000000005e', '27500000-0000-0000-0000-0000000000c2', tests.team_id('Stats 275 team'), '+15550276');
select results_eq(
  $$select total_contacts_added, total_contacts_active, total_contacts_completed from public.phoneburner_sessions
     where id = '27500000-0000-0000-0000-00000000005e'$$,
  $$values (2, 2, 0)$$,
  'two contacts pushed into the session, both active');
insert into public.contact_activities (contact_id, team_id, phoneburner_session_id, activity_type, source_system,
                                       call_started_at, call_outcome, disposition_code, disposition_set_at)
values ('27500000-0000-0000-0000-0000000000c1', tests.team_id('Stats 275 team'), '27500000-0000-0000-0000-00000000005e',
        'disposition_set', 'manual', '2026-03-04T10:00:00Z', 'no_answer', 'NO_ANSWER', '2026-03-04T10:01:00Z');
select results_eq(
  $$select state, last_called_at, last_disposition_code from public.phoneburner_session_contacts
     where contact_id = '27500000-0000-0000-0000-0000000000c1'$$,
  $$values ('completed'::text, '2026-03-04T10:00:00Z'::timestamptz, 'NO_ANSWER'::text)$$,
  'a dispositioned call completes the member in that session');
select results_eq(
  $$select total_contacts_added, total_contacts_active, total_contacts_completed, total_dials, total_no_answers
      from public.phoneburner_sessions where id = '27500000-0000-0000-0000-00000000005e'$$,
  $$values (2, 1, 1, 2, 1)$$,
  'the session counts one member active, one completed, two dials, one no-answer');
update public.phoneburner_session_contacts set state = 'removed' where contact_id = '27500000-0000-0000-0000-0000000000c2';
select is((select total_contacts_active from public.phoneburner_sessions where id = '27500000-0000-0000-0000-00000000005e'), 0,
  'a removed member is no longer active');
delete from public.phoneburner_session_contacts where contact_id = '27500000-0000-0000-0000-0000000000c2';
select is((select total_contacts_added from public.phoneburner_sessions where id = '27500000-0000-0000-0000-00000000005e'), 1,
  'a deleted membership is no longer counted');

-- ---------------------------------------------------------------------------------------------------
-- Reconciliation
-- ---------------------------------------------------------------------------------------------------
select is_empty($$select * from dialbridge.recompute_contact_call_stats(null)
                   where contact_id in ('27500000-0000-0000-0000-0000000000c1', '27500000-0000-0000-0000-0000000000c2')$$,
  'after all these writes the incremental statistics equal a recount');
select is_empty($$select * from dialbridge.recompute_session_call_stats('27500000-0000-0000-0000-00000000005e')$$,
  'for the session as well');

-- Drift introduced behind the triggers' back (a bulk load, a restore…)
alter table public.contacts disable trigger user;
update public.contacts set total_call_attempts = 7, last_call_attempt_at = '2020-01-01T00:00:00Z', call_stats_stale = true
 where id = '27500000-0000-0000-0000-0000000000c2';
alter table public.contacts enable trigger user;
update public.phoneburner_sessions set total_dials = 99 where id = '27500000-0000-0000-0000-00000000005e';
select results_eq(
  $$select contact_id, column_name, stored_value, recomputed_value from dialbridge.recompute_contact_call_stats(null)
     where contact_id = '27500000-0000-0000-0000-0000000000c2'$$,
  $$values ('27500000-0000-0000-0000-0000000000c2'::uuid, 'last_call_attempt_at'::text, '2020-01-01T00:00:00+00:00'::text,
            '2026-03-02T10:00:00+00:00'::text),
           ('27500000-0000-0000-0000-0000000000c2', 'total_call_attempts', '7', '1')$$,
  'the contact reconciliation reports each drifted column with the stored and the recomputed value');
select results_eq(
  $$select total_call_attempts, last_call_attempt_at, call_stats_stale from public.contacts
     where id = '27500000-0000-0000-0000-0000000000c2'$$,
  $$values (1, '2026-03-02T10:00:00Z'::timestamptz, false)$$,
  'and fixes it');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('27500000-0000-0000-0000-0000000000c2')$$,
  'a second run finds nothing');
select results_eq(
  $$select column_name, stored_value, recomputed_value from dialbridge.recompute_session_call_stats('27500000-0000-0000-0000-00000000005e')$$,
  $$values ('total_dials'::text, '99'::text, '2'::text)$$,
  'the session reconciliation reports and fixes its drift');
select is((select total_dials from public.phoneburner_sessions where id = '27500000-0000-0000-0000-00000000005e'), 2,
  'the session is fixed');

-- ---------------------------------------------------------------------------------------------------
-- Many calls of one contact: extremes are read from the index, not by scanning
-- ---------------------------------------------------------------------------------------------------
insert into public.contact_activities (contact_id, team_id, activity_type, source_system, call_started_at, call_outcome,
                                       call_duration_seconds)
select '27500000-0000-0000-0000-0000000000c2', tests.team_id('Stats 275 team'), 'call_attempt', 'manual',
       timestamptz '2025-01-01T00:00:00Z' + g * interval '1 hour', 'no_answer', 10
  from generate_series(1, 500) g;
select results_eq(
  $$select total_call_attempts, total_call_duration_seconds, first_call_attempt_at, last_call_attempt_at
      from public.contacts where id = '27500000-0000-0000-0000-0000000000c2'$$,
  $$values (501, 5040, '2025-01-01T01:00:00Z'::timestamptz, '2026-03-02T10:00:00Z'::timestamptz)$$,
  'five hundred calls in one statement are added in one update');
delete from public.contact_activities
 where contact_id = '27500000-0000-0000-0000-0000000000c2' and call_started_at = '2026-03-02T10:00:00Z';
select is((select last_call_attempt_at from public.contacts where id = '27500000-0000-0000-0000-0000000000c2'),
  '2025-01-21T20:00:00Z'::timestamptz, 'deleting the latest call re-reads the next latest');
select ok((select count(*) from pg_indexes where indexname = 'contact_activities_contact_calls_idx') = 1,
  'the re-read has its index (contact, call start) on calls only');
select is_empty($$select * from dialbridge.recompute_contact_call_stats('27500000-0000-0000-0000-0000000000c2')$$,
  'and the statistics still equal a recount');

select * from finish();
rollback;
