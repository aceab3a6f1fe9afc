/**
 * PhoneBurner API client, shared by the push function (Deno) and the worker (Node): plain fetch, no
 * runtime-specific imports. Speaks both contracts (../../docs and shared/docs/providers.md):
 *
 *   real PhoneBurner   POST {rest}/dialsession  (inline contacts, callbacks, custom_data.request_id)
 *                      GET  {rest}/dialsession?date_start&date_end   (lookup by custom_data.request_id)
 *                      GET  {rest}/contacts?updated_from&include_new=1&page_size=100&page=N
 *                      POST {oauth}/refreshtoken
 *   seed contract      POST {seed}/contacts/bulk  (dial_session_id / create_session_if_missing, options)
 *                      GET  {seed}/dial_sessions?request_id=…
 *
 * Every failure becomes a PhoneBurnerError with a kind the executor's retry policy understands. Errors
 * inside an HTTP 200 (`{"status": "error", "http_status": 429, …}` or the seed's `{"success": false}`)
 * are errors. Messages never contain request or response bodies (they carry personal data).
 */

export type ApiStyle = "dialsession" | "seed";

export interface PhoneBurnerEndpoints {
  /** https://www.phoneburner.com/rest/1 */
  restBase: string;
  /** The seed contract's base, https://www.phoneburner.com/v2 */
  seedBase: string;
  /** https://www.phoneburner.com/oauth */
  oauthBase: string;
  /** Per request; PhoneBurner takes 25–45 s for a 500-contact dial session. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export const DEFAULT_REST_BASE = "https://www.phoneburner.com/rest/1";

/** Endpoints from PHONEBURNER_API_BASE, PHONEBURNER_SEED_API_BASE, PHONEBURNER_OAUTH_BASE, PHONEBURNER_TIMEOUT_MS. */
export function endpointsFromEnv(get: (name: string) => string | undefined): PhoneBurnerEndpoints {
  const restBase = (get("PHONEBURNER_API_BASE") || DEFAULT_REST_BASE).replace(/\/+$/, "");
  const origin = new URL(restBase).origin;
  return {
    restBase,
    seedBase: (get("PHONEBURNER_SEED_API_BASE") || `${origin}/v2`).replace(/\/+$/, ""),
    oauthBase: (get("PHONEBURNER_OAUTH_BASE") || `${origin}/oauth`).replace(/\/+$/, ""),
    timeoutMs: positiveInt(get("PHONEBURNER_TIMEOUT_MS"), 60_000, "PHONEBURNER_TIMEOUT_MS"),
  };
}

export function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return Math.floor(n);
}

// ---------------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------------

export type ErrorKind = "rate_limited" | "timeout" | "network" | "server" | "auth" | "validation" | "rejected";

export interface ContactError {
  /** Position of the contact in the request's contacts array. */
  index: number;
  field: string | null;
  error: string;
}

export class PhoneBurnerError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly opts: { status?: number; code?: string; retryAfterMs?: number; contactErrors?: ContactError[] } = {},
  ) {
    super(message);
    this.name = "PhoneBurnerError";
  }
  get status() { return this.opts.status; }
  get retryAfterMs() { return this.opts.retryAfterMs; }
  get contactErrors() { return this.opts.contactErrors ?? []; }
  /** Machine-readable code recorded on the run. */
  get code(): string {
    return this.opts.code ?? {
      rate_limited: "PB_RATE_LIMITED", timeout: "PB_TIMEOUT", network: "PB_NETWORK", server: "PB_SERVER_ERROR",
      auth: "PB_AUTH", validation: "PB_VALIDATION", rejected: "PB_REJECTED",
    }[this.kind];
  }
  /** Worth trying again later. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "timeout" || this.kind === "network" || this.kind === "server";
  }
  /** PhoneBurner may have done the work although we got no answer: look before trying again. */
  get ambiguous(): boolean {
    return this.kind === "timeout" || this.kind === "network" || this.kind === "server";
  }
}

