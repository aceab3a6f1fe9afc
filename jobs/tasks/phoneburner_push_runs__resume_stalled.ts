/**
 * phoneburner_push_runs__resume_stalled (cron): queues again the next batch of every push run that stopped
 * moving — its sender died (the edge function was cut off, a worker crashed). The batch job looks the
 * session up by its key before sending anything again, so resuming never doubles a session. Idempotent.
 */
import type { Task } from "graphile-worker";

const task: Task = async (_payload, helpers) => {
  const { rows } = await helpers.query<{ n: number }>("select dialbridge.resume_stalled_push_batches() as n");
  if (rows[0]?.n) helpers.logger.info(`resumed ${rows[0].n} stalled push batch(es)`);
};

export default task;
