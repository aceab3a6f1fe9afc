/**
 * POST /functions/v1/bolna-webhook — every Bolna.ai execution status (the whole execution object, on each
 * change), stored durably before it is acknowledged: the shared receiver (functions/_shared/webhook/receiver.ts)
 * with Bolna's adapter (./adapter.ts: the platform's token, optional source addresses, the status as event).
 *
 * Answers: 200 {status: "accepted" | "duplicate", event_id}; 401 missing or wrong token (or a sender outside
 * BOLNA_ALLOWED_IPS), 400 not JSON or not a Bolna execution, 413 over 1 MiB (each counted in the provider's
 * rejections, the body never stored), 503 when the database cannot take the event (Bolna retries; storing
 * is idempotent on (execution id, status)). BOLNA_WEBHOOK_LOG=all (default) | errors | off.
 */
import { createWebhookHandler } from "../_shared/webhook/receiver.ts";
import { bolnaAdapter } from "./adapter.ts";

export const handler = createWebhookHandler(bolnaAdapter);
