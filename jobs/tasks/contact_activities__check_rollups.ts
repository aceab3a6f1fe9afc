/**
 * contact_activities__check_rollups: compares every reporting roll-up with a recompute from the raw
 * contact_activities rows (dialbridge.recompute_rollups(false)) and, if any differs, repairs them all
 * under their locks (recompute_rollups(true), which compares again first: a difference caused by a
 * concurrent write is not rebuilt needlessly). Nightly from jobs/crontab. Idempotent. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";

export const Payload = z.object({
  _cron: z.object({ ts: z.string().datetime({ offset: true }), backfilled: z.boolean().optional() }).optional(),
}).strict();

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`contact_activities__check_rollups: invalid payload: ${parsed.error.issues[0]?.message}`);
  await helpers.withPgClient(async (client) => {
    const check = await client.query<{ rollup: string; differences: string }>(
      "select rollup, differences from dialbridge.recompute_rollups(false)");
    const drifted = check.rows.filter((r) => Number(r.differences) > 0);
    if (drifted.length === 0) {
      helpers.logger.info("roll-ups equal a recompute from the raw rows");
      return;
    }
    helpers.logger.warn(`roll-ups differ from a recompute: ${drifted.map((r) => `${r.rollup} ${r.differences} rows`).join(", ")}; repairing`);
    const repair = await client.query<{ rollup: string; differences: string }>(
      "select rollup, differences from dialbridge.recompute_rollups(true)");
    const found = repair.rows.reduce((s, r) => s + Number(r.differences), 0);
    helpers.logger.warn(found > 0 ? `roll-ups rebuilt (${found} differing rows under lock)` : "no difference left under lock: nothing rebuilt");
  });
};

export default task;
