-- suppressions: reps read their team's suppressions and record new ones in their own name; nobody edits
-- or deletes one from the browser (lifting is an audited action of dialbridge); admins see all; anon
-- nothing.
begin;
\ir _fixtures/two_teams.psql
select plan(19);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select id from public.suppressions order by 1 $$,
  $$ values (tests.fx('suppression a')) $$,
  'a rep sees exactly their team''s suppressions');
select is_empty($$ select id from public.suppressions where id = tests.fx('suppression b') $$,
  'a rep cannot read a suppression of another team, even by its id');
select throws_ok(
  $$ update public.suppressions set lifted_at = now(), lift_reason = 'oops' where id = tests.fx('suppression b') $$,
  '42501', 'permission denied for table suppressions',
  'a rep cannot lift another team''s suppression');
select throws_ok($$ delete from public.suppressions where id = tests.fx('suppression b') $$,
  '42501', 'permission denied for table suppressions',
  'a rep cannot delete another team''s suppression');
select throws_ok(
  $$ insert into public.suppressions (contact_id, team_id, suppression_type, reason, set_by_user_id)
     values (tests.fx('contact b'), tests.team_id('RLS Bravo'), 'internal', 'not_interested', tests.user_id('rep.a@rls.test')) $$,
  '42501', 'new row violates row-level security policy for table "suppressions"',
  'a rep cannot record a suppression in another team');
select throws_ok(
  $$ insert into public.suppressions (contact_id, team_id, suppression_type, reason, set_by_user_id)
     values (tests.fx('contact b'), tests.team_id('RLS Alpha'), 'internal', 'not_interested', tests.user_id('rep.a@rls.test')) $$,
  '42501', 'new row violates row-level security policy for table "suppressions"',
  'a rep cannot suppress another team''s contact through a row of their own team');
select throws_ok(
  $$ insert into public.suppressions (contact_id, team_id, suppression_type, reason, set_by_user_id)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'internal', 'not_interested', tests.user_id('rep2.a@rls.test')) $$,
  '42501', 'new row violates row-level security policy for table "suppressions"',
  'a rep cannot record a suppression in a teammate''s name');

select results_eq(
  $$ insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, set_by_user_id)
     values (tests.fx('contact a'), '+12125550101', tests.team_id('RLS Alpha'), 'legal', 'user_requested', tests.user_id('rep.a@rls.test'))
     returning suppression_type, reason, source $$,
  $$ values ('legal', 'user_requested', 'manual') $$,
  'a rep records a do-not-call request for their team''s contact');
select throws_ok(
  $$ update public.suppressions set expires_at = now() where id = tests.fx('suppression a') $$,
  '42501', 'permission denied for table suppressions',
  'a rep cannot shorten their own team''s suppression');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select suppression_type from public.suppressions order by 1 $$,
  $$ values ('internal'), ('legal') $$,
  'a manager sees exactly their team''s suppressions');
select throws_ok($$ delete from public.suppressions where id = tests.fx('suppression a') $$,
  '42501', 'permission denied for table suppressions',
  'a manager cannot delete a suppression either (lifting is audited, never a delete)');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select id from public.suppressions where suppression_type = 'internal' order by 1 $$,
  $$ select id from (values (tests.fx('suppression a')), (tests.fx('suppression b'))) as v(id) order by 1 $$,
  'an admin sees the suppressions of every team');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.suppressions $$, '42501', 'permission denied for table suppressions',
  'anon cannot read suppressions');
select throws_ok(
  $$ insert into public.suppressions (phone_e164, suppression_type, reason) values ('+12125550101', 'internal', 'x') $$,
  '42501', 'permission denied for table suppressions',
  'anon cannot record suppressions');
select throws_ok($$ delete from public.suppressions $$, '42501', 'permission denied for table suppressions',
  'anon cannot delete suppressions');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select lifted_at is null, expires_at > now() from public.suppressions where id = tests.fx('suppression b') $$,
  $$ values (true, true) $$,
  'the other team''s suppression is still in force');
select results_eq($$ select lifted_at is null, expires_at > now() from public.suppressions where id = tests.fx('suppression a') $$,
  $$ values (true, true) $$,
  'the rep''s own suppression is still in force');
select is_empty($$ select id from public.suppressions where contact_id = tests.fx('contact b') and team_id = tests.team_id('RLS Alpha') $$,
  'no suppression of team Alpha points at team Bravo''s contact');
select results_eq($$ select count(*)::int from public.suppressions $$,
  $$ values (3) $$,
  'exactly the rep''s do-not-call request was added');

select * from finish();
rollback;
