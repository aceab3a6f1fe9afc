/**
 * A local stand-in of OpenAI's Responses API (POST /v1/responses), for the tests and `npm run bench:bolna`:
 * good answers (the offline analyser's reading of the input, as structured output, with usage), and on
 * request malformed JSON, an answer outside the schema, a refusal, 429 with Retry-After, 500, or an answer
 * slower than the client's timeout. `next(...)` queues behaviours for the coming requests; otherwise "good".
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { heuristicAnalysis } from "../../functions/_shared/analysis/heuristic.ts";

export type StandinBehaviour = "good" | "malformed" | "invalid" | "refusal" | "429" | "500" | "slow";

export interface RunningOpenAIStandin {
  /** Base URL for OPENAI_BASE_URL (…/v1). */
  url: string;
  requests: Record<string, unknown>[];
  next(...behaviours: StandinBehaviour[]): void;
  /** How long a "slow" answer takes. */
  slowMs: number;
  stop(): Promise<void>;
}

export async function startOpenAIStandin(): Promise<RunningOpenAIStandin> {
  const queue: StandinBehaviour[] = [];
  const requests: Record<string, unknown>[] = [];
  let n = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.url !== "/v1/responses" || req.method !== "POST") return send(404, { error: { message: "Not found" } });
    if (!/^Bearer\s+\S+/.test(req.headers.authorization ?? "")) return send(401, { error: { message: "Missing API key" } });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(400, { error: { message: "Invalid JSON body" } });
    }
    requests.push(body);
    const behaviour = queue.shift() ?? "good";
    if (behaviour === "429") return send(429, { error: { message: "Rate limit reached" } }, { "Retry-After": "0" });
    if (behaviour === "500") return send(500, { error: { message: "The server had an error" } });
    if (behaviour === "slow") await new Promise((r) => setTimeout(r, api.slowMs));
    const input = (body.input as { content: string }[] | undefined)?.map((i) => i.content).join("\n") ?? "";
    const text = behaviour === "malformed" ? '{"total_score": 70, "intent_level": "hi'
      : behaviour === "invalid" ? JSON.stringify({ total_score: 170, intent_level: "high" })
      : JSON.stringify(heuristicAnalysis([input]));
    const content = behaviour === "refusal" ? [{ type: "refusal", refusal: "I can't help with that." }] : [{ type: "output_text", text, annotations: [] }];
    const inputTokens = Math.ceil(input.length / 4), outputTokens = Math.ceil(text.length / 4);
    send(200, {
      id: `resp_standin_${++n}`, object: "response", created_at: Math.floor(Date.now() / 1000), status: "completed",
      model: (body.model as string) ?? "gpt-4o-2024-08-06",
      output: [{ id: `msg_${n}`, type: "message", role: "assistant", status: "completed", content }],
      usage: { input_tokens: inputTokens, output_tokens: outputTokens, total_tokens: inputTokens + outputTokens },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const api: RunningOpenAIStandin = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests, slowMs: 2000,
    next(...b) {
      queue.push(...b);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return api;
}
