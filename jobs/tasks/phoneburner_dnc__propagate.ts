/**
 * phoneburner_dnc__propagate (queued by the suppressions trigger; a 5-minute sweep): sends each pending
 * do-not-call (public.phoneburner_dnc_propagations) to the PhoneBurner account of the session the contact
 * is in, as far as PhoneBurner's API allows: the contact is flagged (custom field "Do Not Call" = Yes,
 * PUT /contacts/{id}, form-encoded) and moved to PhoneBurner's trash (DELETE /contacts/{id}), which takes it
 * out of every dial session of the account — there is no call that removes a contact from one session only.
 * Both are idempotent: a contact already gone counts as removed. Each attempt is recorded
 * (dialbridge.record_dnc_propagation); an error worth retrying leaves the row pending and fails the job so
 * graphile-worker retries with backoff; a refusal is recorded as failed and stays listed in
 * reports.dnc_dialable_in_sessions. PHONEBURNER_DNC_REMOVE=false only flags. Logs ids and counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";
import { contactForm, PhoneBurnerError, trashContact, updateContact } from "../../functions/_shared/phoneburner/api.ts";
import { pushSettingsFromEnv } from "../../functions/_shared/phoneburner/push-executor.ts";

const Payload = z.object({ limit: z.number().int().min(1).max(500).optional() }).strict();

interface Due { id: string; contact_id: string; account_user_id: string | null; phoneburner_contact_id: string; attempts: number }

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`phoneburner_dnc__propagate: invalid payload: ${parsed.error.issues[0]?.message}`);
  const settings = pushSettingsFromEnv((k) => process.env[k]);
  const remove = (process.env.PHONEBURNER_DNC_REMOVE ?? "true").toLowerCase() !== "false";
  const { rows } = await helpers.query<Due>(
    "select id::text, contact_id::text, account_user_id::text, phoneburner_contact_id, attempts from dialbridge.due_dnc_propagations($1)",
    [parsed.data.limit ?? 100]);
  const record = (id: string, status: string, actions: Record<string, unknown>, error: string | null = null) =>
    helpers.query("select dialbridge.record_dnc_propagation($1::uuid, $2, $3::text::jsonb, $4)", [id, status, JSON.stringify(actions), error]);
  const tokens = new Map<string, string | null>();
  let done = 0;
  let retrying = 0;
  for (const r of rows) {
    if (!r.account_user_id) {
      await record(r.id, "not_connected", {}, "the session has no PhoneBurner account");
      continue;
    }
    if (!tokens.has(r.account_user_id)) {
      const { rows: [cred] } = await helpers.query<{ access_token: string }>(
        "select access_token from dialbridge.phoneburner_credentials($1::uuid)", [r.account_user_id]);
      tokens.set(r.account_user_id, cred?.access_token ?? null);
    }
    const token = tokens.get(r.account_user_id);
    if (!token) {
      await record(r.id, "not_connected", {}, "the rep's PhoneBurner account is not connected");
      continue;
    }
    const at = new Date().toISOString();
    const actions: Record<string, unknown> = {};
    try {
      await updateContact(settings.endpoints, token, r.phoneburner_contact_id,
        contactForm({}, [{ name: "Do Not Call", value: "Yes" }, { name: "Do Not Call Since", value: at.slice(0, 10) }]));
      actions.flagged = { at };
    } catch (e) {
      if (!(e instanceof PhoneBurnerError)) throw e;
      // a contact PhoneBurner no longer has cannot be dialled: nothing left to flag
      if (e.status !== 404) {
        if (e.retryable) {
          retrying++;
          await record(r.id, "pending", {}, `${e.code}: ${e.message}`);
          continue;
        }
        await record(r.id, "failed", {}, `${e.code}: ${e.message}`);
        continue;
      }
      actions.flagged = { at, already_gone: true };
    }
    if (remove) {
      try {
        const trashed = await trashContact(settings.endpoints, token, r.phoneburner_contact_id);
        actions.removed = { at, ...(trashed ? {} : { already_gone: true }) };
      } catch (e) {
        if (!(e instanceof PhoneBurnerError)) throw e;
        if (e.retryable) {
          retrying++;
          await record(r.id, "pending", actions, `${e.code}: ${e.message}`);
          continue;
        }
        await record(r.id, "failed", actions, `${e.code}: ${e.message}`);
        continue;
      }
    }
    await record(r.id, "done", actions);
    done++;
  }
  helpers.logger.info(`do-not-call sent to PhoneBurner: ${done} done, ${retrying} to retry, of ${rows.length}`);
  if (retrying > 0) throw new Error(`${retrying} do-not-call propagation(s) to retry`);
};

export default task;
