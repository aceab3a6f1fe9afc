/**
 * The fake dialer's TypeScript adapter (a provider written only for the tests): requests carry a shared
 * token in the X-Fake-Token header (FAKE_DIALER_WEBHOOK_TOKENS, comma-separated, rotated by listing two),
 * JSON bodies name their type in `type`, and X-Fake-Event-ID may carry the identity. The shared receiver
 * does everything else. Its SQL adapter: ./adapter.sql.
 */
import { parseList, TokenVerifier } from "../../../functions/_shared/signature.ts";
import { headerIdentity, isRefusal, type WebhookAdapter } from "../../../functions/_shared/webhook/receiver.ts";
import { db } from "../../../functions/_shared/db.ts";

const TYPES = new Set(["call.started", "call.finished", "call.dispositioned", "ping"]);

export const fakeDialerAdapter: WebhookAdapter = {
  provider: "fake_dialer",
  functionName: "fake-dialer-webhook",
  db,
  typeHint: (url) => {
    const t = url.searchParams.get("type");
    return t !== null && TYPES.has(t) ? t : null;
  },
  async authenticate({ headers }) {
    const token = headers.get("x-fake-token");
    if (token === null) return { ok: false, reason: "missing_auth", message: "Missing X-Fake-Token" };
    const verifier = new TokenVerifier(parseList(Deno.env.get("FAKE_DIALER_WEBHOOK_TOKENS")));
    return await verifier.verify(token)
      ? { ok: true, method: "header_token", signatureHeader: null }
      : { ok: false, reason: "bad_token", message: "Invalid token" };
  },
  resolve({ payload, headers }) {
    const type = payload.type;
    if (typeof type !== "string" || !/^[a-z][a-z.]{0,49}$/.test(type)) {
      return { status: 400, reason: "invalid_envelope", message: "Invalid event: type must be a short lower-case name" };
    }
    const headerEventId = headerIdentity(headers, "x-fake-event-id");
    if (isRefusal(headerEventId)) return headerEventId;
    return { type, source: "body", headerEventId };
  },
};
