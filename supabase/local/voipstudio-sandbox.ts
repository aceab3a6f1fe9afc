/**
 * A local VoIPStudio: the part of its REST API dialbridge calls, and the per-leg webhooks VoIPStudio sends,
 * shaped as shared/docs/providers.md describes them. `npm start` runs it when VOIPSTUDIO_API_BASE is unset;
 * the tests, the demo and `npm run bench:voipstudio` start their own.
 *
 *   POST /calls {to, from, caller_id?}   201 {data: {id, state: "RINGING", …}}; 412 when the agent (from)
 *                                        is offline; 400 "No CLI prefix set" when a caller_id is sent and
 *                                        the account has no CLI prefix (noCliPrefix)
 *   GET  /calls/{id}                     {data: {id, state, …}} (RINGING, CONNECTED, HANGUP, NOANSWER, BUSY)
 *   GET  /cdrs                           finished calls, newest first, with their recording URL (and, with
 *                                        transcribe, a transcription)
 *   GET  /recordings/{id}.mp3            a few bytes
 *   auth: X-Auth-Token (a token registered with POST /__sandbox/tokens, or any when acceptAnyToken)
 *
 * Each placed call rings the agent's leg (final: false), then the number's leg (final: true): answered
 * (answerRate), busy (busyRate) or missed; webhooks go to webhookUrl with Basic credentials, one POST per
 * leg event, optionally duplicated (duplicateRate) and delivered in a shuffled order (shuffle).
 *
 * Predictive mode's contact-first calls (POST /calls with dial_first "to" and from = a call queue): the
 * number's leg rings (final: true) and is answered by a person or a machine (answered_by), busy or missed;
 * a person is bridged at once to a free member of the queue (the agent's leg: final false, user_id, connected)
 * — a member is busy through their talk and agentWrapMs — or, with nobody free, hears the safe-harbor message
 * (no_agent_message) and the call ends: abandoned.
 *
 *   control  POST /__sandbox/tokens {token, user_id}     register an agent's token
 *            POST /__sandbox/queues {queue, members}     the members (VoIPStudio user ids) of a call queue
 *            POST /__sandbox/config {…options}           change rates, offline agents, timings
 *            POST /__sandbox/outcome {to, outcome}      force the next call to that number
 *            POST /__sandbox/flush                      deliver every pending webhook now
 *            GET  /__sandbox/calls                      what was placed
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { prng } from "./prng.ts";
import type { Service, StartContext } from "./service.ts";
import { webhookSender } from "./sandbox/webhook-sender.ts";
import { exportVars, firstOf, startOnPort } from "./sandbox/local-service.ts";

export interface VoipStudioSandboxOptions {
  port?: number;
  host?: string;
  /** Where the webhooks go (…/functions/v1/voipstudio-webhook). */
  webhookUrl?: string;
  /** "user:password" sent as Basic credentials with every webhook. */
  webhookCredentials?: string;
  acceptAnyToken?: boolean;
  answerRate?: number;
  busyRate?: number;
  /** Agent answers its softphone after this long. */
  agentAnswerMs?: number;
  ringMs?: number;
  talkMs?: number;
  /** Recorded talk time reported, in seconds, for answered calls (VoIPStudio's duration). */
  talkSeconds?: number;
  duplicateRate?: number;
  shuffle?: boolean;
  /** Hold every webhook until /__sandbox/flush (tests that want an exact order). */
  holdWebhooks?: boolean;
  noCliPrefix?: boolean;
  offlineAgents?: string[];
  seed?: number;
  /** Answer 429 to the first N POST /calls (tests of the client's backoff). */
  rateLimitNext?: number;
  /** Contact-first calls: of the answers, the share a machine gives. */
  machineRate?: number;
  /** Contact-first calls: call queues and their members (VoIPStudio user ids). */
  queues?: Record<string, string[]>;
  /** A queue member stays busy this long after a bridged call (the queue's wrap-up time). */
  agentWrapMs?: number;
  /** Length of the safe-harbor message reported as the abandoned call's duration, in seconds. */
  safeHarborSeconds?: number;
  /** The call history carries a transcription of each recording (accounts with transcription). */
  transcribe?: boolean;
}

export type Outcome = "answered" | "busy" | "no-answer" | "machine";

