/**
 * The VoIPStudio dialer's request handling, shared by the voipstudio-call function and the dialer-api
 * routes (Deno): every rule is in SQL (public.start_dialer_call checks and writes the call log before
 * VoIPStudio is asked; dialbridge.voipstudio_call_placed / _not_placed record what it answered); this
 * file carries bytes in and out and maps SQLSTATEs to HTTP answers.
 */
import { z } from "zod";
import type { Database } from "./dbport.ts";
import { asUser } from "./push.ts";
import { placeCall, type VoipStudioEndpoints, VoipStudioError } from "./voipstudio/api.ts";

export class DialerRequestError extends Error {
  constructor(readonly status: number, message: string, readonly code?: string, readonly detail?: unknown) {
    super(message);
    this.name = "DialerRequestError";
  }
}

const e164 = z.string().trim().regex(/^\+?[0-9][0-9 ()\-.]{6,20}$/, "a phone number, E.164 preferred (+12125551234)");
const uuid = z.string().uuid();

/** POST /calls (seed 003): {to, from?, campaignId?, leadId?, metadata?} plus campaignContactId / contactId. */
export const makeCallRequest = z.object({
  to: e164.optional(),
  from: z.string().trim().max(32).optional().nullable(),
  campaignId: uuid.optional().nullable(),
  campaignContactId: uuid.optional().nullable(),
  contactId: uuid.optional().nullable(),
  leadId: uuid.optional().nullable(),
  metadata: z.record(z.unknown()).optional().nullable(),
}).strict().refine((r) => r.to || r.campaignContactId, { message: "to (a phone number) or campaignContactId is required" });
export type MakeCallRequest = z.infer<typeof makeCallRequest>;

/** SQLSTATEs of the dialer's SQL (docs/error_codes.md) as HTTP answers. */
export function dialerHttpError(e: unknown): DialerRequestError | null {
  const err = e as { code?: string; message?: string; detail?: string; hint?: string };
  const message = err?.message ?? "error";
  switch (err?.code) {
    case "DB070": return new DialerRequestError(404, message, "NOT_FOUND");
    case "DB071": return new DialerRequestError(422, message, "CALL_NOT_ALLOWED", { reason: err.detail, hint: err.hint || undefined });
    case "DB072": return new DialerRequestError(409, message, "CAMPAIGN_NOT_ACTIVE");
    case "DB073": return new DialerRequestError(409, message, "NOT_RESERVED");
    case "DB074": return new DialerRequestError(404, message, "NO_VOICEMAIL_DROP");
    case "DB040": return new DialerRequestError(400, message, "BAD_REQUEST");
    case "DB047": return new DialerRequestError(413, message, "TOO_MANY_CONTACTS");
    case "DB052": return new DialerRequestError(400, message, "UNKNOWN_TIME_ZONE");
    case "42501": return new DialerRequestError(403, message, "FORBIDDEN");
    case "22023": case "22007": case "22P02": case "23514": case "23502":
      return new DialerRequestError(400, message, "BAD_REQUEST");
    case "23505": return new DialerRequestError(409, message, "CONFLICT");
    default: return null;
  }
}

export interface MadeCall {
  success: true;
  call: Record<string, unknown>;
  callId: string;
  droppedCallerId: boolean;
}

/**
 * Click-to-call for the signed-in rep: the call log first (as the rep: checks, status initiated), then
 * VoIPStudio with the rep's own credentials, then what it answered. A refused or failed request cancels
 * the call log (not an attempt) and answers why.
 */
export async function makeCall(db: Database, claims: Record<string, unknown>, input: MakeCallRequest,
  ep: VoipStudioEndpoints, log: (line: string) => void): Promise<MadeCall> {
  const userId = String(claims.sub);
  let callLog: Record<string, unknown>;
  try {
    callLog = await asUser(db, claims, async (tx) => (await tx.query(
      `select to_jsonb(l) as log from public.start_dialer_call($1, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::text::jsonb, $7) l`,
      [input.to ?? null, input.campaignId ?? null, input.campaignContactId ?? null, input.contactId ?? null,
        input.leadId ?? null, JSON.stringify(input.metadata ?? {}), input.from ?? null]))[0].log);
  } catch (e) {
    throw dialerHttpError(e) ?? e;
  }
  const logId = String(callLog.id);
  const [creds] = await db.query<{ voipstudio_user_id: string; api_token: string | null }>(
    "select voipstudio_user_id, api_token from dialbridge.voipstudio_credentials_of($1::uuid)", [userId]);
  if (!creds?.api_token) {
    await db.query("select dialbridge.voipstudio_call_not_placed($1::uuid, $2)", [logId, "VoIPStudio not connected"]);
    throw new DialerRequestError(400, "VoIPStudio not connected. Add your VoIPStudio user id and API token in Settings.", "VOIPSTUDIO_NOT_CONNECTED");
  }
  try {
    const placed = await placeCall(ep, { token: creds.api_token },
      { to: String(callLog.to_number), from: creds.voipstudio_user_id, callerId: (callLog.from_number as string | null) ?? null });
    const [{ log: saved }] = await db.query<{ log: Record<string, unknown> }>(
      "select to_jsonb(dialbridge.voipstudio_call_placed($1::uuid, $2, $3::text::jsonb)) as log",
      [logId, placed.id, JSON.stringify({ state: placed.state, dropped_caller_id: placed.droppedCallerId || undefined })]);
    log(`call ${logId}: placed as ${placed.id}${placed.droppedCallerId ? " (without caller id: no CLI prefix)" : ""}`);
    return { success: true, call: saved, callId: placed.id, droppedCallerId: placed.droppedCallerId };
  } catch (e) {
    if (!(e instanceof VoipStudioError)) throw e;
    await db.query("select dialbridge.voipstudio_call_not_placed($1::uuid, $2)", [logId, `${e.kind}: ${e.message}`]);
    log(`call ${logId}: not placed (${e.kind}${e.status ? ` ${e.status}` : ""})`);
    switch (e.kind) {
      case "agent_offline":
        throw new DialerRequestError(409, "Your VoIPStudio softphone is offline: open it (app or browser) and try again.", "SOFTPHONE_OFFLINE");
      case "auth":
        throw new DialerRequestError(400, "VoIPStudio refused your API token. Update it in Settings.", "VOIPSTUDIO_AUTH");
      case "rejected":
        throw new DialerRequestError(422, e.message, "VOIPSTUDIO_REJECTED");
      default:
        throw new DialerRequestError(502, `VoIPStudio is not answering (${e.kind}); try again in a moment.`, "VOIPSTUDIO_UNAVAILABLE");
    }
  }
}
