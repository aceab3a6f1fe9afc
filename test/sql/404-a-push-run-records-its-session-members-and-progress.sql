begin;
select plan(17);

select tests.create_user('tess@sourceco.com', 'run-team', 'rep') \gset
update profiles set phoneburner_user_id = '1234567' where id = tests.user_id('tess@sourceco.com');
select tests.push_contact('run-team', 'Anna', 'Able', '+14155550101', '{"contact_type": "buyer"}') as a \gset
select tests.push_contact('run-team', 'Ben', 'Baker', '+14155550102') as b \gset
select tests.push_contact('run-team', 'Cara', 'Cole', '+14155550103') as c \gset
select tests.push_contact('run-team', 'Dan', 'Drew', '+14155550104') as d \gset
select tests.push_contact('run-team', 'Eve', 'Ernst', '+14155550105') as e \gset
update contacts set aum_usd = 500000000, target_ebitda_min_usd = 2000000, target_ebitda_max_usd = 10000000,
                    target_sectors = '{Business Services,Healthcare IT}', call_talking_points = 'New collision repair platform'
 where id = :'a';
insert into deal_contacts (deal_id, deal_name, deal_status, contact_id, team_id, presented_at, outcome)
values ('deal_1', 'Collision Repair Platform', 'active', :'a', tests.team_id('run-team'), '2025-12-10', 'Passed - Too early stage');

