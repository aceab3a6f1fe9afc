-- migrate:up
-- Platform health: worker heartbeats and one function that answers "is dialbridge working?".
--
-- The worker (jobs/worker.ts) records a heartbeat when it starts, every minute from a cron job
-- (jobs/crontab: worker_heartbeats__record) and once more when it stops cleanly. The cron path is the
-- point: a heartbeat proves the worker still picks up and runs jobs, not merely that its process exists.
-- dialbridge.health() gathers database, migration, worker and queue status for functions/health.

/**
 * One row per worker process. Rows of processes gone for a week are pruned by the next heartbeat.
 * Private (schema dialbridge): read through dialbridge.health(), written by the worker.
 */
create table if not exists dialbridge.worker_heartbeats (
  worker_id text primary key,
  hostname text not null,
  pid integer not null,
  concurrency integer not null,
  task_count integer not null,
  started_at timestamptz not null,
  last_beat_at timestamptz not null,
  last_cron_lag_seconds numeric(10, 3),
  stopped_at timestamptz
);
alter table dialbridge.worker_heartbeats enable row level security;
select dialbridge.ensure_constraint('dialbridge.worker_heartbeats', 'worker_heartbeats_counts_check',
  $c$check (pid > 0 and concurrency > 0 and task_count >= 0)$c$);
select dialbridge.ensure_constraint('dialbridge.worker_heartbeats', 'worker_heartbeats_order_check',
  $c$check (last_beat_at >= started_at and (stopped_at is null or stopped_at >= started_at))$c$);
-- health() reads the latest beat of the few rows kept here (one per process, pruned weekly): the
-- primary key is the only index the table needs.

comment on table dialbridge.worker_heartbeats is 'Heartbeats of graphile-worker processes: written on start, every minute by a cron job, and on a clean stop.';
comment on column dialbridge.worker_heartbeats.worker_id is 'hostname:pid:start time of the worker process.';
comment on column dialbridge.worker_heartbeats.concurrency is 'Jobs the process runs at once.';
comment on column dialbridge.worker_heartbeats.task_count is 'Task identifiers the process knows.';
comment on column dialbridge.worker_heartbeats.last_beat_at is 'Last heartbeat: the process started, ran its heartbeat cron job, or stopped.';
comment on column dialbridge.worker_heartbeats.last_cron_lag_seconds is 'How late the last heartbeat cron job ran after its scheduled minute: queue latency.';
comment on column dialbridge.worker_heartbeats.stopped_at is 'When the process stopped cleanly (null while it runs or after a crash).';

revoke all on table dialbridge.worker_heartbeats from anon, authenticated;
grant select, insert, update, delete on table dialbridge.worker_heartbeats to service_role;

/** Records a heartbeat of a worker process (upsert) and prunes processes silent for a week. */
create or replace function dialbridge.record_worker_heartbeat(
  p_worker_id text,
  p_hostname text,
  p_pid integer,
  p_concurrency integer,
  p_task_count integer,
  p_started_at timestamptz,
  p_cron_lag_seconds numeric default null,
  p_as_of timestamptz default now()
) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
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

/** Marks a worker process as cleanly stopped, so health reports it gone at once rather than after 150 s. */
create or replace function dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamptz default now())
returns void
language sql volatile security invoker set search_path = ''
as $$
  update dialbridge.worker_heartbeats
     set stopped_at = greatest(p_as_of, started_at),
         last_beat_at = greatest(last_beat_at, p_as_of)
   where worker_id = p_worker_id
$$;

/**
 * Platform status for functions/health and monitoring, without personal data:
 *   database    server version and clock;
 *   migrations  applied count and latest version, from dbmate's public.schema_migrations or, on a
 *               Supabase project migrated with `supabase db push`, supabase_migrations.schema_migrations
 *               (whichever has the later version);
 *   worker      latest heartbeat of a running process, alive when under 150 s old (the heartbeat cron
 *               runs every minute: two missed beats and a margin), and graphile-worker queue counts;
 *   status      'ok' when the worker is alive, else 'degraded'.
 * security definer: it reads migration bookkeeping and graphile_worker's tables, which the API roles
 * cannot; it is executable by service_role only.
 */
