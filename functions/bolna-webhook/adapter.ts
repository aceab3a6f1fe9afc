/**
 * Bolna.ai's webhook adapter. Bolna POSTs the whole execution object on every status change and signs
 * nothing (shared/docs/providers.md), so the platform gives Bolna a secret: the webhook URL carries it as
 * `?token=…`, or Bolna's custom headers send it as `X-Bolna-Token: …` or `Authorization: Bearer …`.
 * BOLNA_WEBHOOK_TOKENS lists the accepted tokens, comma-separated (two during a rotation). BOLNA_ALLOWED_IPS,
 * when set, also restricts senders to those addresses (Bolna documents the addresses it calls from).
 * The event type is the execution's status; its identity is (execution id, status). Its SQL adapter:
 * dialbridge.bolna_event_identity / _event_refs / _normalize / _process_events.
 */
import { parseList, TokenVerifier } from "../_shared/signature.ts";
import { clientIp, type WebhookAdapter } from "../_shared/webhook/receiver.ts";
import { db } from "../_shared/db.ts";

/** Every status Bolna reports (shared/docs/providers.md). */
export const BOLNA_STATUSES = new Set([
  "queued", "rescheduled", "initiated", "ringing", "in-progress", "call-disconnected", "completed",
  "busy", "no-answer", "balance-low", "canceled", "failed", "stopped", "error",
]);

let cached: { source: string; verifier: TokenVerifier } | null = null;

function tokens(): TokenVerifier {
  const source = Deno.env.get("BOLNA_WEBHOOK_TOKENS") ?? "";
  if (cached?.source !== source) cached = { source, verifier: new TokenVerifier(parseList(source)) };
  return cached.verifier;
}

/** The token a request presents: X-Bolna-Token, a Bearer header, or ?token=. */
export function presentedToken(headers: Headers, url: URL): { token: string; method: "header_token" | "url_token" } | null {
  const header = headers.get("x-bolna-token")?.trim();
  if (header) return { token: header, method: "header_token" };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (bearer) return { token: bearer, method: "header_token" };
  const query = url.searchParams.get("token");
  return query ? { token: query, method: "url_token" } : null;
}

export const bolnaAdapter: WebhookAdapter = {
  provider: "bolna",
  functionName: "bolna-webhook",
  db,
  typeHint: (url) => {
    const t = url.searchParams.get("status");
    return t !== null && BOLNA_STATUSES.has(t) ? t : null;
  },
  async authenticate({ headers, url }) {
    const allowed = parseList(Deno.env.get("BOLNA_ALLOWED_IPS"));
    if (allowed.length > 0) {
      const ip = clientIp(headers);
      if (ip === null || !allowed.includes(ip)) {
        return { ok: false, reason: "bad_credentials", message: "This address may not send Bolna events" };
      }
    }
    const presented = presentedToken(headers, url);
    if (presented === null) {
      return { ok: false, reason: "missing_auth", message: "Missing token (X-Bolna-Token, Authorization: Bearer or ?token=)" };
    }
    const known = tokens();
    if (known.size === 0) return { ok: false, reason: "bad_token", message: "No webhook tokens are configured" };
    return await known.verify(presented.token)
      ? { ok: true, method: presented.method, signatureHeader: null }
      : { ok: false, reason: "bad_token", message: "Invalid token" };
  },
  resolve({ payload }) {
    const status = payload.status;
    if (typeof status !== "string" || !BOLNA_STATUSES.has(status)) {
      return { status: 400, reason: "invalid_envelope", message: `Invalid event: status must be one of ${[...BOLNA_STATUSES].join(", ")}` };
    }
    const id = payload.id;
    if (typeof id !== "string" || id.trim() === "" || id.length > 200) {
      return { status: 400, reason: "invalid_envelope", message: "Invalid event: no execution id (id)" };
    }
    return { type: status, source: "body", headerEventId: null };
  },
};
