/**
 * transcripts__analyze: a voice-agent call's transcript analysed twice (seed 004) — the call alone (an
 * individual lead_analytics row) and the contact's recent history with the user (the complete row per
 * user + phone) — by OpenAI's Responses API (functions/_shared/analysis/openai.ts) when OPENAI_API_KEY is
 * set, else by the labelled offline analyser. Queued by dialbridge.bolna_sync_calls when a transcript
 * arrives or changes (never inline in the webhook); coalesced per call; re-running replaces the call's rows.
 *
 * The history: the newest ANALYSIS_HISTORY_CALLS (10) calls with transcripts within ANALYSIS_TOKEN_BUDGET
 * (50,000) tokens; ANALYSIS_SKIP_FIRST_COMPLETE=1 skips the complete analysis of a contact's first call.
 * Failures: an answer not in the schema (twice) or a refused request fails the analysis with the reason
 * (transcripts.analysis_status 'failed', replay: dialbridge.requeue_transcript_analyses); 429, 5xx and
 * timeouts left after the client's own retries fail it too, and the job is retried with backoff.
 */
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import { analyzeCall } from "../../functions/_shared/analysis/analyze.ts";
import { OpenAIError, openaiConfigFromEnv } from "../../functions/_shared/analysis/openai.ts";
import { type AnalysisInput, InvalidAnalysisError } from "../../functions/_shared/analysis/schema.ts";
import { fromPgClient } from "../../functions/_shared/dbport.ts";

export const TASK = "transcripts__analyze";

const Payload = z.object({ call_id: z.string().uuid() }).passthrough();

export function analysisSettings(get: (k: string) => string | undefined = (k) => process.env[k]) {
  const int = (k: string, fallback: number) => {
    const raw = get(k);
    const n = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${k} must be a whole number ≥ 1, got "${raw}"`);
    return n;
  };
  return {
    historyCalls: int("ANALYSIS_HISTORY_CALLS", 10),
    tokenBudget: int("ANALYSIS_TOKEN_BUDGET", 50_000),
    skipFirstComplete: /^(1|true|yes)$/i.test(get("ANALYSIS_SKIP_FIRST_COMPLETE") ?? ""),
  };
}

const task: Task = async (payload, helpers: JobHelpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`${TASK}: invalid payload: ${parsed.error.issues[0]?.message}`);
  const callId = parsed.data.call_id;
  const db = fromPgClient((fn) => helpers.withPgClient(fn));
  const settings = analysisSettings();
  const [{ input }] = await db.query<{ input: AnalysisInput | null }>(
    "select dialbridge.analysis_input($1::uuid, $2::integer, $3::integer) as input", [callId, settings.historyCalls, settings.tokenBudget]);
  if (!input) {
    helpers.logger.info(`call ${callId}: no transcript to analyse`);
    return;
  }
  await db.query("select dialbridge.set_transcript_analysis($1::uuid, 'processing')", [callId]);
  try {
    const openai = openaiConfigFromEnv((k) => process.env[k]);
    const out = await analyzeCall(input, openai, settings);
    await db.transaction(async (tx) => {
      await tx.query("select dialbridge.store_lead_analysis($1::uuid, 'individual', $2::text::jsonb, $3::text::jsonb)",
        [callId, JSON.stringify(out.individual.result), JSON.stringify(out.individual.meta)]);
      if (out.complete) {
        await tx.query("select dialbridge.store_lead_analysis($1::uuid, 'complete', $2::text::jsonb, $3::text::jsonb)",
          [callId, JSON.stringify(out.complete.result), JSON.stringify({
            ...out.complete.meta, previous_calls_analyzed: out.complete.previousCallsAnalyzed, latest_call_id: out.complete.latestCallId })]);
      }
      await tx.query("select dialbridge.set_transcript_analysis($1::uuid, 'completed')", [callId]);
    });
    helpers.logger.info(`call ${callId}: analysed (${out.individual.meta.analyzer}${out.complete ? ", with its history" : ""})`);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    await db.query("select dialbridge.set_transcript_analysis($1::uuid, 'failed', $2)", [callId, reason]);
    if (e instanceof InvalidAnalysisError || (e instanceof OpenAIError && !e.retryable)) {
      helpers.logger.warn(`call ${callId}: analysis failed: ${reason}`);
      return;
    }
    throw e;
  }
};

export default task;
