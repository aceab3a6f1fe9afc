-- phoneburner_webhooks_log: raw dialer events (personal data, signatures). Admins read it (SourceCo's
-- PhoneBurner settings screen lists the latest deliveries); reps and anon read nothing, nobody but the
-- service role (edge functions, worker) writes it or touches its id sequence.
begin;
\ir _fixtures/two_teams.psql
insert into public.phoneburner_webhooks_log (event_id, event_type, payload, sourceco_contact_id)
values ('rls-evt-1', 'call.ended', '{"call_id": "rls-call-1"}', 'rls_contact_a');
select plan(16);

-- ---------------------------------------------------------------------------------------------------
-- an admin (the most privileged browser user)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('admin@rls.test');

select results_eq($$ select event_id, event_type, processing_status from public.phoneburner_webhooks_log order by created_at desc limit 10 $$,
  $$ values ('rls-evt-1', 'call.ended', 'pending') $$,
  'an admin reads the latest deliveries (SourceCo''s settings screen)');
select throws_ok($$ insert into public.phoneburner_webhooks_log (event_id, event_type, payload) values ('forged', 'call.ended', '{}') $$,
  '42501', 'permission denied for table phoneburner_webhooks_log',
  'a signed-in user cannot forge a webhook event');
select throws_ok($$ update public.phoneburner_webhooks_log set processing_status = 'success' $$,
  '42501', 'permission denied for table phoneburner_webhooks_log',
  'a signed-in user cannot change an event''s processing state');
select throws_ok($$ delete from public.phoneburner_webhooks_log $$,
  '42501', 'permission denied for table phoneburner_webhooks_log',
  'a signed-in user cannot delete events');
select throws_ok($$ select pg_catalog.setval('public.phoneburner_webhooks_log_id_seq', 1) $$,
  '42501', 'permission denied for sequence phoneburner_webhooks_log_id_seq',
  'a signed-in user cannot reset the log''s id sequence (which would make the next insert fail)');

-- ---------------------------------------------------------------------------------------------------
-- a rep
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('rep.a@rls.test');

select is_empty($$ select payload from public.phoneburner_webhooks_log where sourceco_contact_id = 'rls_contact_a' $$,
  'a rep reads no event, not even of their own contacts');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select event_id from public.phoneburner_webhooks_log $$,
  '42501', 'permission denied for table phoneburner_webhooks_log',
  'anon cannot read the webhook log');
select throws_ok($$ insert into public.phoneburner_webhooks_log (event_id, event_type, payload) values ('forged', 'call.ended', '{}') $$,
  '42501', 'permission denied for table phoneburner_webhooks_log',
  'anon cannot forge a webhook event');
select throws_ok($$ select pg_catalog.nextval('public.phoneburner_webhooks_log_id_seq') $$,
  '42501', 'permission denied for sequence phoneburner_webhooks_log_id_seq',
  'anon cannot draw from the log''s id sequence');
select throws_ok($$ select pg_catalog.setval('public.contact_field_changes_id_seq', 1) $$,
  '42501', 'permission denied for sequence contact_field_changes_id_seq',
  'anon cannot reset the contact-change audit''s id sequence');

-- ---------------------------------------------------------------------------------------------------
-- the service role
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

select results_eq(
  $$ insert into public.phoneburner_webhooks_log (event_id, event_type, payload, auth_method, signature_valid)
     values ('rls-evt-2', 'disposition.set', '{"disposition": {"code": "INTERESTED"}}', 'hmac', true)
     returning event_id, processing_status, retry_count $$,
  $$ values ('rls-evt-2', 'pending', 0) $$,
  'the service role stores an event, pending processing');
select results_eq($$ select event_id from public.phoneburner_webhooks_log where event_id like 'rls-evt-%' order by 1 $$,
  $$ values ('rls-evt-1'), ('rls-evt-2') $$,
  'the service role reads every event');
select results_eq(
  $$ update public.phoneburner_webhooks_log set processing_status = 'success', processing_completed_at = now()
      where event_id = 'rls-evt-1' returning processing_status $$,
  $$ values ('success') $$,
  'the service role records the processing outcome');
select results_eq($$ delete from public.phoneburner_webhooks_log where event_id = 'rls-evt-2' returning event_type $$,
  $$ values ('disposition.set') $$,
  'the service role deletes events (retention)');

-- ---------------------------------------------------------------------------------------------------
-- afterwards, as the database owner
-- ---------------------------------------------------------------------------------------------------
select tests.clear_authentication();

select results_eq($$ select event_id, processing_status from public.phoneburner_webhooks_log where event_id like 'rls-evt-%' or event_id = 'forged' $$,
  $$ values ('rls-evt-1', 'success') $$,
  'only the service role''s changes reached the log');
select ok(pg_catalog.nextval('public.phoneburner_webhooks_log_id_seq') >
          (select max(id) from public.phoneburner_webhooks_log),
  'the log''s id sequence still runs ahead of its rows');

select * from finish();
rollback;
