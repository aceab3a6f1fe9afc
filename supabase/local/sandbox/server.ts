/**
 * The PhoneBurner sandbox's HTTP side: a local server that answers like PhoneBurner for both API styles
 * (shared/docs/providers.md), with the behaviours a push must survive:
 *
 *   token check          Bearer tokens (a fixed list, or any token in dev mode except "invalid…"/"expired…")
 *   per-contact errors   a contact without a dialable number or a name is rejected with its index and field
 *                        (real style: the whole dial session is refused, inside an HTTP 200 envelope;
 *                        seed style: partial success with errors[])
 *   duplicate matching   one PhoneBurner contact per (crm_id, crm_name) / sourceco_contact_id / phone per
 *                        account; pushing it again updates it
 *   slow intake          intakeMsPerContact per contact (PhoneBurner: 25–45 s for 500); the work completes
 *                        even when the client gave up waiting (so a retry must look before sending again)
 *   rate limits          more than rateLimitPerMinute requests or maxInFlight at once per token → 429 with
 *                        Retry-After (real) / retry_after_seconds (seed)
 *   faults on demand     POST /__sandbox/faults: slow the next N writes past the client's timeout, answer
 *                        429 / 500 / an error envelope inside HTTP 200 to the next N
 *   lookups              GET /rest/1/dialsession?date_start&date_end (custom_data.request_id returned),
 *                        GET /v2/dial_sessions?request_id=…, GET /rest/1/contacts?updated_from=…
 *
 * Control API (tests, demo): GET /__sandbox/state, /__sandbox/requests, POST /__sandbox/faults,
 * /__sandbox/tokens, /__sandbox/reset, /__sandbox/contacts/<id> (edit a contact "in PhoneBurner"),
 * /__sandbox/dial (play a session's calls: ./dialer.ts). Logs hold methods, paths, statuses and counts,
 * never contact data.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface SandboxMember {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  username: string;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Accepted tokens and the PhoneBurner member each belongs to. */
  tokens?: Record<string, Partial<SandboxMember>>;
  /** Dev mode: any bearer token is a member of its own (except tokens starting "invalid" or "expired"). */
  acceptAnyToken?: boolean;
  /** Intake time per contact of a write (real PhoneBurner: ~50–90 ms). */
  intakeMsPerContact?: number;
  /** Fixed latency of every request. */
  baseLatencyMs?: number;
  /** Contacts one POST /rest/1/dialsession may carry. PhoneBurner publishes no maximum (dialbridge sends at
   *  most 2,500): the sandbox refuses only beyond 10,000, the most one push can hold. */
  maxContactsPerSession?: number;
  /** Contacts one seed-contract POST /v2/contacts/bulk may carry (seed 001: 500 per batch). */
  maxContactsPerBulkRequest?: number;
  rateLimitPerMinute?: number;
  maxInFlightPerToken?: number;
  retryAfterSeconds?: number;
  /** Answer the new session's id in POST /dialsession (real PhoneBurner answers only the redirect_url). */
  returnSessionId?: boolean;
  /** HMAC secret for seed-style events the dialer sends. */
  webhookSecret?: string;
  log?: (line: string) => void;
  /**
   * What POST /__sandbox/dial does: plays the calls of the sessions (sandbox/dialer.ts, passed in by
   * phoneburner-sandbox.ts so that the server does not import the dialer, which imports the server).
   */
  dial?: (sandbox: RunningSandbox, request: any) => Promise<unknown>;
}

