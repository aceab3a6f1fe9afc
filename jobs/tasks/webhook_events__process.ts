/**
 * webhook_events__process: projects the stored events of a provider on the shared inbox
 * (dialbridge.webhook_events) into contact_activities.
 *
 * {"provider": "…"}: queued (coalesced: job_key webhook_events__process:<provider>, preserve_run_at) by
 * dialbridge.queue_webhook_processing for every stored event; runs the loop every provider shares
 * (../webhook-processing.ts). {"sweep": true}: every minute from jobs/crontab, the same for every provider
 * registered on this task, so that events stored while no worker ran and retries that fell due are never
 * left behind. A provider needs nothing here: its row in dialbridge.webhook_providers is enough.
 */
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import { runProcessing } from "../webhook-processing.ts";

export const TASK = "webhook_events__process";

const Payload = z.object({
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
  provider: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/).optional(),
  sweep: z.boolean().optional(),
}).passthrough().refine((p) => (p.provider === undefined) !== (p.sweep === undefined), {
  message: "give either provider or sweep",
});

const task: Task = async (payload, helpers: JobHelpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`${TASK}: invalid payload: ${parsed.error.issues[0]?.message}`);
  const providers = parsed.data.provider !== undefined
    ? [parsed.data.provider]
    : (await helpers.query<{ provider: string }>(
      "select provider from dialbridge.webhook_providers where task_identifier = $1 order by provider", [TASK])).rows
      .map((r) => r.provider);
  for (const provider of providers) {
    await runProcessing(helpers, { provider, task: TASK, jobKey: `${TASK}:${provider}`, payload: { provider } });
  }
};

export default task;
