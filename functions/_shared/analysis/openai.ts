/**
 * OpenAI's Responses API for transcript analysis (plain fetch: the worker and the edge functions share it).
 *
 *   POST {base}/responses  {prompt: {id, version?}} or {model, instructions}, input: [{role: "user", content}],
 *                          text: {format: {type: "json_schema", name, schema, strict: true}}, max_output_tokens
 *   the answer: output[].type == "message" → content[].type == "output_text" → text; usage; model; id
 *
 * 429, 5xx, network errors and timeouts are retried with backoff (Retry-After honoured); an answer that is
 * not the schema's JSON is asked for once more, then the analysis fails with the reason (InvalidAnalysisError).
 * Messages never carry transcripts.
 */
import { type AnalysisKind, type AnalysisResult, InvalidAnalysisError, LEAD_ANALYSIS_JSON_SCHEMA, parseAnalysis } from "./schema.ts";
import { BUILTIN_INSTRUCTIONS, BUILTIN_PROMPT_VERSION } from "./prompt.ts";

export interface OpenAIConfig {
  apiKey: string;
  base: string;
  /** The model (used without a prompt id, or to override the prompt's). */
  model: string | null;
  promptIds: Record<AnalysisKind, string | null>;
  promptVersion: string | null;
  timeoutMs: number;
  maxOutputTokens: number;
  attempts: number;
  retryBaseMs: number;
  fetch?: typeof fetch;
}

export class OpenAIError extends Error {
  constructor(readonly status: number | null, readonly retryable: boolean, message: string) {
    super(message);
    this.name = "OpenAIError";
  }
}

/** OPENAI_API_KEY (none: null — the offline analyser), OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_INDIVIDUAL_PROMPT_ID,
 * OPENAI_COMPLETE_PROMPT_ID, OPENAI_PROMPT_VERSION, OPENAI_TIMEOUT (ms), OPENAI_MAX_TOKENS, OPENAI_RETRY_ATTEMPTS,
 * OPENAI_RETRY_BASE_MS. */
