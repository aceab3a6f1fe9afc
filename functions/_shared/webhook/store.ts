/**
 * The two database calls every provider's webhook makes: store an authenticated event (one round trip,
 * one transaction: inbox row + queued processing) and count a rejected request. Both are SQL functions of
 * the shared pipeline (sql/schema/ingest/dialbridge.receive_webhook_event.sql, …record_webhook_rejection.sql),
 * which take the provider's name and find its adapter's SQL in dialbridge.webhook_providers.
 */
import type postgres from "postgres";

/** How the sender was authenticated (webhook_events.auth_method). */
export type AuthMethod = "hmac" | "url_token" | "softphone_hmac" | "basic" | "header_token";

export interface ReceiveArgs {
  eventType: string;
  payloadText: string;
  headerEventId: string | null;
  payloadSize: number;
  authMethod: AuthMethod;
  signatureHeader: string | null;
  ip: string | null;
  userAgent: string | null;
  envelope: Record<string, unknown> | null;
}

export interface Received {
  status: "accepted" | "duplicate";
  logId: string;
  eventId: string;
}

/** How long the store may take before the sender is told to retry (the insert stays idempotent). */
export const STORE_TIMEOUT_MS = 10_000;

export async function receiveEvent(sql: postgres.Sql, provider: string, a: ReceiveArgs): Promise<Received> {
  // ::text::jsonb, not ::jsonb: postgres.js JSON-encodes a string bound to a jsonb parameter, and the raw
  // JSON text is what must be stored (exact numbers, no re-serialisation)
  const query = sql<{ status: "accepted" | "duplicate"; log_id: string; event_id: string }[]>`
    select status, log_id, event_id
      from dialbridge.receive_webhook_event(${provider}, ${a.eventType}, ${a.payloadText}::text::jsonb, ${a.headerEventId},
             ${a.payloadSize}::integer, ${a.authMethod}, ${a.signatureHeader}, ${a.ip}::inet, ${a.userAgent},
             ${a.envelope === null ? null : JSON.stringify(a.envelope)}::text::jsonb)`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      query.cancel();
      reject(Object.assign(new Error("store timed out"), { code: "STORE_TIMEOUT" }));
    }, STORE_TIMEOUT_MS);
  });
  try {
    const [row] = await Promise.race([query, timeout]);
    return { status: row.status, logId: String(row.log_id), eventId: row.event_id };
  } finally {
    clearTimeout(timer);
  }
}

export type RejectionReason =
  | "missing_auth" | "bad_signature" | "bad_token" | "bad_credentials" | "auth_not_accepted_for_event"
  | "malformed_body" | "invalid_envelope" | "too_large" | "outside_time_window";

/** Counts a rejected request in its minute bucket. Best effort: a failure here never changes the answer. */
export async function recordRejection(
  sql: postgres.Sql, provider: string, reason: RejectionReason, eventTypeHint: string | null, ip: string | null,
  size: number | null,
): Promise<void> {
  await sql`select dialbridge.record_webhook_rejection(${provider}, ${reason}, ${eventTypeHint}, ${ip}::inet, ${size}::integer)`;
}

/**
 * A database error the sender cannot fix by retrying (the payload itself was refused: data exceptions,
 * SQLSTATE class 22, and dialbridge's DB020/DB021) — as opposed to the database being unavailable.
 */
export function isPayloadRejected(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && /^(22|DB02[01])/.test(code);
}

/** The event's own time is outside the replay window of body-only signatures (dialbridge.check_event_time). */
export function isOutsideTimeWindow(e: unknown): boolean {
  return (e as { code?: unknown })?.code === "DB067";
}

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" ? code : e instanceof Error ? e.name : "unknown";
}
