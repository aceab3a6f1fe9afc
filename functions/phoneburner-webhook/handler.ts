/**
 * POST /functions/v1/phoneburner-webhook — every PhoneBurner event, stored durably before it is
 * acknowledged: the shared receiver (functions/_shared/webhook/receiver.ts) with PhoneBurner's adapter
 * (./adapter.ts: HMAC signatures, URL tokens for dial-session callbacks, event types).
 *
 * Answers: 200 {status: "accepted" | "duplicate", event_id}; 401 bad or missing signature/token, 400 not
 * JSON/form or a bad envelope, 413 over 1 MiB (each counted in phoneburner_webhook_rejections, the body
 * never stored), 503 when the database cannot take the event (the sender retries; storing is
 * idempotent). PHONEBURNER_WEBHOOK_LOG=all (default) | errors | off.
 */
import { createWebhookHandler } from "../_shared/webhook/receiver.ts";
import { phoneburnerAdapter } from "./adapter.ts";

export const handler = createWebhookHandler(phoneburnerAdapter);
