/**
 * webhook_logs__maintain (cron, nightly): retention of the webhook logs — the payload bodies of processed
 * events older than dialbridge.webhook_payload_retention (90 days) are pruned in chunks
 * (dialbridge.prune_webhook_payloads), each chunk its own transaction so the log is never locked for long.
 * The rows, their outcomes and the call records stay. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";

const Payload = z.object({ chunk: z.number().int().min(1).max(100_000).optional() }).strict();

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`webhook_logs__maintain: invalid payload: ${parsed.error.issues[0]?.message}`);
  const chunk = parsed.data.chunk ?? 5000;
  let total = 0;
  for (let round = 0; round < 1000; round++) {
    const { rows } = await helpers.query<{ pruned: number }>(
      "select coalesce(sum(pruned), 0)::int as pruned from dialbridge.prune_webhook_payloads(now(), null, $1)", [chunk]);
    total += rows[0].pruned;
    if (rows[0].pruned === 0) break;
  }
  helpers.logger.info(`webhook payloads pruned: ${total}`);
};

export default task;
