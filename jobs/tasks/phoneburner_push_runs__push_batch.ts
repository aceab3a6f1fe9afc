/**
 * phoneburner_push_runs__push_batch: sends one batch of a push run to PhoneBurner (the shared executor,
 * functions/_shared/phoneburner/push-executor.ts): batches after the first, batches the edge function handed over
 * (out of time, account busy, waiting for Retry-After), and batches resumed after a crash. Queued by the
 * database (dialbridge.enqueue_push_batch) with queue_name phoneburner:<rep> — one job at a time per
 * PhoneBurner account — and job_key phoneburner_push_batch:<batch id>. Idempotent: a finished batch is a
 * no-op; a batch whose first attempt may have reached PhoneBurner is looked up by its key before it is sent
 * again. After a batch succeeds the job goes on with the run's next batch itself (the queued job for that
 * batch then finds it done). PhoneBurner failures end on the run row (visible), not as job errors; only "account busy" and
 * database errors make graphile-worker retry the job. Logs ids, outcomes and error codes only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";
import { fromPgClient } from "../../functions/_shared/dbport.ts";
import { executeBatch, pushSettingsFromEnv } from "../../functions/_shared/phoneburner/push-executor.ts";

export const Payload = z.object({ batch_id: z.string().uuid() });

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) throw new Error("phoneburner_push_runs__push_batch: invalid payload (batch_id must be a uuid)");
  const db = fromPgClient((fn) => helpers.withPgClient(fn));
  const settings = pushSettingsFromEnv((k) => process.env[k]);
  let batchId: string | undefined = parsed.data.batch_id;
  // the run's next batches follow in this job (the account stays ours; no queue round trip between
  // batches); the job queued for each of them by the database then finds it done
  for (let n = 0; batchId && n < 40; n++) {
    const result = await executeBatch(db, batchId, settings, {
      holder: `worker:${helpers.job.id}`,
      whenBusy: "throw",
      summary: false,
      log: (line) => helpers.logger.info(line),
    });
    helpers.logger.info(`push batch ${batchId} (run ${result.runId ?? "?"}): ${result.outcome}`);
    batchId = result.outcome === "succeeded" ? result.nextBatchId ?? undefined : undefined;
  }
};

export default task;
