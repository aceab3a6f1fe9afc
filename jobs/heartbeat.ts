/**
 * Who this worker process is, for its heartbeats (dialbridge.worker_heartbeats). startWorker() sets it;
 * the heartbeat cron task (tasks/worker_heartbeats__record.ts) reads it to beat for its own process.
 */
import { hostname } from "node:os";

export interface WorkerIdentity {
  workerId: string; // hostname:pid:start time
  hostname: string;
  pid: number;
  concurrency: number;
  taskCount: number;
  startedAt: Date;
}

let current: WorkerIdentity | undefined;

export function newWorkerIdentity(opts: { concurrency: number; taskCount: number; startedAt?: Date }): WorkerIdentity {
  const startedAt = opts.startedAt ?? new Date();
  const host = hostname();
  return {
    workerId: `${host}:${process.pid}:${startedAt.toISOString()}`,
    hostname: host,
    pid: process.pid,
    concurrency: opts.concurrency,
    taskCount: opts.taskCount,
    startedAt,
  };
}

export function setCurrentWorkerIdentity(identity: WorkerIdentity | undefined): void {
  current = identity;
}

/** The identity of the worker running in this process (a stand-in if the tasks run under another runner). */
export function currentWorkerIdentity(): WorkerIdentity {
  current ??= newWorkerIdentity({ concurrency: 1, taskCount: 0, startedAt: new Date(Date.now() - process.uptime() * 1000) });
  return current;
}

/** Parameters of dialbridge.record_worker_heartbeat(), in order. */
export function heartbeatParams(id: WorkerIdentity, cronLagSeconds: number | null = null) {
  return [id.workerId, id.hostname, id.pid, id.concurrency, id.taskCount, id.startedAt.toISOString(), cronLagSeconds] as const;
}

export const RECORD_HEARTBEAT_SQL =
  "select dialbridge.record_worker_heartbeat($1, $2, $3::integer, $4::integer, $5::integer, $6::timestamptz, $7::numeric)";
export const RECORD_STOPPED_SQL = "select dialbridge.record_worker_stopped($1)";
