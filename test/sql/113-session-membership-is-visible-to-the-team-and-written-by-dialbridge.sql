-- phoneburner_session_contacts: which contact is in which dial session. The team reads it; only
-- dialbridge (the service role, pushing lists) writes it.
begin;
\ir _fixtures/two_teams.psql
create temporary table member_b_before on commit drop as
  select to_jsonb(m) as row from public.phoneburner_session_contacts m where session_id = tests.fx('session b');
select plan(14);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select phoneburner_contact_id from public.phoneburner_session_contacts order by 1 $$,
  $$ values ('rls_pb_a') $$,
  'a rep sees exactly their team''s session members');
select is_empty($$ select contact_id from public.phoneburner_session_contacts where session_id = tests.fx('session b') $$,
  'a rep cannot read another team''s session members');
select throws_ok(
  $$ update public.phoneburner_session_contacts set state = 'removed' where session_id = tests.fx('session b') $$,
  '42501', 'permission denied for table phoneburner_session_contacts',
  'a rep cannot change another team''s session members');
select throws_ok($$ delete from public.phoneburner_session_contacts where session_id = tests.fx('session b') $$,
  '42501', 'permission denied for table phoneburner_session_contacts',
  'a rep cannot remove another team''s session members');
select throws_ok(
  $$ insert into public.phoneburner_session_contacts (session_id, contact_id, team_id)
     values (tests.fx('session b'), tests.fx('contact a'), tests.team_id('RLS Bravo')) $$,
  '42501', 'permission denied for table phoneburner_session_contacts',
  'a rep cannot add members to another team''s session');
select throws_ok(
  $$ update public.phoneburner_session_contacts set state = 'completed' where session_id = tests.fx('session a') $$,
  '42501', 'permission denied for table phoneburner_session_contacts',
  'a rep cannot rewrite their own team''s membership either (the push and the dialer''s events maintain it)');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select phoneburner_contact_id from public.phoneburner_session_contacts order by 1 $$,
  $$ values ('rls_pb_a') $$,
  'a manager sees exactly their team''s session members');
select throws_ok($$ delete from public.phoneburner_session_contacts where session_id = tests.fx('session a') $$,
  '42501', 'permission denied for table phoneburner_session_contacts',
  'a manager removes members by deleting the session, not row by row');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select phoneburner_contact_id from public.phoneburner_session_contacts order by 1 $$,
  $$ values ('rls_pb_a'), ('rls_pb_b') $$,
  'an admin sees the session members of every team');

-- ---------------------------------------------------------------------------------------------------
-- the service role (list push, webhook processing)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select results_eq(
  $$ update public.phoneburner_session_contacts set state = 'dialed', last_called_at = now()
      where session_id = tests.fx('session a') and contact_id = tests.fx('contact a') returning state $$,
  $$ values ('dialed') $$,
  'the service role records a member''s progress');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select contact_id from public.phoneburner_session_contacts $$,
  '42501', 'permission denied for table phoneburner_session_contacts',
  'anon cannot read session members');
select throws_ok(
  $$ insert into public.phoneburner_session_contacts (session_id, contact_id) values (tests.fx('session a'), tests.fx('contact b')) $$,
  '42501', 'permission denied for table phoneburner_session_contacts',
  'anon cannot add session members');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select to_jsonb(m) from public.phoneburner_session_contacts m where session_id = tests.fx('session b') $$,
  $$ select row from member_b_before $$,
  'the other team''s session member is still there, unchanged');
select results_eq($$ select count(*)::int from public.phoneburner_session_contacts $$,
  $$ values (2) $$,
  'no membership was added or removed by the browser roles');

select * from finish();
rollback;