export interface SandboxContact {
  id: string;
  ownerUserId: string;
  crmKeys: string[];
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  company: string | null;
  title: string | null;
  address1: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  custom_fields: Record<string, string>;
  additional_phones?: string[];
  /** DELETE /contacts/{id}: in the trash, dialled by no session. */
  trashed?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SandboxSession {
  id: string;
  style: "dialsession" | "seed";
  ownerUserId: string;
  name: string;
  description: string | null;
  customData: Record<string, unknown>;
  requestKey: string | null;
  callbacks: { callback_type: string; callback: string }[];
  callbackUrl: string | null;
  contactIds: string[];
  createdAt: Date;
  callsMade: number;
  redirectKey: string;
}

export interface Faults {
  slow: { count: number; delayMs: number };
  rateLimit: { count: number; retryAfterSeconds: number };
  serverError: { count: number };
  envelopeError: { count: number; httpStatus: number };
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  status: number;
  contacts?: number;
  sessionId?: string;
  requestKey?: string;
  fault?: string;
}

export interface SandboxState {
  members: Map<string, SandboxMember>;
  tokens: Map<string, string>;
  contacts: Map<string, SandboxContact>;
  /** "<owner>|<crm_name>:<crm_id>" and "<owner>|tel:<E.164>" → contact id (duplicate matching in O(1)). */
  contactIndex: Map<string, string>;
  sessions: Map<string, SandboxSession>;
  faults: Faults;
  requests: RequestLogEntry[];
  nextId: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  server: Server;
  state: SandboxState;
  options: Required<Omit<SandboxOptions, "tokens" | "port" | "host" | "log" | "webhookSecret" | "dial">> & { webhookSecret: string | null };
  stop(): Promise<void>;
}

export const SANDBOX_DEFAULTS = {
  acceptAnyToken: false,
  intakeMsPerContact: 50,
  baseLatencyMs: 100,
  maxContactsPerSession: 10_000,
  maxContactsPerBulkRequest: 500,
  rateLimitPerMinute: 120,
  maxInFlightPerToken: 5,
  retryAfterSeconds: 2,
  returnSessionId: false,
};

function emptyFaults(): Faults {
  return {
    slow: { count: 0, delayMs: 0 },
    rateLimit: { count: 0, retryAfterSeconds: 1 },
    serverError: { count: 0 },
    envelopeError: { count: 0, httpStatus: 503 },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** "YYYY-MM-DD HH:MM:SS" in America/New_York, PhoneBurner's zone-less format. */
export function pbTime(d: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

/** Reads PhoneBurner's zone-less "YYYY-MM-DD HH:MM:SS" as America/New_York time. */
export function parsePbTime(s: string): number {
  const asUtc = Date.parse(s.trim().replace(" ", "T") + "Z");
  if (Number.isNaN(asUtc)) return NaN;
  // the New York offset at that moment (two passes settle DST edges)
  let t = asUtc;
  for (let i = 0; i < 2; i++) t = asUtc - (Date.parse(pbTime(new Date(t)).replace(" ", "T") + "Z") - t);
  return t;
}

/** A national-format number the way PhoneBurner shows it ("2125550123" for +12125550123). */
export function pbPhone(e164: string | null): string | null {
  if (!e164) return null;
  return e164.startsWith("+1") ? e164.slice(2) : e164.replace(/^\+/, "");
}

function digitsOf(phone: unknown): string | null {
  if (typeof phone !== "string") return null;
  const d = phone.replace(/[^\d+]/g, "");
  return /^\+?[1-9]\d{7,14}$/.test(d) ? (d.startsWith("+") ? d : d.length === 10 ? `+1${d}` : `+${d}`) : null;
}

/** Starts the sandbox server. */
export async function startSandboxServer(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const options = {
    ...SANDBOX_DEFAULTS,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    webhookSecret: opts.webhookSecret ?? null,
  } as RunningSandbox["options"];
  const log = opts.log ?? (() => {});
  const state: SandboxState = {
    members: new Map(), tokens: new Map(), contacts: new Map(), contactIndex: new Map(), sessions: new Map(), faults: emptyFaults(),
    requests: [], nextId: 4_455_000 + Math.floor(Math.random() * 1000) * 1000,
  };
  for (const [token, m] of Object.entries(opts.tokens ?? {})) addToken(state, token, m);

  const inFlight = new Map<string, number>();
  const recent = new Map<string, number[]>();
  let baseUrl = "";

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const entry: RequestLogEntry = { at: new Date().toISOString(), method: req.method ?? "GET", path: url.pathname, status: 0 };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      if (!url.pathname.startsWith("/__sandbox")) {
        state.requests.push(entry);
        if (state.requests.length > 5000) state.requests.splice(0, state.requests.length - 5000);
      }
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/html" : "application/json", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    try {
      const raw = await readBody(req);
      if (url.pathname.startsWith("/__sandbox/")) return await control(url, req.method ?? "GET", raw, send);
      if (url.pathname === "/health") return send(200, { status: "ok" });
      if (url.pathname === "/index/sso_key_login") {
        const s = [...state.sessions.values()].find((x) => x.redirectKey === url.searchParams.get("key"));
        return send(s ? 200 : 404, s
          ? `<!doctype html><title>PhoneBurner sandbox</title><h1>Dial session ${escapeHtml(s.name)}</h1><p>${s.contactIds.length} contacts. This is the dialbridge PhoneBurner sandbox: nobody is called.</p>`
          : "<!doctype html><title>PhoneBurner sandbox</title><p>Unknown or used sign-in link.</p>");
      }
      if (url.pathname === "/oauth/refreshtoken" && req.method === "POST") {
        const form = new URLSearchParams(raw);
        const refresh = form.get("refresh_token") ?? "";
        if (!refresh || refresh.startsWith("invalid")) return send(400, { error: "invalid_grant" });
        const token = `sandbox_${randomBytes(12).toString("hex")}`;
        addToken(state, token, { userId: refresh.replace(/^refresh_/, "") || undefined });
        return send(200, { access_token: token, refresh_token: `refresh_${randomBytes(8).toString("hex")}`, expires_in: 3600, token_type: "bearer" });
      }

      const isSeed = url.pathname.startsWith("/v2/");
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const member = token ? memberFor(state, token, options.acceptAnyToken) : undefined;
      if (!member) {
        return send(401, isSeed ? { success: false, error: "UNAUTHORIZED", message: "Invalid or expired token" }
          : { http_status: 401, status: "error", message: "Invalid or expired access token" });
      }

      // rate limits: per token, requests per minute and requests in flight
      const now = Date.now();
      const times = (recent.get(token!) ?? []).filter((t) => now - t < 60_000);
      recent.set(token!, times);
      const busy = inFlight.get(token!) ?? 0;
      if (times.length >= options.rateLimitPerMinute || busy >= options.maxInFlightPerToken) {
        entry.fault = "rate_limit";
        return send(429, rateLimitBody(isSeed, options.retryAfterSeconds), { "Retry-After": String(options.retryAfterSeconds) });
      }
      times.push(now);
      inFlight.set(token!, busy + 1);
      try {
        await sleep(options.baseLatencyMs);
        const isWrite = req.method === "POST" && (url.pathname === "/rest/1/dialsession" || url.pathname === "/v2/contacts/bulk");
        if (isWrite) {
          const f = state.faults;
          if (f.rateLimit.count > 0) {
            f.rateLimit.count--;
            entry.fault = "rate_limit";
            return send(429, rateLimitBody(isSeed, f.rateLimit.retryAfterSeconds), { "Retry-After": String(f.rateLimit.retryAfterSeconds) });
          }
          if (f.serverError.count > 0) {
            f.serverError.count--;
            entry.fault = "server_error";
            return send(500, isSeed ? { success: false, error: "INTERNAL_ERROR", message: "Internal server error" }
              : { http_status: 500, status: "error", message: "Internal server error" });
          }
          if (f.envelopeError.count > 0) {
            f.envelopeError.count--;
            entry.fault = "envelope_error";
            return send(200, isSeed ? { success: false, error: "TEMPORARILY_UNAVAILABLE", message: "Service temporarily unavailable" }
              : { http_status: f.envelopeError.httpStatus, status: "error", message: "Service temporarily unavailable" });
          }
        }
        const body = raw ? safeJson(raw) : null;
        if (req.method === "POST" && url.pathname === "/rest/1/dialsession") return await createDialSession(member, body, entry, send);
        if (req.method === "GET" && url.pathname === "/rest/1/dialsession") return listDialSessions(member, url, send);
        if (req.method === "GET" && url.pathname === "/rest/1/contacts") return listContacts(member, url, send);
        if (req.method === "GET" && /^\/rest\/1\/contacts\/[^/]+$/.test(url.pathname)) {
          const c = state.contacts.get(decodeURIComponent(url.pathname.split("/").pop()!));
          if (!c || c.ownerUserId !== member.userId) return send(404, { http_status: 404, status: "error", message: "Contact not found" });
          return send(200, { http_status: 200, status: "success", contacts: { contacts: [contactJson(c)] } });
        }
        if ((req.method === "PUT" || req.method === "DELETE") && /^\/rest\/1\/contacts\/[^/]+$/.test(url.pathname)) {
          const c = state.contacts.get(decodeURIComponent(url.pathname.split("/").pop()!));
          if (!c || c.ownerUserId !== member.userId || c.trashed) {
            return send(404, { http_status: 404, status: "error", message: "Contact not found" });
          }
          entry.contacts = 1;
          if (req.method === "DELETE") {
            // to the trash: out of every dial session of the account
            c.trashed = true;
            c.updatedAt = new Date();
            for (const s of state.sessions.values()) s.contactIds = s.contactIds.filter((id) => id !== c.id);
            return send(200, { http_status: 200, status: "success", contacts: { contacts: [contactJson(c)] } });
          }
          // PhoneBurner's contact endpoints read form fields; a JSON body loses them (nothing changes)
          const type = String(req.headers["content-type"] ?? "");
          if (type.includes("application/x-www-form-urlencoded")) applyContactForm(c, new URLSearchParams(raw));
          return send(200, { http_status: 200, status: "success", contacts: { contacts: [contactJson(c)] } });
        }
        if (req.method === "POST" && url.pathname === "/v2/contacts/bulk") {
          return await bulkContacts(member, body, req.headers["idempotency-key"] as string | undefined, entry, send);
        }
        if (req.method === "GET" && url.pathname === "/v2/dial_sessions") {
          const key = url.searchParams.get("request_id");
          const list = [...state.sessions.values()].filter((s) => s.ownerUserId === member.userId && s.style === "seed"
            && (!key || s.requestKey === key));
          return send(200, { success: true, dial_sessions: list.map((s) => seedSessionJson(s)) });
        }
        return send(404, isSeed ? { success: false, error: "NOT_FOUND" } : { http_status: 404, status: "error", message: "Not found" });
      } finally {
        inFlight.set(token!, (inFlight.get(token!) ?? 1) - 1);
      }
    } catch (e) {
      log(`[sandbox] error on ${url.pathname}: ${e instanceof Error ? e.message : e}`);
      send(500, { http_status: 500, status: "error", message: "sandbox error" });
    }
  });

  // -------------------------------------------------------------------------------------------------
  // real PhoneBurner: dial sessions
  // -------------------------------------------------------------------------------------------------
  async function createDialSession(member: SandboxMember, body: unknown, entry: RequestLogEntry,
    send: (s: number, b: unknown, h?: Record<string, string>) => void) {
    const b = (body ?? {}) as Record<string, unknown>;
    const contacts = Array.isArray(b.contacts) ? b.contacts as Record<string, unknown>[] : null;
    if (!contacts || contacts.length === 0) return send(400, { http_status: 400, status: "error", message: "contacts are required" });
    entry.contacts = contacts.length;
    const customData = (b.custom_data && typeof b.custom_data === "object" ? b.custom_data : {}) as Record<string, unknown>;
    entry.requestKey = typeof customData.request_id === "string" ? customData.request_id : undefined;
    if (contacts.length > options.maxContactsPerSession) {
      return send(200, { http_status: 400, status: "error", message: `A dial session holds at most ${options.maxContactsPerSession} contacts` });
    }
    const errors = contacts.flatMap((c, index) => validateContact(c, index, "dialsession"));
    if (errors.length > 0) {
      entry.fault = "validation";
      return send(200, { http_status: 400, status: "error", message: "Some contacts are invalid", errors });
    }
    await intake(contacts.length);
    const session: SandboxSession = {
      id: String(state.nextId++), style: "dialsession", ownerUserId: member.userId,
      name: typeof b.name === "string" && b.name.trim() ? b.name.trim() : `Dial session ${new Date().toISOString().slice(0, 10)}`,
      description: null, customData, requestKey: entry.requestKey ?? null,
      callbacks: Array.isArray(b.callbacks) ? (b.callbacks as { callback_type: string; callback: string }[])
        .filter((x) => x && typeof x.callback === "string" && typeof x.callback_type === "string") : [],
      callbackUrl: null, contactIds: [], createdAt: new Date(), callsMade: 0, redirectKey: randomBytes(16).toString("hex"),
    };
    for (const c of contacts) session.contactIds.push(upsertContact(member, c, "dialsession").contact.id);
    state.sessions.set(session.id, session);
    entry.sessionId = session.id;
    log(`[sandbox] dial session ${session.id}: ${session.contactIds.length} contacts`);
    return send(201, {
      http_status: 201, status: "success",
      dialsessions: {
        redirect_url: `${baseUrl}/index/sso_key_login?key=${session.redirectKey}`,
        ...(options.returnSessionId ? { id: session.id } : {}),
      },
    });
  }

  function listDialSessions(member: SandboxMember, url: URL, send: (s: number, b: unknown) => void) {
    const from = url.searchParams.get("date_start");
    const to = url.searchParams.get("date_end");
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const size = Math.min(100, Math.max(1, Number(url.searchParams.get("page_size") ?? 25)));
    const all = [...state.sessions.values()].filter((s) => s.ownerUserId === member.userId && s.style === "dialsession")
      .filter((s) => {
        const day = s.createdAt.toISOString().slice(0, 10);
        return (!from || day >= from) && (!to || day <= to);
      });
    return send(200, {
      http_status: 200, status: "success",
      dialsessions: {
        page, page_size: size, total_results: all.length, total_pages: Math.max(1, Math.ceil(all.length / size)),
        dialsessions: all.slice((page - 1) * size, page * size).map((s) => ({
          id: s.id, name: s.name, date_created: pbTime(s.createdAt), custom_data: s.customData,
          contact_count: s.contactIds.length, total_calls: s.callsMade,
        })),
      },
    });
  }

  function listContacts(member: SandboxMember, url: URL, send: (s: number, b: unknown) => void) {
    const fromRaw = url.searchParams.get("updated_from");
    const from = fromRaw ? parsePbTime(fromRaw) : 0;
    if (Number.isNaN(from)) return send(400, { http_status: 400, status: "error", message: "updated_from must be YYYY-MM-DD HH:ii:ss" });
    const includeNew = url.searchParams.get("include_new") === "1";
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const size = Math.min(100, Math.max(1, Number(url.searchParams.get("page_size") ?? 25)));
    const trashed = url.searchParams.get("include_trashed") === "1";
    const all = [...state.contacts.values()]
      .filter((c) => (trashed || !c.trashed) && c.ownerUserId === member.userId && c.updatedAt.getTime() >= from
        && (includeNew || c.createdAt.getTime() < from || c.updatedAt.getTime() !== c.createdAt.getTime()))
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id));
    return send(200, {
      http_status: 200, status: "success",
      contacts: {
        page, page_size: size, total_results: all.length, total_pages: Math.max(1, Math.ceil(all.length / size)),
        contacts: all.slice((page - 1) * size, page * size).map(contactJson),
      },
    });
  }

  // -------------------------------------------------------------------------------------------------
  // seed contract: bulk contacts
  // -------------------------------------------------------------------------------------------------
  async function bulkContacts(member: SandboxMember, body: unknown, idempotencyKey: string | undefined,
    entry: RequestLogEntry, send: (s: number, b: unknown) => void) {
    const b = (body ?? {}) as Record<string, unknown>;
    const contacts = Array.isArray(b.contacts) ? b.contacts as Record<string, unknown>[] : null;
    if (!contacts || contacts.length === 0) return send(400, { success: false, error: "VALIDATION_ERROR", message: "contacts are required" });
    if (contacts.length > options.maxContactsPerBulkRequest) {
      return send(400, { success: false, error: "VALIDATION_ERROR", message: `At most ${options.maxContactsPerBulkRequest} contacts per request` });
    }
    entry.contacts = contacts.length;
    const customData = (b.custom_data && typeof b.custom_data === "object" ? b.custom_data : {}) as Record<string, unknown>;
    const key = idempotencyKey ?? (typeof customData.request_id === "string" ? customData.request_id : null);
    entry.requestKey = key ?? undefined;
    const started = Date.now();
    let session = typeof b.dial_session_id === "string" ? state.sessions.get(b.dial_session_id) : undefined;
    if (session && session.ownerUserId !== member.userId) session = undefined;
    if (!session && typeof b.dial_session_id === "string" && b.create_session_if_missing !== true) {
      return send(404, { success: false, error: "SESSION_NOT_FOUND", message: "Dial session not found" });
    }
    await intake(contacts.length);
    if (!session) {
      // the idempotency key finds a session this key already created
      session = key ? [...state.sessions.values()].find((s) => s.requestKey === key && s.ownerUserId === member.userId) : undefined;
    }
    if (!session) {
      const cfg = (b.session_config ?? {}) as Record<string, unknown>;
      session = {
        id: `pb_session_${state.nextId++}`, style: "seed", ownerUserId: member.userId,
        name: typeof cfg.name === "string" && cfg.name.trim() ? cfg.name.trim() : typeof b.session_name === "string" ? b.session_name : "Dial session",
        description: typeof cfg.description === "string" ? cfg.description : null, customData, requestKey: key,
        callbacks: [], callbackUrl: typeof b.callback_url === "string" ? b.callback_url : null, contactIds: [],
        createdAt: new Date(), callsMade: 0, redirectKey: randomBytes(16).toString("hex"),
      };
      state.sessions.set(session.id, session);
    }
    entry.sessionId = session.id;
    const opt = (b.options ?? {}) as Record<string, unknown>;
    const updateExisting = opt.update_existing !== false;
    const skipDuplicates = opt.skip_duplicates !== false;
    const errors: Record<string, unknown>[] = [];
    const mappings: Record<string, unknown>[] = [];
    let added = 0, updated = 0, skipped = 0;
    const members = new Set(session.contactIds);
    contacts.forEach((c, index) => {
      const errs = validateContact(c, index, "seed");
      if (errs.length) {
        errors.push(...errs.map((e) => ({ contact_index: e.index, field: e.field, error: e.message, value: e.field === "phone" ? "(redacted)" : null })));
        return;
      }
      const { contact, existed } = upsertContact(member, c, "seed", existed0 => updateExisting || !existed0);
      const inSession = members.has(contact.id);
      if (!inSession) {
        session!.contactIds.push(contact.id);
        members.add(contact.id);
      }
      const sourcecoId = ((c.custom_fields ?? {}) as Record<string, unknown>).sourceco_contact_id ?? null;
      let status: string;
      if (inSession && skipDuplicates && !updateExisting) { status = "skipped_duplicate"; skipped++; }
      else if (existed || inSession) { status = "updated"; updated++; }
      else { status = "added"; added++; }
      mappings.push({ contact_index: index, sourceco_contact_id: sourcecoId, phoneburner_contact_id: contact.id, status });
    });
    return send(200, {
      success: true, dial_session_id: session.id, dial_session_url: `${baseUrl}/index/sso_key_login?key=${session.redirectKey}`,
      contacts_processed: contacts.length, contacts_added: added, contacts_updated: updated, contacts_failed: errors.length,
      contacts_skipped_duplicates: skipped, processing_time_ms: Date.now() - started, errors, contact_mappings: mappings,
    });
  }

  // -------------------------------------------------------------------------------------------------
  // contacts and helpers
  // -------------------------------------------------------------------------------------------------
  function validateContact(c: Record<string, unknown>, index: number, style: "dialsession" | "seed") {
    const errs: { index: number; field: string; message: string }[] = [];
    if (!c || typeof c !== "object") return [{ index, field: "contact", message: "Contact must be an object" }];
    if (!digitsOf(c.phone)) errs.push({ index, field: "phone", message: "Invalid phone number format" });
    if (!(typeof c.first_name === "string" && c.first_name.trim()) && !(typeof c.last_name === "string" && c.last_name.trim())) {
      errs.push({ index, field: "first_name", message: "A first or last name is required" });
    }
    if (style === "dialsession") {
      const crm = c.external_crm_data;
      if (crm !== undefined && (!Array.isArray(crm) || crm.length !== 1)) {
        errs.push({ index, field: "external_crm_data", message: "Exactly one external_crm_data entry is allowed" });
      }
    } else {
      const cf = (c.custom_fields ?? {}) as Record<string, unknown>;
      if (!cf.sourceco_contact_id) errs.push({ index, field: "custom_fields.sourceco_contact_id", message: "Missing required custom field" });
    }
    return errs;
  }

  function upsertContact(member: SandboxMember, c: Record<string, unknown>, style: "dialsession" | "seed",
    mayUpdate: (existed: boolean) => boolean = () => true): { contact: SandboxContact; existed: boolean } {
    const crmKeys: string[] = [];
    if (style === "dialsession" && Array.isArray(c.external_crm_data)) {
      for (const x of c.external_crm_data as Record<string, unknown>[]) crmKeys.push(`${x.crm_name}:${x.crm_id}`);
    }
    const cf: Record<string, string> = {};
    if (Array.isArray(c.custom_fields)) {
      for (const f of c.custom_fields as Record<string, unknown>[]) if (f && typeof f.name === "string") cf[f.name] = String(f.value ?? "");
    } else if (c.custom_fields && typeof c.custom_fields === "object") {
      for (const [k, v] of Object.entries(c.custom_fields)) if (v !== null && v !== undefined) cf[k] = String(v);
    }
    if (style === "seed" && cf.sourceco_contact_id) crmKeys.push(`sourceco:${cf.sourceco_contact_id}`);
    const phone = digitsOf(c.phone);
    const lookup = (key: string) => {
      const id = state.contactIndex.get(`${member.userId}|${key}`);
      return id ? state.contacts.get(id) : undefined;
    };
    let existing = crmKeys.map(lookup).find(Boolean);
    if (!existing && crmKeys.length === 0 && phone) existing = lookup(`tel:${phone}`);
    const now = new Date();
    const fields = {
      first_name: str(c.first_name), last_name: str(c.last_name), phone, email: str(c.email), company: str(c.company),
      title: str(c.title), address1: str(c.address1) ?? str(c.address), city: str(c.city), state: str(c.state), zip: str(c.zip),
    };
    const index = (x: SandboxContact) => {
      for (const k of x.crmKeys) state.contactIndex.set(`${member.userId}|${k}`, x.id);
      if (x.phone) state.contactIndex.set(`${member.userId}|tel:${x.phone}`, x.id);
    };
    if (existing) {
      if (mayUpdate(true)) Object.assign(existing, fields, { custom_fields: { ...existing.custom_fields, ...cf }, updatedAt: now });
      for (const k of crmKeys) if (!existing.crmKeys.includes(k)) existing.crmKeys.push(k);
      index(existing);
      return { contact: existing, existed: true };
    }
    const contact: SandboxContact = {
      id: style === "seed" ? `pb_contact_${state.nextId++}` : String(55_000_000 + state.nextId++),
      ownerUserId: member.userId, crmKeys, ...fields, custom_fields: cf, createdAt: now, updatedAt: now,
    };
    state.contacts.set(contact.id, contact);
    index(contact);
    return { contact, existed: false };
  }

  async function intake(n: number) {
    const f = state.faults;
    let delay = options.intakeMsPerContact * n;
    if (f.slow.count > 0) {
      f.slow.count--;
      delay += f.slow.delayMs;
    }
    if (delay > 0) await sleep(delay);
  }

  // -------------------------------------------------------------------------------------------------
  // control API
  // -------------------------------------------------------------------------------------------------
  async function control(url: URL, method: string, raw: string, send: (s: number, b: unknown) => void) {
    const body = (raw ? safeJson(raw) : {}) as Record<string, unknown>;
    const path = url.pathname.replace(/^\/__sandbox/, "");
    if (method === "GET" && path === "/state") {
      return send(200, {
        members: [...state.members.values()],
        sessions: [...state.sessions.values()].map((s) => ({
          id: s.id, style: s.style, owner_user_id: s.ownerUserId, name: s.name, request_key: s.requestKey,
          contact_ids: s.contactIds, calls_made: s.callsMade, created_at: s.createdAt.toISOString(),
          custom_data: s.customData, callbacks: s.callbacks.length, callback_url: s.callbackUrl !== null,
        })),
        contacts: [...state.contacts.values()].map((c) => ({
          id: c.id, owner_user_id: c.ownerUserId, crm_keys: c.crmKeys, phone: c.phone,
          first_name: c.first_name, last_name: c.last_name, email: c.email, company: c.company, title: c.title,
          address1: c.address1, city: c.city, state: c.state, zip: c.zip,
          additional_phones: c.additional_phones ?? [], trashed: c.trashed === true,
          custom_fields: c.custom_fields, updated_at: c.updatedAt.toISOString(),
        })),
      });
    }
    if (method === "GET" && path === "/requests") return send(200, { requests: state.requests });
    if (method === "POST" && path === "/reset") {
      state.contacts.clear();
      state.contactIndex.clear();
      state.sessions.clear();
      state.requests.length = 0;
      state.faults = emptyFaults();
      return send(200, { ok: true });
    }
    if (method === "POST" && path === "/faults") {
      const f = state.faults;
      const n = (v: unknown, d: number) => (typeof v === "number" && v >= 0 ? v : d);
      const slow = body.slow as Record<string, unknown> | undefined;
      const rl = body.rate_limit as Record<string, unknown> | undefined;
      const se = body.server_error as Record<string, unknown> | undefined;
      const ee = body.envelope_error as Record<string, unknown> | undefined;
      if (slow) f.slow = { count: n(slow.count, 1), delayMs: n(slow.delay_ms, 5000) };
      if (rl) f.rateLimit = { count: n(rl.count, 1), retryAfterSeconds: n(rl.retry_after_seconds, 1) };
      if (se) f.serverError = { count: n(se.count, 1) };
      if (ee) f.envelopeError = { count: n(ee.count, 1), httpStatus: n(ee.http_status, 503) };
      return send(200, { faults: f });
    }
    if (method === "POST" && path === "/options") {
      for (const k of ["intakeMsPerContact", "baseLatencyMs", "rateLimitPerMinute", "maxInFlightPerToken", "retryAfterSeconds"] as const) {
        if (typeof body[k] === "number") (options as Record<string, unknown>)[k] = body[k];
      }
      if (typeof body.returnSessionId === "boolean") options.returnSessionId = body.returnSessionId;
      return send(200, { options });
    }
    if (method === "POST" && path === "/tokens") {
      if (typeof body.token !== "string" || !body.token) return send(400, { error: "token is required" });
      const m = addToken(state, body.token, {
        userId: body.user_id !== undefined ? String(body.user_id) : undefined,
        firstName: str(body.first_name) ?? undefined, lastName: str(body.last_name) ?? undefined, email: str(body.email) ?? undefined,
      });
      return send(200, { member: m });
    }
    const edit = /^\/contacts\/([^/]+)$/.exec(path);
    if (method === "POST" && edit) {
      const c = state.contacts.get(decodeURIComponent(edit[1]));
      if (!c) return send(404, { error: "no such contact" });
      for (const k of ["first_name", "last_name", "email", "company", "title", "address1", "city", "state", "zip"] as const) {
        if (k in body) c[k] = str(body[k]);
      }
      if ("phone" in body) {
        c.phone = digitsOf(body.phone) ?? str(body.phone);
        if (c.phone) state.contactIndex.set(`${c.ownerUserId}|tel:${c.phone}`, c.id);
      }
      c.updatedAt = typeof body.updated_at === "string" ? new Date(body.updated_at) : new Date();
      return send(200, { contact: contactJson(c) });
    }
    if (method === "POST" && path === "/dial") {
      if (!opts.dial) return send(501, { error: "this sandbox was started without a dialer" });
      return send(200, await opts.dial(running, body));
    }
    return send(404, { error: "unknown control endpoint" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  const running: RunningSandbox = {
    url: baseUrl, port, server, state, options,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
  return running;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch]!));
}

