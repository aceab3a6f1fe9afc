-- phoneburner_sessions: reps read, create and edit their team's dial sessions; managers also delete
-- them; admins see all; anon nothing.
begin;
\ir _fixtures/two_teams.psql
select plan(20);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select phoneburner_session_id from public.phoneburner_sessions order by 1 $$,
  $$ values ('rls_ds_a') $$,
  'a rep sees exactly their team''s sessions');
select is_empty($$ select id from public.phoneburner_sessions where id = tests.fx('session b') $$,
  'a rep cannot read a session of another team, even by its id');
select is_empty(
  $$ update public.phoneburner_sessions set session_status = 'archived' where id = tests.fx('session b') returning id $$,
  'a rep''s update of another team''s session touches no row');
select is_empty($$ delete from public.phoneburner_sessions where id = tests.fx('session b') returning id $$,
  'a rep''s delete of another team''s session touches no row');
select throws_ok(
  $$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id)
     values ('rls_ds_planted', 'Planted', tests.team_id('RLS Bravo'), tests.user_id('rep.a@rls.test')) $$,
  '42501', 'new row violates row-level security policy for table "phoneburner_sessions"',
  'a rep cannot create a session in another team');
select throws_ok(
  $$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id)
     values ('rls_ds_forged', 'Forged', tests.team_id('RLS Alpha'), tests.user_id('rep2.a@rls.test')) $$,
  '42501', 'new row violates row-level security policy for table "phoneburner_sessions"',
  'a rep cannot create a session in a teammate''s name');

select results_eq(
  $$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name, session_type, contact_type,
                                              team_id, created_by_user_id)
     values ('rls_ds_a2', 'Alpha sellers - March', 'seller_prospecting', 'seller', tests.team_id('RLS Alpha'),
             tests.user_id('rep.a@rls.test'))
     returning session_name, session_status $$,
  $$ values ('Alpha sellers - March', 'active') $$,
  'a rep creates a session for their team');
select results_eq(
  $$ update public.phoneburner_sessions set session_name = 'Alpha buyers - PE', session_status = 'paused'
      where id = tests.fx('session a') returning session_name, session_status $$,
  $$ values ('Alpha buyers - PE', 'paused') $$,
  'a rep renames and pauses their team''s session');
select is_empty($$ delete from public.phoneburner_sessions where id = tests.fx('session a') returning id $$,
  'a rep cannot delete their team''s sessions (managers do)');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select phoneburner_session_id from public.phoneburner_sessions order by 1 $$,
  $$ values ('rls_ds_a'), ('rls_ds_a2') $$,
  'a manager sees exactly their team''s sessions');
select is_empty($$ delete from public.phoneburner_sessions where id = tests.fx('session b') returning id $$,
  'a manager cannot delete another team''s session');
select results_eq($$ delete from public.phoneburner_sessions where phoneburner_session_id = 'rls_ds_a2' returning session_name $$,
  $$ values ('Alpha sellers - March') $$,
  'a manager deletes a session of their team');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select phoneburner_session_id from public.phoneburner_sessions order by 1 $$,
  $$ values ('rls_ds_a'), ('rls_ds_b') $$,
  'an admin sees the sessions of every team');
select results_eq(
  $$ update public.phoneburner_sessions set session_status = 'completed', completed_at = now()
      where id = tests.fx('session b') returning session_status $$,
  $$ values ('completed') $$,
  'an admin completes another team''s session');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.phoneburner_sessions $$, '42501', 'permission denied for table phoneburner_sessions',
  'anon cannot read sessions');
select throws_ok($$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name) values ('x', 'x') $$,
  '42501', 'permission denied for table phoneburner_sessions',
  'anon cannot create sessions');
select throws_ok($$ delete from public.phoneburner_sessions $$, '42501', 'permission denied for table phoneburner_sessions',
  'anon cannot delete sessions');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select session_name, session_status from public.phoneburner_sessions where id = tests.fx('session b') $$,
  $$ values ('Bravo sellers', 'completed') $$,
  'the other team''s session kept its name and got only the admin''s change');
select results_eq($$ select session_name from public.phoneburner_sessions where id = tests.fx('session a') $$,
  $$ values ('Alpha buyers - PE') $$,
  'the rep''s session survived the rep''s delete');
select is_empty($$ select id from public.phoneburner_sessions where phoneburner_session_id = 'rls_ds_planted' $$,
  'no session was planted in the other team');

select * from finish();
rollback;
