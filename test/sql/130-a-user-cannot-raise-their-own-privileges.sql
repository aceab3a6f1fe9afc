-- No escalation through profiles: a user edits their display name but never their own role, team,
-- active flag or PhoneBurner user id (which attributes calls, and through them team visibility); a
-- manager cannot promote their reps; a deactivated user cannot reactivate themselves.
begin;
\ir _fixtures/two_teams.psql
update public.profiles set phoneburner_user_id = 'pb-user-a' where id = tests.user_id('rep.a@rls.test');
update public.profiles set phoneburner_user_id = 'pb-user-b' where id = tests.user_id('rep.b@rls.test');
update public.profiles set is_active = false where id = tests.user_id('rep2.a@rls.test');
select plan(12);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select throws_ok($$ update public.profiles set role = 'admin' where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a rep cannot make themselves an admin');
select throws_ok($$ update public.profiles set role = 'manager' where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a rep cannot make themselves a manager');
select throws_ok($$ update public.profiles set team_id = tests.team_id('RLS Bravo') where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a rep cannot move themselves into another team');
select throws_ok($$ update public.profiles set team_id = null where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a rep cannot leave their team');
select throws_ok($$ update public.profiles set is_active = false where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a rep cannot change their own active flag');
select throws_ok($$ update public.profiles set phoneburner_user_id = 'pb-user-unclaimed' where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a rep cannot re-point their PhoneBurner user id (and with it whose calls count as theirs)');
select results_eq(
  $$ update public.profiles set display_name = 'Ada A.' where id = auth.uid() returning display_name, phoneburner_user_id $$,
  $$ values ('Ada A.', 'pb-user-a') $$,
  'the same rep still renames themselves, keeping role, team and PhoneBurner id');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select is_empty($$ update public.profiles set role = 'manager' where id = tests.user_id('rep.a@rls.test') returning id $$,
  'a manager cannot promote a rep of their team');
select throws_ok($$ update public.profiles set role = 'admin' where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a manager cannot make themselves an admin');

-- ---------------------------------------------------------------------------------------------------
-- a deactivated rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep2.a@rls.test');

select throws_ok($$ update public.profiles set is_active = true where id = auth.uid() $$,
  '42501', 'new row violates row-level security policy for table "profiles"',
  'a deactivated rep cannot reactivate themselves');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq(
  $$ select email, role, team_id = tests.team_id('RLS Alpha'), is_active, phoneburner_user_id
       from public.profiles where email in ('rep.a@rls.test', 'rep2.a@rls.test', 'manager.a@rls.test') order by email $$,
  $$ values ('manager.a@rls.test', 'manager', true, true, null::text),
            ('rep.a@rls.test', 'rep', true, true, 'pb-user-a'),
            ('rep2.a@rls.test', 'rep', true, false, null::text) $$,
  'every role, team, active flag and PhoneBurner user id is as the admin set it');
select results_eq($$ select count(*)::int from public.profiles where role = 'admin' $$,
  $$ values (1) $$,
  'there is still exactly one admin');

select * from finish();
rollback;
