/**
 * contact_activities__rematch: projects the unmatched PhoneBurner calls again, so that a call whose contact
 * can now be found becomes matched on its own (dialbridge.rematch_phoneburner_calls): after the reconcile job
 * stored PhoneBurner contact ids, a pushed session got its PhoneBurner id, or a contact was created or given
 * its SourceCo id. Queued (coalesced, job key contact_activities__rematch) by triggers on contacts,
 * phoneburner_session_contacts and phoneburner_sessions while unmatched calls exist; jobs/crontab sweeps every
 * 10 minutes. Idempotent: projecting a call again writes only what changed. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";

const Payload = z.object({
  limit: z.number().int().min(1).max(100_000).optional(),
  _cron: z.object({ ts: z.string().datetime({ offset: true }), backfilled: z.boolean().optional() }).optional(),
}).strict();

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) {
    throw new Error(`contact_activities__rematch: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  const { rows } = await helpers.query<{ matched: number }>(
    "select dialbridge.rematch_phoneburner_calls($1) as matched", [parsed.data.limit ?? 5000]);
  const matched = rows[0]?.matched ?? 0;
  if (matched > 0) helpers.logger.info(`contact_activities__rematch: ${matched} call(s) matched`);
};

export default task;
