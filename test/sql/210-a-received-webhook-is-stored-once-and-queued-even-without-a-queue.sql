-- dialbridge.receive_phoneburner_event: one call stores an event once (idempotent on its identity) and
-- queues its processing in the same transaction — one coalesced graphile-worker job; a missing or broken
-- queue never costs the event. Only the service role may call it.
begin;
select plan(24);
set local client_min_messages = error;  -- the broken-queue cases raise a warning on purpose

select graphile_worker.remove_job('phoneburner_webhooks_log__process');
create temporary table got (status text, log_id bigint, event_id text) on commit drop;
grant all on got to service_role;

-- ---------------------------------------------------------------------------------------------------
-- the service role (the edge function)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();

insert into got select * from dialbridge.receive_phoneburner_event('call.started',
  '{"event": "call.started", "event_id": "evt_t210_1", "timestamp": "2026-02-23T10:45:00Z", "call": {"id": "call_t210"},
    "contact": {"id": "pb_c_t210", "custom_fields": {"sourceco_contact_id": "sc_t210"}}, "user": {"id": "pb_u_t210"},
    "dial_session": {"id": "pb_s_t210"}}',
  'evt_t210_1', 321, 'hmac', 'sha256=00ff', '203.0.113.7', 'PhoneBurner/1.0');
select results_eq($$ select status, event_id from got $$, $$ values ('accepted', 'evt_t210_1') $$,
  'a new event is accepted under its identity');
select results_eq(
  $$ select l.id, event_type, payload_size_bytes, phoneburner_call_id, phoneburner_contact_id, sourceco_contact_id,
            phoneburner_user_id, phoneburner_session_id, event_at, processing_status, auth_method, signature_header,
            signature_valid, ip_address, user_agent
       from public.phoneburner_webhooks_log l where l.event_id = 'evt_t210_1' $$,
  $$ select (select log_id from got), 'call.started', 321, 'call_t210', 'pb_c_t210', 'sc_t210', 'pb_u_t210', 'pb_s_t210',
            '2026-02-23T10:45:00Z'::timestamptz, 'pending', 'hmac', 'sha256=00ff', true, '203.0.113.7'::inet, 'PhoneBurner/1.0' $$,
  'it is stored pending, with its lookup ids, time and how it arrived');
select is((select payload ->> 'event_id' from public.phoneburner_webhooks_log where event_id = 'evt_t210_1'), 'evt_t210_1',
  'the payload is stored whole');
select tests.clear_authentication();  -- the queue's tables are the worker's, not the service role's
select results_eq(
  $$ select task_identifier, locked_at is null, run_at <= now() from graphile_worker.jobs where key = 'phoneburner_webhooks_log__process' $$,
  $$ values ('phoneburner_webhooks_log__process', true, true) $$,
  'its processing is queued, due now, in the same transaction');
select tests.authenticate_as_service_role();

select results_eq(
  $$ select status, log_id, event_id from dialbridge.receive_phoneburner_event('call.started',
       '{"event": "call.started", "event_id": "evt_t210_1", "timestamp": "2026-02-23T10:45:09Z"}', null, 50, 'hmac', null, null, null) $$,
  $$ select 'duplicate', log_id, 'evt_t210_1' from got $$,
  'the same identity again is a duplicate, pointing at the stored row');
select is((select count(*)::int from public.phoneburner_webhooks_log where event_id = 'evt_t210_1'), 1,
  'a duplicate adds no row');
select is((select payload ->> 'timestamp' from public.phoneburner_webhooks_log where event_id = 'evt_t210_1'), '2026-02-23T10:45:00Z',
  'a duplicate never overwrites the stored event');

select is((select status from dialbridge.receive_phoneburner_event('api_calldone', '{"call_id": 9210, "status": "No Answer"}',
            null, 40, 'url_token', null, null, null)), 'accepted', 'a real api_calldone is accepted');
select is((select status from dialbridge.receive_phoneburner_event('api_calldone', '{"status": "No Answer", "call_id": 9210, "duration": 0}',
            null, 40, 'url_token', null, null, null)), 'duplicate', 'the same call''s api_calldone again is a duplicate');
