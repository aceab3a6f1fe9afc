/**
 * POST /functions/v1/generate-call-summary — SourceCo's call summary (CallActivityList's "Summarize").
 *
 *   Authorization: Bearer <the rep's Supabase JWT>
 *   body: {contact_activity_id: uuid, disposition?: string}
 *
 * Reads the call as the rep (RLS: their team's calls). A summary already stored is returned as is
 * (cached: true); otherwise the call's transcript is analysed — by OpenAI when OPENAI_API_KEY is set, else
 * by the offline analyser — and the summary is stored in contact_activities.ai_summary as the rep.
 *
 * Answers: 200 {summary, cached, analyzer?}; 200 {summary: null, error} when the call has no transcript
 * yet; 400 bad request (SourceCo's legacy {call_score_id} form: dialbridge has no call_scores); 401; 404
 * the call is not found or not visible; 502 the analyser failed. Logs ids only.
 */
import { z } from "zod";
import { json, preflight } from "../_shared/http.ts";
import { db } from "../_shared/db.ts";
import { fromPostgresJs } from "../_shared/dbport.ts";
import { authenticateUser } from "../_shared/user.ts";
import { asUser } from "../_shared/push.ts";
import { heuristicResult } from "../_shared/analysis/heuristic.ts";
import { openaiAnalysis, openaiConfigFromEnv } from "../_shared/analysis/openai.ts";
import { individualText } from "../_shared/analysis/prompt.ts";
import { summaryText } from "../_shared/analysis/summary.ts";

const FUNCTION = "generate-call-summary";
const log = (line: string) => console.log(`[${FUNCTION}] ${line}`);

const Body = z.object({
  contact_activity_id: z.string().uuid(),
  disposition: z.string().max(200).nullish(),
}).strict();

interface CallRow {
  id: string; ai_summary: string | null; transcript: string | null; user_id: string | null;
  duration: number | null; started_at: string | null; phone: string | null; disposition_label: string | null;
}

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
  if (body && typeof body === "object" && "call_score_id" in body) {
    return json({ summary: null, error: "call_score summaries are not supported: dialbridge keeps no call_scores; send contact_activity_id" }, 400);
  }
  const parsed = Body.safeParse(body);
  if (!parsed.success) {
    return json({ summary: null, error: parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ") }, 400);
  }
  const { contact_activity_id: id, disposition } = parsed.data;
  const database = fromPostgresJs(db());
  try {
    const rows = await asUser(database, claims, (tx) => tx.query<CallRow>(
      `select a.id::text, a.ai_summary, coalesce(a.call_transcript, a.recording_transcription) as transcript,
              a.user_id::text, a.call_duration_seconds as duration, a.call_started_at::text as started_at,
              c.phone_e164 as phone, a.disposition_label
         from public.contact_activities a left join public.contacts c on c.id = a.contact_id
        where a.id = $1::uuid and a.deleted_at is null`, [id]));
    const call = rows[0];
    if (!call) return json({ summary: null, error: "Call not found" }, 404);
    if (call.ai_summary) return json({ summary: call.ai_summary, cached: true });
    if (!call.transcript?.trim()) return json({ summary: null, error: "This call has no transcript yet" });

    const openai = openaiConfigFromEnv((k) => Deno.env.get(k));
    const input = {
      call: { id: call.id, user_id: call.user_id ?? claims.sub, phone_number: call.phone, duration_seconds: call.duration ?? 0,
              date: call.started_at ?? new Date().toISOString() },
      transcript: call.transcript, history: [], calls_with_transcripts: 1,
    };
    let analysis;
    try {
      analysis = openai ? await openaiAnalysis(openai, "individual", individualText(input), claims.sub) : heuristicResult([call.transcript]);
    } catch (e) {
      log(`call ${id}: analysis failed (${e instanceof Error ? e.name : "error"})`);
      return json({ summary: null, error: "The call could not be summarised now; try again later" }, 502);
    }
    const summary = summaryText(analysis.result, disposition ?? call.disposition_label);
    // stored as the rep (their team's call), only if no summary was stored meanwhile
    const stored = await asUser(database, claims, (tx) => tx.query<{ ai_summary: string }>(
      `update public.contact_activities set ai_summary = coalesce(ai_summary, $2) where id = $1::uuid returning ai_summary`,
      [id, summary]));
    log(`call ${id}: summarised (${analysis.meta.analyzer})`);
    return json({ summary: stored[0]?.ai_summary ?? summary, cached: false, analyzer: analysis.meta.analyzer });
  } catch (e) {
    log(`unexpected ${e instanceof Error ? e.name : "error"}${(e as { code?: string })?.code ? ` ${(e as { code: string }).code}` : ""}`);
    return json({ summary: null, error: "Internal error" }, 500);
  }
}