function rateLimitBody(seed: boolean, retryAfter: number) {
  return seed
    ? { success: false, error: "RATE_LIMIT_EXCEEDED", message: `API rate limit exceeded. Retry after ${retryAfter} seconds.`, retry_after_seconds: retryAfter }
    : { http_status: 429, status: "error", message: "Too many requests", retry_after_seconds: retryAfter };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 20 * 1024 * 1024) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function addToken(state: SandboxState, token: string, m: Partial<SandboxMember>): SandboxMember {
  const userId = m.userId ?? String(1_200_000 + state.members.size + 1);
  const member: SandboxMember = state.members.get(userId) ?? {
    userId,
    firstName: m.firstName ?? "Sandbox",
    lastName: m.lastName ?? `Rep ${userId}`,
    email: m.email ?? `rep${userId}@sandbox.example`,
    username: (m.email ?? `rep${userId}`).split("@")[0],
  };
  if (m.firstName) member.firstName = m.firstName;
  if (m.lastName) member.lastName = m.lastName;
  if (m.email) member.email = m.email;
  state.members.set(userId, member);
  state.tokens.set(token, userId);
  return member;
}

function memberFor(state: SandboxState, token: string, acceptAny: boolean): SandboxMember | undefined {
  if (/^(invalid|expired)/i.test(token)) return undefined;
  const id = state.tokens.get(token);
  if (id) return state.members.get(id);
  if (!acceptAny) return undefined;
  return addToken(state, token, {});
}

