-- disposition_mappings are edited by admins; a mapping that cannot be acted on is refused when it is
-- saved, not when a call is dispositioned: an engagement delta outside −50..50, a suppression without a
-- positive duration, a task without a type or a due offset, a do-not-call that does not suppress.
begin;
\ir _fixtures/two_teams.psql
select plan(13);

-- ---------------------------------------------------------------------------------------------------
-- an admin editing mappings
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select throws_ok(
  $$ update public.disposition_mappings set engagement_score_delta = 51 where phoneburner_disposition_code = 'HOT_LEAD' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_engagement_score_delta_check"',
  'an engagement delta above 50 is rejected');
select throws_ok(
  $$ update public.disposition_mappings set engagement_score_delta = -51 where phoneburner_disposition_code = 'NOT_INTERESTED' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_engagement_score_delta_check"',
  'an engagement delta below -50 is rejected');
select results_eq(
  $$ update public.disposition_mappings set engagement_score_delta = 50 where phoneburner_disposition_code = 'HOT_LEAD'
     returning engagement_score_delta $$,
  $$ values (50) $$,
  'the upper bound, 50, is accepted');
select results_eq(
  $$ update public.disposition_mappings set engagement_score_delta = -50 where phoneburner_disposition_code = 'NOT_INTERESTED'
     returning engagement_score_delta $$,
  $$ values (-50) $$,
  'the lower bound, -50, is accepted');
select throws_ok(
  $$ update public.disposition_mappings set suppress_duration_days = 0 where phoneburner_disposition_code = 'NOT_INTERESTED' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_suppression_duration_check"',
  'a suppressing mapping with a duration of 0 days is rejected');
select throws_ok(
  $$ update public.disposition_mappings set suppress_duration_days = null where phoneburner_disposition_code = 'NOT_INTERESTED' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_suppression_duration_check"',
  'a suppressing mapping without a duration is rejected');
select throws_ok(
  $$ insert into public.disposition_mappings (phoneburner_disposition_code, phoneburner_disposition_label, suppress_contact)
     values ('RLS_SUPPRESS', 'RLS Suppress', true) $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_suppression_duration_check"',
  'a new suppressing mapping without a duration is rejected');
select throws_ok(
  $$ update public.disposition_mappings set task_type = null where phoneburner_disposition_code = 'INTERESTED' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_task_check"',
  'a task-creating mapping without a task type is rejected');
select throws_ok(
  $$ update public.disposition_mappings set task_due_offset_days = null where phoneburner_disposition_code = 'INTERESTED' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_task_check"',
  'a task-creating mapping without a due offset is rejected');
select throws_ok(
  $$ update public.disposition_mappings set task_priority = 'critical' where phoneburner_disposition_code = 'INTERESTED' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_task_priority_check"',
  'an unknown task priority is rejected');
select throws_ok(
  $$ update public.disposition_mappings set suppress_contact = false, suppress_duration_days = null
      where phoneburner_disposition_code = 'DO_NOT_CALL' $$,
  '23514', 'new row for relation "disposition_mappings" violates check constraint "disposition_mappings_dnc_suppresses_check"',
  'a do-not-call mapping that stops suppressing is rejected');
select lives_ok(
  $$ update public.disposition_mappings set create_task = false, task_type = null, task_due_offset_days = null, task_priority = null
      where phoneburner_disposition_code = 'INTERESTED' $$,
  'turning the task off together with its settings is accepted');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq(
  $$ select suppress_contact, suppress_duration_days from public.disposition_mappings
      where phoneburner_disposition_code in ('NOT_INTERESTED', 'DO_NOT_CALL') order by phoneburner_disposition_code $$,
  $$ values (true, 9999), (true, 365) $$,
  'the refused edits left the suppressing mappings as they were');

select * from finish();
rollback;