select results_eq(
  $$ select signature_valid, auth_method from public.phoneburner_webhooks_log where event_id = 'api_calldone:9210' $$,
  $$ values (null::boolean, 'url_token') $$,
  'a token-authenticated callback has no signature to be valid');
select is((select status from dialbridge.receive_phoneburner_event('api_contact_displayed', '{"contact_user_id": 5, "ds_id": 9210}',
            null, 40, 'url_token', null, null, null)), 'accepted', 'an event without any id is accepted');
select is((select status from dialbridge.receive_phoneburner_event('api_contact_displayed', '{"ds_id":9210,"contact_user_id":5}',
            null, 40, 'url_token', null, null, null)), 'duplicate', 'and recognised when resent');
select is((select status from dialbridge.receive_phoneburner_event('some.future_event', '{"event_id": "evt_t210_future"}',
            null, 40, 'hmac', null, null, null)), 'accepted', 'an unknown event type is kept (the projection skips it), never dropped');

select tests.clear_authentication();
select is((select count(*)::int from graphile_worker.jobs where key = 'phoneburner_webhooks_log__process'), 1,
  'however many events arrive, one coalesced job is queued');

-- a batch is running: the job is locked by a worker, so a new event must queue a fresh job
update graphile_worker._private_jobs set locked_at = now(), locked_by = 'test-worker'
 where key = 'phoneburner_webhooks_log__process';
select tests.authenticate_as_service_role();
select is((select status from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_t210_2"}', null, 20, 'hmac', null, null, null)),
  'accepted', 'an event arriving while the batch runs is accepted');
select tests.clear_authentication();
select results_eq(
  $$ select count(*)::int, count(*) filter (where locked_at is null)::int from graphile_worker.jobs
      where task_identifier = 'phoneburner_webhooks_log__process' $$,
  $$ values (2, 1) $$,
  'and queues a fresh job (the running one may not see it)');

-- ---------------------------------------------------------------------------------------------------
-- the queue missing or broken: the event is still stored (pending, for the cron sweep)
-- ---------------------------------------------------------------------------------------------------
alter function graphile_worker.add_job(text, json, text, timestamptz, integer, text, integer, text[], text) rename to add_job_away;
select tests.authenticate_as_service_role();
select is((select status from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_t210_3"}', null, 20, 'hmac', null, null, null)),
  'accepted', 'when queueing fails the event is still accepted');
select is((select processing_status from public.phoneburner_webhooks_log where event_id = 'evt_t210_3'), 'pending',
  'and stored pending');
select tests.clear_authentication();
alter function graphile_worker.add_job_away(text, json, text, timestamptz, integer, text, integer, text[], text) rename to add_job;
alter schema graphile_worker rename to graphile_worker_away;
select tests.authenticate_as_service_role();
select is((select status from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_t210_4"}', null, 20, 'hmac', null, null, null)),
  'accepted', 'without graphile-worker''s schema the event is still accepted and stored');
select tests.clear_authentication();
alter schema graphile_worker_away rename to graphile_worker;

-- ---------------------------------------------------------------------------------------------------
-- bad calls
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select throws_ok($$ select * from dialbridge.receive_phoneburner_event('call.ended', '[1, 2]', null, 6, 'hmac', null, null, null) $$,
  'DB021', 'event payload must be a JSON object', 'a payload that is not an object is refused');
select throws_ok($$ select * from dialbridge.receive_phoneburner_event('  ', '{}', null, 2, 'hmac', null, null, null) $$,
  'DB020', 'event type is missing or longer than 100 characters', 'an event without a type is refused');

-- ---------------------------------------------------------------------------------------------------
-- anyone else
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($$ select * from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_forged"}', null, 20, 'hmac', null, null, null) $$,
  '42501', null, 'anon cannot store events');
select tests.clear_authentication();
select tests.create_user('rep@t210.test', 'T210 team', 'admin');
select tests.authenticate_as('rep@t210.test');
select throws_ok($$ select * from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_forged"}', null, 20, 'hmac', null, null, null) $$,
  '42501', null, 'a signed-in user, even an admin, cannot store events');
select throws_ok($$ select dialbridge.record_phoneburner_webhook_rejection('bad_token', null, null, 1) $$,
  '42501', null, 'nor count rejections');

select * from finish();
rollback;
