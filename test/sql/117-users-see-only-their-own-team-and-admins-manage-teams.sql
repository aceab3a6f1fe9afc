-- teams: a user sees their own team only; only admins create, rename or delete teams; anon nothing.
begin;
\ir _fixtures/two_teams.psql
select plan(16);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select name from public.teams $$,
  $$ values ('RLS Alpha') $$,
  'a rep sees exactly their own team');
select is_empty($$ select id from public.teams where id = tests.team_id('RLS Bravo') $$,
  'a rep cannot read another team, even by its id');
select is_empty($$ update public.teams set name = 'Renamed' where id = tests.team_id('RLS Bravo') returning id $$,
  'a rep''s rename of another team touches no row');
select is_empty($$ update public.teams set name = 'Alpha Prime' where id = tests.team_id('RLS Alpha') returning id $$,
  'a rep cannot rename their own team either (admins do)');
select is_empty($$ delete from public.teams where id = tests.team_id('RLS Bravo') returning id $$,
  'a rep''s delete of another team touches no row');
select throws_ok($$ insert into public.teams (name) values ('Rogue team') $$,
  '42501', 'new row violates row-level security policy for table "teams"',
  'a rep cannot create a team');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select name from public.teams $$,
  $$ values ('RLS Alpha') $$,
  'a manager sees exactly their own team');
select is_empty($$ delete from public.teams where id = tests.team_id('RLS Alpha') returning id $$,
  'a manager cannot delete their team (admins do)');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select name from public.teams order by 1 $$,
  $$ values ('RLS Alpha'), ('RLS Bravo') $$,
  'an admin sees every team');
select results_eq($$ insert into public.teams (name) values ('RLS Charlie') returning name $$,
  $$ values ('RLS Charlie') $$,
  'an admin creates a team');
select results_eq($$ update public.teams set name = 'RLS Charlie West' where name = 'RLS Charlie' returning name $$,
  $$ values ('RLS Charlie West') $$,
  'an admin renames a team');
select results_eq($$ delete from public.teams where name = 'RLS Charlie West' returning name $$,
  $$ values ('RLS Charlie West') $$,
  'an admin deletes a team');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.teams $$, '42501', 'permission denied for table teams',
  'anon cannot read teams');
select throws_ok($$ insert into public.teams (name) values ('Anon team') $$, '42501', 'permission denied for table teams',
  'anon cannot create teams');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select name from public.teams where name like 'RLS %' order by 1 $$,
  $$ values ('RLS Alpha'), ('RLS Bravo') $$,
  'both teams are still there under their names');
select is_empty($$ select id from public.teams where name in ('Rogue team', 'Renamed', 'Alpha Prime') $$,
  'no team was created or renamed by a rep');

select * from finish();
rollback;
