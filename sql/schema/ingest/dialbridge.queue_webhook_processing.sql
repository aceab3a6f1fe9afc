CREATE FUNCTION dialbridge.queue_webhook_processing(p_provider text, p_log_id bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
declare
  v_p dialbridge.webhook_providers;
begin
  if pg_catalog.to_regnamespace('graphile_worker') is null then
    return;
  end if;
  begin
    select * into strict v_p from dialbridge.webhook_providers w where w.provider = p_provider;
    begin
      -- the lock first; the look at the job is a statement of its own, so its snapshot is taken after it
      if dialbridge.webhook_processor_awaits_receivers()
         and pg_catalog.pg_try_advisory_xact_lock_shared(dialbridge.webhook_receivers_lock_key(p_provider)) then
        if exists (select 1 from graphile_worker._private_jobs j
                    where j.key = v_p.job_key and j.locked_at is null and j.attempts = 0) then
          return;
        end if;
      end if;
    exception when others then
      null;  -- e.g. a graphile-worker whose tables changed: queue the ordinary way below
    end;
    perform graphile_worker.add_job(v_p.task_identifier,
      case when v_p.task_identifier = 'webhook_events__process'
           then pg_catalog.json_build_object('provider', p_provider) else '{}'::json end,
      job_key := v_p.job_key, job_key_mode := 'preserve_run_at');
  exception when others then
    raise warning 'dialbridge: could not queue the processing of % events (%): event % stays pending',
      p_provider, sqlstate, p_log_id;
  end;
end
$$;

COMMENT ON FUNCTION dialbridge.queue_webhook_processing(p_provider text, p_log_id bigint) IS 'Queues the provider''s coalesced processing job (graphile-worker, job_key from the registry) in the
transaction that stored an event; skips the job row while it is queued and not started and the processor
waits for receivers (no hot row). Never raises: without a queue the event stays pending for the cron
sweep. Called by the (security definer) receive functions only, in their rights and search path: no
SET clause of its own, which would cost a configuration save and restore on every event.';

REVOKE ALL ON FUNCTION dialbridge.queue_webhook_processing(p_provider text, p_log_id bigint) FROM PUBLIC;
