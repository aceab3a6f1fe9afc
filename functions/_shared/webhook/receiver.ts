/**
 * The webhook receiver every provider shares: one HTTP request in, at most one stored event out.
 *
 *   raw body (≤ 1 MiB) → adapter.authenticate → parse (JSON or form, unwrap {body}) → adapter.resolve
 *   (event type, header identity, envelope checks) → ONE SQL call (dialbridge.receive_webhook_event: inbox
 *   row + queued processing, one transaction) → 200 {status: "accepted" | "duplicate", event_id}
 *
 * Answers: 401 bad or missing credentials, 400 a body that is not JSON/form, nests deeper than 64 levels
 * or is an event the adapter refuses, 413 over 1 MiB or over 50,000 keys and elements (each counted per
 * minute in the provider's rejections, the body never stored), 400 outside_time_window for a signed event
 * whose own time is too old or ahead (the replay window, dialbridge.check_event_time), 503 with Retry-After when the database cannot take the event (the sender retries; storing is
 * idempotent), 405 for other methods. Logs carry type, identity, status and timing only — never payload
 * contents. Log level: <PROVIDER>_WEBHOOK_LOG=all (default) | errors | off.
 *
 * A provider is an adapter (see docs/architecture.md): how its requests authenticate, what event type a
 * request names, which header carries an identity. Parsing, the size cap, the answers, rejections,
 * storing and logging are here, once.
 */
import type postgres from "postgres";
import { json, preflight } from "../http.ts";
import { type JsonObject, MAX_BODY_BYTES, parseBody, readBodyCapped } from "./body.ts";
import {
  type AuthMethod, errorCode, isOutsideTimeWindow, isPayloadRejected, receiveEvent, recordRejection, type RejectionReason,
} from "./store.ts";

export type { AuthMethod, RejectionReason };

export interface Verified {
  method: AuthMethod;
  /** The signature header as received (audit), or null. */
  signatureHeader: string | null;
}

export type AuthResult = ({ ok: true } & Verified) | { ok: false; reason: RejectionReason; message: string };

export interface ResolvedEvent {
  type: string;
  /** Where the type came from (logged). */
  source: string;
  /** An identity the sender put in a header, if any (the adapter's SQL identity function decides). */
  headerEventId: string | null;
}

export interface Refusal {
  status: 400 | 401;
  reason: RejectionReason;
  message: string;
}

export interface WebhookAdapter {
  /** The provider's name in dialbridge.webhook_providers. */
  provider: string;
  /** The edge function's name (logs). */
  functionName: string;
  /** The database client the function stores through. */
  db(): postgres.Sql;
  /** The event type a request names before its body is trusted (rejections are counted under it). */
  typeHint(url: URL, headers: Headers): string | null;
  /** Authenticates a request by its raw body, headers and URL. */
  authenticate(request: { headers: Headers; url: URL; body: Uint8Array<ArrayBuffer> }): Promise<AuthResult>;
  /** The parsed event's type and header identity, or why it is refused. */
  resolve(event: { payload: JsonObject; url: URL; headers: Headers; auth: Verified }): ResolvedEvent | Refusal;
}

/** The sender's address as Supabase's gateway reports it; null unless it is a well-formed IP. */
export function clientIp(headers: Headers): string | null {
  const raw = headers.get("x-forwarded-for")?.split(",")[0] ?? headers.get("x-real-ip") ?? headers.get("cf-connecting-ip");
  const ip = raw?.trim();
  if (!ip) return null;
  if (/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(ip)) return ip;
  if (ip.includes(":") && /^[0-9a-fA-F:.]+$/.test(ip)) {
    try {
      new URL(`http://[${ip}]/`);
      return ip;
    } catch { /* not an IPv6 address */ }
  }
  return null;
}

