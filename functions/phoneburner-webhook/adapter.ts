/**
 * PhoneBurner's webhook adapter (functions/_shared/webhook/receiver.ts does the rest).
 *
 * Authentication (secrets may be rotated: every listed value is valid at once):
 *   X-Phoneburner-Signature  hex HMAC-SHA256 of the raw body, `sha256=` optional  PHONEBURNER_WEBHOOK_SECRETS
 *   X-PB-Signature           same, for softphone_call_done                       PHONEBURNER_WEBHOOK_SECRETS
 *   ?token=                  real dial-session callbacks (PhoneBurner does not     PHONEBURNER_WEBHOOK_TOKENS
 *                            sign them); never accepted for seed-contract events
 *   webhook-signature        Standard Webhooks (webhook-id, webhook-timestamp):    PHONEBURNER_WEBHOOK_SECRETS
 *                            v1 HMAC of id.timestamp.body, the timestamp within 5 minutes of now
 * A request carrying a signature header is judged by its signature alone. A body-only signature (the
 * seed's) proves nothing about when: the database refuses such an event whose own time is older than
 * dialbridge.webhook_max_event_age (3 days) or ahead by more than 5 minutes (dialbridge.check_event_time).
 *
 * The event: a zod envelope check, the type by event.ts's rules, the X-Phoneburner-Event-ID header as an
 * identity hint. In SQL the adapter is dialbridge.phoneburner_event_identity / phoneburner_event_refs and
 * its batch stage dialbridge.phoneburner_process_events (sql/schema/phoneburner/).
 */
import { HmacVerifier, parseList, TokenVerifier, verifyStandardWebhook } from "../_shared/signature.ts";
import { headerIdentity, isRefusal, type AuthResult, type WebhookAdapter } from "../_shared/webhook/receiver.ts";
import { webhookDb } from "./db.ts";
import { CALLBACK_EVENT_TYPES, describeIssues, envelopeSchema, resolveEventType, SEED_EVENT_TYPES, typeHint } from "./event.ts";

const FUNCTION = "phoneburner-webhook";

interface Verifiers {
  hmac: HmacVerifier;
  tokens: TokenVerifier;
  secrets: string[];
}

let cached: { key: string; verifiers: Verifiers } | undefined;
let warnedUnconfigured = false;

/** Verifiers for the current secrets, built once per distinct configuration (not per request). */
function verifiers(): Verifiers {
  const secrets = Deno.env.get("PHONEBURNER_WEBHOOK_SECRETS") ?? "";
  const tokens = Deno.env.get("PHONEBURNER_WEBHOOK_TOKENS") ?? "";
  const key = `${secrets}\u0000${tokens}`;
  if (cached?.key !== key) {
    cached = { key, verifiers: { hmac: new HmacVerifier(parseList(secrets)), tokens: new TokenVerifier(parseList(tokens)), secrets: parseList(secrets) } };
    if (!warnedUnconfigured && cached.verifiers.hmac.size + cached.verifiers.tokens.size === 0) {
      warnedUnconfigured = true;
      console.warn(`[${FUNCTION}] neither PHONEBURNER_WEBHOOK_SECRETS nor PHONEBURNER_WEBHOOK_TOKENS is set: every event will be refused`);
    }
  }
  return cached.verifiers;
}

async function authenticate({ headers, url, body }: { headers: Headers; url: URL; body: Uint8Array<ArrayBuffer> }): Promise<AuthResult> {
  const v = verifiers();
  if (headers.get("webhook-signature") !== null) {
    const standard = await verifyStandardWebhook(v.secrets, headers, body);
    return standard.ok ? { ok: true, method: "hmac", signatureHeader: standard.signature }
      : { ok: false, reason: "bad_signature", message: standard.message };
  }
  const seedSignature = headers.get("x-phoneburner-signature");
  const softphoneSignature = headers.get("x-pb-signature");
  if (seedSignature !== null || softphoneSignature !== null) {
    if (seedSignature !== null && await v.hmac.verify(body, seedSignature)) {
      return { ok: true, method: "hmac", signatureHeader: seedSignature };
    }
    if (softphoneSignature !== null && await v.hmac.verify(body, softphoneSignature)) {
      return { ok: true, method: "softphone_hmac", signatureHeader: softphoneSignature };
    }
    return { ok: false, reason: "bad_signature", message: "Invalid signature" };
  }
  const token = url.searchParams.get("token");
  if (token !== null) {
    return await v.tokens.verify(token)
      ? { ok: true, method: "url_token", signatureHeader: null }
      : { ok: false, reason: "bad_token", message: "Invalid token" };
  }
  return { ok: false, reason: "missing_auth", message: "Missing signature or token" };
}

export const phoneburnerAdapter: WebhookAdapter = {
  provider: "phoneburner",
  functionName: FUNCTION,
  db: webhookDb,
  typeHint,
  authenticate,
  resolve({ payload, url, headers, auth }) {
    const envelope = envelopeSchema.safeParse(payload);
    if (!envelope.success) {
      return { status: 400, reason: "invalid_envelope", message: `Invalid event: ${describeIssues(envelope.error)}` };
    }
    const resolved = resolveEventType(payload, url, headers);
    if ("error" in resolved) return { status: 400, reason: "invalid_envelope", message: `Invalid event: ${resolved.error}` };
    const eventType = resolved.type;
    // A URL token proves less than a signature (URLs end up in logs): it authenticates PhoneBurner's
    // unsigned dial-session callbacks only, never an event of the signed seed contract.
    if (auth.method === "url_token" && (SEED_EVENT_TYPES.has(eventType) || resolved.source === "body") &&
      !CALLBACK_EVENT_TYPES.has(eventType)) {
      return { status: 401, reason: "auth_not_accepted_for_event", message: `${eventType} events must be signed (X-Phoneburner-Signature)` };
    }
    const headerEventId = headerIdentity(headers, headers.has("x-phoneburner-event-id") ? "x-phoneburner-event-id" : "webhook-id");
    if (isRefusal(headerEventId)) {
      return { ...headerEventId, message: "Invalid event: X-Phoneburner-Event-ID must be at most 255 characters" };
    }
    return { type: eventType, source: resolved.source, headerEventId };
  },
};
