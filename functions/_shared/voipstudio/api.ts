/**
 * VoIPStudio REST client (plain fetch: the edge functions and the worker share it). What VoIPStudio really
 * does (shared/docs/providers.md): base https://l7api.com/v1.2/voipstudio, auth `X-Auth-Token: <token>`
 * (a long-lived token from POST /apitokens) or Basic `user_id:api_key`;
 *
 *   POST /calls {to: "<E.164 digits, no +>", from: "<VoIPStudio user id>", caller_id?}
 *        201 {data: {id, state: "RINGING", …}} — rings the agent's softphone first, then bridges
 *        412 the agent's softphone is offline            → VoipStudioError kind "agent_offline"
 *        400 "No CLI prefix set"                          → retried once without caller_id
 *        429 / 5xx / network errors / timeouts            → retried with backoff (Retry-After honoured)
 *   GET  /calls/{id}  the live state of a call
 *
 * Messages never carry request or response bodies (numbers are personal data).
 */

export const DEFAULT_VOIPSTUDIO_API_BASE = "https://l7api.com/v1.2/voipstudio";

export interface VoipStudioEndpoints {
  base: string;
  timeoutMs: number;
  /** Attempts for retryable failures (429, 5xx, network, timeout). */
  attempts: number;
  /** First backoff; doubled each retry. */
  retryBaseMs: number;
  fetch?: typeof fetch;
}

/** VOIPSTUDIO_API_BASE, VOIPSTUDIO_TIMEOUT_MS, VOIPSTUDIO_RETRY_ATTEMPTS, VOIPSTUDIO_RETRY_BASE_MS. */
export function voipstudioEndpointsFromEnv(get: (name: string) => string | undefined): VoipStudioEndpoints {
  const num = (name: string, fallback: number) => {
    const raw = get(name);
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
    return Math.floor(n);
  };
  return {
    base: (get("VOIPSTUDIO_API_BASE") || DEFAULT_VOIPSTUDIO_API_BASE).replace(/\/+$/, ""),
    timeoutMs: num("VOIPSTUDIO_TIMEOUT_MS", 10_000),
    attempts: Math.max(1, num("VOIPSTUDIO_RETRY_ATTEMPTS", 3)),
    retryBaseMs: num("VOIPSTUDIO_RETRY_BASE_MS", 500),
  };
}

export type VoipStudioErrorKind = "agent_offline" | "auth" | "rejected" | "rate_limited" | "server" | "network" | "timeout";

export class VoipStudioError extends Error {
  constructor(readonly kind: VoipStudioErrorKind, readonly status: number | null, message: string) {
    super(message);
    this.name = "VoipStudioError";
  }
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "server" || this.kind === "network" || this.kind === "timeout";
  }
}

export interface VoipStudioAuth {
  /** X-Auth-Token (preferred) … */
  token?: string | null;
  /** … or Basic user_id:api_key. */
  userId?: string | null;
  apiKey?: string | null;
}

