/**
 * worker_heartbeats__record: the worker's heartbeat, run every minute from jobs/crontab. Because it goes
 * through the job queue, a fresh heartbeat proves the worker is picking up and running jobs; the delay
 * between the scheduled minute and the run is stored as the queue's latency. Idempotent (an upsert that
 * never moves a heartbeat backwards).
 */
import type { Task } from "graphile-worker";
import { z } from "zod";
import { currentWorkerIdentity, heartbeatParams, RECORD_HEARTBEAT_SQL } from "../heartbeat.ts";

const Payload = z.object({
  // set by graphile-worker on cron jobs: the scheduled time
  _cron: z.object({ ts: z.string().datetime({ offset: true }), backfilled: z.boolean().optional() }).optional(),
}).passthrough();

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`worker_heartbeats__record: invalid payload: ${parsed.error.issues[0]?.message}`);
  const scheduled = parsed.data._cron ? Date.parse(parsed.data._cron.ts) : undefined;
  const lagSeconds = scheduled === undefined ? null : Math.max(0, (Date.now() - scheduled) / 1000);
  await helpers.query(RECORD_HEARTBEAT_SQL, [...heartbeatParams(currentWorkerIdentity(), lagSeconds)]);
};

export default task;
