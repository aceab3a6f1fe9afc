-- Queueing without a hot row (dialbridge.queue_webhook_processing, shared by every provider): a receiver that finds the coalesced
-- job queued and not started leaves the job row alone and holds the receivers' lock shared until it
-- commits; the batch processor waits for that lock before claiming. Only while the processor calls the
-- barrier; otherwise every receiver re-queues through graphile_worker.add_job.
begin;
select plan(10);
set local client_min_messages = error;

select graphile_worker.remove_job('phoneburner_webhooks_log__process');

create function pg_temp.job_revision() returns integer language sql as $$
  select revision from graphile_worker._private_jobs where key = 'phoneburner_webhooks_log__process'
$$;
create function pg_temp.holds_receivers_lock() returns boolean language sql as $$
  select exists (select 1 from pg_catalog.pg_locks
                  where locktype = 'advisory' and pid = pg_catalog.pg_backend_pid() and mode = 'ShareLock'
                    and ((classid::bigint << 32) | objid::bigint) = dialbridge.phoneburner_receivers_lock_key())
$$;

-- ---------------------------------------------------------------------------------------------------
-- the processor dialbridge ships
-- ---------------------------------------------------------------------------------------------------
select ok(dialbridge.phoneburner_processor_awaits_receivers(),
  'the batch processor (dialbridge.process_webhook_events, which process_phoneburner_webhooks runs) waits for receivers before it claims');

select is((select status from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_t230_1"}', null, 20, 'hmac', null, null, null)),
  'accepted', 'the first event queues the job');
select is(pg_temp.job_revision(), 0, 'through add_job (a new job)');
select is((select status from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_t230_2"}', null, 20, 'hmac', null, null, null)),
  'accepted', 'the next event, with the job still queued, is accepted');
select is(pg_temp.job_revision(), 0, 'without touching the queued job''s row (no hot row)');
select ok(pg_temp.holds_receivers_lock(), 'while holding the receivers'' lock shared until it commits');

-- the job has started: a receiver can no longer count on it
update graphile_worker._private_jobs set locked_at = now(), locked_by = 'test-worker'
 where key = 'phoneburner_webhooks_log__process';
select is((select status from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_t230_3"}', null, 20, 'hmac', null, null, null)),
  'accepted', 'an event arriving while the job runs is accepted');
select is((select count(*)::int from graphile_worker.jobs
            where task_identifier = 'phoneburner_webhooks_log__process' and locked_at is null and key is not null), 1,
  'and queues a fresh job for itself');

-- ---------------------------------------------------------------------------------------------------
-- a processor that does not wait for receivers
-- ---------------------------------------------------------------------------------------------------
do $$
declare
  f regprocedure;
begin
  for f in select p.oid::regprocedure from pg_catalog.pg_proc p
            where p.proname = 'process_webhook_events' and p.pronamespace = 'dialbridge'::regnamespace loop
    execute format('drop function %s cascade', f);
  end loop;
end
$$;
create function dialbridge.process_webhook_events(p_provider text, p_limit integer default 50, as_of timestamptz default now())
returns integer language sql as $$ select 0 $$;
select is((select status from dialbridge.receive_phoneburner_event('call.ended', '{"event_id": "evt_t230_4"}', null, 20, 'hmac', null, null, null)),
  'accepted', 'with a processor that does not wait, events are still accepted');
select is(pg_temp.job_revision(), 1, 'but each one re-queues through add_job');

select * from finish();
rollback;
