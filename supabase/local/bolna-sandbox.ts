/**
 * A local Bolna.ai: its call API and the webhooks Bolna sends (shared/docs/providers.md, seed 004): the
 * whole execution object POSTed on every status change.
 *
 *   POST /call {agent_id, recipient_phone_number, from_phone_number?}  → {message, status: "queued", execution_id}
 *   GET  /executions/{id}                                             → the execution object as it stands
 *   auth: Authorization: Bearer <any non-empty key>
 *
 * The sequences: answered — initiated, ringing, in-progress, call-disconnected (conversation_duration, the
 * transcript), then completed `completedAfterMs` later (minutes, for Bolna) with the recording and hangup
 * fields; no-answer — initiated, ringing, no-answer; busy — initiated, ringing, busy; and balance-low.
 * Webhooks carry the platform's token (X-Bolna-Token); on request duplicated (duplicateRate) and delivered in
 * a shuffled order once the call is over (shuffle).
 *
 *   control  POST /__sandbox/outcome {to, outcome, transcript?}   force the next call to that number
 *            POST /__sandbox/config {…options}
 *            GET  /__sandbox/executions
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { prng } from "./prng.ts";
import type { Service, StartContext } from "./service.ts";
import { webhookSender } from "./sandbox/webhook-sender.ts";
import { exportVars, firstOf, startOnPort } from "./sandbox/local-service.ts";

export type BolnaOutcome = "answered" | "no-answer" | "busy" | "balance-low";

export interface BolnaSandboxOptions {
  port?: number;
  host?: string;
  webhookUrl?: string;
  /** Sent as X-Bolna-Token with every webhook. */
  webhookToken?: string;
  /** Share of calls answered (the rest: no-answer, and busyRate of them busy). */
  answerRate?: number;
  busyRate?: number;
  /** Time between lifecycle steps, and the talk. */
  stepMs?: number;
  talkMs?: number;
  /** The completed POST comes this long after call-disconnected (Bolna: minutes). */
  completedAfterMs?: number;
  duplicateRate?: number;
  shuffle?: boolean;
  seed?: number;
}

interface Execution {
  id: string;
  agentId: string;
  to: string;
  from: string;
  outcome: BolnaOutcome;
  transcript: string;
  seconds: number;
  status: string;
  createdAt: Date;
  object: Record<string, unknown>;
}

