/**
 * POST /functions/v1/voipstudio-webhook — every VoIPStudio call event (one POST per leg), stored durably
 * before it is acknowledged: the shared receiver (functions/_shared/webhook/receiver.ts) with VoIPStudio's
 * adapter (./adapter.ts: Basic credentials from the webhook URL, event names).
 *
 * Answers: 200 {status: "accepted" | "duplicate", event_id}; 401 missing or wrong credentials, 400 not JSON
 * or not a VoIPStudio call event, 413 over 1 MiB (each counted in the provider's rejections, the body never
 * stored), 503 when the database cannot take the event (VoIPStudio retries; storing is idempotent).
 * VOIPSTUDIO_WEBHOOK_LOG=all (default) | errors | off.
 */
import { createWebhookHandler } from "../_shared/webhook/receiver.ts";
import { voipstudioAdapter } from "./adapter.ts";

export const handler = createWebhookHandler(voipstudioAdapter);
