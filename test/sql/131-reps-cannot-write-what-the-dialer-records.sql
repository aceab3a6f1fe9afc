-- No escalation through data: call statistics, do-not-call and reachability flags, the last disposition
-- and dialer-sourced activities are written by dialbridge only (column privileges and the activities'
-- insert policy). A rep edits base fields and logs manual activities, nothing more.
begin;
\ir _fixtures/two_teams.psql
update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested', do_not_call_set_at = now()
 where id = tests.fx('contact a');
select plan(15);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha, on their own team's contact
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select throws_ok($$ update public.contacts set total_call_attempts = 0, total_calls_connected = 0 where id = tests.fx('contact a') $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot reset a contact''s call statistics');
select throws_ok($$ update public.contacts set call_engagement_score = 100 where id = tests.fx('contact a') $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot set a contact''s engagement score');
select throws_ok($$ update public.contacts set do_not_call = false where id = tests.fx('contact a') $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot lift do-not-call on a contact');
select throws_ok($$ update public.contacts set phone_number_invalid = false where id = tests.fx('contact a') $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot clear the invalid-number flag');
select throws_ok($$ update public.contacts set last_disposition_code = 'MEETING_SET' where id = tests.fx('contact a') $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot forge a contact''s last disposition');
select throws_ok($$ update public.contacts set team_id = tests.team_id('RLS Bravo') where id = tests.fx('contact a') $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot move a contact to another team');
select throws_ok(
  $$ insert into public.contacts (team_id, first_name, total_call_attempts, do_not_call)
     values (tests.team_id('RLS Alpha'), 'Pre-dialed', 12, false) $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot create a contact with call statistics or compliance flags');

select throws_ok(
  $$ insert into public.contact_activities (contact_id, user_id, team_id, activity_type, source_system, call_outcome)
     values (tests.fx('contact a'), auth.uid(), tests.team_id('RLS Alpha'), 'call_completed', 'phoneburner', 'connected') $$,
  '42501', 'new row violates row-level security policy for table "contact_activities"',
  'a rep cannot insert a dialer-sourced call');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, user_id, team_id, activity_type, call_outcome)
     values (tests.fx('contact a'), auth.uid(), tests.team_id('RLS Alpha'), 'call_completed', 'connected') $$,
  '42501', 'new row violates row-level security policy for table "contact_activities"',
  'a rep who names no source gets the dialer default and is refused too');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, user_id, team_id, activity_type, source_system, dedupe_key)
     values (tests.fx('contact a'), auth.uid(), tests.team_id('RLS Alpha'), 'note', 'manual', 'phoneburner:call:next') $$,
  '42501', 'permission denied for table contact_activities',
  'a rep cannot claim a dialer event''s dedupe key in advance');
select throws_ok($$ update public.contact_activities set call_outcome = 'no_answer' where id = tests.fx('activity a') $$,
  '42501', 'permission denied for table contact_activities',
  'a rep cannot rewrite a recorded call''s outcome');
select throws_ok($$ update public.contact_activities set talk_time_seconds = 3600 where id = tests.fx('activity a') $$,
  '42501', 'permission denied for table contact_activities',
  'a rep cannot inflate a recorded call''s talk time');

-- ---------------------------------------------------------------------------------------------------
-- an admin is bound by the same column privileges from the browser
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select throws_ok($$ update public.contacts set do_not_call = false where id = tests.fx('contact a') $$,
  '42501', 'permission denied for table contacts',
  'an admin cannot lift do-not-call by editing the contact either (lifting is an audited action)');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq(
  $$ select do_not_call, phone_number_invalid, last_disposition_code, team_id = tests.team_id('RLS Alpha')
       from public.contacts where id = tests.fx('contact a') $$,
  $$ values (true, false, null::text, true) $$,
  'the contact''s compliance flags, last disposition and team are as dialbridge set them');
select results_eq(
  $$ select call_outcome, talk_time_seconds, source_system from public.contact_activities where id = tests.fx('activity a') $$,
  $$ values ('connected', 280, 'phoneburner') $$,
  'the recorded call is as the dialer reported it');

select * from finish();
rollback;