interface SandboxCall {
  id: string;
  from: string;
  to: string;
  callerId: string | null;
  state: string;
  outcome: Outcome;
  placedAt: Date;
  endedAt?: Date;
  duration?: number;
  recordingUrl?: string;
  /** Contact-first calls: the call queue, the member bridged, whether nobody was free (abandoned). */
  queue?: string;
  agent?: string;
  abandoned?: boolean;
  safeHarborMessage?: string | null;
}

export interface RunningVoipStudioSandbox {
  url: string;
  calls: SandboxCall[];
  /** Webhooks sent (status of the answer, event name, leg). */
  delivered: { status: number; event: string; leg: string }[];
  configure(opts: Partial<VoipStudioSandboxOptions>): void;
  setOutcome(to: string, outcome: Outcome): void;
  registerToken(token: string, userId: string): void;
  /** Sets a call queue's members. */
  setQueue(queue: string, members: string[]): void;
  /** Every queue member free again (their wrap-up over). */
  resetAgents(): void;
  flush(): Promise<void>;
  /** Resolves when every webhook scheduled so far has been delivered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_VOIPSTUDIO_SANDBOX_PORT = 54331;

export async function startVoipStudioSandbox(initial: VoipStudioSandboxOptions = {}): Promise<RunningVoipStudioSandbox> {
  const opts: Required<Omit<VoipStudioSandboxOptions, "port" | "host" | "webhookUrl" | "webhookCredentials">> &
    Pick<VoipStudioSandboxOptions, "webhookUrl" | "webhookCredentials"> = {
    acceptAnyToken: false, answerRate: 0.6, busyRate: 0.05, agentAnswerMs: 20, ringMs: 60, talkMs: 80, talkSeconds: 95,
    duplicateRate: 0, shuffle: false, holdWebhooks: false, noCliPrefix: false, offlineAgents: [], seed: 3, rateLimitNext: 0,
    machineRate: 0, queues: {}, agentWrapMs: 0, safeHarborSeconds: 8, transcribe: false,
    ...initial,
  };
  /** Queue members busy until (epoch ms). */
  const busyUntil = new Map<string, number>();
  let random = prng(opts.seed);
  const tokens = new Map<string, string>();
  const forced = new Map<string, Outcome>();
  const calls: SandboxCall[] = [];
  const delivered: RunningVoipStudioSandbox["delivered"] = [];
  const held: Record<string, unknown>[] = [];
  let seq = 0;
  let url = "";
  const webhooks = webhookSender({
    url: () => opts.webhookUrl,
    headers: (): Record<string, string> => opts.webhookCredentials
      ? { Authorization: `Basic ${Buffer.from(opts.webhookCredentials).toString("base64")}` } : {},
    duplicateRate: () => opts.duplicateRate, shuffle: () => opts.shuffle, random: () => random.next(),
    delivered: (status, event) => delivered.push({ status, event: String(event.event_name), leg: String(event.call_id) }),
  });
  const send = webhooks.send;
  const later = webhooks.later;
  /** Sends (duplicated, shuffled as configured) — or holds them until /__sandbox/flush. */
  const emit = (events: Record<string, unknown>[]) => {
    if (opts.holdWebhooks) held.push(...webhooks.prepare(events));
    else webhooks.emit(events);
  };

