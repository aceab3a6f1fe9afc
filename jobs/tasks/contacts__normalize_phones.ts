/**
 * contacts__normalize_phones: normalises phone numbers that changed outside dialbridge's own writers
 * (edited in the browser, imported, legacy rows) to E.164 with libphonenumber-js. Queued as one coalesced
 * job (job_key contacts__normalize_phones) by the statement trigger on contacts, and swept by cron.
 * Takes pending rows 500 at a time (FOR UPDATE SKIP LOCKED: two workers never take the same row) and
 * writes each result only if the number is still the one it read. Unparseable numbers are flagged, never
 * guessed. Idempotent. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";
import { normalizeRows, type PendingPhone } from "../../functions/_shared/phone.ts";

export const Payload = z.object({}).passthrough();

const BATCH = 500;
const MAX_ROUNDS = 100; // 50,000 rows per run; more → queued again

const task: Task = async (payload, helpers) => {
  if (!Payload.safeParse(payload ?? {}).success) throw new Error("contacts__normalize_phones: invalid payload");
  const region = process.env.DIALBRIDGE_DEFAULT_PHONE_REGION || "US";
  let total = 0;
  let invalid = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const n = await helpers.withPgClient(async (client) => {
      await client.query("begin");
      try {
        const { rows } = await client.query<PendingPhone>(
          "select id::text, phone, country from dialbridge.claim_pending_phones($1)", [BATCH]);
        if (rows.length > 0) {
          const normalized = normalizeRows(rows, region);
          invalid += normalized.filter((r) => r.phone_status === "invalid").length;
          await client.query("select dialbridge.apply_phone_normalizations($1::text::jsonb)", [JSON.stringify(normalized)]);
        }
        await client.query("commit");
        return rows.length;
      } catch (e) {
        await client.query("rollback").catch(() => {});
        throw e;
      }
    });
    total += n;
    if (n < BATCH) {
      if (total > 0) helpers.logger.info(`normalised ${total} phone numbers (${invalid} unparseable, flagged)`);
      return;
    }
  }
  helpers.logger.info(`normalised ${total} phone numbers; more are pending: queued again`);
  await helpers.addJob("contacts__normalize_phones", {}, { jobKey: "contacts__normalize_phones", jobKeyMode: "preserve_run_at" });
};

export default task;
