CREATE FUNCTION dialbridge.record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric DEFAULT NULL::numeric, p_as_of timestamp with time zone DEFAULT now()) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  insert into dialbridge.worker_heartbeats as h
         (worker_id, hostname, pid, concurrency, task_count, started_at, last_beat_at, last_cron_lag_seconds)
  values (p_worker_id, p_hostname, p_pid, p_concurrency, p_task_count, p_started_at,
          greatest(p_as_of, p_started_at), p_cron_lag_seconds)
  on conflict (worker_id) do update
     set last_beat_at = greatest(h.last_beat_at, excluded.last_beat_at),
         last_cron_lag_seconds = coalesce(excluded.last_cron_lag_seconds, h.last_cron_lag_seconds),
         concurrency = excluded.concurrency,
         task_count = excluded.task_count,
         stopped_at = null;
  delete from dialbridge.worker_heartbeats
   where last_beat_at < p_as_of - interval '7 days';
end
$$;

COMMENT ON FUNCTION dialbridge.record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric, p_as_of timestamp with time zone) IS 'Records a heartbeat of a worker process (upsert) and prunes processes silent for a week.';

REVOKE ALL ON FUNCTION dialbridge.record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_worker_heartbeat(p_worker_id text, p_hostname text, p_pid integer, p_concurrency integer, p_task_count integer, p_started_at timestamp with time zone, p_cron_lag_seconds numeric, p_as_of timestamp with time zone) TO service_role;
