/**
 * POST /functions/v1/phoneburner-webhook — every PhoneBurner event, stored durably before it is
 * acknowledged.
 *
 *   raw body (≤ 1 MiB) → authenticate → parse (JSON or form, unwrap {body}) → zod envelope → event type
 *   → ONE SQL call (dialbridge.receive_phoneburner_event: log row + queued processing, one transaction)
 *   → 200 {status: "accepted" | "duplicate", event_id}
 *
 * Authentication (secrets may be rotated: every listed value is valid at once):
 *   X-Phoneburner-Signature  hex HMAC-SHA256 of the raw body, `sha256=` optional  PHONEBURNER_WEBHOOK_SECRETS
 *   X-PB-Signature           same, for softphone_call_done                       PHONEBURNER_WEBHOOK_SECRETS
 *   ?token=                  real dial-session callbacks (PhoneBurner does not     PHONEBURNER_WEBHOOK_TOKENS
 *                            sign them); never accepted for seed-contract events
 * A request carrying a signature header is judged by its signature alone.
 *
 * Answers: 401 bad or missing signature/token, 400 not JSON/form or a bad envelope, 413 over 1 MiB (each
 * counted in phoneburner_webhook_rejections, the body never stored), 503 when the database cannot take
 * the event (the sender retries; storing is idempotent). Logs carry type, identity, status and timing
 * only — never payload contents. PHONEBURNER_WEBHOOK_LOG=all (default) | errors | off.
 */
import { json, preflight } from "../_shared/http.ts";
import { webhookDb as db } from "./db.ts";
import { HmacVerifier, parseList, TokenVerifier } from "../_shared/signature.ts";
import { MAX_BODY_BYTES, parseBody, readBodyCapped } from "./body.ts";
import { CALLBACK_EVENT_TYPES, describeIssues, envelopeSchema, resolveEventType, SEED_EVENT_TYPES, typeHint } from "./event.ts";
import {
  type AuthMethod, errorCode, isPayloadRejected, receiveEvent, recordRejection, type RejectionReason,
} from "./store.ts";

const FUNCTION = "phoneburner-webhook";

interface Verifiers {
  hmac: HmacVerifier;
  tokens: TokenVerifier;
}

let cached: { key: string; verifiers: Verifiers } | undefined;
let warnedUnconfigured = false;

/** Verifiers for the current secrets, built once per distinct configuration (not per request). */
function verifiers(): Verifiers {
  const secrets = Deno.env.get("PHONEBURNER_WEBHOOK_SECRETS") ?? "";
  const tokens = Deno.env.get("PHONEBURNER_WEBHOOK_TOKENS") ?? "";
  const key = `${secrets}\u0000${tokens}`;
  if (cached?.key !== key) {
    cached = { key, verifiers: { hmac: new HmacVerifier(parseList(secrets)), tokens: new TokenVerifier(parseList(tokens)) } };
    if (!warnedUnconfigured && cached.verifiers.hmac.size + cached.verifiers.tokens.size === 0) {
      warnedUnconfigured = true;
      console.warn(`[${FUNCTION}] neither PHONEBURNER_WEBHOOK_SECRETS nor PHONEBURNER_WEBHOOK_TOKENS is set: every event will be refused`);
    }
  }
  return cached.verifiers;
}

type Auth = { ok: true; method: AuthMethod; signatureHeader: string | null } | { ok: false; reason: RejectionReason };

async function authenticate(headers: Headers, url: URL, body: Uint8Array<ArrayBuffer>): Promise<Auth> {
  const v = verifiers();
  const seedSignature = headers.get("x-phoneburner-signature");
  const softphoneSignature = headers.get("x-pb-signature");
  if (seedSignature !== null || softphoneSignature !== null) {
    if (seedSignature !== null && await v.hmac.verify(body, seedSignature)) {
      return { ok: true, method: "hmac", signatureHeader: seedSignature };
    }
    if (softphoneSignature !== null && await v.hmac.verify(body, softphoneSignature)) {
      return { ok: true, method: "softphone_hmac", signatureHeader: softphoneSignature };
    }
    return { ok: false, reason: "bad_signature" };
  }
  const token = url.searchParams.get("token");
  if (token !== null) {
    return await v.tokens.verify(token) ? { ok: true, method: "url_token", signatureHeader: null } : { ok: false, reason: "bad_token" };
  }
  return { ok: false, reason: "missing_auth" };
}

