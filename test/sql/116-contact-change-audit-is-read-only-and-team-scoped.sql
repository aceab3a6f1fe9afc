-- contact_field_changes: the audit of contact changes synced from the dialer. The team reads it;
-- nobody writes it from the browser (dialbridge records it); admins see all; anon nothing.
begin;
\ir _fixtures/two_teams.psql
select plan(13);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select source_event_id from public.contact_field_changes order by 1 $$,
  $$ values ('rls:change:a') $$,
  'a rep sees exactly their team''s contact changes');
select is_empty($$ select id from public.contact_field_changes where contact_id = tests.fx('contact b') $$,
  'a rep cannot read another team''s contact changes');
select throws_ok(
  $$ update public.contact_field_changes set new_value = 'Forged' where source_event_id = 'rls:change:b' $$,
  '42501', 'permission denied for table contact_field_changes',
  'a rep cannot alter another team''s audit');
select throws_ok($$ delete from public.contact_field_changes where source_event_id = 'rls:change:b' $$,
  '42501', 'permission denied for table contact_field_changes',
  'a rep cannot delete another team''s audit');
select throws_ok(
  $$ insert into public.contact_field_changes (contact_id, team_id, field_name, new_value, source_system, changed_at)
     values (tests.fx('contact b'), tests.team_id('RLS Bravo'), 'phone', '+10000000000', 'manual', now()) $$,
  '42501', 'permission denied for table contact_field_changes',
  'a rep cannot write audit rows into another team');
select throws_ok(
  $$ delete from public.contact_field_changes where source_event_id = 'rls:change:a' $$,
  '42501', 'permission denied for table contact_field_changes',
  'a rep cannot erase their own team''s audit either');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select field_name, old_value, new_value from public.contact_field_changes $$,
  $$ values ('title', 'VP', 'Partner') $$,
  'a manager sees exactly their team''s contact changes');
select throws_ok($$ delete from public.contact_field_changes where source_event_id = 'rls:change:a' $$,
  '42501', 'permission denied for table contact_field_changes',
  'a manager cannot erase the audit');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select source_event_id from public.contact_field_changes order by 1 $$,
  $$ values ('rls:change:a'), ('rls:change:b') $$,
  'an admin sees the contact changes of every team');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.contact_field_changes $$, '42501', 'permission denied for table contact_field_changes',
  'anon cannot read contact changes');
select throws_ok(
  $$ insert into public.contact_field_changes (contact_id, field_name, source_system, changed_at)
     values (tests.fx('contact a'), 'phone', 'manual', now()) $$,
  '42501', 'permission denied for table contact_field_changes',
  'anon cannot write contact changes');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select new_value from public.contact_field_changes where source_event_id = 'rls:change:b' $$,
  $$ values ('CEO') $$,
  'the other team''s audit row is unchanged');
select results_eq($$ select count(*)::int from public.contact_field_changes $$,
  $$ values (2) $$,
  'no audit row was added or removed');

select * from finish();
rollback;
