/**
 * phoneburner_webhooks_log__process: projects stored PhoneBurner events into contact_activities.
 *
 * Queued (coalesced: job_key phoneburner_webhooks_log__process, preserve_run_at) by
 * dialbridge.receive_phoneburner_event for every stored event, and every minute by jobs/crontab so that
 * events stored while no worker ran and retries that fell due are never left behind. The work is all in
 * SQL: each call of dialbridge.process_phoneburner_webhooks(batch) claims up to `batch` due events
 * (FOR UPDATE SKIP LOCKED), projects them and records each outcome, in one transaction; this task only
 * loops until nothing is due, then schedules itself for the next retry that will fall due. It can run
 * PHONEBURNER_PROCESSORS such loops side by side (default 1, each on its own connection): batches claim
 * and normalise concurrently and project one at a time (see the function), so one normalises the next
 * batch while another projects. Idempotent:
 * processing an event again changes nothing. Logs counts only, never payloads (they hold personal data).
 * With {"reconcile_statistics": true} (nightly, jobs/crontab) it instead recounts the call statistics from
 * the rows (dialbridge.recompute_contact_call_stats / recompute_session_call_stats) and logs any drift.
 */
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";

export const TASK = "phoneburner_webhooks_log__process";

const Payload = z.object({
  // set by graphile-worker on cron jobs
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
  // the nightly reconciliation (jobs/crontab): recount every contact's and session's call statistics from
  // the rows and fix any drift, instead of processing events
  reconcile_statistics: z.boolean().optional(),
}).passthrough();

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

/** Runs batches until none is due (or maxRunMs passed): the same SQL the replay tool and the tests call. */
export async function processDueEvents(
  query: (text: string, values: unknown[]) => Promise<{ rows: BatchRow[] }>,
  opts: { batchSize?: number; maxRunMs?: number } = {},
): Promise<ProcessTotals & { timedOut: boolean }> {
  const batchSize = opts.batchSize ?? batchSizeFromEnv();
  const maxRunMs = opts.maxRunMs ?? MAX_RUN_MS;
  const started = Date.now();
  const totals: ProcessTotals = { batches: 0, claimed: 0, succeeded: 0, skipped: 0, retrying: 0, failed: 0, nextRetryAt: null };
  for (;;) {
    const { rows } = await query(
      "select claimed, succeeded, skipped, retrying, failed, next_retry_at from dialbridge.process_phoneburner_webhooks($1)",
      [batchSize],
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

const task: Task = async (payload, helpers: JobHelpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`${TASK}: invalid payload: ${parsed.error.issues[0]?.message}`);

  if (parsed.data.reconcile_statistics) {
    const { rows: [contacts] } = await helpers.query(
      "select count(*)::int as columns, count(distinct r.contact_id)::int as rows from dialbridge.recompute_contact_call_stats() r", []);
    const { rows: [sessions] } = await helpers.query(
      "select count(*)::int as columns, count(distinct r.session_id)::int as rows from dialbridge.recompute_session_call_stats() r", []);
    const message = `${TASK}: call statistics reconciled: ${contacts.rows} contacts (${contacts.columns} values) and ` +
      `${sessions.rows} sessions (${sessions.columns} values) had drifted and were fixed`;
    if (contacts.columns + sessions.columns > 0) helpers.logger.warn(message);
    else helpers.logger.info(message);
    return;
  }

  const batchSize = batchSizeFromEnv();
  const runs = await Promise.all(Array.from({ length: processorsFromEnv() }, () =>
    processDueEvents((text, values) => helpers.query(text, values) as never, { batchSize })));
  const totals = combineTotals(runs);

  if (totals.timedOut) {
    // more is due: hand the slot back and continue in a fresh job
    await helpers.addJob(TASK, {}, { jobKey: TASK, jobKeyMode: "preserve_run_at" });
  } else if (totals.nextRetryAt) {
    // the earliest retry not yet due: a job for that time (the cron sweep is the safety net)
    await helpers.addJob(TASK, {}, { jobKey: `${TASK}:retry`, jobKeyMode: "replace", runAt: totals.nextRetryAt });
  }
  if (totals.claimed > 0) {
    helpers.logger.info(
      `${TASK}: ${totals.claimed} events in ${totals.batches - runs.length} batches: ${totals.succeeded} processed, ` +
        `${totals.skipped} skipped, ${totals.retrying} to retry, ${totals.failed} failed`,
    );
  }
};

export default task;