  /** The legs of a call, as VoIPStudio posts them; when shuffled, delivered together at the end. */
  const play = (call: SandboxCall) => {
    const t0 = Date.now();
    const iso = (ms: number) => new Date(t0 + ms).toISOString();
    const base = { root_call_id: call.id, src: call.from, direction: "outbound" };
    const agentLeg = `${call.id}-1`, partyLeg = `${call.id}-2`;
    const ev = (name: string, leg: string, atMs: number, final: boolean, extra: Record<string, unknown> = {}) => ({
      id: `vs-evt-${++seq}`, event_name: name, event_time: iso(atMs), call_id: leg, final, ...base,
      dst: leg === agentLeg ? call.from : call.to.replace(/\D/g, ""), ...extra,
    });
    const ring = opts.agentAnswerMs, answerAt = ring + opts.ringMs, endAt = answerAt + (call.outcome === "answered" ? opts.talkMs : 0);
    const events: [number, Record<string, unknown>][] = [
      [0, ev("call.ringing", agentLeg, 0, false, { state: "RINGING", start_time: iso(0) })],
      [ring, ev("call.connected", agentLeg, ring, false, { state: "CONNECTED", connected_at: iso(ring) })],
      [ring + 1, ev("call.ringing", partyLeg, ring + 1, true, { state: "RINGING", start_time: iso(ring + 1) })],
    ];
    if (call.outcome === "answered") {
      const duration = opts.talkSeconds;
      events.push([answerAt, ev("call.connected", partyLeg, answerAt, true, { state: "CONNECTED", connected_at: iso(answerAt) })]);
      events.push([endAt, ev("call.ended", partyLeg, endAt, true, {
        state: "HANGUP", start_time: iso(ring + 1), connected_at: iso(answerAt), duration })]);
    } else if (call.outcome === "busy") {
      events.push([answerAt, ev("call.ended", partyLeg, answerAt, true, { state: "BUSY", start_time: iso(ring + 1), duration: 0 })]);
    } else {
      events.push([answerAt, ev("call.missed", partyLeg, answerAt, true, { state: "NOANSWER", start_time: iso(ring + 1), duration: 0 })]);
    }
    events.push([endAt + 1, ev("call.ended", agentLeg, endAt + 1, false, { state: "HANGUP", duration: Math.round((endAt - ring) / 1000) })]);
    const finish = () => {
      call.state = call.outcome === "answered" ? "HANGUP" : call.outcome === "busy" ? "BUSY" : "NOANSWER";
      call.endedAt = new Date(t0 + endAt);
      call.duration = call.outcome === "answered" ? opts.talkSeconds : 0;
      if (call.outcome === "answered") call.recordingUrl = `${url}/recordings/${call.id}.mp3`;
    };
    if (opts.shuffle || opts.holdWebhooks) {
      later(endAt + 2, () => {
        finish();
        emit(events.map(([, e]) => e));
      });
    } else {
      for (const [ms, e] of events) later(ms, () => emit([e]));
      later(answerAt, () => { if (call.outcome === "answered") call.state = "CONNECTED"; });
      later(endAt + 2, finish);
    }
  };

