/**
 * The text each analysis sends (seed 004's two requests): the call's transcript and metadata, or the
 * contact's history with the user (previous individual analyses and every transcript, oldest first). What
 * leaves the platform for OpenAI is exactly this text: transcripts, the number, dates, durations, and the
 * contact's name, email and company when known (README: "What is sent to OpenAI").
 */
import type { AnalysisInput, LeadAnalysis } from "./schema.ts";

/** Built-in instructions, used when no OpenAI prompt id is configured (their version is stored with each row). */
export const BUILTIN_PROMPT_VERSION = "dialbridge-lead-analysis-v1";
export const BUILTIN_INSTRUCTIONS = [
  "You score sales leads from phone-call transcripts of an M&A marketplace's voice agent.",
  "Answer with the JSON schema given. Scores: intent, urgency, budget, fit and engagement 0-3 each;",
  "total_score 0-100 from them. lead_status_tag: Hot, Warm or Cold. Quote the transcript in reasoning.",
  "Extract only what the other party said (name, company, email); null when not said.",
  "demo_scheduled_at: an agreed meeting time in ISO 8601 with offset, else null.",
].join(" ");

export function individualText(input: AnalysisInput): string {
  return `Analyze this call transcript and extract lead data:

Transcript:
${input.transcript}

Call Metadata:
- Phone Number: ${input.call.phone_number ?? "unknown"}
- Duration: ${input.call.duration_seconds} seconds
- Call Date: ${input.call.date}

Provide analysis in JSON format.`;
}

export function completeText(input: AnalysisInput, current: LeadAnalysis): string {
  const history = input.history;
  const previous = history.map((h, i) => {
    const a = h.call_id === input.call.id ? current : h.individual;
    if (!a) return `Call ${i + 1} (${h.date}): not analysed`;
    return `Call ${i + 1} (${h.date}):
- Score: ${a.total_score}
- Intent: ${a.intent_level} (${a.intent_score})
- Urgency: ${a.urgency_level} (${a.urgency_score})
- Status: ${a.lead_status_tag}
- Extracted: ${JSON.stringify(a.extraction ?? {})}`;
  }).join("\n\n");
  const transcripts = history.map((h, i) => `=== CALL ${i + 1} (${h.date}, ${h.duration_seconds}s) ===\n${h.transcript}`).join("\n\n");
  const c = input.call.contact;
  return `Analyze all call transcripts for this contact and provide aggregated lead insights.

Contact Information:
- Phone Number: ${input.call.phone_number ?? "unknown"}
- Total Calls: ${history.length}
- User ID: ${input.call.user_id}${c ? `
- Name: ${c.name ?? "unknown"}
- Email: ${c.email ?? "unknown"}
- Company: ${c.company ?? current.extraction.company_name ?? "unknown"}` : ""}

Previous Individual Analyses:
${previous}

All Call Transcripts:
${transcripts}

Provide aggregated analysis considering the full conversation history. Show progression over time and overall lead quality.`;
}
