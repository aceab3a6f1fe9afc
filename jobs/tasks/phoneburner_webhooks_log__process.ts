/**
 * phoneburner_webhooks_log__process: projects stored PhoneBurner events into contact_activities.
 *
 * Queued (coalesced: job_key phoneburner_webhooks_log__process, preserve_run_at) by
 * dialbridge.receive_phoneburner_event for every stored event, and every minute by jobs/crontab so that
 * events stored while no worker ran and retries that fell due are never left behind. The loop is the one
 * every provider shares (../webhook-processing.ts: dialbridge.process_webhook_events('phoneburner', …)).
 * Idempotent: processing an event again changes nothing. Logs counts only, never payloads.
 * With {"reconcile_statistics": true} (nightly, jobs/crontab) it instead recounts the call statistics from
 * the rows (dialbridge.recompute_contact_call_stats / recompute_session_call_stats) and logs any drift.
 */
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import { runProcessing } from "../webhook-processing.ts";

export const TASK = "phoneburner_webhooks_log__process";

const Payload = z.object({
  // set by graphile-worker on cron jobs
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
  // the nightly reconciliation (jobs/crontab): recount every contact's and session's call statistics from
  // the rows and fix any drift, instead of processing events
  reconcile_statistics: z.boolean().optional(),
}).passthrough();

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

  await runProcessing(helpers, { provider: "phoneburner", task: TASK, jobKey: TASK, payload: {} });
};

export default task;
