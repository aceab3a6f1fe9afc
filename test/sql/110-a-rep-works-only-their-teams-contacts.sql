-- contacts: reps read, add and edit their own team's contacts only; managers also delete them; admins
-- see every team's; anon nothing. Acting as PostgREST does (role authenticated + request.jwt.claims).
begin;
\ir _fixtures/two_teams.psql
select plan(20);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select sourceco_contact_id from public.contacts order by 1 $$,
  $$ values ('rls_contact_a') $$,
  'a rep sees exactly their team''s contacts');
select is_empty($$ select id from public.contacts where id = tests.fx('contact b') $$,
  'a rep cannot read a contact of another team, even by its id');
select is_empty($$ update public.contacts set first_name = 'Changed' where id = tests.fx('contact b') returning id $$,
  'a rep''s update of another team''s contact touches no row');
select is_empty($$ delete from public.contacts where id = tests.fx('contact b') returning id $$,
  'a rep''s delete of another team''s contact touches no row');
select throws_ok(
  $$ insert into public.contacts (team_id, first_name, phone) values (tests.team_id('RLS Bravo'), 'Intruder', '+13125550999') $$,
  '42501', 'new row violates row-level security policy for table "contacts"',
  'a rep cannot add a contact to another team');
select throws_ok(
  $$ insert into public.contacts (first_name, phone) values ('Nobody''s', '+13125550998') $$,
  '42501', 'new row violates row-level security policy for table "contacts"',
  'a rep cannot add a contact outside any team');

select results_eq(
  $$ update public.contacts set title = 'Managing Partner', relationship_notes = 'Met at ACG'
      where id = tests.fx('contact a') returning title, relationship_notes $$,
  $$ values ('Managing Partner', 'Met at ACG') $$,
  'a rep edits the base fields of their team''s contact');
select results_eq(
  $$ insert into public.contacts (team_id, first_name, last_name, phone, contact_type)
     values (tests.team_id('RLS Alpha'), 'Al', 'Newman', '+12125550199', 'seller')
     returning first_name, team_id = tests.team_id('RLS Alpha'), sourceco_contact_id = id::text $$,
  $$ values ('Al', true, true) $$,
  'a rep adds a contact to their team (its SourceCo key defaults to its id)');
select is_empty($$ delete from public.contacts where id = tests.fx('contact a') returning id $$,
  'a rep cannot delete their team''s contacts (managers do)');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select first_name from public.contacts order by 1 $$,
  $$ values ('Ada'), ('Al') $$,
  'a manager sees exactly their team''s contacts');
select is_empty($$ delete from public.contacts where id = tests.fx('contact b') returning id $$,
  'a manager cannot delete another team''s contact');
select results_eq($$ delete from public.contacts where first_name = 'Al' returning last_name $$,
  $$ values ('Newman') $$,
  'a manager deletes a contact of their team');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select sourceco_contact_id from public.contacts order by 1 $$,
  $$ values ('rls_contact_a'), ('rls_contact_b') $$,
  'an admin sees the contacts of every team');
select results_eq(
  $$ update public.contacts set company = 'Bravo Partners LLC' where id = tests.fx('contact b') returning company $$,
  $$ values ('Bravo Partners LLC') $$,
  'an admin edits any team''s contact');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.contacts $$, '42501', 'permission denied for table contacts',
  'anon cannot read contacts');
select throws_ok($$ insert into public.contacts (first_name) values ('Anon') $$, '42501', 'permission denied for table contacts',
  'anon cannot add contacts');
select throws_ok($$ delete from public.contacts $$, '42501', 'permission denied for table contacts',
  'anon cannot delete contacts');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select first_name, last_name, company from public.contacts where id = tests.fx('contact b') $$,
  $$ values ('Bea', 'Bravo', 'Bravo Partners LLC') $$,
  'the other team''s contact kept its values through the rep''s and the manager''s attempts (only the admin''s edit applied)');
select results_eq($$ select title from public.contacts where id = tests.fx('contact a') $$,
  $$ values ('Managing Partner') $$,
  'the rep''s contact survived the rep''s delete and kept the rep''s edit');
select results_eq($$ select count(*)::int from public.contacts where first_name = 'Al' $$,
  $$ values (0) $$,
  'the contact the manager deleted is gone');

select * from finish();
rollback;
