CREATE TABLE dialbridge.worker_heartbeats (
    worker_id text NOT NULL,
    hostname text NOT NULL,
    pid integer NOT NULL,
    concurrency integer NOT NULL,
    task_count integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    last_beat_at timestamp with time zone NOT NULL,
    last_cron_lag_seconds numeric(10,3),
    stopped_at timestamp with time zone,
    CONSTRAINT worker_heartbeats_counts_check CHECK (((pid > 0) AND (concurrency > 0) AND (task_count >= 0))),
    CONSTRAINT worker_heartbeats_order_check CHECK (((last_beat_at >= started_at) AND ((stopped_at IS NULL) OR (stopped_at >= started_at))))
);

COMMENT ON TABLE dialbridge.worker_heartbeats IS 'Heartbeats of graphile-worker processes: written on start, every minute by a cron job, and on a clean stop.';

COMMENT ON COLUMN dialbridge.worker_heartbeats.worker_id IS 'hostname:pid:start time of the worker process.';

COMMENT ON COLUMN dialbridge.worker_heartbeats.concurrency IS 'Jobs the process runs at once.';

COMMENT ON COLUMN dialbridge.worker_heartbeats.task_count IS 'Task identifiers the process knows.';

COMMENT ON COLUMN dialbridge.worker_heartbeats.last_beat_at IS 'Last heartbeat: the process started, ran its heartbeat cron job, or stopped.';

COMMENT ON COLUMN dialbridge.worker_heartbeats.last_cron_lag_seconds IS 'How late the last heartbeat cron job ran after its scheduled minute: queue latency.';

COMMENT ON COLUMN dialbridge.worker_heartbeats.stopped_at IS 'When the process stopped cleanly (null while it runs or after a crash).';

ALTER TABLE ONLY dialbridge.worker_heartbeats
    ADD CONSTRAINT worker_heartbeats_pkey PRIMARY KEY (worker_id);

ALTER TABLE dialbridge.worker_heartbeats ENABLE ROW LEVEL SECURITY;

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE dialbridge.worker_heartbeats TO service_role;