/** The sender's address as Supabase's gateway reports it; null unless it is a well-formed IP. */
function clientIp(headers: Headers): string | null {
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

const logLevel = () => (Deno.env.get("PHONEBURNER_WEBHOOK_LOG") ?? "all").toLowerCase();

function log(status: number, fields: Record<string, unknown>, started: number) {
  const level = logLevel();
  if (level === "off" || (level === "errors" && status < 500)) return;
  const line = JSON.stringify({ fn: FUNCTION, status, ...fields, ms: Math.round((performance.now() - started) * 10) / 10 });
  if (status >= 500) console.error(line);
  else console.log(line);
}

export async function handler(req: Request): Promise<Response> {
  const started = performance.now();
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== "POST") return json({ error: "Method not allowed: POST an event" }, 405, { Allow: "POST, OPTIONS" });

  const url = new URL(req.url);
  const headers = req.headers;
  const ip = clientIp(headers);
  const hint = typeHint(url, headers);

  const reject = async (status: number, reason: RejectionReason, error: string, size: number | null) => {
    try {
      await recordRejection(db(), reason, hint, ip, size);
    } catch (e) {
      log(500, { result: "rejection_not_counted", reason, db_error: errorCode(e) }, started);
    }
    log(status, { result: "rejected", reason, event_type: hint }, started);
    return json({ error }, status);
  };

  const read = await readBodyCapped(req, MAX_BODY_BYTES);
  if (!read.ok) return await reject(413, "too_large", "Payload too large: the limit is 1 MiB", read.size);
  const body = read.bytes;

  const auth = await authenticate(headers, url, body);
  if (!auth.ok) {
    const message = auth.reason === "bad_signature"
      ? "Invalid signature"
      : auth.reason === "bad_token"
      ? "Invalid token"
      : "Missing signature or token";
    return await reject(401, auth.reason, message, body.byteLength);
  }

  const parsed = await parseBody(body, headers.get("content-type"));
  if (!parsed.ok) return await reject(400, "malformed_body", parsed.error, body.byteLength);

  const envelope = envelopeSchema.safeParse(parsed.payload);
  if (!envelope.success) {
    return await reject(400, "invalid_envelope", `Invalid event: ${describeIssues(envelope.error)}`, body.byteLength);
  }

  const resolved = resolveEventType(parsed.payload, url, headers);
  if ("error" in resolved) return await reject(400, "invalid_envelope", `Invalid event: ${resolved.error}`, body.byteLength);
  const eventType = resolved.type;

  // A URL token proves less than a signature (URLs end up in logs): it authenticates PhoneBurner's
  // unsigned dial-session callbacks only, never an event of the signed seed contract.
  if (auth.method === "url_token" && (SEED_EVENT_TYPES.has(eventType) || resolved.source === "body") &&
    !CALLBACK_EVENT_TYPES.has(eventType)) {
    return await reject(401, "auth_not_accepted_for_event", `${eventType} events must be signed (X-Phoneburner-Signature)`, body.byteLength);
  }

  const headerEventId = headers.get("x-phoneburner-event-id")?.trim() || null;
  if (headerEventId !== null && headerEventId.length > 255) {
    return await reject(400, "invalid_envelope", "Invalid event: X-Phoneburner-Event-ID must be at most 255 characters", body.byteLength);
  }

  try {
    const stored = await receiveEvent(db(), {
      eventType,
      payloadText: parsed.payloadText,
      headerEventId,
      payloadSize: body.byteLength,
      authMethod: auth.method,
      signatureHeader: auth.signatureHeader,
      ip,
      userAgent: headers.get("user-agent"),
      envelope: parsed.envelope,
    });
    log(200, { result: stored.status, event_type: eventType, type_from: resolved.source, event_id: stored.eventId, auth: auth.method }, started);
    return json({ status: stored.status, event_id: stored.eventId }, 200);
  } catch (e) {
    if (isPayloadRejected(e)) {
      return await reject(400, "invalid_envelope", "Invalid event: the database refused the payload", body.byteLength);
    }
    log(503, { result: "not_stored", event_type: eventType, db_error: errorCode(e) }, started);
    return json({ error: "The event could not be stored right now; retry later" }, 503, { "Retry-After": "5" });
  }
}
