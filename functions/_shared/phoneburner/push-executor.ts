/**
 * Sends one batch of a push run to PhoneBurner — the part shared by the edge function (batch 1, while the
 * rep waits for the redirect_url) and the worker task phoneburner_push_runs__push_batch (later batches,
 * deferred ones, resumed ones). Runs unchanged in Deno and Node; the database does the deciding
 * (dialbridge.claim_push_batch / complete_push_batch / fail_push_batch …), this file carries bytes.
 *
 * Reliability rules (issue 4):
 *   - one caller per rep account: a lease row (dialbridge.acquire_phoneburner_lease) held while calling,
 *     on top of the worker's per-account queue;
 *   - ≥ 60 s timeout per call (PHONEBURNER_TIMEOUT_MS); 429 answered with Retry-After / retry_after_seconds
 *     is honoured; otherwise exponential backoff with jitter, 1, 2, 4, 8, 16 s (PHONEBURNER_RETRY_BASE_MS),
 *     then the batch and the run fail visibly (error on the run row);
 *   - idempotent: every batch carries its key (custom_data.request_id / Idempotency-Key); after a timeout,
 *     a network error or a 5xx the session is LOOKED UP by that key before anything is sent again, so a
 *     retry never creates a second session; when the lookup itself is impossible the batch fails rather
 *     than risk a duplicate;
 *   - contacts PhoneBurner rejects are recorded per contact (field, error) and the rest is sent again.
 */
import type { Queryable } from "../dbport.ts";
import {
  bulkContacts, createDialSession, dialSessionCallbacks, endpointsFromEnv, findDialSession, findSeedSession,
  PhoneBurnerError, positiveInt, refreshAccessToken, seedCallbackUrl, type PhoneBurnerEndpoints,
} from "./api.ts";

export interface PushSettings {
  endpoints: PhoneBurnerEndpoints;
  /** Public URL of the edge functions (callbacks point at <it>/phoneburner-webhook). */
  functionsUrl: string | null;
  /** First token of PHONEBURNER_WEBHOOK_TOKENS: authenticates real dial-session callbacks. */
  webhookToken: string | null;
  oauthClient: { id: string; secret: string } | null;
  /** First backoff step (1 s): 1, 2, 4, 8, 16 × this. */
  retryBaseMs: number;
  /** Calls per batch before it fails (the first + 5 retries). */
  maxAttempts: number;
  /** Wait after a timeout before looking the session up, and between looks (PhoneBurner may still be taking it in). */
  lookupGraceMs: number;
  /** Looks before concluding that a timed-out attempt created nothing (then it is sent again). */
  lookupPolls: number;
  /** How long a caller waits for another caller of the same account. */
  leaseWaitMs: number;
  defaultApiStyle: "dialsession" | "seed";
  /** How long PhoneBurner takes to take in one contact of a dial session, at worst (25–45 s per 500: 90 ms). */
  intakeMsPerContact: number;
}

/**
 * How long to wait for PhoneBurner to take in a dial session of n contacts: the configured timeout, or
 * twice the expected intake when that is longer (one push is one session, up to 2,500 contacts).
 */
export function dialSessionTimeoutMs(settings: PushSettings, n: number): number {
  return Math.max(settings.endpoints.timeoutMs, 2 * settings.intakeMsPerContact * n);
}

/** The time a sender must have left to wait for a batch of n contacts (the expected intake and a margin). */
export function expectedSendMs(settings: PushSettings, apiStyle: string, n: number): number {
  return apiStyle === "dialsession"
    ? Math.max(settings.endpoints.timeoutMs, settings.intakeMsPerContact * n + 10_000)
    : settings.endpoints.timeoutMs;
}