/** Retry-After (seconds or an HTTP date) or a body's retry_after_seconds, in ms; undefined when absent. */
export function retryAfterMs(header: string | null, body: unknown, now = Date.now()): number | undefined {
  if (header) {
    const s = Number(header.trim());
    if (Number.isFinite(s) && s >= 0) return Math.round(s * 1000);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const b = body as Record<string, unknown> | null;
  const fromBody = b && typeof b === "object" ? (b.retry_after_seconds ?? b.retry_after) : undefined;
  if (typeof fromBody === "number" && fromBody >= 0) return Math.round(fromBody * 1000);
  if (typeof fromBody === "string" && Number.isFinite(Number(fromBody))) return Math.round(Number(fromBody) * 1000);
  return undefined;
}

/** Per-contact errors from either contract: [{contact_index | index, field, error | message}]. */
function contactErrorsOf(body: unknown): ContactError[] {
  const b = body as Record<string, unknown> | null;
  const list = b && typeof b === "object" ? (b.errors ?? (b.dialsessions as Record<string, unknown> | undefined)?.errors) : undefined;
  if (!Array.isArray(list)) return [];
  const out: ContactError[] = [];
  for (const e of list) {
    if (!e || typeof e !== "object") continue;
    const r = e as Record<string, unknown>;
    const index = Number(r.contact_index ?? r.index);
    if (!Number.isInteger(index) || index < 0) continue;
    out.push({
      index,
      field: typeof r.field === "string" ? r.field : null,
      error: String(r.error ?? r.message ?? "rejected").slice(0, 300),
    });
  }
  return out;
}

interface Reply {
  status: number;
  body: Record<string, unknown> | null;
}

/** One HTTP call with the timeout; classifies every failure (including errors inside a 200). */
async function call(ep: PhoneBurnerEndpoints, method: string, url: string, token: string, body?: unknown,
  extraHeaders: Record<string, string> = {}, timeoutMs: number = ep.timeoutMs): Promise<Reply> {
  const doFetch = ep.fetch ?? fetch;
  let res: Response;
  let text: string;
  try {
    res = await doFetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body !== undefined
          ? { "Content-Type": body instanceof URLSearchParams ? "application/x-www-form-urlencoded" : "application/json" } : {}),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : body instanceof URLSearchParams ? body.toString() : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    const name = e instanceof Error ? e.name : "";
    if (name === "TimeoutError" || name === "AbortError") {
      throw new PhoneBurnerError("timeout", `PhoneBurner did not answer within ${Math.round(timeoutMs / 1000)} s`);
    }
    throw new PhoneBurnerError("network", `could not reach PhoneBurner (${e instanceof Error ? e.message : String(e)})`);
  }
  let json: Record<string, unknown> | null = null;
  if (text.trim() !== "") {
    try {
      const parsed = JSON.parse(text);
      json = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : null;
    } catch {
      json = null;
    }
  }
  // the status that counts: the envelope's, when PhoneBurner wraps an error in a 2xx
  const envelopeStatus = json && typeof json.http_status === "number" ? json.http_status : undefined;
  const envelopeError = json !== null && (
    (typeof json.status === "string" && json.status !== "success" && json.success !== true) || json.success === false);
  let status = res.status;
  if (res.ok && envelopeError) status = envelopeStatus && envelopeStatus >= 400 ? envelopeStatus : 400;
  const errCode = json && typeof json.error === "string" ? json.error : undefined;
  if (res.ok && !envelopeError) {
    if (json === null) throw new PhoneBurnerError("server", `PhoneBurner answered ${res.status} without a JSON body`, { status: res.status });
    return { status, body: json };
  }
  const message = describe(json, status);
  if (status === 429 || errCode === "RATE_LIMIT_EXCEEDED") {
    throw new PhoneBurnerError("rate_limited", message, {
      status: 429, retryAfterMs: retryAfterMs(res.headers.get("retry-after"), json),
    });
  }
  if (status === 401 || status === 403) throw new PhoneBurnerError("auth", message, { status });
  if (status >= 500 || status === 408) {
    throw new PhoneBurnerError("server", message, { status, retryAfterMs: retryAfterMs(res.headers.get("retry-after"), json) });
  }
  const contactErrors = contactErrorsOf(json);
  if (contactErrors.length > 0) throw new PhoneBurnerError("validation", message, { status, contactErrors });
  throw new PhoneBurnerError("rejected", message, { status, code: errCode ? `PB_${errCode.toUpperCase()}`.slice(0, 60) : undefined });
}

