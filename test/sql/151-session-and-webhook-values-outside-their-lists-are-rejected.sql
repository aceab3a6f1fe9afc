-- phoneburner_sessions and phoneburner_webhooks_log accept only the statuses and types the seeds
-- enumerate; anything else is refused with the constraint's name in the error.
begin;
\ir _fixtures/two_teams.psql
select plan(7);

-- ---------------------------------------------------------------------------------------------------
-- a rep creating and editing sessions
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select throws_ok(
  $$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, session_status)
     values ('rls_bad_status', 'Bad status', tests.team_id('RLS Alpha'), 'running') $$,
  '23514', 'new row for relation "phoneburner_sessions" violates check constraint "phoneburner_sessions_session_status_check"',
  'an unknown session status is rejected');
select throws_ok(
  $$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, session_type)
     values ('rls_bad_type', 'Bad type', tests.team_id('RLS Alpha'), 'cold_calling') $$,
  '23514', 'new row for relation "phoneburner_sessions" violates check constraint "phoneburner_sessions_session_type_check"',
  'an unknown session type is rejected');
select throws_ok(
  $$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, contact_type)
     values ('rls_bad_contact_type', 'Bad contact type', tests.team_id('RLS Alpha'), 'investor') $$,
  '23514', 'new row for relation "phoneburner_sessions" violates check constraint "phoneburner_sessions_contact_type_check"',
  'an unknown session contact type is rejected');
select throws_ok(
  $$ update public.phoneburner_sessions set session_status = 'finished' where id = tests.fx('session a') $$,
  '23514', 'new row for relation "phoneburner_sessions" violates check constraint "phoneburner_sessions_session_status_check"',
  'changing a session to an unknown status is rejected');
select lives_ok(
  $$ insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, session_status, session_type, contact_type)
     values ('rls_good', 'Mixed reactivation', tests.team_id('RLS Alpha'), 'paused', 'reactivation', 'mixed') $$,
  'a session with listed values is accepted');

-- ---------------------------------------------------------------------------------------------------
-- the service role storing webhook events
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select throws_ok(
  $$ insert into public.phoneburner_webhooks_log (event_id, event_type, payload, processing_status)
     values ('rls-bad-status', 'call.ended', '{}', 'done') $$,
  '23514', 'new row for relation "phoneburner_webhooks_log" violates check constraint "phoneburner_webhooks_log_processing_status_check"',
  'an unknown processing status is rejected');
select lives_ok(
  $$ insert into public.phoneburner_webhooks_log (event_id, event_type, payload, processing_status)
     values ('rls-good-status', 'call.ended', '{}', 'duplicate') $$,
  'a listed processing status is accepted');

select * from finish();
rollback;
