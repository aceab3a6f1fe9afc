-- contacts, tasks and suppressions accept only their listed values; a legal suppression never expires.
-- Each refusal names its constraint.
begin;
\ir _fixtures/two_teams.psql
select plan(9);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select throws_ok(
  $$ insert into public.contacts (team_id, first_name, contact_type) values (tests.team_id('RLS Alpha'), 'Ivy', 'investor') $$,
  '23514', 'new row for relation "contacts" violates check constraint "contacts_contact_type_check"',
  'a contact type other than buyer or seller is rejected');
select throws_ok(
  $$ insert into public.tasks (team_id, title, due_at, priority) values (tests.team_id('RLS Alpha'), 'Call', now(), 'critical') $$,
  '23514', 'new row for relation "tasks" violates check constraint "tasks_priority_check"',
  'an unknown task priority is rejected');
select throws_ok(
  $$ update public.tasks set status = 'done' where id = tests.fx('task a') $$,
  '23514', 'new row for relation "tasks" violates check constraint "tasks_status_check"',
  'an unknown task status is rejected');
select throws_ok(
  $$ update public.tasks set status = 'completed' where id = tests.fx('task a') $$,
  '23514', 'new row for relation "tasks" violates check constraint "tasks_completed_check"',
  'a task completed without a completion time is rejected');
select results_eq($$ select status, priority from public.tasks where id = tests.fx('task a') $$,
  $$ values ('open', 'medium') $$,
  'the task refused twice is unchanged');
select throws_ok(
  $$ insert into public.suppressions (contact_id, team_id, suppression_type, reason, set_by_user_id)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'temporary', 'not_interested', auth.uid()) $$,
  '23514', 'new row for relation "suppressions" violates check constraint "suppressions_type_check"',
  'a suppression type other than legal or internal is rejected');
select throws_ok(
  $$ insert into public.suppressions (contact_id, team_id, suppression_type, reason, set_by_user_id, expires_at)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'legal', 'user_requested', auth.uid(), now() + interval '30 days') $$,
  '23514', 'new row for relation "suppressions" violates check constraint "suppressions_legal_never_expires_check"',
  'a legal suppression with an expiry is rejected (legal do-not-call is permanent)');
select throws_ok(
  $$ insert into public.suppressions (team_id, suppression_type, reason, set_by_user_id)
     values (tests.team_id('RLS Alpha'), 'internal', 'not_interested', auth.uid()) $$,
  '23514', 'new row for relation "suppressions" violates check constraint "suppressions_target_check"',
  'a suppression of neither a contact nor a number is rejected');
select lives_ok(
  $$ insert into public.suppressions (contact_id, team_id, suppression_type, reason, set_by_user_id)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'legal', 'user_requested', auth.uid()) $$,
  'a permanent legal suppression is accepted');

select * from finish();
rollback;
