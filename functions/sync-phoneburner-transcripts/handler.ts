/**
 * POST /functions/v1/sync-phoneburner-transcripts — SourceCo's transcript sync (its admin system-test page).
 *
 *   Authorization: Bearer <the rep's Supabase JWT>
 *   body: {limit?: 1..1000 (default 100), listingId?: uuid, backfillAll?: boolean}
 *
 * Fills contact_activities.call_transcript, for the caller's team's PhoneBurner calls that have none, from the
 * transcripts PhoneBurner's deliveries carried (a wrapped {body, Transcript, status} delivery: the webhook log
 * keeps the wrapper), newest first; the last 30 days unless backfillAll (public.sync_phoneburner_transcripts).
 *
 * Answers: 200 {success: true, checked, synced}; 400 bad request; 401. Logs counts only.
 */
import { z } from "zod";
import { json, preflight } from "../_shared/http.ts";
import { db } from "../_shared/db.ts";
import { fromPostgresJs } from "../_shared/dbport.ts";
import { authenticateUser } from "../_shared/user.ts";
import { asUser } from "../_shared/push.ts";

const FUNCTION = "sync-phoneburner-transcripts";

const Body = z.object({
  limit: z.number().int().min(1).max(1000).optional(),
  listingId: z.string().uuid().nullish(),
  backfillAll: z.boolean().optional(),
}).strict();

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== "POST") return json({ error: "Method not allowed" }, 405, { Allow: "POST, OPTIONS" });
  const claims = await authenticateUser(req, FUNCTION);
  if (claims instanceof Response) return claims;
  let body: unknown = {};
  try {
    const text = await req.text();
    if (text.length > 16 * 1024) return json({ error: "Request too large" }, 413);
    if (text.trim()) body = JSON.parse(text);
  } catch {
    return json({ error: "The request body must be JSON" }, 400);
  }
  const parsed = Body.safeParse(body);
  if (!parsed.success) {
    return json({ error: parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ") }, 400);
  }
  const { limit, listingId, backfillAll } = parsed.data;
  try {
    const [{ result }] = await asUser(fromPostgresJs(db()), claims, (tx) => tx.query<{ result: Record<string, unknown> }>(
      "select public.sync_phoneburner_transcripts($1, $2::uuid, $3) as result", [limit ?? 100, listingId ?? null, backfillAll ?? false]));
    console.log(`[${FUNCTION}] checked ${result.checked}, synced ${result.synced}`);
    return json(result);
  } catch (e) {
    console.log(`[${FUNCTION}] unexpected ${e instanceof Error ? e.name : "error"}${(e as { code?: string })?.code ? ` ${(e as { code: string }).code}` : ""}`);
    return json({ error: "Internal error" }, 500);
  }
}
