/**
 * contacts__reconcile_phoneburner (cron, daily): pulls every contact changed in each rep's PhoneBurner
 * account since the last run (GET /contacts?updated_from=…&include_new=1, 100 a page) and hands them to
 * dialbridge.reconcile_phoneburner_contacts, which turns each difference into a contact.updated event in
 * the webhook log: the projection applies it last write wins with an audit row per field, exactly like a
 * webhook change. Numbers are normalised with libphonenumber before comparing. The watermark moves only
 * for accounts that were read completely (5 minutes of overlap; reruns add nothing: event ids are
 * deterministic). One account's failure is recorded and does not stop the others; the job fails at the
 * end so graphile-worker retries it. Logs counts and account ids only.
 */
import type { Task } from "graphile-worker";
import { normalizePhone } from "../../functions/_shared/phone.ts";
import { listUpdatedContacts, PhoneBurnerError } from "../../functions/_shared/phoneburner/api.ts";
import { pushSettingsFromEnv } from "../../functions/_shared/phoneburner/push-executor.ts";

const FIRST_RUN_LOOKBACK_MS = 86_400_000;
const OVERLAP_MS = 5 * 60_000;

function text(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  return null;
}

/** PhoneBurner's contact → the fields dialbridge compares (either list shape: flat or nested). */
export function reconciledContact(c: Record<string, unknown>, region = "US") {
  const fields = Array.isArray(c.custom_fields) ? c.custom_fields as Record<string, unknown>[] : [];
  const fieldMap = !Array.isArray(c.custom_fields) && c.custom_fields && typeof c.custom_fields === "object"
    ? c.custom_fields as Record<string, unknown> : {};
  const norm = (s: unknown) => String(s ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
  const fromFields = fields.find((f) => ["sourcecoid", "sourcecocontactid"].includes(norm(f.name)))?.value
    ?? Object.entries(fieldMap).find(([k]) => ["sourcecoid", "sourcecocontactid"].includes(norm(k)))?.[1];
  const crm = Array.isArray(c.external_crm_data)
    ? (c.external_crm_data as Record<string, unknown>[]).find((x) => norm(x.crm_name) === "sourceco")?.crm_id : undefined;
  const primaryPhone = c.primary_phone && typeof c.primary_phone === "object"
    ? (c.primary_phone as Record<string, unknown>).phone ?? (c.primary_phone as Record<string, unknown>).raw_phone : undefined;
  const phone = text(primaryPhone) ?? text(c.phone);
  const email = typeof c.primary_email === "object" && c.primary_email
    ? text((c.primary_email as Record<string, unknown>).email_address) : text(c.primary_email) ?? text(c.email);
  const account = (c.account ?? {}) as Record<string, unknown>;
  const normalized = phone ? normalizePhone(phone, null, region) : null;
  return {
    phoneburner_contact_id: text(c.user_id) ?? text(c.contact_user_id) ?? text(c.id),
    sourceco_contact_id: text(fromFields) ?? text(crm),
    modified_at: text(c.date_modified) ?? text(c.updated_at),
    first_name: text(c.first_name), last_name: text(c.last_name), email,
    phone, phone_e164: normalized?.phone_e164 ?? null,
    company: text(c.company) ?? text(account.company_name), title: text(c.title) ?? text(account.title),
    address_line1: text(c.address1) ?? text(c.address), city: text(c.city), state: text(c.state), zip: text(c.zip),
  };
}

const task: Task = async (_payload, helpers) => {
  const settings = pushSettingsFromEnv((k) => process.env[k]);
  const region = process.env.DIALBRIDGE_DEFAULT_PHONE_REGION || "US";
  const { rows: accounts } = await helpers.query<{ user_id: string; contacts_synced_until: Date | null }>(
    "select user_id::text, contacts_synced_until from dialbridge.phoneburner_accounts_to_reconcile()");
  const { rows: [{ zone }] } = await helpers.query<{ zone: string }>("select dialbridge.phoneburner_time_zone() as zone");
  const failures: string[] = [];
  for (const a of accounts) {
    const runStarted = new Date();
    const since = new Date((a.contacts_synced_until ? new Date(a.contacts_synced_until).getTime() : Date.now() - FIRST_RUN_LOOKBACK_MS) - OVERLAP_MS);
    let seen = 0;
    let changed = 0;
    try {
      const { rows: [cred] } = await helpers.query<{ access_token: string }>(
        "select access_token from dialbridge.phoneburner_credentials($1::uuid)", [a.user_id]);
      if (!cred) continue;
      for (let page = 1; ; page++) {
        const { contacts, totalPages } = await listUpdatedContacts(settings.endpoints, cred.access_token, since, page, zone);
        seen += contacts.length;
        if (contacts.length > 0) {
          const { rows: [{ n }] } = await helpers.query<{ n: number }>(
            "select dialbridge.reconcile_phoneburner_contacts($1::uuid, $2::text::jsonb) as n",
            [a.user_id, JSON.stringify(contacts.map((c) => reconciledContact(c, region)))]);
          changed += n;
        }
        if (page >= totalPages || contacts.length === 0 || page >= 1000) break;
      }
      await helpers.query("select dialbridge.record_contact_reconciliation($1::uuid, $2::timestamptz, $3, $4, null)",
        [a.user_id, runStarted.toISOString(), seen, changed]);
      helpers.logger.info(`reconciled PhoneBurner account of ${a.user_id}: ${seen} contacts read, ${changed} changed`);
    } catch (e) {
      const message = e instanceof PhoneBurnerError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
      failures.push(a.user_id);
      await helpers.query("select dialbridge.record_contact_reconciliation($1::uuid, null, $2, $3, $4)",
        [a.user_id, seen, changed, message.slice(0, 500)]).catch(() => {});
      helpers.logger.error(`reconciling the PhoneBurner account of ${a.user_id} failed: ${e instanceof PhoneBurnerError ? e.code : "error"}`);
    }
  }
  if (failures.length > 0) throw new Error(`contact reconciliation failed for ${failures.length} account(s); see dialbridge.phoneburner_sync_state`);
};

export default task;