export interface RunningBolnaSandbox {
  url: string;
  executions: Execution[];
  delivered: { status: number; event: string; id: string }[];
  configure(opts: Partial<BolnaSandboxOptions>): void;
  setOutcome(to: string, outcome: BolnaOutcome, transcript?: string): void;
  /** Resolves when every scheduled webhook has been delivered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_BOLNA_SANDBOX_PORT = 54332;

/** Conversations the sandbox's agent has, chosen by seed: each a realistic B2B exchange. */
export const SAMPLE_TRANSCRIPTS = [
  "assistant: Hi, this is Ava from SourceCo. Do you have a minute to talk about buyers for your business?\nuser: Sure, my name is Dana Reyes, I run Reyes Logistics.\nassistant: Are you thinking about selling in the next year?\nuser: Yes, we are looking to sell this quarter if the valuation is right. Revenue is about 12 million.\nassistant: Would a meeting with our team help?\nuser: Yes, please schedule a demo and send the pricing to dana@reyeslogistics.com.",
  "assistant: Hello, this is Ava from SourceCo, calling about acquisition opportunities.\nuser: We might be interested later, not now.\nassistant: Should I follow up in a few months?\nuser: Email me the details, I'll look when I can.",
  "assistant: Hi, this is Ava from SourceCo.\nuser: Not interested, please remove me from your list.\nassistant: Understood, I will remove you. Goodbye.",
  "assistant: Hello, this is Ava from SourceCo. We help owners find buyers.\nuser: What are your fees? How much does it cost?\nassistant: It depends on the deal size.\nuser: Can I talk to a real person about it? We have 40 employees and three locations.",
];

export async function startBolnaSandbox(initial: BolnaSandboxOptions = {}): Promise<RunningBolnaSandbox> {
  const opts: Required<Omit<BolnaSandboxOptions, "port" | "host" | "webhookUrl" | "webhookToken">> &
    Pick<BolnaSandboxOptions, "webhookUrl" | "webhookToken"> = {
    answerRate: 0.5, busyRate: 0.2, stepMs: 30, talkMs: 60, completedAfterMs: 200, duplicateRate: 0, shuffle: false, seed: 7,
    ...initial,
  };
  let random = prng(opts.seed);
  const forced = new Map<string, { outcome: BolnaOutcome; transcript?: string }>();
  const executions: Execution[] = [];
  const delivered: RunningBolnaSandbox["delivered"] = [];
  let seq = 0;
  let url = "";
  const webhooks = webhookSender({
    url: () => opts.webhookUrl,
    headers: (): Record<string, string> => opts.webhookToken ? { "X-Bolna-Token": opts.webhookToken } : {},
    duplicateRate: () => opts.duplicateRate, shuffle: () => opts.shuffle, random: () => random.next(),
    delivered: (status, event) => delivered.push({ status, event: String(event.status), id: String(event.id) }),
  });
  const emit = (events: Record<string, unknown>[]) => webhooks.emit(events);
  const later = webhooks.later;

  /** The execution object at a status (a snapshot: Bolna sends the whole object each time). */
  const snapshot = (x: Execution, status: string, atMs: number, extra: Record<string, unknown> = {}, telephony: Record<string, unknown> = {}) => {
    x.status = status;
    x.object = {
      id: x.id, agent_id: x.agentId, batch_id: null, status,
      created_at: x.createdAt.toISOString(), updated_at: new Date(x.createdAt.getTime() + atMs).toISOString(),
      conversation_duration: 0, total_cost: 0, transcript: null, summary: null, extracted_data: null,
      answered_by_voice_mail: false, error_message: null, cost_breakdown: {}, user_number: x.to, agent_number: x.from,
      ...extra,
      telephony_data: {
        duration: "0", to_number: x.to, from_number: x.from, recording_url: null, hosted_telephony: true,
        provider_call_id: `CA${x.id.replace(/-/g, "").slice(0, 30)}`, call_type: "outbound", provider: "twilio",
        hangup_by: null, hangup_reason: null, hangup_provider_code: null, ring_duration: null,
        ...telephony,
      },
    };
    return structuredClone(x.object);
  };

  const play = (x: Execution) => {
    const batched = opts.shuffle;
    const batch: Record<string, unknown>[] = [];
    const out = (e: Record<string, unknown>) => { if (batched) batch.push(e); else emit([e]); };
    const s = opts.stepMs;
    const step = (ms: number, fn: () => void) => later(ms, fn);
    step(0, () => out(snapshot(x, "initiated", 0)));
    step(s, () => out(snapshot(x, "ringing", s)));
    if (x.outcome === "answered") {
      const talkEnd = 2 * s + opts.talkMs;
      step(2 * s, () => out(snapshot(x, "in-progress", 2 * s)));
      step(talkEnd, () => out(snapshot(x, "call-disconnected", talkEnd,
        { conversation_duration: x.seconds, transcript: x.transcript, summary: "The agent spoke with the owner." },
        { hangup_by: "Callee", hangup_reason: "Call recipient hung up", hangup_provider_code: 4000 })));
      step(talkEnd + opts.completedAfterMs, () => {
        out(snapshot(x, "completed", talkEnd + opts.completedAfterMs,
          { conversation_duration: x.seconds, transcript: x.transcript, summary: "The agent spoke with the owner.", total_cost: Math.round(x.seconds * 0.15) / 100 },
          { duration: String(Math.ceil(x.seconds)), recording_url: `${url}/recordings/${x.id}.mp3`, hangup_by: "Callee",
            hangup_reason: "Call recipient hung up", hangup_provider_code: 4000 }));
        if (batched) emit(batch.splice(0));
      });
    } else {
      const end = 2 * s + (x.outcome === "busy" ? s : 3 * s);
      const telephony = x.outcome === "busy" ? { hangup_by: "Carrier", hangup_reason: "Call recipient was busy", hangup_provider_code: 486 }
        : x.outcome === "no-answer" ? { hangup_by: "Carrier", hangup_reason: "Call recipient rejected", hangup_provider_code: 480 }
        : { hangup_by: "Bolna", hangup_reason: "Insufficient balance", hangup_provider_code: 402 };
      step(end, () => {
        out(snapshot(x, x.outcome, end, {}, telephony));
        if (batched) emit(batch.splice(0));
      });
    }
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> = {};
    try {
      const raw = Buffer.concat(chunks).toString("utf8");
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return reply(res, 400, { message: "Invalid JSON" });
    }
    const path = new URL(req.url ?? "/", "http://sandbox").pathname;
    if (path === "/__sandbox/outcome" && req.method === "POST") {
      api.setOutcome(String(body.to), body.outcome as BolnaOutcome, body.transcript as string | undefined);
      return reply(res, 200, { ok: true });
    }
    if (path === "/__sandbox/config" && req.method === "POST") {
      api.configure(body as Partial<BolnaSandboxOptions>);
      return reply(res, 200, { ok: true });
    }
    if (path === "/__sandbox/executions" && req.method === "GET") return reply(res, 200, { data: executions.map((x) => x.object) });
    if (/^\/recordings\/[\w-]+\.mp3$/.test(path)) {
      res.writeHead(200, { "Content-Type": "audio/mpeg" });
      return res.end(Buffer.from("ID3bolna"));
    }
    if (!/^Bearer\s+\S+/.test(req.headers.authorization ?? "")) return reply(res, 401, { message: "Unauthorized" });
    if (path === "/call" && req.method === "POST") {
      const agentId = String(body.agent_id ?? "");
      const to = String(body.recipient_phone_number ?? "");
      if (!agentId) return reply(res, 400, { message: "agent_id is required" });
      if (!/^\+?\d{8,15}$/.test(to)) return reply(res, 400, { message: "recipient_phone_number must be E.164" });
      const f = forced.get(to.replace(/\D/g, ""));
      forced.delete(to.replace(/\D/g, ""));
      const r = random.next();
      const outcome: BolnaOutcome = f?.outcome ?? (r < opts.answerRate ? "answered" : random.next() < opts.busyRate ? "busy" : "no-answer");
      const x: Execution = {
        id: `${(++seq).toString(16).padStart(8, "0")}-${Date.now().toString(16).slice(-4)}-4${Math.floor(random.next() * 4096).toString(16).padStart(3, "0")}-8000-${Math.floor(random.next() * 2 ** 48).toString(16).padStart(12, "0")}`,
        agentId, to: to.startsWith("+") ? to : `+${to}`, from: String(body.from_phone_number ?? "+15550100000"), outcome,
        transcript: f?.transcript ?? SAMPLE_TRANSCRIPTS[Math.floor(random.next() * SAMPLE_TRANSCRIPTS.length)],
        seconds: Math.round((20 + random.next() * 160) * 10) / 10, status: "queued", createdAt: new Date(), object: {},
      };
      snapshot(x, "queued", 0);
      executions.push(x);
      play(x);
      return reply(res, 200, { message: "done", status: "queued", execution_id: x.id });
    }
    const m = /^\/executions\/([\w-]+)$/.exec(path);
    if (m && req.method === "GET") {
      const x = executions.find((e) => e.id === m[1]);
      return x ? reply(res, 200, x.object) : reply(res, 404, { message: "Not found" });
    }
    return reply(res, 404, { message: "Not found" });
  });

