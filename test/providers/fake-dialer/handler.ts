/** POST /functions/v1/fake-dialer — the fake dialer's webhook: the shared receiver with its adapter. */
import { createWebhookHandler } from "../../../functions/_shared/webhook/receiver.ts";
import { fakeDialerAdapter } from "./adapter.ts";

export const handler = createWebhookHandler(fakeDialerAdapter);