/** Settings from the environment (edge function: Deno.env.get; worker: process.env). */
export function pushSettingsFromEnv(get: (name: string) => string | undefined): PushSettings {
  const functionsUrl = get("PHONEBURNER_CALLBACK_BASE_URL")
    || (get("SUPABASE_URL") ? `${get("SUPABASE_URL")!.replace(/\/+$/, "")}/functions/v1` : "");
  const style = get("PHONEBURNER_API_STYLE") || "dialsession";
  if (style !== "dialsession" && style !== "seed") throw new Error(`PHONEBURNER_API_STYLE must be dialsession or seed, got "${style}"`);
  const clientId = get("PHONEBURNER_CLIENT_ID");
  const clientSecret = get("PHONEBURNER_CLIENT_SECRET");
  return {
    endpoints: endpointsFromEnv(get),
    functionsUrl: functionsUrl || null,
    webhookToken: (get("PHONEBURNER_WEBHOOK_TOKENS") ?? "").split(",").map((t) => t.trim()).find(Boolean) ?? null,
    oauthClient: clientId && clientSecret ? { id: clientId, secret: clientSecret } : null,
    retryBaseMs: positiveInt(get("PHONEBURNER_RETRY_BASE_MS"), 1000, "PHONEBURNER_RETRY_BASE_MS"),
    maxAttempts: 6,
    lookupGraceMs: positiveInt(get("PHONEBURNER_LOOKUP_GRACE_MS"), 15_000, "PHONEBURNER_LOOKUP_GRACE_MS"),
    lookupPolls: Math.max(1, positiveInt(get("PHONEBURNER_LOOKUP_POLLS"), 4, "PHONEBURNER_LOOKUP_POLLS")),
    leaseWaitMs: positiveInt(get("PHONEBURNER_LEASE_WAIT_MS"), 30_000, "PHONEBURNER_LEASE_WAIT_MS"),
    defaultApiStyle: style,
    intakeMsPerContact: positiveInt(get("PHONEBURNER_INTAKE_MS_PER_CONTACT"), 90, "PHONEBURNER_INTAKE_MS_PER_CONTACT"),
  };
}

export interface ExecuteOptions {
  /** Who is calling (lease holder): "function:<uuid>" or "worker:<job id>". */
  holder: string;
  /** Epoch ms after which this caller must hand the batch to the worker instead of waiting. */
  deadline?: number;
  /** When the lease is taken: "defer" hands the batch to the worker, "throw" lets the job retry. */
  whenBusy: "defer" | "throw";
  /** The run summary after the batch (the function answers with it); the worker needs only the next batch. */
  summary?: boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: (line: string) => void;
}

export type BatchOutcome = "succeeded" | "failed" | "deferred" | "done" | "blocked";

export interface BatchResult {
  outcome: BatchOutcome;
  runId?: string;
  summary?: Record<string, unknown>;
  /** The run's next batch, when this one succeeded and another is queued. */
  nextBatchId?: string | null;
}

export class AccountBusyError extends Error {
  constructor() {
    super("another push is using this PhoneBurner account; retrying later");
    this.name = "AccountBusyError";
  }
}

interface Claim {
  state: "ready" | "done" | "blocked" | "empty";
  run_id: string;
  batch_id: string;
  batch_no: number;
  batches_total: number;
  attempt: number;
  api_style: "dialsession" | "seed";
  target_user_id: string;
  request_key: string;
  needs_lookup: boolean;
  last_error_code: string | null;
  session_name: string;
  session_description: string;
  phoneburner_session_id: string | null;
  update_existing: boolean;
  skip_duplicates: boolean;
  contact_ids: string[];
  contacts: Record<string, unknown>[];
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Exponential backoff with jitter: attempt 1 → ~1 s, 2 → ~2 s, 3 → ~4 s … (×0.8–1.2). */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** Math.max(0, attempt - 1) * (0.8 + 0.4 * random()));
}

