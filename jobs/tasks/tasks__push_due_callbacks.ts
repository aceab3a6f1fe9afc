/**
 * tasks__push_due_callbacks (cron, hourly in the working day): callback follow-through (seed 001 US-007).
 * For teams that opted in (push_settings.auto_add_callbacks_to_session), the contacts whose callback task
 * is due today are pushed into the rep's "Callbacks - <date>" dial session — as that rep, through the same
 * validated push as anything else: do-not-call, suppressions and bad numbers still exclude (recently
 * contacted does not: the contact asked to be called). Seed contract: added to the day's callbacks session
 * when it exists. The request id is derived from rep, date and contacts, so reruns add nothing; contacts
 * already waiting in a session are excluded as already_in_session. Batches are sent by the worker.
 */
import type { Task } from "graphile-worker";
import { createHash } from "node:crypto";
import { fromPgClient } from "../../functions/_shared/dbport.ts";
import { startPush } from "../../functions/_shared/push.ts";
import { pushSettingsFromEnv } from "../../functions/_shared/phoneburner/push-executor.ts";

const task: Task = async (_payload, helpers) => {
  const settings = pushSettingsFromEnv((k) => process.env[k]);
  const db = fromPgClient((fn) => helpers.withPgClient(fn));
  const due = await db.query<{ user_id: string; due_on: string; contact_ids: string[]; existing_session_id: string | null }>(
    "select user_id::text, due_on::text, contact_ids::text[], existing_session_id::text from dialbridge.due_callback_pushes()");
  for (const d of due) {
    const key = createHash("sha256").update([...d.contact_ids].sort().join(",")).digest("hex").slice(0, 16);
    const day = new Date(`${d.due_on}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
    try {
      const push = await startPush(db, { sub: d.user_id, role: "authenticated", aud: "authenticated" }, {
        shape: "dialbridge",
        requestId: `callbacks:${d.user_id}:${d.due_on}:${key}`,
        entityType: "contacts",
        contactIds: d.contact_ids,
        options: {
          session_name: `Callbacks - ${day}`,
          skip_recently_contacted: false,
          update_existing: true,
          ...(settings.defaultApiStyle === "seed" && d.existing_session_id ? { target_session_id: d.existing_session_id } : {}),
        },
        apiStyle: settings.defaultApiStyle,
      }, "callback");
      if (push.firstBatchId) await db.query("select dialbridge.enqueue_push_batch($1::uuid)", [push.firstBatchId]);
      helpers.logger.info(`callbacks for ${d.user_id} on ${d.due_on}: run ${push.summary.run_id} ` +
        `(${push.summary.contacts_ready} to push, ${push.summary.contacts_excluded} excluded${push.replayed ? ", already done" : ""})`);
    } catch (e) {
      helpers.logger.error(`callback push for ${d.user_id} on ${d.due_on} failed: ${(e as { code?: string })?.code ?? (e instanceof Error ? e.name : "error")}`);
    }
  }
};

export default task;
