/**
 * The offline analyser: with no OpenAI key configured, a deterministic reading of the transcript fills the
 * same schema (so `npm start`, the demo and the tests work without the network), labelled on every row
 * (analyzer 'heuristic', model 'heuristic-v1'). It counts cues in what the other party ("user:" lines) said:
 * interest, timing, money, fit, engagement, and the calls to action. Same transcript → same analysis.
 */
import type { AnalysisResult, LeadAnalysis } from "./schema.ts";

export const HEURISTIC_MODEL = "heuristic-v1";

const CUES = {
  intent: [/\binterest(ed|ing)?\b/, /\blooking (for|to)\b/, /\b(buy|acquir|sell|invest)\w*/, /\bneed\b/, /\bwant\b/],
  urgency: [/\basap\b/, /\burgent\w*/, /\bthis (week|month|quarter)\b/, /\bsoon\b/, /\btimeline\b/, /\bby (monday|tuesday|wednesday|thursday|friday|next)\b/],
  budget: [/\$\s?\d/, /\bbudget\b/, /\b(price|pricing|cost|valuation|revenue|ebitda)\b/, /\b\d+(\.\d+)?\s?(k|m|million|billion)\b/],
  fit: [/\b(company|business|firm|portfolio|industry|sector)\b/, /\b(employees|locations|customers)\b/, /\bwe (are|have|run|own)\b/],
  pricing: [/\b(price|pricing|cost|fee|fees|how much)\b/],
  demo: [/\b(demo|meeting|walk ?through|schedule (a|the) call)\b/],
  followup: [/\b(follow[ -]?up|call me back|email me|send (me )?(the )?(info|details|deck))\b/],
  sample: [/\bsample\b/, /\b(example|case study)\b/],
  human: [/\b(a |real )?(human|person|representative|someone (real|from))\b/, /\btalk to (a|an|your) \w+/],
  negative: [/\bnot interested\b/, /\bdo not call\b/, /\bdon'?t call\b/, /\bremove me\b/, /\bstop calling\b/],
};

function matches(text: string, patterns: RegExp[]): string[] {
  const found: string[] = [];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}

const clamp = (n: number) => Math.max(0, Math.min(3, n));
const levelOf = (n: number) => (n >= 3 ? "high" : n >= 2 ? "medium" : n >= 1 ? "low" : "none");

/** What the other party said: the "user:" turns (all of it when the transcript has no speaker labels). */
function partyText(transcript: string): { said: string; text: string; turns: number; questions: number } {
  const lines = transcript.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const user = lines.filter((l) => /^(user|customer|callee|lead)\s*:/i.test(l)).map((l) => l.replace(/^[^:]+:\s*/, ""));
  const said = (user.length > 0 ? user : lines).join("\n");
  const text = said.toLowerCase();
  return { said, text, turns: user.length > 0 ? user.length : lines.length, questions: (text.match(/\?/g) ?? []).length };
}

export function heuristicAnalysis(transcripts: string[]): LeadAnalysis {
  const { said: all, text, turns, questions } = partyText(transcripts.join("\n"));
  const negative = matches(text, CUES.negative);
  const cue = (k: keyof typeof CUES) => matches(text, CUES[k]);
  const intentCues = cue("intent"), urgencyCues = cue("urgency"), budgetCues = cue("budget"), fitCues = cue("fit");
  const intent = negative.length ? 0 : clamp(intentCues.length);
  const urgency = negative.length ? 0 : clamp(urgencyCues.length);
  const budget = clamp(budgetCues.length);
  const fit = clamp(fitCues.length);
  const engagement = negative.length ? 0 : clamp(Math.min(turns, 1) + Math.floor(turns / 3) + (questions > 0 ? 1 : 0));
  const total = Math.round(((intent + urgency + budget + fit + engagement) / 15) * 100);
  const email = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i.exec(all)?.[0] ?? null;
  const name = /\b(?:my name is|this is|i am|i'm)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/.exec(all)?.[1] ?? null;
  const company = /\b(?:from|at|with|of|run|own)\s+([A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3})/.exec(all)?.[1] ?? null;
  const ctas = {
    cta_pricing_clicked: cue("pricing").length > 0,
    cta_demo_clicked: cue("demo").length > 0,
    cta_followup_clicked: cue("followup").length > 0,
    cta_sample_clicked: cue("sample").length > 0,
    cta_escalated_to_human: cue("human").length > 0,
  };
  const said = (found: string[], what: string) => (found.length ? `${what}: "${found.join('", "')}"` : `no ${what} cues`);
  return {
    total_score: total,
    intent_level: levelOf(intent), intent_score: intent,
    urgency_level: levelOf(urgency), urgency_score: urgency,
    budget_constraint: budget > 0 ? "mentioned" : "not mentioned", budget_score: budget,
    fit_alignment: fit >= 2 ? "good" : fit === 1 ? "partial" : "unknown", fit_score: fit,
    engagement_health: engagement >= 2 ? "active" : engagement === 1 ? "passive" : "disengaged", engagement_score: engagement,
    lead_status_tag: total >= 45 ? "Hot" : total >= 15 ? "Warm" : "Cold",
    reasoning: {
      intent: negative.length ? `declined: "${negative.join('", "')}"` : said(intentCues, "interest"),
      urgency: said(urgencyCues, "timing"),
      budget: said(budgetCues, "money"),
      fit: said(fitCues, "fit"),
      engagement: `${turns} turns, ${questions} questions`,
      cta_behavior: Object.entries(ctas).filter(([, v]) => v).map(([k]) => k.replace(/^cta_|_clicked$/g, "")).join(", ") || "none",
    },
    extraction: { company_name: company, name, email_address: email, smartnotification: ctas.cta_demo_clicked ? "Demo requested" : ctas.cta_followup_clicked ? "Follow-up requested" : null },
    ...ctas,
    demo_scheduled_at: null,
  };
}

/** The heuristic analyser as an analysis result (labelled; no tokens). */
export function heuristicResult(transcripts: string[]): AnalysisResult {
  return {
    result: heuristicAnalysis(transcripts),
    meta: { analyzer: "heuristic", model: HEURISTIC_MODEL, prompt_id: null, prompt_version: HEURISTIC_MODEL, response_id: null,
      input_tokens: null, output_tokens: null, total_tokens: null },
  };
}