create or replace function dialbridge.health(p_as_of timestamptz default now()) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_alive_within constant interval := interval '150 seconds';
  v_migrations jsonb := null;
  v_candidate jsonb;
  v_source record;
  v_count bigint;
  v_latest text;
  v_beat record;
  v_workers_alive integer;
  v_queue jsonb := null;
  v_alive boolean;
begin
  -- migrations: the bookkeeping table with the latest version wins
  for v_source in
    select * from (values ('dbmate', 'public', 'schema_migrations'),
                          ('supabase', 'supabase_migrations', 'schema_migrations')) as s(name, nsp, rel)
  loop
    if pg_catalog.to_regclass(pg_catalog.format('%I.%I', v_source.nsp, v_source.rel)) is not null then
      execute pg_catalog.format('select count(*), max(version::text) from %I.%I', v_source.nsp, v_source.rel)
         into v_count, v_latest;
      v_candidate := pg_catalog.jsonb_build_object('source', v_source.name, 'applied', v_count, 'latest', v_latest);
      if v_migrations is null or coalesce(v_latest, '') > coalesce(v_migrations ->> 'latest', '') then
        v_migrations := v_candidate;
      end if;
    end if;
  end loop;

  -- worker: the freshest beat of a process that has not stopped
  select h.last_beat_at, h.last_cron_lag_seconds, h.concurrency
    into v_beat
    from dialbridge.worker_heartbeats h
   where h.stopped_at is null
   order by h.last_beat_at desc
   limit 1;
  select count(*) into v_workers_alive
    from dialbridge.worker_heartbeats h
   where h.stopped_at is null and h.last_beat_at > p_as_of - v_alive_within;
  v_alive := v_workers_alive > 0;

  -- queue counts (graphile-worker's public view; absent where the worker schema was never installed)
  if pg_catalog.to_regclass('graphile_worker.jobs') is not null then
    execute $q$
      select pg_catalog.jsonb_build_object(
               'waiting', count(*) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at <= $1),
               'scheduled', count(*) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at > $1),
               'locked', count(*) filter (where j.locked_at is not null),
               'failed', count(*) filter (where j.attempts >= j.max_attempts and j.locked_at is null),
               'oldest_waiting_seconds', pg_catalog.round(pg_catalog.date_part('epoch',
                   $1 - min(j.run_at) filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at <= $1)
                 )::numeric, 1))
        from graphile_worker.jobs j
    $q$ into v_queue using p_as_of;
  end if;

  return pg_catalog.jsonb_build_object(
    'status', case when v_alive then 'ok' else 'degraded' end,
    'database', pg_catalog.jsonb_build_object(
      'ok', true,
      'server_version', pg_catalog.current_setting('server_version'),
      'now', p_as_of),
    'migrations', coalesce(v_migrations, pg_catalog.jsonb_build_object('source', null, 'applied', 0, 'latest', null)),
    'worker', pg_catalog.jsonb_build_object(
      'alive', v_alive,
      'processes_alive', v_workers_alive,
      'last_heartbeat_at', v_beat.last_beat_at,
      'seconds_since_heartbeat', pg_catalog.round(pg_catalog.date_part('epoch', p_as_of - v_beat.last_beat_at)::numeric, 1),
      'last_cron_lag_seconds', v_beat.last_cron_lag_seconds,
      'alive_within_seconds', pg_catalog.date_part('epoch', v_alive_within),
      'queue', v_queue));
end
$$;

-- dbmate's bookkeeping table lands in public before the first migration, where the Supabase defaults
-- (and the shim that mirrors them) grant it to anon and authenticated: the API must not expose it.
do $$
begin
  if pg_catalog.to_regclass('public.schema_migrations') is not null then
    revoke all on table public.schema_migrations from anon, authenticated;
  end if;
end
$$;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.health(timestamptz) to service_role;
grant execute on function dialbridge.record_worker_heartbeat(text, text, integer, integer, integer, timestamptz, numeric, timestamptz),
  dialbridge.record_worker_stopped(text, timestamptz) to service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
