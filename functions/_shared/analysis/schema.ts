/**
 * The lead analysis of a call transcript (seed 004's IndividualAnalysis), once: the zod schema every answer
 * is validated with before anything is stored, and the JSON schema OpenAI's structured output is asked to
 * follow (strict: every field present, nullable where a value may be unknown). A test checks the two agree.
 */
import { z } from "zod";

const level = z.string().trim().min(1).max(60);
const score = z.number().int().min(0).max(5);
const text = z.string().max(2000);

export const LeadAnalysis = z.object({
  total_score: z.number().int().min(0).max(100),
  intent_level: level,
  intent_score: score,
  urgency_level: level,
  urgency_score: score,
  budget_constraint: level,
  budget_score: score,
  fit_alignment: level,
  fit_score: score,
  engagement_health: level,
  engagement_score: score,
  lead_status_tag: z.string().trim().min(1).max(40),
  reasoning: z.object({
    intent: text, urgency: text, budget: text, fit: text, engagement: text, cta_behavior: text,
  }).strict(),
  extraction: z.object({
    company_name: z.string().max(200).nullable(),
    name: z.string().max(200).nullable(),
    email_address: z.string().max(320).nullable(),
    smartnotification: z.string().max(500).nullable(),
  }).strict(),
  cta_pricing_clicked: z.boolean(),
  cta_demo_clicked: z.boolean(),
  cta_followup_clicked: z.boolean(),
  cta_sample_clicked: z.boolean(),
  cta_escalated_to_human: z.boolean(),
  demo_scheduled_at: z.string().datetime({ offset: true }).nullable(),
}).strict();
export type LeadAnalysis = z.infer<typeof LeadAnalysis>;

const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const int = { type: "integer" } as const;
const bool = { type: "boolean" } as const;
const obj = (properties: Record<string, unknown>) =>
  ({ type: "object", additionalProperties: false, required: Object.keys(properties), properties });

/** The JSON schema of text.format (OpenAI structured output, strict). Ranges are checked by LeadAnalysis. */
export const LEAD_ANALYSIS_JSON_SCHEMA = obj({
  total_score: int, intent_level: str, intent_score: int, urgency_level: str, urgency_score: int,
  budget_constraint: str, budget_score: int, fit_alignment: str, fit_score: int, engagement_health: str,
  engagement_score: int, lead_status_tag: str,
  reasoning: obj({ intent: str, urgency: str, budget: str, fit: str, engagement: str, cta_behavior: str }),
  extraction: obj({ company_name: nstr, name: nstr, email_address: nstr, smartnotification: nstr }),
  cta_pricing_clicked: bool, cta_demo_clicked: bool, cta_followup_clicked: bool, cta_sample_clicked: bool,
  cta_escalated_to_human: bool, demo_scheduled_at: nstr,
});

export type AnalysisKind = "individual" | "complete";

/** What an analysis read and what it produced, as stored beside the scores (lead_analytics). */
export interface AnalysisMeta {
  analyzer: "openai" | "heuristic";
  model: string | null;
  prompt_id: string | null;
  prompt_version: string | null;
  response_id: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
}

export interface AnalysisResult {
  result: LeadAnalysis;
  meta: AnalysisMeta;
}

/** dialbridge.analysis_input(call): the call, its transcript and the history the complete analysis reads. */
export interface AnalysisInput {
  call: {
    id: string;
    user_id: string;
    phone_number: string | null;
    duration_seconds: number;
    date: string;
    contact?: { name?: string; email?: string; company?: string } | null;
  };
  transcript: string;
  history: { call_id: string; date: string; duration_seconds: number; transcript: string; individual: Partial<LeadAnalysis> | null }[];
  calls_with_transcripts: number;
}

/** Why an answer could not be used (after its one retry): the analysis fails with this reason. */
export class InvalidAnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidAnalysisError";
  }
}

/** Parses and validates an answer's text; throws InvalidAnalysisError saying what is wrong. */
export function parseAnalysis(text: string): LeadAnalysis {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidAnalysisError("the answer is not JSON");
  }
  const parsed = LeadAnalysis.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidAnalysisError(`the answer does not fit the schema: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
