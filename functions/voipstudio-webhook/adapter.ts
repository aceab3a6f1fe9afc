/**
 * VoIPStudio's webhook adapter. VoIPStudio signs nothing: integrators configure the webhook URL with Basic
 * credentials in it (https://user:password@…/functions/v1/voipstudio-webhook), which arrive as an
 * `Authorization: Basic` header. VOIPSTUDIO_WEBHOOK_CREDENTIALS lists the accepted `user:password` pairs,
 * comma-separated (two during a rotation). Each POST is one leg's event: JSON with `event_name`
 * (call.ringing | call.connected | call.ended | call.missed | call.dtmf). Its SQL adapter:
 * dialbridge.voipstudio_event_identity / _event_refs / _normalize / _process_events.
 */
import { parseList, TokenVerifier } from "../_shared/signature.ts";
import { headerIdentity, isRefusal, type WebhookAdapter } from "../_shared/webhook/receiver.ts";
import { db } from "../_shared/db.ts";

/** The event types VoIPStudio posts (disposition.set is written by the platform itself, never accepted here). */
export const VOIPSTUDIO_EVENT_TYPES = new Set(["call.ringing", "call.connected", "call.ended", "call.missed", "call.dtmf"]);

let verifier: { source: string; verifier: TokenVerifier } | null = null;

function credentials(): TokenVerifier {
  const source = Deno.env.get("VOIPSTUDIO_WEBHOOK_CREDENTIALS") ?? "";
  if (verifier?.source !== source) verifier = { source, verifier: new TokenVerifier(parseList(source)) };
  return verifier.verifier;
}

/** `user:password` from an `Authorization: Basic …` header, or null. */
export function basicCredentials(header: string | null): string | null {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? "");
  if (!m) return null;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      Uint8Array.from(atob(m[1].replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)),
    );
    return text.includes(":") ? text : null;
  } catch {
    return null;
  }
}

export const voipstudioAdapter: WebhookAdapter = {
  provider: "voipstudio",
  functionName: "voipstudio-webhook",
  db,
  typeHint: (url) => {
    const t = url.searchParams.get("event");
    return t !== null && VOIPSTUDIO_EVENT_TYPES.has(t) ? t : null;
  },
  async authenticate({ headers }) {
    const presented = basicCredentials(headers.get("authorization"));
    if (presented === null) {
      return { ok: false, reason: "missing_auth", message: "Missing Basic credentials (put them in the webhook URL)" };
    }
    const known = credentials();
    if (known.size === 0) {
      return { ok: false, reason: "bad_credentials", message: "No webhook credentials are configured" };
    }
    return await known.verify(presented)
      ? { ok: true, method: "basic", signatureHeader: null }
      : { ok: false, reason: "bad_credentials", message: "Invalid credentials" };
  },
  resolve({ payload, headers }) {
    const type = payload.event_name ?? payload.event;
    if (typeof type !== "string" || !VOIPSTUDIO_EVENT_TYPES.has(type)) {
      return {
        status: 400, reason: "invalid_envelope",
        message: `Invalid event: event_name must be one of ${[...VOIPSTUDIO_EVENT_TYPES].join(", ")}`,
      };
    }
    if (typeof payload.root_call_id !== "string" && typeof payload.root_call_id !== "number"
        && typeof payload.call_id !== "string" && typeof payload.call_id !== "number") {
      return { status: 400, reason: "invalid_envelope", message: "Invalid event: no call_id or root_call_id" };
    }
    const headerEventId = headerIdentity(headers, "webhook-id");
    if (isRefusal(headerEventId)) return headerEventId;
    return { type, source: "body", headerEventId };
  },
};
