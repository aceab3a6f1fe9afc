begin;
select plan(11);

select tests.create_user('sarah@sourceco.com', 'buyers', 'rep') \gset
select tests.create_user('owner@sourceco.com', 'buyers', 'manager') \gset
select tests.create_user('rival@sourceco.com', 'sellers', 'rep') \gset

update disposition_mappings set workflow_config = '{"template": "deal_memo_v2"}'
 where phoneburner_disposition_code = 'INTERESTED';

-- ---------------------------------------------------------------------------------------------------
-- as the event projection
-- ---------------------------------------------------------------------------------------------------
select tests.make_contact('buyers', 'owner@sourceco.com') as john \gset
select tests.record_call(:'john', 'sarah@sourceco.com', 'INTERESTED', 'Interested - Send Information',
  '2026-02-23T10:49:05Z', 'Wants memo') as john_call \gset
select dialbridge.apply_disposition(:'john_call');

select results_eq(
  format($$select workflow_name, workflow_config, status, contact_id, source_activity_id, requested_by_user_id,
                  requested_at, team_id
             from workflow_runs where contact_id = %L$$, :'john'),
  format($$values ('send_deal_memo', '{"template": "deal_memo_v2"}'::jsonb, 'queued', %L::uuid, %L::uuid, %L::uuid,
                   timestamptz '2026-02-23T10:49:05Z', %L::uuid)$$,
         :'john', :'john_call', tests.user_id('sarah@sourceco.com'), tests.team_id('buyers')),
  'INTERESTED records a queued send_deal_memo run for the contact and the call');

select results_eq(
  format($$select t.identifier, j.payload::jsonb ->> 'workflow_name', j.payload::jsonb -> 'workflow_config',
                  j.payload::jsonb ->> 'contact_id', j.payload::jsonb ->> 'activity_id',
                  j.payload::jsonb ->> 'run_id' = (select id::text from workflow_runs where contact_id = %L)
             from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
            where j.key = 'contacts__run_disposition_workflow:' || %L$$, :'john', :'john_call'),
  format($$values ('contacts__run_disposition_workflow', 'send_deal_memo', '{"template": "deal_memo_v2"}'::jsonb,
                   %L, %L, true)$$, :'john', :'john_call'),
  'a graphile-worker job carries the workflow name, config, contact, call and run');

select dialbridge.apply_disposition(:'john_call');
select tests.redispose(:'john_call', 'INTERESTED', 'Interested - Send Information', '2026-02-23T10:49:05Z', 'Wants memo');
select dialbridge.apply_disposition(:'john_call');
select results_eq(
  format($$select (select count(*)::int from workflow_runs where contact_id = %L),
                  (select count(*)::int from graphile_worker.jobs where key = 'contacts__run_disposition_workflow:' || %L)$$,
         :'john', :'john_call'),
  $$values (1, 1)$$,
  'applying again, or replaying the same disposition, queues nothing more');

-- ---------------------------------------------------------------------------------------------------
-- as the worker (task contacts__run_disposition_workflow)
-- ---------------------------------------------------------------------------------------------------
select id as run_id from workflow_runs where contact_id = :'john' \gset
select is(dialbridge.perform_workflow_run(:'run_id'), 'recorded', 'the worker records the run');
select processed_at as first_processed_at from workflow_runs where id = :'run_id' \gset
select is(dialbridge.perform_workflow_run(:'run_id'), 'recorded', 'running the job twice is harmless');
select results_eq(
  format($$select status, processed_at, result ->> 'delivered' from workflow_runs where id = %L$$, :'run_id'),
  format($$values ('recorded', %L::timestamptz, 'false')$$, :'first_processed_at'),
  'the run is recorded once, and says nothing was sent');

-- the job completed (graphile-worker deletes it); a later re-save of the same disposition queues nothing
delete from graphile_worker._private_jobs where key = 'contacts__run_disposition_workflow:' || :'john_call';
select tests.redispose(:'john_call', 'INTERESTED', 'Interested - Send Information', '2026-02-23T10:52:00Z', 'Wants memo by Friday');
select dialbridge.apply_disposition(:'john_call');
select results_eq(
  format($$select (select count(*)::int from workflow_runs where contact_id = %L),
                  (select count(*)::int from graphile_worker.jobs where key = 'contacts__run_disposition_workflow:' || %L)$$,
         :'john', :'john_call'),
  $$values (1, 0)$$,
  'a workflow that already ran is never queued a second time for the same call');

-- a disposition changed before the worker ran cancels the queued run
select tests.make_contact('buyers', 'owner@sourceco.com', 'Emily', 'Chen') as emily \gset
select tests.record_call(:'emily', 'sarah@sourceco.com', 'HOT_LEAD', 'Hot Lead - High Priority',
  '2026-02-23T11:00:00Z') as emily_call \gset
select dialbridge.apply_disposition(:'emily_call');
select tests.redispose(:'emily_call', 'NOT_INTERESTED', 'Not Interested', '2026-02-23T11:05:00Z');
select dialbridge.apply_disposition(:'emily_call');
select id as emily_run from workflow_runs where contact_id = :'emily' \gset
select results_eq(
  format($$select workflow_name, status, dialbridge.perform_workflow_run(%L) from workflow_runs where id = %L$$,
         :'emily_run', :'emily_run'),
  $$values ('high_priority_alert', 'cancelled', 'cancelled')$$,
  'a run whose disposition changed before it ran is cancelled, and the job then does nothing');

-- ---------------------------------------------------------------------------------------------------
-- as reps
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as('sarah@sourceco.com');
select results_eq(
  $$select workflow_name, status from workflow_runs order by workflow_name$$,
  $$values ('high_priority_alert', 'cancelled'), ('send_deal_memo', 'recorded')$$,
  'the rep sees their team''s workflow runs');
select throws_ok(
  format($$insert into workflow_runs (contact_id, workflow_name, requested_at) values (%L, 'send_deal_memo', now())$$, :'john'),
  '42501', null, 'a rep cannot queue a workflow run by hand');
select tests.authenticate_as('rival@sourceco.com');
select is_empty($$select 1 from workflow_runs$$, 'a rep of another team sees none');
select tests.clear_authentication();

select * from finish();
rollback;
