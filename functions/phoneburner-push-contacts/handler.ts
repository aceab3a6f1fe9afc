/**
 * POST /functions/v1/phoneburner-push-contacts — push a list into PhoneBurner as the signed-in rep.
 *
 *   Authorization: Bearer <the rep's Supabase JWT>   (HS256, SUPABASE_JWT_SECRET)
 *   Idempotency-Key: <key>                           (optional; or request_id in the body)
 *   body: the dialbridge shape or SourceCo's existing one (functions/_shared/push.ts)
 *
 * Flow (style.md #8: thin — the database decides):
 *   1. verify the JWT (the gateway's verify_jwt does too, but the function must know the user);
 *   2. parse either request shape with zod;
 *   3. as the rep (role authenticated + the JWT claims, so RLS applies as through PostgREST): resolve the
 *      contacts; numbers that changed are normalised with libphonenumber first; dialbridge.start_push_run
 *      re-validates everything (the preview may be stale), refuses legal do-not-call overrides and
 *      records the run with its batches of ≤ 500;
 *   4. send batch 1 right here (shared executor: lease per rep account, ≥ 60 s timeout, 429/Retry-After,
 *      backoff 1-2-4-8-16 s, lookup by idempotency key before any retry) because the rep waits for
 *      PhoneBurner's redirect_url; later batches go to the worker (queued by the database as each batch
 *      completes, one at a time per rep account). When batch 1 cannot finish within
 *      PHONEBURNER_PUSH_SYNC_BUDGET_MS (default 110 s: Supabase's wall-clock limit is 150 s) it is handed
 *      to the worker and the answer is 202 with the run id (progress on the run row, Realtime);
 *   5. answer SourceCo's shape (a superset: run id, status, progress, failures).
 *
 * Answers: 200 pushed (success true) or everything excluded (success false); 202 continuing in the
 * background; 400 bad request / PB_NOT_CONNECTED; 401 no or bad JWT; 403 not allowed (e.g. another rep's
 * account); 404 no contacts; 409 session unavailable or contacts changed meanwhile; 413 too many; 422 an
 * override of legal do-not-call; 502 PhoneBurner failed for good (the error is on the run row too).
 * Logs carry run ids, counts and error codes — never names, numbers or payloads.
 */
import { json, preflight } from "../_shared/http.ts";
import { db } from "../_shared/db.ts";
import { fromPostgresJs } from "../_shared/dbport.ts";
import { authenticateUser } from "../_shared/user.ts";
import {
  httpForSqlError, normalizePushRequest, pushAnswer, PushRequestError, startPush,
} from "../_shared/push.ts";
import { executeBatch, pushSettingsFromEnv, type PushSettings } from "../_shared/phoneburner/push-executor.ts";
import { positiveInt } from "../_shared/phoneburner/api.ts";

const FUNCTION = "phoneburner-push-contacts";
const MAX_BODY_BYTES = 4 * 1024 * 1024;

let settingsCache: { key: string; settings: PushSettings } | undefined;
function settings(): PushSettings {
  const env = (k: string) => Deno.env.get(k);
  const key = ["PHONEBURNER_API_BASE", "PHONEBURNER_SEED_API_BASE", "PHONEBURNER_TIMEOUT_MS", "PHONEBURNER_RETRY_BASE_MS",
    "PHONEBURNER_LOOKUP_GRACE_MS", "PHONEBURNER_CALLBACK_BASE_URL", "SUPABASE_URL", "PHONEBURNER_WEBHOOK_TOKENS",
    "PHONEBURNER_API_STYLE", "PHONEBURNER_LEASE_WAIT_MS"].map((k) => env(k) ?? "").join("\u0000");
  if (settingsCache?.key !== key) settingsCache = { key, settings: pushSettingsFromEnv(env) };
  return settingsCache.settings;
}

function log(line: string) {
  console.log(`[${FUNCTION}] ${line}`);
}

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== "POST") return json({ error: "Method not allowed" }, 405, { Allow: "POST, OPTIONS" });

  const claims = await authenticateUser(req, FUNCTION, "push");
  if (claims instanceof Response) return claims;

  let cfg: PushSettings;
  try {
    cfg = settings();
  } catch (e) {
    log(`configuration error: ${e instanceof Error ? e.message : e}`);
    return json({ error: "The push function is misconfigured" }, 500);
  }

  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return json({ error: "Request too large" }, 413);
  let body: unknown;
  try {
    const text = await req.text();
    if (text.length > MAX_BODY_BYTES) return json({ error: "Request too large" }, 413);
    body = JSON.parse(text);
  } catch {
    return json({ error: "The request body must be JSON" }, 400);
  }

  const database = fromPostgresJs(db());
  const started = Date.now();
  try {
    const request = normalizePushRequest(body, req.headers.get("idempotency-key")?.trim() || null, () => crypto.randomUUID());
    const targetUserId = request.targetUserId ?? claims.sub;
    if (targetUserId === claims.sub) {
      const [{ connected }] = await database.query<{ connected: boolean }>(
        "select exists (select 1 from dialbridge.phoneburner_credentials($1::uuid)) as connected", [targetUserId]);
      if (!connected) {
        return json({ error: "PhoneBurner not connected. Please add your access token in Settings.", code: "PB_NOT_CONNECTED" }, 400);
      }
    }

    const push = await startPush(database, claims, request);
    log(`run ${push.summary.run_id}: ${push.summary.contacts_ready} ready, ${push.summary.contacts_excluded} excluded` +
      (push.replayed ? " (replayed)" : ""));
    let summary = push.summary;
    if (push.firstBatchId) {
      const budget = positiveInt(Deno.env.get("PHONEBURNER_PUSH_SYNC_BUDGET_MS"), 110_000, "PHONEBURNER_PUSH_SYNC_BUDGET_MS");
      const result = await executeBatch(database, push.firstBatchId, cfg, {
        holder: `function:${crypto.randomUUID()}`,
        deadline: started + budget,
        whenBusy: "defer",
        log,
      });
      if (result.summary) summary = result.summary;
      else {
        const [{ s }] = await database.query<{ s: Record<string, unknown> }>(
          "select dialbridge.push_run_summary($1::uuid) as s", [summary.run_id]);
        summary = s;
      }
      log(`run ${summary.run_id}: batch 1 ${result.outcome} in ${Date.now() - started} ms`);
    }
    const answer = pushAnswer(summary);
    return json(answer.body, answer.status);
  } catch (e) {
    const mapped = e instanceof PushRequestError ? e : httpForSqlError(e);
    if (mapped) {
      return json({ error: mapped.message, ...(mapped.code ? { code: mapped.code } : {}) }, mapped.status);
    }
    log(`unexpected ${e instanceof Error ? e.name : "error"}${(e as { code?: string })?.code ? ` ${(e as { code: string }).code}` : ""}`);
    return json({ error: "Internal error" }, 500);
  }
}