-- ---------------------------------------------------------------------------------------------------
-- as the rep: start a push of 5 contacts in batches of 2
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('tess@sourceco.com');
select dialbridge.start_push_run(format(
  '{"request_id": "run-1", "contact_ids": ["%s", "%s", "%s", "%s", "%s"], "api_style": "seed",
    "options": {"batch_size": 2, "session_name": "Bay Area Buyers"}}', :'a', :'b', :'c', :'d', :'e')::jsonb) ->> 'run_id' as run \gset
select tests.clear_authentication();

select results_eq(
  $$select b.batch_no, b.contact_count, b.request_key, b.status from phoneburner_push_batches b
      join phoneburner_push_runs r on r.id = b.run_id where r.request_id = 'run-1' order by b.batch_no$$,
  $$values (1, 2, 'run-1:1', 'queued'), (2, 2, 'run-1:2', 'queued'), (3, 1, 'run-1:3', 'queued')$$,
  'the run is cut into batches, each with its own idempotency key');

-- ---------------------------------------------------------------------------------------------------
-- as the executor (service role)
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select id as b1 from phoneburner_push_batches where request_key = 'run-1:1' \gset
select id as b2 from phoneburner_push_batches where request_key = 'run-1:2' \gset
select id as b3 from phoneburner_push_batches where request_key = 'run-1:3' \gset

select is(dialbridge.claim_push_batch(:'b2', 'test') ->> 'state', 'blocked', 'a later batch waits for the earlier ones');
create temporary table claims (n integer, c jsonb) on commit drop;
insert into claims select 1, dialbridge.claim_push_batch(:'b1', 'test');
select results_eq(
  $$select (select c from claims where n = 1) ->> 'state', (select c from claims where n = 1) ->> 'api_style', (select c from claims where n = 1) ->> 'session_name',
           jsonb_array_length((select c from claims where n = 1) -> 'contacts'), ((select c from claims where n = 1) ->> 'attempt')::int$$,
  $$values ('ready', 'seed', 'Bay Area Buyers', 2, 1)$$,
  'the first batch is claimed with its payload in the seed contract''s shape');
select results_eq(
  $$select c -> 'custom_fields' ->> 'aum', c -> 'custom_fields' ->> 'target_ebitda_range', c -> 'custom_fields' ->> 'target_sectors',
           c -> 'custom_fields' ->> 'last_deal_presented', c -> 'custom_fields' ->> 'last_deal_outcome',
           c -> 'custom_fields' ->> 'active_deals_count', c -> 'custom_fields' ->> 'call_talking_points', c ->> 'phone'
      from jsonb_array_elements((select c from claims where n = 1) -> 'contacts') c where c ->> 'first_name' = 'Anna'$$,
  $$values ('$500M', '$2M - $10M', 'Business Services, Healthcare IT', 'Collision Repair Platform - Dec 2025',
            'Passed - Too early stage', '1', 'New collision repair platform', '+14155550101')$$,
  'each contact carries the call context of seed 002 (firmographics, deal history, talking points) and its E.164 number');
select is((select c -> 'custom_fields' ->> 'sourceco_contact_id' from jsonb_array_elements((select c from claims where n = 1) -> 'contacts') c
            where c ->> 'first_name' = 'Anna'), (select sourceco_contact_id from contacts where id = :'a'),
  'the SourceCo id travels as the linking custom field');

select is(dialbridge.complete_push_batch(:'b1', format(
  '{"phoneburner_session_id": "pb_session_900", "session_url": "https://app.example/s/900",
    "contacts": [{"contact_id": "%s", "status": "added", "phoneburner_contact_id": "pb_contact_1"},
                 {"contact_id": "%s", "status": "failed", "field": "phone", "error": "Invalid phone number format"}]}', :'a', :'b')::jsonb) ->> 'status',
  'pushing', 'after the first batch the run is still pushing');
select results_eq(
  $$select s.session_name, s.session_type, s.contact_type, s.total_contacts_added, s.created_by_user_id = tests.user_id('tess@sourceco.com')
      from phoneburner_sessions s where s.phoneburner_session_id = 'pb_session_900'$$,
  $$values ('Bay Area Buyers', 'buyer_outreach', 'buyer', 1, true)$$,
  'the session is recorded for the rep with the contacts PhoneBurner took');
select results_eq(
  format($$select c.phoneburner_contact_id, c.phoneburner_sync_status, c.phoneburner_last_sync_at is not null,
                  m.state, m.phone_e164
             from contacts c join phoneburner_session_contacts m on m.contact_id = c.id where c.id = %L$$, :'a'),
  $$values ('pb_contact_1', 'synced', true, 'pending', '+14155550101')$$,
  'the contact gets PhoneBurner''s id, its sync time, and a membership with the pushed number');
select results_eq(
  format($$select status, error_field, error_message from phoneburner_push_run_contacts where contact_id = %L$$, :'b'),
  $$values ('failed', 'phone', 'Invalid phone number format')$$,
  'a contact PhoneBurner rejected is recorded with the field and the error');
select results_eq(
  format($$select ((dialbridge.complete_push_batch(%L, '{"contacts": []}') -> 'progress') ->> 'done')::int,
                  (select batches_done from phoneburner_push_runs where request_id = 'run-1')$$, :'b1'),
  $$values (2, 1)$$,
  'completing a batch again changes nothing');
select tests.clear_authentication();
select is((select count(*)::int from graphile_worker.jobs where task_identifier = 'phoneburner_push_runs__push_batch'
            and key = 'phoneburner_push_batch:' || :'b2' and queue_name = 'phoneburner:' || tests.user_id('tess@sourceco.com')), 1,
  'the next batch is queued for the worker, in the rep''s account queue');
select tests.authenticate_as_service_role();

-- batch 2 goes into the same session (seed contract); one of its contacts became do-not-call meanwhile
update contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = :'d';
insert into claims select 2, dialbridge.claim_push_batch(:'b2', 'test');
select results_eq(
  $$select (select c from claims where n = 2) ->> 'phoneburner_session_id', jsonb_array_length((select c from claims where n = 2) -> 'contacts')$$,
  $$values ('pb_session_900', 1)$$,
  'the second batch goes into the session of the first, without the contact that asked not to be called');
select results_eq(
  format($$select status, error_field from phoneburner_push_run_contacts where contact_id = %L$$, :'d'),
  $$values ('failed', 'do_not_call')$$,
  'the do-not-call contact is never sent, and the run says why');

-- retry bookkeeping, then batch 3 fails for good
select dialbridge.record_push_batch_retry(:'b2', '{"message": "rate limited", "code": "PB_RATE_LIMITED", "retry_at": "2030-01-01T00:00:00Z", "detail": "PhoneBurner asked us to slow down; retrying in 2 s"}');
select results_eq(
  $$select stage, stage_detail from phoneburner_push_runs where request_id = 'run-1'$$,
  $$values ('waiting_to_retry', 'PhoneBurner asked us to slow down; retrying in 2 s')$$,
  'a retry shows on the run as it waits');
select dialbridge.complete_push_batch(:'b2', '{"phoneburner_session_id": "pb_session_900", "contacts": []}');
select dialbridge.claim_push_batch(:'b3', 'test');
select dialbridge.fail_push_batch(:'b3', '{"message": "PhoneBurner API error 503: Service unavailable (gave up after 6 attempts)", "code": "PB_SERVER_ERROR"}');
select results_eq(
  $$select status, contacts_added, contacts_failed, contacts_done, contacts_ready, batches_done, error_code, finished_at is not null
      from phoneburner_push_runs where request_id = 'run-1'$$,
  $$values ('partially_succeeded', 2, 3, 5, 5, 3, 'PB_SERVER_ERROR', true)$$,
  'a batch that fails for good ends the run visibly, with the error and the counts');
select results_eq(
  format($$select status, error_message from phoneburner_push_run_contacts where contact_id = %L$$, :'e'),
  $$values ('failed', 'PhoneBurner API error 503: Service unavailable (gave up after 6 attempts)')$$,
  'the contacts of the failed batch carry its error');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------------------
-- as the rep: the push log
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('tess@sourceco.com');
select results_eq(
  $$select pushed_by, session_name, phoneburner_session_id, contacts_pushed, contacts_excluded, contacts_failed, status
      from phoneburner_push_log where run_id = (select id from phoneburner_push_runs where request_id = 'run-1')$$,
  $$values ('tess', 'Bay Area Buyers', 'pb_session_900', 2, 0, 3, 'partially_succeeded')$$,
  'the push log shows who pushed how many contacts into which session');
select tests.clear_authentication();

select * from finish();
rollback;