/** PhoneBurner's own error words (status, error code, message), never the request. */
function describe(json: Record<string, unknown> | null, status: number): string {
  const parts: string[] = [];
  for (const k of ["message", "error", "error_description", "description"]) {
    const v = json?.[k];
    if (typeof v === "string" && v.trim()) parts.push(v.trim());
  }
  const text = [...new Set(parts)].join(": ").slice(0, 300);
  return `PhoneBurner API error ${status}${text ? `: ${text}` : ""}`;
}

// ---------------------------------------------------------------------------------------------------
// dial sessions (real PhoneBurner)
// ---------------------------------------------------------------------------------------------------

export interface DialSessionResult {
  sessionId: string | null;
  redirectUrl: string | null;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : typeof v === "number" ? String(v) : null;
}

function sessionFrom(obj: unknown): DialSessionResult {
  const o = (obj ?? {}) as Record<string, unknown>;
  return {
    sessionId: str(o.id) ?? str(o.dialsession_id) ?? str(o.ds_id),
    redirectUrl: str(o.redirect_url) ?? str(o.launch_url),
  };
}

/**
 * POST /dialsession: creates the session with its contacts; answers the rep's one-time sign-in link.
 * PhoneBurner takes a list in slowly (25–45 s per 500 contacts): a long list gets a longer timeoutMs.
 */
export async function createDialSession(ep: PhoneBurnerEndpoints, token: string, payload: unknown,
  timeoutMs: number = ep.timeoutMs): Promise<DialSessionResult> {
  const r = await call(ep, "POST", `${ep.restBase}/dialsession`, token, payload, {}, timeoutMs);
  const ds = r.body?.dialsessions ?? r.body?.dialsession ?? r.body;
  const out = sessionFrom(Array.isArray(ds) ? ds[0] : ds);
  if (!out.redirectUrl) throw new PhoneBurnerError("server", "PhoneBurner created no dial session (no redirect_url in its answer)");
  return out;
}

/** The dial sessions of a date range (GET /dialsession?date_start&date_end), each with its custom_data when returned. */
export async function listDialSessions(ep: PhoneBurnerEndpoints, token: string, from: Date, to: Date): Promise<Record<string, unknown>[]> {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const out: Record<string, unknown>[] = [];
  for (let page = 1; page <= 20; page++) {
    const r = await call(ep, "GET", `${ep.restBase}/dialsession?date_start=${day(from)}&date_end=${day(to)}&page_size=100&page=${page}`, token);
    const box = (r.body?.dialsessions ?? r.body) as Record<string, unknown> | unknown[];
    const items = Array.isArray(box) ? box : Array.isArray((box as Record<string, unknown>)?.dialsessions)
      ? (box as Record<string, unknown>).dialsessions as unknown[] : [];
    for (const i of items) if (i && typeof i === "object") out.push(i as Record<string, unknown>);
    const totalPages = Number((box as Record<string, unknown>)?.total_pages ?? 1);
    if (!Number.isFinite(totalPages) || page >= totalPages || items.length === 0) break;
  }
  return out;
}