/** Sends one batch, with every retry, lookup and record. Never throws PhoneBurner errors (they end on the run). */
export async function executeBatch(db: Queryable, batchId: string, settings: PushSettings, opts: ExecuteOptions): Promise<BatchResult> {
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const log = opts.log ?? (() => {});

  const [acct] = await db.query<{ target_user_id: string; run_id: string; api_style: string; contact_count: number }>(
    `select r.target_user_id::text, r.id::text as run_id, r.api_style, b.contact_count
       from public.phoneburner_push_batches b join public.phoneburner_push_runs r on r.id = b.run_id
      where b.id = $1::uuid`, [batchId]);
  if (!acct) return { outcome: "done" };
  const targetUserId: string = acct.target_user_id;
  // a dial session is one request however long the list: wait as long as PhoneBurner needs to take it in
  const requestTimeoutMs = acct.api_style === "dialsession"
    ? dialSessionTimeoutMs(settings, Number(acct.contact_count))
    : settings.endpoints.timeoutMs;
  const sendNeedsMs = expectedSendMs(settings, acct.api_style, Number(acct.contact_count));
  const leaseTtl = Math.ceil((requestTimeoutMs + 30_000) / 1000);

  // one caller at a time per PhoneBurner account
  const waitUntil = Date.now() + settings.leaseWaitMs;
  for (;;) {
    const [{ got }] = await db.query<{ got: boolean }>(
      "select dialbridge.acquire_phoneburner_lease($1::uuid, $2, $3::integer) as got", [targetUserId, opts.holder, leaseTtl]);
    if (got) break;
    if (Date.now() >= waitUntil || (opts.deadline !== undefined && Date.now() + 1000 >= opts.deadline)) {
      if (opts.whenBusy === "throw") throw new AccountBusyError();
      await defer(db, batchId, new Date(), "Waiting for another push to this PhoneBurner account");
      return { outcome: "deferred", runId: acct.run_id };
    }
    await sleep(250 + Math.round(random() * 250));
  }
  const renew = () => db.query("select dialbridge.acquire_phoneburner_lease($1::uuid, $2, $3::integer)", [targetUserId, opts.holder, leaseTtl]);

  try {
    let token = await accessToken(db, targetUserId, settings, false);
    if (!token) {
      const summary = await fail(db, batchId, "The PhoneBurner account is not connected (no token); connect it in settings", "PB_NOT_CONNECTED");
      return { outcome: "failed", runId: acct.run_id, summary };
    }
    let refreshed = false;
    let validationRounds = 0;
    let knownSession: string | null = null; // seed contract: the session found by a lookup

    for (;;) {
      if (opts.deadline !== undefined && Date.now() + sendNeedsMs > opts.deadline) {
        await defer(db, batchId, new Date(), sendNeedsMs > settings.endpoints.timeoutMs
          ? `Continuing in the background: PhoneBurner needs about ${Math.round(sendNeedsMs / 1000)} s to take in ${acct.contact_count} contacts`
          : "Continuing in the background");
        return { outcome: "deferred", runId: acct.run_id };
      }
      const [{ claim }] = await db.query<{ claim: Claim }>("select dialbridge.claim_push_batch($1::uuid, $2) as claim", [batchId, opts.holder]);
      const c = claim;
      if (c.state === "done" || c.state === "blocked") return { outcome: c.state, runId: c.run_id };
      if (c.state === "empty") {
        const summary = await complete(db, batchId, { contacts: [] }, opts.summary);
        return { outcome: "succeeded", runId: c.run_id, summary, nextBatchId: summary.next_batch_id as string | null };
      }

      if (c.needs_lookup) {
        // the previous attempt may have created the session: never send again before looking
        const patient = c.last_error_code !== "PB_SERVER_ERROR";
        const found = await lookup(c, token, settings, sleep, random, patient ? settings.lookupPolls : 1, opts.deadline);
        if (found === "deferred") {
          await db.query("select dialbridge.record_push_batch_retry($1::uuid, $2::text::jsonb)", [batchId, JSON.stringify({
            message: "waiting for PhoneBurner to finish the previous attempt", code: c.last_error_code ?? "PB_TIMEOUT",
            retry_at: new Date().toISOString(), detail: "Checking with PhoneBurner whether the session was created",
          })]);
          await defer(db, batchId, new Date(), "Checking with PhoneBurner whether the session was created");
          return { outcome: "deferred", runId: c.run_id };
        }
        if (found === "unknown") {
          return {
            outcome: "failed", runId: c.run_id,
            summary: await fail(db, batchId,
              "PhoneBurner did not answer, and it could not be asked whether the dial session was created, so the " +
              "contacts were not sent again (a second session would double-dial). Check PhoneBurner, then push again.",
              "PB_UNCONFIRMED"),
          };
        }
        if (found) {
          if (c.api_style === "dialsession") {
            const summary = await complete(db, batchId,
              { phoneburner_session_id: found.sessionId, redirect_url: found.redirectUrl, contacts: [] }, opts.summary);
            log(`push run ${c.run_id}: batch ${c.batch_no} found by its key after ${c.last_error_code ?? "an interrupted attempt"}`);
            return { outcome: "succeeded", runId: c.run_id, summary, nextBatchId: summary.next_batch_id as string | null };
          }
          // seed contract: send again into that session; PhoneBurner matches the contacts already there
          knownSession = found.sessionId;
        }
      }

      try {
        const timeoutMs = opts.deadline !== undefined
          ? Math.max(1_000, Math.min(requestTimeoutMs, opts.deadline - Date.now() - 2_000))
          : requestTimeoutMs;
        const result = c.api_style === "dialsession"
          ? await sendDialSession(c, token, settings, timeoutMs)
          : await sendSeed(c, token, settings, knownSession);
        const summary = await complete(db, batchId, result, opts.summary);
        log(`push run ${c.run_id}: batch ${c.batch_no}/${c.batches_total} sent (attempt ${c.attempt})`);
        return { outcome: "succeeded", runId: c.run_id, summary, nextBatchId: summary.next_batch_id as string | null };
      } catch (e) {
        if (!(e instanceof PhoneBurnerError)) throw e;
        log(`push run ${c.run_id}: batch ${c.batch_no} attempt ${c.attempt}: ${e.code}`);

        if (e.kind === "validation" && e.contactErrors.length > 0 && validationRounds++ < 3) {
          const errors = e.contactErrors
            .filter((x) => x.index < c.contact_ids.length)
            .map((x) => ({ contact_id: c.contact_ids[x.index], field: x.field, error: x.error }));
          if (errors.length > 0) {
            await db.query("select dialbridge.record_push_contact_errors($1::uuid, $2::text::jsonb)", [batchId, JSON.stringify(errors)]);
            continue; // the others go again at once
          }
        }
        if (e.kind === "auth" && !refreshed) {
          refreshed = true;
          const fresh = await accessToken(db, targetUserId, settings, true);
          if (fresh && fresh !== token) {
            token = fresh;
            continue;
          }
        }
        if (!e.retryable) {
          const code = e.kind === "auth" ? "PB_AUTH" : e.code;
          const message = e.kind === "auth"
            ? "PhoneBurner refused the account's token; reconnect PhoneBurner in settings" : e.message;
          return { outcome: "failed", runId: c.run_id, summary: await fail(db, batchId, message, code) };
        }
        if (c.attempt >= settings.maxAttempts) {
          return {
            outcome: "failed", runId: c.run_id,
            summary: await fail(db, batchId, `${e.message} (gave up after ${c.attempt} attempts)`, e.code),
          };
        }

        let delay = e.retryAfterMs ?? backoffMs(c.attempt, settings.retryBaseMs, random);
        if (e.kind === "timeout" || e.kind === "network") delay = Math.max(delay, settings.lookupGraceMs);
        const retryAt = new Date(Date.now() + delay);
        const detail = e.kind === "rate_limited"
          ? `PhoneBurner asked us to slow down; retrying in ${Math.ceil(delay / 1000)} s (attempt ${c.attempt + 1} of ${settings.maxAttempts})`
          : `${e.message}; retrying in ${Math.ceil(delay / 1000)} s (attempt ${c.attempt + 1} of ${settings.maxAttempts})`;
        await db.query("select dialbridge.record_push_batch_retry($1::uuid, $2::text::jsonb)",
          [batchId, JSON.stringify({ message: e.message, code: e.code, retry_at: retryAt.toISOString(), detail })]);
        if (opts.deadline !== undefined && Date.now() + delay + settings.endpoints.timeoutMs > opts.deadline) {
          await defer(db, batchId, retryAt, detail);
          return { outcome: "deferred", runId: c.run_id };
        }
        await sleep(delay);
        await renew();
        // an ambiguous failure makes the next claim ask for a lookup (needs_lookup) before any resend
      }
    }
  } finally {
    await db.query("select dialbridge.release_phoneburner_lease($1::uuid, $2)", [targetUserId, opts.holder]).catch(() => {});
  }
}

