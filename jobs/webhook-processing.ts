/**
 * Processing stored webhook events, for every provider: the loop the worker's tasks run
 * (tasks/phoneburner_webhooks_log__process.ts for PhoneBurner, tasks/webhook_events__process.ts for every
 * other provider) and the replay tool calls. The work is all in SQL: each call of
 * dialbridge.process_webhook_events(provider, batch) claims up to `batch` due events (FOR UPDATE SKIP
 * LOCKED), runs the provider's adapter on them and records each outcome, in one transaction; this loops
 * until nothing is due, then schedules the provider's job for the next retry that will fall due. It can run
 * PHONEBURNER_PROCESSORS loops side by side (the name is historical: it applies to every provider).
 * Logs counts only, never payloads (they hold personal data).
 */
import type { JobHelpers } from "graphile-worker";

/**
 * Events per transaction (PHONEBURNER_PROCESS_BATCH, default 500). Measured: 50 → 100 gains ~30 %, 100 → 250
 * 10–25 %; since dispositions are applied set-based per batch, 250 → 500 gains another 5–10 % draining a
 * backlog, and 1,000 no more. A batch holds its contacts' and sessions' row locks until it commits (a 500-event
 * batch takes ~0.2 s).
 */
export function batchSizeFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PHONEBURNER_PROCESS_BATCH;
  if (raw === undefined || raw === "") return 500;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`PHONEBURNER_PROCESS_BATCH must be an integer from 1 to 1000, got "${raw}"`);
  return n;
}

/**
 * Concurrent processing loops per run (PHONEBURNER_PROCESSORS, default 1). More than one overlaps a batch's
 * claiming and normalising (about a fifth of its work) with the projection of the batch before. On the
 * 2-vCPU machines measured it gained nothing (the two vCPUs slow each other down); with real cores to spare
 * it can. Correct with any number (tested), as are a replay or a second worker running at the same time.
 */
export function processorsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PHONEBURNER_PROCESSORS;
  if (raw === undefined || raw === "") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error(`PHONEBURNER_PROCESSORS must be an integer from 1 to 8, got "${raw}"`);
  return n;
}

/** A run gives the worker slot back after this long (then queues itself again if events are still due). */
const MAX_RUN_MS = 60_000;

export interface ProcessTotals {
  batches: number;
  claimed: number;
  succeeded: number;
  skipped: number;
  retrying: number;
  failed: number;
  nextRetryAt: Date | null;
}

type BatchRow = {
  claimed: number;
  succeeded: number;
  skipped: number;
  retrying: number;
  failed: number;
  next_retry_at: Date | string | null;
};

/**
 * Runs a provider's batches until none is due (or maxRunMs passed): dialbridge.process_webhook_events, the
 * same SQL the replay tool and the tests call.
 */
export async function processDueEvents(
  query: (text: string, values: unknown[]) => Promise<{ rows: BatchRow[] }>,
  opts: { provider: string; batchSize?: number; maxRunMs?: number },
): Promise<ProcessTotals & { timedOut: boolean }> {
  const batchSize = opts.batchSize ?? batchSizeFromEnv();
  const maxRunMs = opts.maxRunMs ?? MAX_RUN_MS;
  const started = Date.now();
  const totals: ProcessTotals = { batches: 0, claimed: 0, succeeded: 0, skipped: 0, retrying: 0, failed: 0, nextRetryAt: null };
  for (;;) {
    const { rows } = await query(
      "select claimed, succeeded, skipped, retrying, failed, next_retry_at from dialbridge.process_webhook_events($1, $2)",
      [opts.provider, batchSize],
    );
    const r = rows[0];
    totals.batches++;
    totals.claimed += Number(r.claimed);
    totals.succeeded += Number(r.succeeded);
    totals.skipped += Number(r.skipped);
    totals.retrying += Number(r.retrying);
    totals.failed += Number(r.failed);
    totals.nextRetryAt = r.next_retry_at ? new Date(r.next_retry_at) : null;
    if (Number(r.claimed) === 0) return { ...totals, timedOut: false };
    if (Date.now() - started > maxRunMs) return { ...totals, timedOut: true };
  }
}

/** The totals of loops that ran side by side: sums, the earliest next retry, timed out if any did. */
export function combineTotals(runs: (ProcessTotals & { timedOut: boolean })[]): ProcessTotals & { timedOut: boolean } {
  const retries = runs.map((r) => r.nextRetryAt).filter((d): d is Date => d !== null);
  return {
    batches: runs.reduce((n, r) => n + r.batches, 0),
    claimed: runs.reduce((n, r) => n + r.claimed, 0),
    succeeded: runs.reduce((n, r) => n + r.succeeded, 0),
    skipped: runs.reduce((n, r) => n + r.skipped, 0),
    retrying: runs.reduce((n, r) => n + r.retrying, 0),
    failed: runs.reduce((n, r) => n + r.failed, 0),
    nextRetryAt: retries.length ? new Date(Math.min(...retries.map((d) => d.getTime()))) : null,
    timedOut: runs.some((r) => r.timedOut),
  };
}

/** One run of a provider's processing job: loops side by side until nothing is due, then re-queues. */
export async function runProcessing(
  helpers: JobHelpers,
  job: { provider: string; task: string; jobKey: string; payload: Record<string, unknown> },
): Promise<ProcessTotals & { timedOut: boolean }> {
  const batchSize = batchSizeFromEnv();
  const runs = await Promise.all(Array.from({ length: processorsFromEnv() }, () =>
    processDueEvents((text, values) => helpers.query(text, values) as never, { provider: job.provider, batchSize })));
  const totals = combineTotals(runs);
  if (totals.timedOut) {
    // more is due: hand the slot back and continue in a fresh job
    await helpers.addJob(job.task, job.payload, { jobKey: job.jobKey, jobKeyMode: "preserve_run_at" });
  } else if (totals.nextRetryAt) {
    // the earliest retry not yet due: a job for that time (the cron sweep is the safety net)
    await helpers.addJob(job.task, job.payload, { jobKey: `${job.jobKey}:retry`, jobKeyMode: "replace", runAt: totals.nextRetryAt });
  }
  if (totals.claimed > 0) {
    helpers.logger.info(
      `${job.task}: ${job.provider}: ${totals.claimed} events in ${totals.batches - runs.length} batches: ` +
        `${totals.succeeded} processed, ${totals.skipped} skipped, ${totals.retrying} to retry, ${totals.failed} failed`,
    );
  }
  return totals;
}