  function reply(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(initial.port ?? 0, initial.host ?? "127.0.0.1", () => resolve());
  });
  url = `http://${initial.host ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;

  const api: RunningBolnaSandbox = {
    url, executions, delivered,
    configure(o) {
      Object.assign(opts, o);
      if (o.seed !== undefined) random = prng(o.seed);
    },
    setOutcome(to, outcome, transcript) {
      forced.set(to.replace(/\D/g, ""), { outcome, transcript });
    },
    idle: () => webhooks.idle(),
    async stop() {
      await webhooks.stop();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return api;
}

/**
 * `npm start`'s Bolna: when BOLNA_API_BASE is not set, a sandbox on BOLNA_SANDBOX_PORT (54332) sending its
 * webhooks to the local bolna-webhook with the first BOLNA_WEBHOOK_TOKENS token (one is made up when unset).
 * The completed POST comes 60 s after the conversation (Bolna: minutes). Place it before the functions service.
 */
export const bolnaSandboxService: Service = {
  name: "bolna sandbox",
  async start(ctx: StartContext) {
    if (ctx.env.BOLNA_API_BASE) {
      ctx.summary.push(["bolna", `${ctx.env.BOLNA_API_BASE} (BOLNA_API_BASE)`]);
      return;
    }
    const vars: Record<string, string> = {};
    let token = firstOf(ctx.env.BOLNA_WEBHOOK_TOKENS);
    if (!token) {
      token = `local-${Math.random().toString(36).slice(2, 14)}`;
      vars.BOLNA_WEBHOOK_TOKENS = token;
    }
    const webhookUrl = `http://127.0.0.1:${ctx.env.FUNCTIONS_PORT || 54321}/functions/v1/bolna-webhook`;
    const options = { webhookUrl, webhookToken: token, stepMs: 2000, talkMs: 20_000, completedAfterMs: 60_000 };
    const sb = await startOnPort(ctx.env.BOLNA_SANDBOX_PORT, DEFAULT_BOLNA_SANDBOX_PORT, (port) => startBolnaSandbox({ ...options, port }));
    vars.BOLNA_API_BASE = sb.url;
    exportVars(ctx, vars);
    ctx.summary.push(["bolna", `sandbox at ${sb.url} (POST /call; webhooks to ${webhookUrl})`]);
    return sb;
  },
};