async function complete(db: Queryable, batchId: string, result: Record<string, unknown>, withSummary = true) {
  const [{ summary }] = await db.query<{ summary: Record<string, unknown> }>(
    "select dialbridge.complete_push_batch($1::uuid, $2::text::jsonb, now(), $3::boolean) as summary",
    [batchId, JSON.stringify(result), withSummary]);
  return summary;
}

async function fail(db: Queryable, batchId: string, message: string, code: string) {
  const [{ summary }] = await db.query<{ summary: Record<string, unknown> }>(
    "select dialbridge.fail_push_batch($1::uuid, $2::text::jsonb) as summary", [batchId, JSON.stringify({ message, code })]);
  return summary;
}

async function defer(db: Queryable, batchId: string, at: Date, detail: string) {
  await db.query("select dialbridge.defer_push_batch($1::uuid, $2::timestamptz, $3)", [batchId, at.toISOString(), detail]);
}

/** The account's access token; refreshed first when it expires within a minute (or when forced). */
async function accessToken(db: Queryable, userId: string, settings: PushSettings, force: boolean): Promise<string | null> {
  const [cred] = await db.query<{ access_token: string; refresh_token: string | null; expires_at: string | Date | null }>(
    "select access_token, refresh_token, expires_at from dialbridge.phoneburner_credentials($1::uuid)", [userId]);
  if (!cred) return null;
  const expiring = cred.expires_at && new Date(cred.expires_at).getTime() < Date.now() + 60_000;
  if ((expiring || force) && cred.refresh_token && settings.oauthClient) {
    try {
      const t = await refreshAccessToken(settings.endpoints, cred.refresh_token, settings.oauthClient.id, settings.oauthClient.secret);
      await db.query("select dialbridge.store_phoneburner_token($1::uuid, $2, $3, $4::timestamptz)",
        [userId, t.accessToken, t.refreshToken, t.expiresAt?.toISOString() ?? null]);
      return t.accessToken;
    } catch {
      return expiring ? null : cred.access_token;
    }
  }
  if (expiring && !force) return cred.access_token; // no way to refresh: try it, PhoneBurner says if it is dead
  return cred.access_token;
}

