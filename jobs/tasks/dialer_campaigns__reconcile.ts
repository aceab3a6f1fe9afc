/**
 * dialer_campaigns__reconcile: the dialer's maintained numbers against a recompute from their rows —
 * campaign stats (dialbridge.recompute_campaign_stats), the analytics roll-up
 * (dialbridge.recompute_dialer_call_stats), voicemail usage counts (dialbridge.recompute_voicemail_usage);
 * whatever drifted is fixed and logged. Nightly from jobs/crontab. Idempotent. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";

const Payload = z.object({
  _cron: z.object({ ts: z.string().datetime({ offset: true }), backfilled: z.boolean().optional() }).optional(),
}).strict();

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`dialer_campaigns__reconcile: invalid payload: ${parsed.error.issues[0]?.message}`);
  await helpers.withPgClient(async (client) => {
    const stats = (await client.query("select campaign_id from dialbridge.recompute_campaign_stats()")).rowCount ?? 0;
    const calls = Number((await client.query<{ n: number }>("select dialbridge.recompute_dialer_call_stats() as n")).rows[0].n);
    const drops = (await client.query("select voicemail_drop_id from dialbridge.recompute_voicemail_usage()")).rowCount ?? 0;
    const line = `campaign stats fixed: ${stats}; analytics keys differing: ${calls}; voicemail counts fixed: ${drops}`;
    if (stats + calls + drops > 0) helpers.logger.warn(line);
    else helpers.logger.info(line);
  });
};

export default task;