  /** A contact-first call: the number first; a person is bridged to a free queue member or hears the safe-harbor message. */
  const playQueueCall = (call: SandboxCall) => {
    const t0 = Date.now();
    const iso = (ms: number) => new Date(t0 + ms).toISOString();
    const partyLeg = `${call.id}-1`, agentLeg = `${call.id}-2`;
    const batched = opts.shuffle || opts.holdWebhooks;
    const batch: Record<string, unknown>[] = [];
    const out = (e: Record<string, unknown>) => { if (batched) batch.push(e); else emit([e]); };
    const ev = (name: string, leg: string, atMs: number, final: boolean, extra: Record<string, unknown> = {}) => ({
      id: `vs-evt-${++seq}`, event_name: name, event_time: iso(atMs), call_id: leg, root_call_id: call.id, final,
      direction: "outbound", src: call.from, dst: call.to, ...extra,
    });
    const finish = (state: string, atMs: number, duration: number) => {
      call.state = state;
      call.endedAt = new Date(t0 + atMs);
      call.duration = duration;
      if (batched) emit(batch.splice(0));
    };
    const answerAt = opts.ringMs;
    out(ev("call.ringing", partyLeg, 0, true, { state: "RINGING", start_time: iso(0) }));
    later(answerAt, () => {
      const started = { start_time: iso(0) };
      if (call.outcome === "busy") {
        out(ev("call.ended", partyLeg, answerAt, true, { state: "BUSY", ...started, duration: 0 }));
        return finish("BUSY", answerAt, 0);
      }
      if (call.outcome === "no-answer") {
        out(ev("call.missed", partyLeg, answerAt, true, { state: "NOANSWER", ...started, duration: 0 }));
        return finish("NOANSWER", answerAt, 0);
      }
      const answered = { connected_at: iso(answerAt), answered_by: call.outcome === "machine" ? "machine" : "human" };
      out(ev("call.connected", partyLeg, answerAt, true, { state: "CONNECTED", ...started, ...answered }));
      call.state = "CONNECTED";
      if (call.outcome === "machine") {
        out(ev("call.ended", partyLeg, answerAt + 1, true, { state: "HANGUP", ...started, ...answered, duration: 0 }));
        return finish("HANGUP", answerAt + 1, 0);
      }
      const now = Date.now();
      const agent = (opts.queues[call.queue!] ?? []).find((m) => !opts.offlineAgents.includes(m) && (busyUntil.get(m) ?? 0) <= now);
      if (!agent) {
        // nobody free: the safe-harbor message, then the call ends (abandoned)
        call.abandoned = true;
        const endAt = answerAt + 5;
        later(5, () => {
          out(ev("call.ended", partyLeg, endAt, true, { state: "HANGUP", ...started, ...answered, duration: opts.safeHarborSeconds }));
          finish("HANGUP", endAt, opts.safeHarborSeconds);
        });
        return;
      }
      call.agent = agent;
      const bridgeAt = answerAt + opts.agentAnswerMs, endAt = bridgeAt + opts.talkMs;
      busyUntil.set(agent, now + opts.agentAnswerMs + opts.talkMs + opts.agentWrapMs);
      later(opts.agentAnswerMs, () => out(ev("call.connected", agentLeg, bridgeAt, false, {
        state: "CONNECTED", user_id: agent, dst: agent, connected_at: iso(bridgeAt) })));
      later(opts.agentAnswerMs + opts.talkMs, () => {
        out(ev("call.ended", partyLeg, endAt, true, { state: "HANGUP", ...started, ...answered, duration: opts.talkSeconds }));
        out(ev("call.ended", agentLeg, endAt + 1, false, { state: "HANGUP", user_id: agent, dst: agent, duration: opts.talkSeconds }));
        call.recordingUrl = `${url}/recordings/${call.id}.mp3`;
        finish("HANGUP", endAt + 1, opts.talkSeconds);
      });
    });
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: Record<string, unknown> = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return reply(res, 400, { message: "Invalid JSON" });
    }
    const path = new URL(req.url ?? "/", "http://sandbox").pathname;
    // control
    if (path === "/__sandbox/tokens" && req.method === "POST") {
      tokens.set(String(body.token), String(body.user_id));
      return reply(res, 200, { ok: true });
    }
    if (path === "/__sandbox/queues" && req.method === "POST") {
      api.setQueue(String(body.queue), Array.isArray(body.members) ? body.members.map(String) : []);
      return reply(res, 200, { ok: true });
    }
    if (path === "/__sandbox/config" && req.method === "POST") {
      api.configure(body as Partial<VoipStudioSandboxOptions>);
      return reply(res, 200, { ok: true });
    }
    if (path === "/__sandbox/outcome" && req.method === "POST") {
      forced.set(String(body.to).replace(/\D/g, ""), body.outcome as Outcome);
      return reply(res, 200, { ok: true });
    }
    if (path === "/__sandbox/flush" && req.method === "POST") {
      await api.flush();
      return reply(res, 200, { ok: true });
    }
    if (path === "/__sandbox/calls" && req.method === "GET") return reply(res, 200, { data: calls });
    if (/^\/recordings\/[\w-]+\.mp3$/.test(path)) {
      res.writeHead(200, { "Content-Type": "audio/mpeg" });
      return res.end(Buffer.from("ID3sandbox"));
    }
    // the API
    const token = req.headers["x-auth-token"];
    const agent = typeof token === "string" ? tokens.get(token) ?? (opts.acceptAnyToken ? "*" : undefined) : undefined;
    if (!agent) return reply(res, 401, { message: "Unauthorized" });
    if (path === "/calls" && req.method === "POST") {
      if (opts.rateLimitNext > 0) {
        opts.rateLimitNext--;
        res.setHeader("Retry-After", "0");
        return reply(res, 429, { message: "Too Many Requests" });
      }
      const from = String(body.from ?? ""), to = String(body.to ?? "");
      const contactFirst = body.dial_first === "to";
      if (!/^\d{8,15}$/.test(to)) return reply(res, 400, { message: "Invalid destination number" });
      if (contactFirst) {
        if (!(from in opts.queues) && agent !== "*") return reply(res, 404, { message: "No such call queue" });
        if (Number(body.ring_timeout) < 15) return reply(res, 400, { message: "ring_timeout below 15 s" });
      } else if (agent !== "*" && agent !== from) return reply(res, 403, { message: "Not your user" });
      if (opts.offlineAgents.includes(from)) return reply(res, 412, { message: "User is not registered: softphone offline" });
      if (body.caller_id && opts.noCliPrefix) return reply(res, 400, { message: "No CLI prefix set" });
      const outcome = forced.get(to) ?? (() => {
        const r = random.next();
        const answered: Outcome = contactFirst && random.next() < opts.machineRate ? "machine" : "answered";
        return r < opts.answerRate ? answered : r < opts.answerRate + opts.busyRate ? "busy" : "no-answer";
      })();
      forced.delete(to);
      const call: SandboxCall = {
        id: `${Date.now().toString(36)}${(++seq).toString(36)}`, from, to, callerId: (body.caller_id as string) ?? null,
        state: "RINGING", outcome, placedAt: new Date(),
        ...(contactFirst ? { queue: from, safeHarborMessage: typeof body.no_agent_message === "string" ? body.no_agent_message : null } : {}),
      };
      calls.push(call);
      if (contactFirst) playQueueCall(call);
      else play(call);
      return reply(res, 201, { data: { id: call.id, state: call.state, from, to, caller_id: call.callerId } });
    }
    const m = /^\/calls\/([\w-]+)$/.exec(path);
    if (m && req.method === "GET") {
      const call = calls.find((c) => c.id === m[1]);
      return call ? reply(res, 200, { data: { id: call.id, state: call.state, from: call.from, to: call.to, duration: call.duration ?? null } })
        : reply(res, 404, { message: "Not found" });
    }
    if (path === "/cdrs" && req.method === "GET") {
      const done = calls.filter((c) => c.endedAt && (agent === "*" || c.from === agent)).reverse();
      return reply(res, 200, {
        data: done.map((c) => ({ id: c.id, root_call_id: c.id, src: c.from, dst: c.to, calldate: c.placedAt.toISOString(),
          duration: c.duration, disposition: c.state, record: c.recordingUrl ?? null,
          ...(opts.transcribe && c.recordingUrl ? { transcription: `agent: Hello, this is SourceCo.\nuser: Yes, we are interested in selling; send me the pricing.` } : {}) })),
        total: done.length,
      });
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

  const api: RunningVoipStudioSandbox = {
    url, calls, delivered,
    configure(o) {
      Object.assign(opts, o);
      if (o.seed !== undefined) random = prng(o.seed);
    },
    setOutcome(to, outcome) {
      forced.set(to.replace(/\D/g, ""), outcome);
    },
    registerToken(token, userId) {
      tokens.set(token, userId);
    },
    setQueue(queue, members) {
      opts.queues = { ...opts.queues, [queue]: members };
    },
    resetAgents() {
      busyUntil.clear();
    },
    async flush() {
      const out = held.splice(0);
      for (const e of out) send(e);
      await webhooks.idle();
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
 * `npm start`'s VoIPStudio: when VOIPSTUDIO_API_BASE is not set, a sandbox on VOIPSTUDIO_SANDBOX_PORT
 * (54331) accepting any token, sending its webhooks to the local voipstudio-webhook with the first
 * VOIPSTUDIO_WEBHOOK_CREDENTIALS pair (one is made up when unset). Place it before the functions service.
 */
export const voipstudioSandboxService: Service = {
  name: "voipstudio sandbox",
  async start(ctx: StartContext) {
    if (ctx.env.VOIPSTUDIO_API_BASE) {
      ctx.summary.push(["voipstudio", `${ctx.env.VOIPSTUDIO_API_BASE} (VOIPSTUDIO_API_BASE)`]);
      return;
    }
    const vars: Record<string, string> = {};
    let creds = firstOf(ctx.env.VOIPSTUDIO_WEBHOOK_CREDENTIALS);
    if (!creds) {
      creds = `voipstudio:local-${Math.random().toString(36).slice(2, 12)}`;
      vars.VOIPSTUDIO_WEBHOOK_CREDENTIALS = creds;
    }
    const webhookUrl = `http://127.0.0.1:${ctx.env.FUNCTIONS_PORT || 54321}/functions/v1/voipstudio-webhook`;
    const options = { acceptAnyToken: true, webhookUrl, webhookCredentials: creds, ringMs: 3000, talkMs: 8000, agentAnswerMs: 1500 };
    const sb = await startOnPort(ctx.env.VOIPSTUDIO_SANDBOX_PORT, DEFAULT_VOIPSTUDIO_SANDBOX_PORT,
      (port) => startVoipStudioSandbox({ ...options, port }));
    vars.VOIPSTUDIO_API_BASE = sb.url;
    exportVars(ctx, vars);
    ctx.summary.push(["voipstudio", `sandbox at ${sb.url} (any token; webhooks to ${webhookUrl})`]);
    return sb;
  },
};
