/**
 * One call's analyses: the individual one (the call's transcript) and the complete one (the contact's
 * history with the user), by OpenAI when a key is configured, else by the offline analyser. The worker's
 * transcripts__analyze stores what this returns (dialbridge.store_lead_analysis).
 */
import { heuristicResult } from "./heuristic.ts";
import { openaiAnalysis, type OpenAIConfig } from "./openai.ts";
import { completeText, individualText } from "./prompt.ts";
import type { AnalysisInput, AnalysisResult } from "./schema.ts";

export interface CallAnalyses {
  individual: AnalysisResult;
  /** Null when skipped (the contact's first call, with ANALYSIS_SKIP_FIRST_COMPLETE). */
  complete: (AnalysisResult & { previousCallsAnalyzed: number; latestCallId: string }) | null;
}

export async function analyzeCall(input: AnalysisInput, openai: OpenAIConfig | null, opts: { skipFirstComplete: boolean }): Promise<CallAnalyses> {
  const individual = openai
    ? await openaiAnalysis(openai, "individual", individualText(input), input.call.user_id)
    : heuristicResult([input.transcript]);
  if (opts.skipFirstComplete && input.calls_with_transcripts <= 1) return { individual, complete: null };
  const history = input.history.length > 0 ? input.history : [{ call_id: input.call.id, date: input.call.date,
    duration_seconds: input.call.duration_seconds, transcript: input.transcript, individual: null }];
  const complete = openai
    ? await openaiAnalysis(openai, "complete", completeText({ ...input, history }, individual.result), input.call.user_id)
    : heuristicResult(history.map((h) => h.transcript));
  return { individual, complete: { ...complete, previousCallsAnalyzed: history.length, latestCallId: history[history.length - 1].call_id } };
}