async function sendDialSession(c: Claim, token: string, settings: PushSettings, timeoutMs: number) {
  if (!settings.functionsUrl || !settings.webhookToken) {
    throw new PhoneBurnerError("rejected",
      "Callbacks are not configured (PHONEBURNER_CALLBACK_BASE_URL or SUPABASE_URL, and PHONEBURNER_WEBHOOK_TOKENS): " +
      "calls in this session would never reach dialbridge", { code: "CONFIG_CALLBACKS" });
  }
  const r = await createDialSession(settings.endpoints, token, {
    name: c.session_name,
    contacts: c.contacts,
    custom_data: { request_id: c.request_key, source: "dialbridge", run_id: c.run_id },
    callbacks: dialSessionCallbacks(settings.functionsUrl, settings.webhookToken),
  }, timeoutMs);
  return { phoneburner_session_id: r.sessionId, redirect_url: r.redirectUrl, contacts: [] };
}

async function sendSeed(c: Claim, token: string, settings: PushSettings, knownSession: string | null) {
  const sessionId = knownSession ?? c.phoneburner_session_id;
  const r = await bulkContacts(settings.endpoints, token, {
    dial_session_id: sessionId,
    create_session_if_missing: true,
    session_config: { name: c.session_name, description: c.session_description },
    contacts: c.contacts,
    options: { skip_duplicates: c.skip_duplicates, update_existing: c.update_existing, duplicate_check_fields: ["phone", "email"] },
    custom_data: { request_id: c.request_key, run_id: c.run_id },
    ...(settings.functionsUrl ? { callback_url: seedCallbackUrl(settings.functionsUrl) } : {}),
  }, c.request_key);
  return {
    phoneburner_session_id: r.sessionId ?? sessionId,
    session_url: r.sessionUrl,
    contacts: r.contacts.map((x) => ({
      contact_id: c.contact_ids[x.index], status: x.status, phoneburner_contact_id: x.phoneburnerContactId,
      field: x.field ?? null, error: x.error ?? null,
    })),
  };
}

/**
 * The batch's session by its key: found, not there (null) after `polls` looks spaced by lookupGraceMs
 * (PhoneBurner may still be taking in the first attempt), "unknown" when PhoneBurner cannot be asked, or
 * "deferred" when the caller's deadline comes first.
 */
async function lookup(c: Claim, token: string, settings: PushSettings, sleep: (ms: number) => Promise<void>,
  random: () => number, polls: number, deadline?: number)
  : Promise<{ sessionId: string | null; redirectUrl: string | null } | null | "unknown" | "deferred"> {
  for (let poll = 1; poll <= polls; poll++) {
    let answered = false;
    for (let i = 1; i <= 3 && !answered; i++) {
      try {
        if (c.api_style === "dialsession") {
          const found = await findDialSession(settings.endpoints, token, c.request_key, new Date(Date.now() - 86_400_000));
          if (found) return found;
        } else {
          const s = await findSeedSession(settings.endpoints, token, c.request_key);
          if (s) return { sessionId: s.sessionId, redirectUrl: null };
        }
        answered = true;
      } catch (e) {
        if (!(e instanceof PhoneBurnerError) || !e.retryable) return "unknown";
        await sleep(e.retryAfterMs ?? backoffMs(i, settings.retryBaseMs, random));
      }
    }
    if (!answered) return "unknown";
    if (poll < polls) {
      if (deadline !== undefined && Date.now() + settings.lookupGraceMs + settings.endpoints.timeoutMs > deadline) return "deferred";
      await sleep(settings.lookupGraceMs);
    }
  }
  return null;
}