/** PUT /contacts/{id}'s form fields onto a contact (first_name, …, additional_phone[i], custom_fields[i][name|value]). */
function applyContactForm(c: SandboxContact, form: URLSearchParams) {
  const plain = ["first_name", "last_name", "email", "phone", "company", "title", "address1", "city", "state", "zip"] as const;
  let changed = false;
  for (const k of plain) {
    const v = form.get(k);
    if (v !== null) { (c as unknown as Record<string, string | null>)[k] = v === "" ? null : v; changed = true; }
  }
  const extra: string[] = [];
  const custom = new Map<string, { name?: string; value?: string }>();
  for (const [k, v] of form) {
    const phone = /^additional_phone\[(\d+)\]$/.exec(k);
    if (phone) extra[Number(phone[1])] = v;
    const cf = /^custom_fields\[(\d+)\]\[(name|value)\]$/.exec(k);
    if (cf) {
      const f = custom.get(cf[1]) ?? {};
      f[cf[2] as "name" | "value"] = v;
      custom.set(cf[1], f);
    }
  }
  if (extra.length) { c.additional_phones = extra.filter(Boolean); changed = true; }
  for (const f of custom.values()) if (f.name) { c.custom_fields[f.name] = f.value ?? ""; changed = true; }
  if (changed) c.updatedAt = new Date();
}