function authHeaders(auth: VoipStudioAuth): Record<string, string> {
  if (auth.token) return { "X-Auth-Token": auth.token };
  if (auth.userId && auth.apiKey) return { Authorization: `Basic ${btoa(`${auth.userId}:${auth.apiKey}`)}` };
  throw new VoipStudioError("auth", null, "No VoIPStudio credentials");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryAfter(res: Response): number | undefined {
  const h = res.headers.get("retry-after");
  if (!h) return undefined;
  const s = Number(h);
  if (Number.isFinite(s)) return Math.min(60_000, Math.max(0, s * 1000));
  const at = Date.parse(h);
  return Number.isFinite(at) ? Math.min(60_000, Math.max(0, at - Date.now())) : undefined;
}

async function readJson(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (!text) return {};
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" ? v as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

function messageOf(body: Record<string, unknown>): string {
  const m = body.message ?? body.error ?? (body.errors as unknown[] | undefined)?.[0];
  return typeof m === "string" ? m.slice(0, 200) : typeof m === "object" && m && "message" in m ? String((m as { message: unknown }).message).slice(0, 200) : "";
}

/** One request with a timeout; HTTP errors become VoipStudioErrors. */
async function request(ep: VoipStudioEndpoints, auth: VoipStudioAuth, method: string, path: string, body?: unknown):
  Promise<{ status: number; body: Record<string, unknown> }> {
  const f = ep.fetch ?? fetch;
  let res: Response;
  try {
    res = await f(`${ep.base}${path}`, {
      method,
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...authHeaders(auth) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(ep.timeoutMs),
    });
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === "TimeoutError" || name === "AbortError") throw new VoipStudioError("timeout", null, `VoIPStudio ${method} ${path.split("?")[0]} timed out`);
    throw new VoipStudioError("network", null, `VoIPStudio ${method} ${path.split("?")[0]} failed: ${(e as Error)?.message ?? e}`);
  }
  const parsed = await readJson(res);
  if (res.ok) return { status: res.status, body: parsed };
  const msg = messageOf(parsed);
  const err = res.status === 412 ? new VoipStudioError("agent_offline", 412, "The agent's softphone is offline")
    : res.status === 401 || res.status === 403 ? new VoipStudioError("auth", res.status, "VoIPStudio refused the credentials")
    : res.status === 429 ? new VoipStudioError("rate_limited", 429, "VoIPStudio rate limit")
    : res.status >= 500 ? new VoipStudioError("server", res.status, `VoIPStudio answered ${res.status}`)
    : new VoipStudioError("rejected", res.status, `VoIPStudio answered ${res.status}${msg ? `: ${msg}` : ""}`);
  (err as VoipStudioError & { retryAfterMs?: number }).retryAfterMs = retryAfter(res);
  throw err;
}

/** request() with retries for retryable errors: backoff base·2^n, or Retry-After when VoIPStudio sends it. */
async function withRetries<T>(ep: VoipStudioEndpoints, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof VoipStudioError) || !e.retryable || attempt >= ep.attempts) throw e;
      const wait = (e as VoipStudioError & { retryAfterMs?: number }).retryAfterMs ?? ep.retryBaseMs * 2 ** (attempt - 1);
      await sleep(wait);
    }
  }
}

/** E.164 (+12125551234) → VoIPStudio's digits (12125551234). */
export function voipstudioNumber(e164: string): string {
  return e164.replace(/\D/g, "");
}

export interface PlacedCall {
  id: string;
  state: string | null;
  /** Whether caller_id had to be dropped ("No CLI prefix set"). */
  droppedCallerId: boolean;
  data: Record<string, unknown>;
}

/**
 * Predictive mode's contact-first origination (the number rings first; when a person answers, the call queue
 * `from` bridges a free member to them, or plays `no_agent_message` after `no_agent_after_ms`). VoIPStudio's
 * documented click-to-call rings the agent first; this is the contract dialbridge needs from the telephony side
 * for predictive dialing (README "Predictive dialing"), which the local sandbox implements.
 */
export interface ContactFirst {
  /** Ring the number at least this long before giving up (47 CFR 64.1200(a)(6): at least 15 s). */
  ringTimeoutSeconds: number;
  /** The safe-harbor message (identification and opt-out) for a person no rep reached in time. */
  noAgentMessageUrl?: string | null;
  /** How long an answered person may wait for a rep (2,000 ms: the rule's 2 s). */
  noAgentAfterMs?: number;
}

/**
 * POST /calls. Click-to-call (no contactFirst): rings the agent (from = their VoIPStudio user id), then the
 * number. Predictive (contactFirst, from = the campaign's call queue): the number first, then a free rep.
 */
