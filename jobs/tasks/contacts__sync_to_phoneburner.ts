/**
 * contacts__sync_to_phoneburner (cron, every 15 minutes — seed 001 US-008.2): sends SourceCo's edits of
 * pushed contacts to each PhoneBurner account that holds them. dialbridge.phoneburner_contact_sync_due
 * decides, from the audit, which fields to send (last write wins per field: an edit older than a change
 * PhoneBurner made to the field is held back) and which custom fields changed since last sent. Before
 * writing, the task reads PhoneBurner's contact: a field whose value there is neither what we last knew
 * nor what we are sending was changed in PhoneBurner and not yet received — it is held back too (the
 * webhook or the reconciliation brings it). The rest goes in one form-encoded PUT /contacts/{id}
 * (PhoneBurner's contact endpoints lose JSON fields). Each contact's outcome is recorded; a failure is
 * retried by the next batch, a contact PhoneBurner no longer has is marked gone. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";
import { normalizePhone } from "../../functions/_shared/phone.ts";
import { contactForm, getContact, PhoneBurnerError, updateContact } from "../../functions/_shared/phoneburner/api.ts";
import { pushSettingsFromEnv } from "../../functions/_shared/phoneburner/push-executor.ts";
import { reconciledContact } from "./contacts__reconcile_phoneburner.ts";

const Payload = z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict();

interface Due {
  contact_id: string;
  account_user_id: string;
  phoneburner_contact_id: string;
  since: Date;
  fields: Record<string, { value: string | null; before: string | null; edited_at: string }>;
  held_back: Record<string, string>;
  custom_fields: Record<string, string>;
  custom_snapshot: Record<string, string>;
}

/** dialbridge's field → PhoneBurner's form field. */
const FORM_FIELD: Record<string, string> = {
  first_name: "first_name", last_name: "last_name", email: "email", phone: "phone", company: "company",
  title: "title", address_line1: "address1", city: "city", state: "state", zip: "zip",
};

function same(field: string, a: string | null | undefined, b: string | null | undefined, region: string): boolean {
  const norm = (v: string | null | undefined) => {
    const t = (v ?? "").trim();
    if (field === "phone" && t) return normalizePhone(t, null, region)?.phone_e164 ?? t.replace(/\D/g, "");
    return field === "email" ? t.toLowerCase() : t;
  };
  return norm(a) === norm(b);
}

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`contacts__sync_to_phoneburner: invalid payload: ${parsed.error.issues[0]?.message}`);
  const settings = pushSettingsFromEnv((k) => process.env[k]);
  const region = process.env.DIALBRIDGE_DEFAULT_PHONE_REGION || "US";
  const { rows: [{ as_of }] } = await helpers.query<{ as_of: Date }>("select now() as as_of");
  const { rows } = await helpers.query<Due>(
    `select contact_id::text, account_user_id::text, phoneburner_contact_id, since, fields, held_back, custom_fields, custom_snapshot
       from dialbridge.phoneburner_contact_sync_due($1, $2)`, [as_of, parsed.data.limit ?? 200]);
  const record = (r: Due, status: string, sent: unknown, held: unknown, custom: unknown, error: string | null = null) =>
    helpers.query("select dialbridge.record_phoneburner_contact_sync($1::uuid, $2::uuid, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb, $9)",
      [r.contact_id, r.account_user_id, r.phoneburner_contact_id, status, as_of, JSON.stringify(sent), JSON.stringify(held),
       custom === null ? null : JSON.stringify(custom), error]);
  const tokens = new Map<string, string | null>();
  const counts = { sent: 0, unchanged: 0, held: 0, failed: 0, gone: 0 };
  for (const r of rows) {
    const held: Record<string, string> = { ...r.held_back };
    let fields = Object.entries(r.fields);
    const custom = Object.entries(r.custom_fields).map(([name, value]) => ({ name, value: value ?? "" }));
    if (fields.length === 0 && custom.length === 0) {
      await record(r, "synced", {}, held, r.custom_snapshot);
      counts.unchanged++;
      continue;
    }
    if (!tokens.has(r.account_user_id)) {
      const { rows: [cred] } = await helpers.query<{ access_token: string }>(
        "select access_token from dialbridge.phoneburner_credentials($1::uuid)", [r.account_user_id]);
      tokens.set(r.account_user_id, cred?.access_token ?? null);
    }
    const token = tokens.get(r.account_user_id);
    if (!token) continue; // disconnected since: picked up again once connected
    try {
      if (fields.length > 0) {
        // a change made in PhoneBurner that has not reached us yet is newer than our edit: never overwrite it
        const current = reconciledContact(await getContact(settings.endpoints, token, r.phoneburner_contact_id), region) as
          Record<string, string | null>;
        fields = fields.filter(([field, f]) => {
          const there = current[field];
          if (same(field, there, f.before, region) || same(field, there, f.value, region)) return true;
          held[field] = "phoneburner_newer";
          return false;
        });
      }
      const values = Object.fromEntries(fields.map(([field, f]) => [FORM_FIELD[field] ?? field, f.value ?? ""]));
      if (fields.length > 0 || custom.length > 0) {
        await updateContact(settings.endpoints, token, r.phoneburner_contact_id, contactForm(values, custom));
        counts.sent++;
      }
      if (Object.keys(held).length > 0) counts.held++;
      await record(r, "synced", Object.fromEntries(fields.map(([field, f]) => [field, f.value])), held, r.custom_snapshot);
    } catch (e) {
      if (!(e instanceof PhoneBurnerError)) throw e;
      if (e.status === 404) {
        await record(r, "gone", {}, held, null, "PhoneBurner no longer has the contact");
        counts.gone++;
      } else {
        await record(r, "failed", {}, held, null, `${e.code}: ${e.message}`);
        counts.failed++;
      }
    }
  }
  helpers.logger.info(`SourceCo edits to PhoneBurner: ${counts.sent} sent, ${counts.unchanged} with nothing to send, ` +
    `${counts.held} with fields held back (PhoneBurner newer), ${counts.failed} failed, ${counts.gone} gone, of ${rows.length}`);
};

export default task;