export function openaiConfigFromEnv(get: (k: string) => string | undefined): OpenAIConfig | null {
  const apiKey = get("OPENAI_API_KEY")?.trim();
  if (!apiKey) return null;
  const num = (k: string, fallback: number, min = 0) => {
    const raw = get(k);
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`${k} must be a number ≥ ${min}, got "${raw}"`);
    return Math.floor(n);
  };
  const promptIds = { individual: get("OPENAI_INDIVIDUAL_PROMPT_ID")?.trim() || null, complete: get("OPENAI_COMPLETE_PROMPT_ID")?.trim() || null };
  const model = get("OPENAI_MODEL")?.trim() || null;
  return {
    apiKey, base: (get("OPENAI_BASE_URL") || "https://api.openai.com/v1").replace(/\/+$/, ""),
    model: model ?? (promptIds.individual && promptIds.complete ? null : "gpt-4o-2024-08-06"),
    promptIds, promptVersion: get("OPENAI_PROMPT_VERSION")?.trim() || null,
    timeoutMs: num("OPENAI_TIMEOUT", 30_000, 100), maxOutputTokens: num("OPENAI_MAX_TOKENS", 2000, 16),
    attempts: Math.max(1, num("OPENAI_RETRY_ATTEMPTS", 3)), retryBaseMs: num("OPENAI_RETRY_BASE_MS", 1000),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryAfterMs(res: Response): number | null {
  const h = res.headers.get("retry-after-ms") ?? null;
  if (h && Number.isFinite(Number(h))) return Math.min(60_000, Number(h));
  const s = res.headers.get("retry-after");
  if (s && Number.isFinite(Number(s))) return Math.min(60_000, Number(s) * 1000);
  return null;
}

/** One POST /responses with retries for 429, 5xx, network errors and timeouts. */
async function post(cfg: OpenAIConfig, body: unknown): Promise<Record<string, unknown>> {
  const f = cfg.fetch ?? fetch;
  for (let attempt = 1; ; attempt++) {
    let wait: number | null = null;
    let error: OpenAIError;
    try {
      const res = await f(`${cfg.base}/responses`, {
        method: "POST",
        headers: { Authorization: `Bearer ${cfg.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(cfg.timeoutMs),
      });
      const text = await res.text();
      if (res.ok) {
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          throw new OpenAIError(res.status, true, "OpenAI answered with a body that is not JSON");
        }
      }
      let message = "";
      try {
        message = String((JSON.parse(text) as { error?: { message?: string } }).error?.message ?? "").slice(0, 200);
      } catch { /* not JSON */ }
      const retryable = res.status === 429 || res.status >= 500;
      error = new OpenAIError(res.status, retryable, `OpenAI answered ${res.status}${message ? `: ${message}` : ""}`);
      wait = retryAfterMs(res);
    } catch (e) {
      if (e instanceof OpenAIError) error = e;
      else {
        const name = (e as Error)?.name;
        error = new OpenAIError(null, true, name === "TimeoutError" || name === "AbortError"
          ? `OpenAI did not answer within ${cfg.timeoutMs} ms` : `OpenAI could not be reached: ${(e as Error)?.message ?? e}`);
      }
    }
    if (!error.retryable || attempt >= cfg.attempts) throw error;
    await sleep(wait ?? cfg.retryBaseMs * 2 ** (attempt - 1));
  }
}

/** The text of the answer's message, or why there is none. */
export function outputText(response: Record<string, unknown>): string {
  if (response.status && response.status !== "completed") {
    throw new InvalidAnalysisError(`the response is ${String(response.status)}`);
  }
  const output = Array.isArray(response.output) ? response.output as Record<string, unknown>[] : [];
  const message = output.find((o) => o?.type === "message");
  const content = Array.isArray(message?.content) ? message!.content as Record<string, unknown>[] : [];
  const refusal = content.find((c) => c?.type === "refusal");
  if (refusal) throw new InvalidAnalysisError("the model refused to answer");
  const text = content.find((c) => c?.type === "output_text" && typeof c.text === "string")?.text;
  if (typeof text !== "string") throw new InvalidAnalysisError("the response has no output_text");
  return text;
}

/** One analysis through the Responses API: validated, retried once if the answer is not the schema's. */
export async function openaiAnalysis(cfg: OpenAIConfig, kind: AnalysisKind, content: string, userId: string | null): Promise<AnalysisResult> {
  const promptId = cfg.promptIds[kind];
  const body = {
    ...(promptId ? { prompt: { id: promptId, ...(cfg.promptVersion ? { version: cfg.promptVersion } : {}) } } : { instructions: BUILTIN_INSTRUCTIONS }),
    ...(cfg.model ? { model: cfg.model } : {}),
    input: [{ role: "user", content }],
    text: { format: { type: "json_schema", name: "lead_analysis", schema: LEAD_ANALYSIS_JSON_SCHEMA, strict: true } },
    max_output_tokens: cfg.maxOutputTokens,
    store: false,
    ...(userId ? { user: userId } : {}),
  };
  let lastError: InvalidAnalysisError | null = null;
  for (let tries = 0; tries < 2; tries++) {
    const response = await post(cfg, body);
    try {
      const result = parseAnalysis(outputText(response));
      const usage = (response.usage ?? {}) as Record<string, unknown>;
      const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v) : null);
      return {
        result,
        meta: {
          analyzer: "openai", model: typeof response.model === "string" ? response.model : cfg.model,
          prompt_id: promptId, prompt_version: promptId ? cfg.promptVersion : BUILTIN_PROMPT_VERSION,
          response_id: typeof response.id === "string" ? response.id : null,
          input_tokens: n(usage.input_tokens), output_tokens: n(usage.output_tokens), total_tokens: n(usage.total_tokens),
        },
      };
    } catch (e) {
      if (!(e instanceof InvalidAnalysisError)) throw e;
      lastError = e;
    }
  }
  throw new InvalidAnalysisError(`OpenAI's answer was unusable twice: ${lastError?.message}`);
}
