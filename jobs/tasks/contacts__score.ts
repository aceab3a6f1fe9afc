/**
 * contacts__score: recomputes engagement scores, their explanations and the best time to call
 * (public.calculate_contact_engagement_score), as of one time.
 *
 *   {}  or {"all": true}      every contact, in id order, 500 per transaction (keyset: short locks, resumable);
 *                             the segment connection rates behind "best time to call" are refreshed first.
 *                             Nightly from jobs/crontab (recency moves with time), and queued — debounced,
 *                             job key contacts__score:all — by the disposition_mappings trigger after an edit.
 *   {"contact_ids": [...]}    those contacts only.
 *   {"marked": true}          the contacts whose calls changed (marked by the roll-up trigger, which queues this
 *                             job coalesced under job key contacts__score:marked), as of now, 20 per
 *                             transaction until none is left; a cron sweep catches marks left while no worker ran.
 *   "as_of"                   ISO time the scores describe (default: the cron's scheduled time, else now).
 *
 * Idempotent: a score is a function of the contact's calls, the mappings and as_of. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";

export const Payload = z.object({
  all: z.boolean().optional(),
  marked: z.boolean().optional(),
  contact_ids: z.array(z.string().uuid()).min(1).max(10_000).optional(),
  as_of: z.string().datetime({ offset: true }).optional(),
  // set by graphile-worker on cron jobs: the scheduled time
  _cron: z.object({ ts: z.string().datetime({ offset: true }), backfilled: z.boolean().optional() }).optional(),
}).strict();

const BATCH = 500;
/** Marked contacts per transaction: their row locks, which the ingest path waits for, stay short (one bench run each: 100 → 20 cut the roll-up trigger's time per event end to end from 0.41 to 0.14 ms). */
const MARKED_BATCH = 20;
/** A marked run gives the worker slot back after this long (and queues itself again). */
const MAX_MARKED_RUN_MS = 60_000;

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) {
    throw new Error(`contacts__score: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  const { contact_ids, as_of, _cron, marked } = parsed.data;
  const asOf = as_of ?? _cron?.ts ?? new Date().toISOString();

  if (marked && !contact_ids && !parsed.data.all) {
    const started = Date.now();
    let scored = 0;
    for (;;) {
      // each statement commits on its own; as of now (these scores follow the calls just recorded)
      const { rows: [r] } = await helpers.query<{ n: number }>(
        "select dialbridge.score_marked_contacts($1) as n", [MARKED_BATCH]);
      scored += r.n;
      if (r.n === 0) break;
      if (Date.now() - started > MAX_MARKED_RUN_MS) {
        await helpers.addJob("contacts__score", { marked: true }, { jobKey: "contacts__score:marked", jobKeyMode: "preserve_run_at" });
        break;
      }
    }
    if (scored > 0) helpers.logger.info(`scored ${scored} contacts whose calls changed`);
    return;
  }

  await helpers.withPgClient(async (client) => {
    if (contact_ids) {
      const { rows } = await client.query<{ n: number }>(
        "select dialbridge.score_contacts($1::uuid[], $2::timestamptz) as n", [contact_ids, asOf]);
      helpers.logger.info(`scored ${rows[0].n} of ${contact_ids.length} contacts as of ${asOf}`);
      return;
    }
    const { rows: [stats] } = await client.query<{ n: number }>(
      "select dialbridge.refresh_call_hour_stats($1::timestamptz) as n", [asOf]);
    let after: string | null = null;
    let batches = 0;
    for (;;) {
      // each statement commits on its own: one short transaction per batch
      const result: { rows: { last: string | null }[] } = await client.query<{ last: string | null }>(
        "select dialbridge.score_contacts_after($1::uuid, $2, $3::timestamptz)::text as last", [after, BATCH, asOf]);
      const last: string | null = result.rows[0].last;
      if (last === null) break;
      after = last;
      batches++;
    }
    helpers.logger.info(`scored every contact as of ${asOf} in ${batches} batches; ${stats.n} segment hour buckets refreshed`);
  });
};

export default task;
