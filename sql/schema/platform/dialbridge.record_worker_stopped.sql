CREATE FUNCTION dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone DEFAULT now()) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  update dialbridge.worker_heartbeats
     set stopped_at = greatest(p_as_of, started_at),
         last_beat_at = greatest(last_beat_at, p_as_of)
   where worker_id = p_worker_id
$$;

COMMENT ON FUNCTION dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone) IS 'Marks a worker process as cleanly stopped, so health reports it gone at once rather than after 150 s.';

REVOKE ALL ON FUNCTION dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_worker_stopped(p_worker_id text, p_as_of timestamp with time zone) TO service_role;