/** The dial session a request created, found by custom_data.request_id (after a timeout, before any retry). */
export async function findDialSession(ep: PhoneBurnerEndpoints, token: string, requestKey: string, since: Date): Promise<DialSessionResult | null> {
  const items = await listDialSessions(ep, token, new Date(since.getTime() - 86_400_000), new Date(Date.now() + 86_400_000));
  for (const i of items) {
    const cd = i.custom_data as Record<string, unknown> | undefined;
    if (cd && typeof cd === "object" && cd.request_id === requestKey) return sessionFrom(i);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// bulk contacts (seed contract)
// ---------------------------------------------------------------------------------------------------

export interface SeedContactResult {
  index: number;
  status: "added" | "updated" | "failed";
  phoneburnerContactId: string | null;
  field?: string | null;
  error?: string;
}

export interface SeedBulkResult {
  sessionId: string | null;
  sessionUrl: string | null;
  contacts: SeedContactResult[];
}

/** POST /v2/contacts/bulk: adds (or updates) contacts in a session, creating it when asked. */
export async function bulkContacts(ep: PhoneBurnerEndpoints, token: string, payload: { contacts: unknown[] } & Record<string, unknown>,
  requestKey: string): Promise<SeedBulkResult> {
  const r = await call(ep, "POST", `${ep.seedBase}/contacts/bulk`, token, payload, { "Idempotency-Key": requestKey });
  const b = r.body ?? {};
  const failed = new Map(contactErrorsOf(b).map((e) => [e.index, e]));
  const mappings = new Map<number, Record<string, unknown>>();
  if (Array.isArray(b.contact_mappings)) {
    b.contact_mappings.forEach((m, i) => {
      if (m && typeof m === "object") {
        const mm = m as Record<string, unknown>;
        mappings.set(Number.isInteger(mm.contact_index) ? Number(mm.contact_index) : i, mm);
      }
    });
  }
  const contacts: SeedContactResult[] = payload.contacts.map((_, index) => {
    const err = failed.get(index);
    if (err) return { index, status: "failed", phoneburnerContactId: null, field: err.field, error: err.error };
    const m = mappings.get(index);
    const s = String(m?.status ?? "added");
    return {
      index,
      status: s === "updated" || s === "skipped_duplicate" || s === "duplicate" ? "updated" : "added",
      phoneburnerContactId: str(m?.phoneburner_contact_id) ?? str(m?.contact_id) ?? str(m?.id),
    };
  });
  return { sessionId: str(b.dial_session_id), sessionUrl: str(b.dial_session_url), contacts };
}

/** The session a seed-contract request created, by its idempotency key. */
export async function findSeedSession(ep: PhoneBurnerEndpoints, token: string, requestKey: string): Promise<SeedBulkResult | null> {
  const r = await call(ep, "GET", `${ep.seedBase}/dial_sessions?request_id=${encodeURIComponent(requestKey)}`, token);
  const list = r.body?.dial_sessions;
  if (!Array.isArray(list) || list.length === 0) return null;
  const s = list[0] as Record<string, unknown>;
  return { sessionId: str(s.id) ?? str(s.dial_session_id), sessionUrl: str(s.url) ?? str(s.dial_session_url), contacts: [] };
}

/** The seed contract's sessions of the account (GET /v2/dial_sessions), with their call counts. */
export async function listSeedSessions(ep: PhoneBurnerEndpoints, token: string): Promise<Record<string, unknown>[]> {
  const r = await call(ep, "GET", `${ep.seedBase}/dial_sessions`, token);
  const list = r.body?.dial_sessions;
  return Array.isArray(list) ? list.filter((i): i is Record<string, unknown> => !!i && typeof i === "object") : [];
}

// ---------------------------------------------------------------------------------------------------
// contacts changed in PhoneBurner (reconciliation)
// ---------------------------------------------------------------------------------------------------

/** "YYYY-MM-DD HH:ii:ss" in the account's time zone (PhoneBurner's zone-less format for updated_from). */
export function phoneburnerTime(d: Date, timeZone = "America/New_York"): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

/** One page (≤ 100) of contacts changed since a time, new ones included. */
export async function listUpdatedContacts(ep: PhoneBurnerEndpoints, token: string, since: Date, page: number,
  timeZone = "America/New_York"): Promise<{ contacts: Record<string, unknown>[]; totalPages: number }> {
  const url = `${ep.restBase}/contacts?updated_from=${encodeURIComponent(phoneburnerTime(since, timeZone))}&include_new=1&page_size=100&page=${page}`;
  const r = await call(ep, "GET", url, token);
  const box = (r.body?.contacts ?? {}) as Record<string, unknown> | unknown[];
  const items = Array.isArray(box) ? box : Array.isArray((box as Record<string, unknown>).contacts)
    ? (box as Record<string, unknown>).contacts as unknown[] : [];
  const totalPages = Array.isArray(box) ? 1 : Number((box as Record<string, unknown>).total_pages ?? 1);
  return {
    contacts: items.filter((i): i is Record<string, unknown> => !!i && typeof i === "object"),
    totalPages: Number.isFinite(totalPages) && totalPages > 0 ? totalPages : 1,
  };
}

/**
 * The form body PhoneBurner's contact endpoints read (they lose fields sent as JSON): plain fields as
 * name=value, additional phones as additional_phone[i], custom fields as custom_fields[i][name|value|type].
 */
export function contactForm(fields: Record<string, string | null | undefined>,
  customFields: { name: string; value: string }[] = [], additionalPhones: string[] = []): URLSearchParams {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) form.append(k, v);
  additionalPhones.forEach((p, i) => form.append(`additional_phone[${i}]`, p));
  customFields.forEach((f, i) => {
    form.append(`custom_fields[${i}][name]`, f.name);
    form.append(`custom_fields[${i}][value]`, f.value);
    form.append(`custom_fields[${i}][type]`, "1");
  });
  return form;
}

/** GET /contacts/{id}: one contact as PhoneBurner holds it now (404: not there). */
export async function getContact(ep: PhoneBurnerEndpoints, token: string, contactId: string): Promise<Record<string, unknown>> {
  const r = await call(ep, "GET", `${ep.restBase}/contacts/${encodeURIComponent(contactId)}`, token);
  const box = (r.body?.contacts ?? r.body?.contact ?? {}) as Record<string, unknown> | unknown[];
  const list = Array.isArray(box) ? box : Array.isArray((box as Record<string, unknown>).contacts)
    ? (box as Record<string, unknown>).contacts as unknown[] : [box];
  const c = list[0];
  if (!c || typeof c !== "object") throw new PhoneBurnerError("server", "PhoneBurner answered no contact");
  return c as Record<string, unknown>;
}

/** PUT /contacts/{id} (form-encoded): changes the given fields of a PhoneBurner contact. */
export async function updateContact(ep: PhoneBurnerEndpoints, token: string, contactId: string, form: URLSearchParams): Promise<void> {
  await call(ep, "PUT", `${ep.restBase}/contacts/${encodeURIComponent(contactId)}`, token, form);
}

/**
 * DELETE /contacts/{id}: PhoneBurner moves the contact to its trash (GET /contacts lists trashed ones only with
 * include_trashed=1), so no dial session of the account calls it again. A contact already gone (404) is
 * reported as false, not as an error.
 */
export async function trashContact(ep: PhoneBurnerEndpoints, token: string, contactId: string): Promise<boolean> {
  try {
    await call(ep, "DELETE", `${ep.restBase}/contacts/${encodeURIComponent(contactId)}`, token);
    return true;
  } catch (e) {
    if (e instanceof PhoneBurnerError && e.status === 404) return false;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------
// OAuth
// ---------------------------------------------------------------------------------------------------

export interface TokenPair {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

/** POST /oauth/refreshtoken (form-encoded). */
export async function refreshAccessToken(ep: PhoneBurnerEndpoints, refreshToken: string, clientId: string,
  clientSecret: string): Promise<TokenPair> {
  const doFetch = ep.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`${ep.oauthBase}/refreshtoken`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret }),
      signal: AbortSignal.timeout(Math.min(ep.timeoutMs, 30_000)),
    });
  } catch (e) {
    throw new PhoneBurnerError("network", `could not refresh the PhoneBurner token (${e instanceof Error ? e.name : "error"})`);
  }
  const json = await res.json().catch(() => null) as Record<string, unknown> | null;
  if (!res.ok || !json || typeof json.access_token !== "string") {
    throw new PhoneBurnerError(res.status >= 500 ? "server" : "auth", `PhoneBurner refused to refresh the token (${res.status})`,
      { status: res.status });
  }
  const expiresIn = Number(json.expires_in);
  return {
    accessToken: json.access_token,
    refreshToken: typeof json.refresh_token === "string" ? json.refresh_token : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// callbacks: the one place that says where PhoneBurner sends a dial session's events
// ---------------------------------------------------------------------------------------------------

export const DIAL_SESSION_CALLBACK_TYPES = ["api_contact_displayed", "api_callbegin", "api_calldone"] as const;

/**
 * The callbacks registered with every dial session: `<functions URL>/phoneburner-webhook?token=<first
 * token of PHONEBURNER_WEBHOOK_TOKENS>&type=<callback type>` (real callbacks are unsigned; the URL token
 * authenticates them).
 */
export function dialSessionCallbacks(functionsUrl: string, token: string) {
  const base = functionsUrl.replace(/\/+$/, "");
  return DIAL_SESSION_CALLBACK_TYPES.map((type) => ({
    callback_type: type,
    callback: `${base}/phoneburner-webhook?token=${encodeURIComponent(token)}&type=${type}`,
  }));
}

/** The seed contract's callback_url: its events are signed (X-Phoneburner-Signature), no URL token. */
export function seedCallbackUrl(functionsUrl: string): string {
  return `${functionsUrl.replace(/\/+$/, "")}/phoneburner-webhook`;
}