/** An identity header: trimmed, null when absent; a refusal when longer than 255 characters. */
export function headerIdentity(headers: Headers, name: string): string | null | Refusal {
  const value = headers.get(name)?.trim() || null;
  if (value !== null && value.length > 255) {
    return { status: 400, reason: "invalid_envelope", message: `Invalid event: ${name} must be at most 255 characters` };
  }
  return value;
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === "object" && x !== null && "reason" in x && "status" in x;
}

/** The request handler for a provider's webhook (what its edge function's index.ts serves). */
export function createWebhookHandler(adapter: WebhookAdapter): (req: Request) => Promise<Response> {
  const logEnv = `${adapter.provider.toUpperCase()}_WEBHOOK_LOG`;

  function log(status: number, fields: Record<string, unknown>, started: number) {
    const level = (Deno.env.get(logEnv) ?? "all").toLowerCase();
    if (level === "off" || (level === "errors" && status < 500)) return;
    const line = JSON.stringify({ fn: adapter.functionName, status, ...fields, ms: Math.round((performance.now() - started) * 10) / 10 });
    if (status >= 500) console.error(line);
    else console.log(line);
  }

  return async function handler(req: Request): Promise<Response> {
    const started = performance.now();
    const pre = preflight(req);
    if (pre) return pre;
    if (req.method !== "POST") return json({ error: "Method not allowed: POST an event" }, 405, { Allow: "POST, OPTIONS" });

    const url = new URL(req.url);
    const headers = req.headers;
    const ip = clientIp(headers);
    const hint = adapter.typeHint(url, headers);

    const reject = async (status: number, reason: RejectionReason, error: string, size: number | null) => {
      try {
        await recordRejection(adapter.db(), adapter.provider, reason, hint, ip, size);
      } catch (e) {
        log(500, { result: "rejection_not_counted", reason, db_error: errorCode(e) }, started);
      }
      log(status, { result: "rejected", reason, event_type: hint }, started);
      return json({ error }, status);
    };

    const read = await readBodyCapped(req, MAX_BODY_BYTES);
    if (!read.ok) return await reject(413, "too_large", "Payload too large: the limit is 1 MiB", read.size);
    const body = read.bytes;

    const auth = await adapter.authenticate({ headers, url, body });
    if (!auth.ok) return await reject(401, auth.reason, auth.message, body.byteLength);

    const parsed = await parseBody(body, headers.get("content-type"));
    if (!parsed.ok) {
      // too deep: 400 (never a 5xx: it would only be retried); too many members: 413, like a body over the cap
      return await reject(parsed.status ?? 400, parsed.status === 413 ? "too_large" : "malformed_body", parsed.error, body.byteLength);
    }

    const resolved = adapter.resolve({ payload: parsed.payload, url, headers, auth });
    if (isRefusal(resolved)) return await reject(resolved.status, resolved.reason, resolved.message, body.byteLength);

    try {
      const stored = await receiveEvent(adapter.db(), adapter.provider, {
        eventType: resolved.type,
        payloadText: parsed.payloadText,
        headerEventId: resolved.headerEventId,
        payloadSize: body.byteLength,
        authMethod: auth.method,
        signatureHeader: auth.signatureHeader,
        ip,
        userAgent: headers.get("user-agent"),
        envelope: parsed.envelope,
      });
      log(200, { result: stored.status, event_type: resolved.type, type_from: resolved.source, event_id: stored.eventId, auth: auth.method }, started);
      return json({ status: stored.status, event_id: stored.eventId }, 200);
    } catch (e) {
      if (isOutsideTimeWindow(e)) {
        return await reject(400, "outside_time_window",
          "Event refused: its own time is outside the accepted window of signed deliveries (too old, or ahead of now)", body.byteLength);
      }
      if (isPayloadRejected(e)) {
        return await reject(400, "invalid_envelope", "Invalid event: the database refused the payload", body.byteLength);
      }
      log(503, { result: "not_stored", event_type: resolved.type, db_error: errorCode(e) }, started);
      return json({ error: "The event could not be stored right now; retry later" }, 503, { "Retry-After": "5" });
    }
  };
}
