-- profiles: a user sees the profiles of their team and edits their own display name; admins see and
-- manage every profile; profiles come from auth.users, never from the browser; a deactivated user
-- sees nothing of the team; anon nothing.
begin;
\ir _fixtures/two_teams.psql
select plan(18);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select email from public.profiles order by 1 $$,
  $$ values ('manager.a@rls.test'), ('rep.a@rls.test'), ('rep2.a@rls.test') $$,
  'a rep sees exactly the profiles of their team');
select is_empty($$ select id from public.profiles where id = tests.user_id('rep.b@rls.test') $$,
  'a rep cannot read the profile of another team''s rep, even by its id');
select is_empty(
  $$ update public.profiles set display_name = 'Hijacked' where id = tests.user_id('rep.b@rls.test') returning id $$,
  'a rep''s update of another team''s profile touches no row');
select is_empty(
  $$ update public.profiles set display_name = 'Hijacked' where id = tests.user_id('rep2.a@rls.test') returning id $$,
  'a rep''s update of a teammate''s profile touches no row');
select throws_ok($$ delete from public.profiles where id = tests.user_id('rep.b@rls.test') $$,
  '42501', 'permission denied for table profiles',
  'a rep cannot delete a profile');
select throws_ok(
  $$ insert into public.profiles (id, team_id, role) values (gen_random_uuid(), tests.team_id('RLS Bravo'), 'admin') $$,
  '42501', 'permission denied for table profiles',
  'a rep cannot create a profile (profiles come from auth.users)');
select results_eq(
  $$ update public.profiles set display_name = 'Ada Lovelace-Alpha' where id = auth.uid() returning display_name, role $$,
  $$ values ('Ada Lovelace-Alpha', 'rep') $$,
  'a rep renames themselves');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select email from public.profiles order by 1 $$,
  $$ values ('manager.a@rls.test'), ('rep.a@rls.test'), ('rep2.a@rls.test') $$,
  'a manager sees exactly the profiles of their team');
select is_empty(
  $$ update public.profiles set is_active = false where id = tests.user_id('rep2.a@rls.test') returning id $$,
  'a manager cannot deactivate a rep (admins manage accounts)');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select email from public.profiles order by 1 $$,
  $$ values ('admin@rls.test'), ('manager.a@rls.test'), ('manager.b@rls.test'), ('rep.a@rls.test'),
            ('rep.b@rls.test'), ('rep2.a@rls.test') $$,
  'an admin sees every profile');
select results_eq(
  $$ update public.profiles set role = 'manager', phoneburner_user_id = 'pb-user-20077'
      where id = tests.user_id('rep.b@rls.test') returning role, phoneburner_user_id $$,
  $$ values ('manager', 'pb-user-20077') $$,
  'an admin promotes a rep and maps their PhoneBurner user');
select results_eq(
  $$ update public.profiles set is_active = false where id = tests.user_id('rep2.a@rls.test') returning is_active $$,
  $$ values (false) $$,
  'an admin deactivates a user');

-- ---------------------------------------------------------------------------------------------------
-- a deactivated rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep2.a@rls.test');

select is_empty($$ select id from public.contacts $$,
  'a deactivated rep sees none of the team''s contacts');
select results_eq($$ select email from public.profiles $$,
  $$ values ('rep2.a@rls.test') $$,
  'a deactivated rep sees only their own profile');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.profiles $$, '42501', 'permission denied for table profiles',
  'anon cannot read profiles');
select throws_ok($$ update public.profiles set role = 'admin' $$, '42501', 'permission denied for table profiles',
  'anon cannot change profiles');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select display_name from public.profiles where id = tests.user_id('rep2.a@rls.test') $$,
  $$ values ('rep2.a') $$,
  'the teammate''s display name was not changed by the rep');
select results_eq($$ select display_name, team_id = tests.team_id('RLS Bravo') from public.profiles where id = tests.user_id('rep.b@rls.test') $$,
  $$ values ('rep.b', true) $$,
  'the other team''s rep kept their name and team');

select * from finish();
rollback;
