-- contacts.updated_at tells SourceCo's screens (and sync) when a contact's own data last changed. It
-- moves when a person, a sync or a disposition changes the contact, and stays put when dialbridge only
-- moves figures it maintains (call statistics, scores) or backfills a column it added.
begin;
\ir _fixtures/two_teams.psql
update public.contacts set updated_at = '2024-03-01T12:00:00Z' where id in (tests.fx('contact a'), tests.fx('contact b'));
select plan(5);

-- ---------------------------------------------------------------------------------------------------
-- the service role (call statistics, scores, backfills)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select results_eq(
  $$ update public.contacts
        set total_call_attempts = total_call_attempts + 1, last_call_attempt_at = now(), call_engagement_score = 40,
            call_stats_last_calculated_at = now()
      where id = tests.fx('contact a') returning updated_at $$,
  $$ values ('2024-03-01T12:00:00Z'::timestamptz) $$,
  'recording a call''s statistics does not move updated_at');
select results_eq(
  $$ update public.contacts set phoneburner_last_sync_at = now(), phoneburner_sync_status = 'pending'
      where id = tests.fx('contact a') returning updated_at $$,
  $$ values ('2024-03-01T12:00:00Z'::timestamptz) $$,
  'PhoneBurner sync bookkeeping does not move updated_at');
select results_eq(
  $$ update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested', do_not_call_set_at = now()
      where id = tests.fx('contact b') returning updated_at > now() - interval '1 minute' $$,
  $$ values (true) $$,
  'setting do-not-call is a change of the contact: updated_at moves');

-- ---------------------------------------------------------------------------------------------------
-- a rep of team Alpha
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select results_eq(
  $$ update public.contacts set phone = '+12125550111' where id = tests.fx('contact a') returning updated_at > now() - interval '1 minute' $$,
  $$ values (true) $$,
  'a rep''s edit of the phone number moves updated_at');
select results_eq(
  $$ update public.contacts set next_action_type = 'call', next_action_date = current_date + 3
      where id = tests.fx('contact a') returning updated_at = now() $$,
  $$ values (true) $$,
  'planning the next action moves updated_at');

select * from finish();
rollback;
