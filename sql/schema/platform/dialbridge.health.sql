CREATE FUNCTION dialbridge.health(p_as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;

COMMENT ON FUNCTION dialbridge.health(p_as_of timestamp with time zone) IS 'Platform status for functions/health and monitoring, without personal data:
  database    server version and clock;
  migrations  applied count and latest version, from dbmate''s public.schema_migrations or, on a
              Supabase project migrated with `supabase db push`, supabase_migrations.schema_migrations
              (whichever has the later version);
  worker      latest heartbeat of a running process, alive when under 150 s old (the heartbeat cron
              runs every minute: two missed beats and a margin), and graphile-worker queue counts;
  status      ''ok'' when the worker is alive, else ''degraded''.
security definer: it reads migration bookkeeping and graphile_worker''s tables, which the API roles
cannot; it is executable by service_role only.';

REVOKE ALL ON FUNCTION dialbridge.health(p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.health(p_as_of timestamp with time zone) TO service_role;
