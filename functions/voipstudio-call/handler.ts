/**
 * POST /functions/v1/voipstudio-call — click-to-call for the signed-in rep (seed 003's POST /calls).
 *
 *   Authorization: Bearer <the rep's Supabase JWT>
 *   body: {to: "+12125551234", from?, campaignId?, campaignContactId?, contactId?, leadId?, metadata?}
 *
 * The call log is written first (public.start_dialer_call, as the rep: do-not-call, suppressions, the
 * number, the calling window in the called party's local time, the campaign reservation), then VoIPStudio
 * is asked with the rep's own token (POST /calls: rings the rep's softphone, then the number).
 *
 * Answers: 200 {success: true, call, callId}; 400 bad request / VOIPSTUDIO_NOT_CONNECTED; 401 no or bad
 * JWT; 403 not the rep's campaign; 404 unknown contact; 409 SOFTPHONE_OFFLINE (VoIPStudio's 412), campaign
 * not active, contact not reserved; 422 CALL_NOT_ALLOWED (with the reason and when it becomes allowed);
 * 502 VoIPStudio unavailable after retries. Logs carry ids and outcomes, never numbers.
 */
import { json, preflight } from "../_shared/http.ts";
import { db } from "../_shared/db.ts";
import { fromPostgresJs } from "../_shared/dbport.ts";
import { authenticateUser } from "../_shared/user.ts";
import { DialerRequestError, makeCall, makeCallRequest } from "../_shared/dialer.ts";
import { voipstudioEndpointsFromEnv } from "../_shared/voipstudio/api.ts";

const FUNCTION = "voipstudio-call";
const log = (line: string) => console.log(`[${FUNCTION}] ${line}`);

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== "POST") return json({ error: "Method not allowed" }, 405, { Allow: "POST, OPTIONS" });
  const claims = await authenticateUser(req, FUNCTION);
  if (claims instanceof Response) return claims;
  let body: unknown;
  try {
    const text = await req.text();
    if (text.length > 64 * 1024) return json({ error: "Request too large" }, 413);
    body = JSON.parse(text);
  } catch {
    return json({ error: "The request body must be JSON" }, 400);
  }
  const parsed = makeCallRequest.safeParse(body);
  if (!parsed.success) {
    return json({ error: "Invalid request", code: "BAD_REQUEST", issues: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`) }, 400);
  }
  try {
    return json(await makeCall(fromPostgresJs(db()), claims, parsed.data, voipstudioEndpointsFromEnv((k) => Deno.env.get(k)), log));
  } catch (e) {
    if (e instanceof DialerRequestError) return json({ success: false, error: e.message, code: e.code, ...(e.detail ? { detail: e.detail } : {}) }, e.status);
    log(`failed: ${(e as Error)?.message ?? e}`);
    return json({ success: false, error: "The call could not be started; try again" }, 503, { "Retry-After": "5" });
  }
}