export async function placeCall(ep: VoipStudioEndpoints, auth: VoipStudioAuth,
  call: { to: string; from: string; callerId?: string | null; contactFirst?: ContactFirst }): Promise<PlacedCall> {
  const cf = call.contactFirst;
  const send = (withCallerId: boolean) => withRetries(ep, () => request(ep, auth, "POST", "/calls", {
    to: voipstudioNumber(call.to), from: call.from, ...(withCallerId && call.callerId ? { caller_id: voipstudioNumber(call.callerId) } : {}),
    ...(cf ? {
      dial_first: "to", ring_timeout: Math.max(15, Math.round(cf.ringTimeoutSeconds)), no_agent_after_ms: cf.noAgentAfterMs ?? 2000,
      ...(cf.noAgentMessageUrl ? { no_agent_message: cf.noAgentMessageUrl } : {}),
    } : {}),
  }));
  let dropped = false;
  let res: { status: number; body: Record<string, unknown> };
  try {
    res = await send(true);
  } catch (e) {
    if (e instanceof VoipStudioError && e.kind === "rejected" && e.status === 400 && /no cli prefix/i.test(e.message) && call.callerId) {
      dropped = true;
      res = await send(false);
    } else {
      throw e;
    }
  }
  const data = (res.body.data && typeof res.body.data === "object" ? res.body.data : res.body) as Record<string, unknown>;
  const id = data.id ?? data.call_id;
  if (typeof id !== "string" && typeof id !== "number") throw new VoipStudioError("server", res.status, "VoIPStudio answered without a call id");
  return { id: String(id), state: typeof data.state === "string" ? data.state : null, droppedCallerId: dropped, data };
}

/** The live state of a call (GET /calls/{id}); null when VoIPStudio no longer knows it. */
export async function getCall(ep: VoipStudioEndpoints, auth: VoipStudioAuth, id: string): Promise<Record<string, unknown> | null> {
  try {
    const res = await withRetries(ep, () => request(ep, auth, "GET", `/calls/${encodeURIComponent(id)}`));
    const data = res.body.data && typeof res.body.data === "object" ? res.body.data : res.body;
    return data as Record<string, unknown>;
  } catch (e) {
    if (e instanceof VoipStudioError && e.kind === "rejected" && e.status === 404) return null;
    throw e;
  }
}

export interface HistoryRecording {
  /** The call's root id (the call log's call_id). */
  callId: string;
  url: string;
  durationSeconds: number | null;
  recordingId: string | null;
  /** VoIPStudio's transcription of the recording, when the account transcribes calls. */
  transcription: string | null;
}

/**
 * Recordings in the call history since a moment (GET /cdrs, newest first). VoIPStudio's CDR fields are read
 * defensively: the call id from root_call_id / call_id / id, the recording from record / recording_url /
 * recording, the length from billsec / duration, a transcription from transcription / transcript.
 */
export async function listRecordings(ep: VoipStudioEndpoints, auth: VoipStudioAuth, since: Date): Promise<HistoryRecording[]> {
  const filter = encodeURIComponent(JSON.stringify([{ property: "calldate", operator: "gt", value: since.toISOString() }]));
  const res = await withRetries(ep, () => request(ep, auth, "GET", `/cdrs?filter=${filter}&limit=500&sort=calldate&dir=desc`));
  const rows = Array.isArray(res.body.data) ? res.body.data as Record<string, unknown>[] : [];
  const out: HistoryRecording[] = [];
  for (const r of rows) {
    const id = r.root_call_id ?? r.call_id ?? r.id;
    const rec = r.record ?? r.recording_url ?? r.recording;
    if ((typeof id !== "string" && typeof id !== "number") || typeof rec !== "string" || !/^https?:\/\//.test(rec)) continue;
    const d = Number(r.billsec ?? r.duration);
    const text = r.transcription ?? r.transcript;
    out.push({ callId: String(id), url: rec, durationSeconds: Number.isFinite(d) ? Math.round(d) : null,
      recordingId: typeof r.recording_id === "string" ? r.recording_id : null,
      transcription: typeof text === "string" && text.trim() !== "" ? text : null });
  }
  return out;
}
