-- tasks: reps read, create and complete their team's callbacks and follow-ups; managers also delete
-- them; admins see all; anon nothing.
begin;
\ir _fixtures/two_teams.psql
select plan(21);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select title from public.tasks order by 1 $$,
  $$ values ('Call Ada back') $$,
  'a rep sees exactly their team''s tasks');
select is_empty($$ select id from public.tasks where id = tests.fx('task b') $$,
  'a rep cannot read a task of another team, even by its id');
select is_empty($$ update public.tasks set status = 'cancelled' where id = tests.fx('task b') returning id $$,
  'a rep''s update of another team''s task touches no row');
select is_empty($$ delete from public.tasks where id = tests.fx('task b') returning id $$,
  'a rep''s delete of another team''s task touches no row');
select throws_ok(
  $$ insert into public.tasks (team_id, title, due_at) values (tests.team_id('RLS Bravo'), 'Planted', now()) $$,
  '42501', 'new row violates row-level security policy for table "tasks"',
  'a rep cannot create a task in another team');
select throws_ok(
  $$ insert into public.tasks (contact_id, team_id, title, due_at)
     values (tests.fx('contact b'), tests.team_id('RLS Alpha'), 'Poach Bea', now()) $$,
  '42501', 'new row violates row-level security policy for table "tasks"',
  'a rep cannot attach a task of their team to another team''s contact');
select throws_ok(
  $$ insert into public.tasks (contact_id, team_id, created_by_user_id, title, due_at)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), tests.user_id('rep2.a@rls.test'), 'Forged', now()) $$,
  '42501', 'new row violates row-level security policy for table "tasks"',
  'a rep cannot create a task in a teammate''s name');

select results_eq(
  $$ insert into public.tasks (contact_id, team_id, assigned_to_user_id, created_by_user_id, task_type, title, due_at, priority)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), tests.user_id('rep2.a@rls.test'),
             tests.user_id('rep.a@rls.test'), 'send_materials', 'Send Ada the teaser', now() + interval '2 days', 'high')
     returning title, status, priority $$,
  $$ values ('Send Ada the teaser', 'open', 'high') $$,
  'a rep creates a task for their team');
select results_eq(
  $$ update public.tasks set status = 'completed', completed_at = now() where id = tests.fx('task a') returning status $$,
  $$ values ('completed') $$,
  'a rep completes their team''s task');
select is_empty($$ delete from public.tasks where id = tests.fx('task a') returning id $$,
  'a rep cannot delete their team''s tasks (managers do)');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select title from public.tasks order by 1 $$,
  $$ values ('Call Ada back'), ('Send Ada the teaser') $$,
  'a manager sees exactly their team''s tasks');
select is_empty($$ delete from public.tasks where id = tests.fx('task b') returning id $$,
  'a manager cannot delete another team''s task');
select results_eq($$ delete from public.tasks where title = 'Send Ada the teaser' returning priority $$,
  $$ values ('high') $$,
  'a manager deletes a task of their team');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select title from public.tasks order by 1 $$,
  $$ values ('Call Ada back'), ('Call Bea back') $$,
  'an admin sees the tasks of every team');
select results_eq($$ update public.tasks set priority = 'urgent' where id = tests.fx('task b') returning priority $$,
  $$ values ('urgent') $$,
  'an admin reprioritises another team''s task');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.tasks $$, '42501', 'permission denied for table tasks',
  'anon cannot read tasks');
select throws_ok($$ insert into public.tasks (title, due_at) values ('x', now()) $$, '42501', 'permission denied for table tasks',
  'anon cannot create tasks');
select throws_ok($$ delete from public.tasks $$, '42501', 'permission denied for table tasks',
  'anon cannot delete tasks');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select status, priority from public.tasks where id = tests.fx('task b') $$,
  $$ values ('open', 'urgent') $$,
  'the other team''s task is still open and got only the admin''s change');
select results_eq($$ select status from public.tasks where id = tests.fx('task a') $$,
  $$ values ('completed') $$,
  'the rep''s task survived the rep''s delete, completed');
select is_empty($$ select id from public.tasks where contact_id = tests.fx('contact b') and team_id = tests.team_id('RLS Alpha') $$,
  'no task of team Alpha points at team Bravo''s contact');

select * from finish();
rollback;