/** A contact as PhoneBurner lists it (GET /contacts). */
export function contactJson(c: SandboxContact) {
  return {
    user_id: c.id, contact_user_id: c.id,
    first_name: c.first_name, last_name: c.last_name,
    phone: pbPhone(c.phone), primary_phone: c.phone ? { phone: pbPhone(c.phone), raw_phone: pbPhone(c.phone) } : null,
    primary_email: c.email, emails: c.email ? [c.email] : [],
    company: c.company, title: c.title, address1: c.address1, city: c.city, state: c.state, zip: c.zip,
    additional_phone: (c.additional_phones ?? []).map((p) => ({ phone: pbPhone(p), raw_phone: pbPhone(p) })),
    date_added: pbTime(c.createdAt), date_modified: pbTime(c.updatedAt),
    custom_fields: Object.entries(c.custom_fields).map(([name, value]) => ({ name, value, type: 1 })),
    external_crm_data: c.crmKeys.map((k) => ({ crm_name: k.split(":")[0], crm_id: k.slice(k.indexOf(":") + 1) })),
  };
}

function seedSessionJson(s: SandboxSession) {
  return {
    id: s.id, name: s.name, description: s.description, created_at: s.createdAt.toISOString(),
    contact_count: s.contactIds.length, total_calls: s.callsMade, request_id: s.requestKey, custom_data: s.customData,
  };
}
