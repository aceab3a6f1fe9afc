-- contact_activities: reps read their team's timeline, log manual activities for it in their own name and
-- annotate it; calls are kept for audit (only admins delete); admins see all; anon nothing.
begin;
\ir _fixtures/two_teams.psql
select plan(21);

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq($$ select dedupe_key from public.contact_activities order by 1 $$,
  $$ values ('rls:activity:a') $$,
  'a rep sees exactly their team''s activities');
select is_empty($$ select id from public.contact_activities where id = tests.fx('activity b') $$,
  'a rep cannot read an activity of another team, even by its id');
select is_empty(
  $$ update public.contact_activities set disposition_notes = 'Overwritten' where id = tests.fx('activity b') returning id $$,
  'a rep''s update of another team''s activity touches no row');
select is_empty($$ delete from public.contact_activities where id = tests.fx('activity b') returning id $$,
  'a rep''s delete of another team''s activity touches no row');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, user_id, team_id, activity_type, source_system, disposition_notes)
     values (tests.fx('contact b'), tests.user_id('rep.a@rls.test'), tests.team_id('RLS Bravo'), 'note', 'manual', 'Planted') $$,
  '42501', 'new row violates row-level security policy for table "contact_activities"',
  'a rep cannot log an activity into another team');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, user_id, team_id, activity_type, source_system, disposition_notes)
     values (tests.fx('contact b'), tests.user_id('rep.a@rls.test'), tests.team_id('RLS Alpha'), 'note', 'manual', 'Planted') $$,
  '42501', 'new row violates row-level security policy for table "contact_activities"',
  'a rep cannot attach an activity of their team to another team''s contact');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, user_id, team_id, activity_type, source_system, call_outcome)
     values (tests.fx('contact a'), tests.user_id('rep2.a@rls.test'), tests.team_id('RLS Alpha'), 'call_completed', 'manual', 'connected') $$,
  '42501', 'new row violates row-level security policy for table "contact_activities"',
  'a rep cannot log a call in a teammate''s name');

select results_eq(
  $$ insert into public.contact_activities (contact_id, user_id, team_id, activity_type, source_system,
                                            call_started_at, call_outcome, answered_by, disposition_notes)
     values (tests.fx('contact a'), tests.user_id('rep.a@rls.test'), tests.team_id('RLS Alpha'), 'call_completed',
             'manual', now() - interval '10 minutes', 'connected', 'decision_maker', 'Called from my mobile')
     returning activity_type, source_system, matching_status $$,
  $$ values ('call_completed', 'manual', 'matched') $$,
  'a rep logs a manual call of their own about their team''s contact');
select results_eq(
  $$ update public.contact_activities set disposition_notes = 'Wants the teaser first'
      where id = tests.fx('activity a') returning disposition_notes $$,
  $$ values ('Wants the teaser first') $$,
  'a rep annotates their team''s call');
select is_empty($$ delete from public.contact_activities where id = tests.fx('activity a') returning id $$,
  'a rep cannot delete their team''s calls (kept for audit)');

-- ---------------------------------------------------------------------------------------------------
-- the manager of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('manager.a@rls.test');

select results_eq($$ select source_system from public.contact_activities order by 1 $$,
  $$ values ('manual'), ('phoneburner') $$,
  'a manager sees exactly their team''s activities (the dialer''s and the manual one)');
select is_empty($$ delete from public.contact_activities where id = tests.fx('activity b') returning id $$,
  'a manager cannot delete another team''s activity');
select is_empty($$ delete from public.contact_activities where id = tests.fx('activity a') returning id $$,
  'a manager cannot delete their team''s calls either (kept for audit; admins only)');

-- ---------------------------------------------------------------------------------------------------
-- an admin
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select dedupe_key from public.contact_activities where dedupe_key is not null order by 1 $$,
  $$ values ('rls:activity:a'), ('rls:activity:b') $$,
  'an admin sees the activities of every team');
select results_eq($$ delete from public.contact_activities where source_system = 'manual' returning disposition_notes $$,
  $$ values ('Called from my mobile') $$,
  'an admin deletes an activity');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.contact_activities $$, '42501', 'permission denied for table contact_activities',
  'anon cannot read activities');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, team_id, activity_type, source_system)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'note', 'manual') $$,
  '42501', 'permission denied for table contact_activities',
  'anon cannot log activities');
select throws_ok($$ delete from public.contact_activities $$, '42501', 'permission denied for table contact_activities',
  'anon cannot delete activities');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select disposition_notes from public.contact_activities where id = tests.fx('activity b') $$,
  $$ values ('Bravo notes') $$,
  'the other team''s call is still there, unchanged');
select results_eq($$ select disposition_notes from public.contact_activities where id = tests.fx('activity a') $$,
  $$ values ('Wants the teaser first') $$,
  'the rep''s call survived the rep''s and the manager''s deletes');
select is_empty($$ select id from public.contact_activities where contact_id = tests.fx('contact b') and team_id = tests.team_id('RLS Alpha') $$,
  'no activity of team Alpha points at team Bravo''s contact');

select * from finish();
rollback;
