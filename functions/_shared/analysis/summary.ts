/**
 * A call's one-paragraph summary (SourceCo's generate-call-summary → contact_activities.ai_summary), written
 * from the transcript analysis: OpenAI's when a key is configured, else the offline analyser's.
 */
import type { LeadAnalysis } from "./schema.ts";

const MAX = 600;

export function summaryText(a: LeadAnalysis, disposition?: string | null): string {
  const parts = [
    `${a.lead_status_tag} lead (${a.total_score}/100)${disposition ? `, dispositioned "${disposition}"` : ""}.`,
    `Intent ${a.intent_level}: ${a.reasoning.intent}.`,
    `Timing: ${a.reasoning.urgency}.`,
    a.extraction.smartnotification ? `Next: ${a.extraction.smartnotification}.` : null,
  ].filter((p): p is string => p !== null);
  const text = parts.join(" ").replace(/\.\./g, ".");
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
