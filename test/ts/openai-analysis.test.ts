/**
 * The OpenAI Responses API client of the transcript analysis (functions/_shared/analysis/openai.ts), run
 * against a local stand-in of the API (supabase/local/openai-standin.ts): the request it sends (prompt id and
 * version, or model and built-in instructions; strict JSON-schema output; no store), answers validated before
 * use, one more request for an answer outside the schema and then a clear failure, backoff on 429 and 5xx, a
 * timeout, a refusal; and the offline analyser: deterministic, labelled, and inside the same schema.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heuristicAnalysis, heuristicResult } from "../../functions/_shared/analysis/heuristic.ts";
import { OpenAIError, openaiAnalysis, openaiConfigFromEnv, type OpenAIConfig } from "../../functions/_shared/analysis/openai.ts";
import { InvalidAnalysisError, LEAD_ANALYSIS_JSON_SCHEMA, LeadAnalysis, parseAnalysis } from "../../functions/_shared/analysis/schema.ts";
import { SAMPLE_TRANSCRIPTS } from "../../supabase/local/bolna-sandbox.ts";
import { startOpenAIStandin, type RunningOpenAIStandin } from "../../supabase/local/openai-standin.ts";

describe("transcript analysis through OpenAI's Responses API", () => {
  let standin: RunningOpenAIStandin;
  let cfg: OpenAIConfig;
  beforeAll(async () => {
    standin = await startOpenAIStandin();
    cfg = openaiConfigFromEnv((k) => ({
      OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: standin.url, OPENAI_INDIVIDUAL_PROMPT_ID: "pmpt_ind", OPENAI_COMPLETE_PROMPT_ID: "pmpt_all",
      OPENAI_PROMPT_VERSION: "12", OPENAI_RETRY_BASE_MS: "5", OPENAI_TIMEOUT: "400",
    } as Record<string, string>)[k])!;
  });
  afterAll(async () => standin?.stop());

  it("sends the prompt id and version, the transcript and a strict JSON schema, and returns a validated analysis with its usage", async () => {
    const before = standin.requests.length;
    const out = await openaiAnalysis(cfg, "individual", `Transcript:\n${SAMPLE_TRANSCRIPTS[0]}`, "user-1");
    const sent = standin.requests[before];
    expect(sent).toMatchObject({
      prompt: { id: "pmpt_ind", version: "12" }, input: [{ role: "user" }], store: false, user: "user-1",
      text: { format: { type: "json_schema", name: "lead_analysis", strict: true, schema: LEAD_ANALYSIS_JSON_SCHEMA } },
    });
    expect(sent.model).toBeUndefined(); // the prompt decides the model
    expect(LeadAnalysis.safeParse(out.result).success).toBe(true);
    expect(out.result.cta_demo_clicked).toBe(true);
    expect(out.meta).toMatchObject({ analyzer: "openai", prompt_id: "pmpt_ind", prompt_version: "12", model: "gpt-4o-2024-08-06" });
    expect(out.meta.total_tokens).toBe((out.meta.input_tokens ?? 0) + (out.meta.output_tokens ?? 0));
    expect(out.meta.response_id).toMatch(/^resp_/);
  });

  it("without prompt ids, sends the model and the built-in instructions (their version stored with the row)", async () => {
    const plain = openaiConfigFromEnv((k) => ({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: standin.url } as Record<string, string>)[k])!;
    const before = standin.requests.length;
    const out = await openaiAnalysis(plain, "complete", "Contact history …\nuser: interested", null);
    expect(standin.requests[before]).toMatchObject({ model: "gpt-4o-2024-08-06", instructions: expect.stringContaining("score") });
    expect(standin.requests[before].prompt).toBeUndefined();
    expect(out.meta).toMatchObject({ prompt_id: null, prompt_version: "dialbridge-lead-analysis-v1" });
  });

  it("asks once more when the answer is malformed or outside the schema, then fails saying why", async () => {
    standin.next("malformed");
    await expect(openaiAnalysis(cfg, "individual", "user: yes", null)).resolves.toMatchObject({ meta: { analyzer: "openai" } });
    standin.next("malformed", "invalid");
    const failed = openaiAnalysis(cfg, "individual", "user: yes", null);
    await expect(failed).rejects.toBeInstanceOf(InvalidAnalysisError);
    await expect(failed).rejects.toThrow(/unusable twice: the answer does not fit the schema: total_score/);
    standin.next("refusal", "refusal");
    await expect(openaiAnalysis(cfg, "individual", "user: yes", null)).rejects.toThrow(/refused/);
  });

  it("waits out 429 and 5xx with backoff, and gives up with a retryable error when they persist", async () => {
    standin.next("429", "500");
    await expect(openaiAnalysis(cfg, "individual", "user: yes", null)).resolves.toBeTruthy();
    standin.next("500", "500", "500");
    const err = await openaiAnalysis(cfg, "individual", "user: yes", null).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAIError);
    expect(err).toMatchObject({ status: 500, retryable: true });
  });

  it("times out a slow answer and tries again", async () => {
    standin.slowMs = 1000;
    standin.next("slow");
    const t0 = Date.now();
    await expect(openaiAnalysis(cfg, "individual", "user: yes", null)).resolves.toBeTruthy();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(390);
  });

  it("refuses a bad key outright (no retry) and reads its settings strictly", async () => {
    const noKey = { ...cfg, apiKey: "" };
    const before = standin.requests.length;
    const err = await openaiAnalysis(noKey, "individual", "user: yes", null).catch((e) => e);
    expect(err).toMatchObject({ status: 401, retryable: false });
    expect(standin.requests.length).toBe(before);
    expect(openaiConfigFromEnv(() => undefined)).toBeNull();
    expect(() => openaiConfigFromEnv((k) => (k === "OPENAI_API_KEY" ? "sk" : k === "OPENAI_TIMEOUT" ? "soon" : undefined))).toThrow(/OPENAI_TIMEOUT/);
  });

  it("the JSON schema OpenAI follows and the zod schema answers are checked with name the same fields", () => {
    const zodKeys = (s: { shape: Record<string, unknown> }) => Object.keys(s.shape).sort();
    expect([...LEAD_ANALYSIS_JSON_SCHEMA.required].sort()).toEqual(zodKeys(LeadAnalysis));
    const props = LEAD_ANALYSIS_JSON_SCHEMA.properties as Record<string, { required?: string[] }>;
    expect([...props.reasoning.required!].sort()).toEqual(zodKeys(LeadAnalysis.shape.reasoning));
    expect([...props.extraction.required!].sort()).toEqual(zodKeys(LeadAnalysis.shape.extraction));
    expect(() => parseAnalysis("{}")).toThrow(InvalidAnalysisError);
  });

  it("the offline analyser is deterministic, inside the schema, and reads interest, refusals and calls to action", () => {
    for (const t of SAMPLE_TRANSCRIPTS) {
      const a = heuristicAnalysis([t]);
      expect(LeadAnalysis.safeParse(a).success).toBe(true);
      expect(heuristicAnalysis([t])).toEqual(a);
    }
    const hot = heuristicAnalysis([SAMPLE_TRANSCRIPTS[0]]);
    expect(hot).toMatchObject({ lead_status_tag: "Hot", cta_demo_clicked: true, cta_pricing_clicked: true,
      extraction: { name: "Dana Reyes", email_address: "dana@reyeslogistics.com" } });
    const no = heuristicAnalysis([SAMPLE_TRANSCRIPTS[2]]);
    expect(no).toMatchObject({ lead_status_tag: "Cold", intent_score: 0 });
    expect(no.reasoning.intent).toMatch(/declined/);
    expect(heuristicAnalysis([SAMPLE_TRANSCRIPTS[3]]).cta_escalated_to_human).toBe(true);
    expect(heuristicResult(["user: hi"]).meta).toMatchObject({ analyzer: "heuristic", model: "heuristic-v1", total_tokens: null });
  });
});
