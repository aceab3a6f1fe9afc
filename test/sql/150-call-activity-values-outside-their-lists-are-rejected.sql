-- contact_activities accepts only the values seed 000 enumerates (and the frontend filters on) for
-- activity type, source system, outcome, answered-by and matching status; anything else is refused with
-- the constraint's name in the error, and nothing is stored.
begin;
\ir _fixtures/two_teams.psql
select plan(8);

-- ---------------------------------------------------------------------------------------------------
-- the service role (webhook processing)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select throws_ok(
  $$ insert into public.contact_activities (contact_id, team_id, activity_type) values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'call_made') $$,
  '23514', 'new row for relation "contact_activities" violates check constraint "contact_activities_activity_type_check"',
  'an unknown activity type is rejected');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, team_id, activity_type, source_system)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'call_completed', 'hubspot') $$,
  '23503', 'insert or update on table "contact_activities" violates foreign key constraint "contact_activities_source_system_fkey"',
  'an unknown source system is rejected (the sources are dialbridge.source_systems: the registered providers and the platform''s own)');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, team_id, activity_type, call_outcome)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'call_completed', 'hung_up') $$,
  '23514', 'new row for relation "contact_activities" violates check constraint "contact_activities_call_outcome_check"',
  'an unknown call outcome is rejected');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, team_id, activity_type, answered_by)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'call_connected', 'robot') $$,
  '23514', 'new row for relation "contact_activities" violates check constraint "contact_activities_answered_by_check"',
  'an unknown answered-by value is rejected');
select throws_ok(
  $$ insert into public.contact_activities (contact_id, team_id, activity_type, matching_status)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'call_attempt', 'probably') $$,
  '23514', 'new row for relation "contact_activities" violates check constraint "contact_activities_matching_status_check"',
  'an unknown matching status is rejected');
select throws_ok(
  $$ update public.contact_activities set call_outcome = 'hung_up' where id = tests.fx('activity a') $$,
  '23514', 'new row for relation "contact_activities" violates check constraint "contact_activities_call_outcome_check"',
  'an update to an unknown value is rejected too');

select lives_ok(
  $$ insert into public.contact_activities (contact_id, team_id, activity_type, source_system, call_outcome, answered_by,
                                            matching_status, dedupe_key)
     values (tests.fx('contact a'), tests.team_id('RLS Alpha'), 'voicemail_left', 'manual', 'voicemail', 'voicemail',
             'manually_linked', 'rls:valid') $$,
  'values from the lists are accepted');

select tests.clear_authentication();
select results_eq(
  $$ select count(*)::int from public.contact_activities where team_id = tests.team_id('RLS Alpha') $$,
  $$ values (2) $$,
  'no rejected activity was stored (the fixture''s call and the valid one only)');

select * from finish();
rollback;
