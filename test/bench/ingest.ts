/**
 * `npm run bench:ingest` — how fast PhoneBurner events get in, measured against the limit measured in
 * the same run.
 *
 *   http acceptance   signed webhooks POSTed to the real functions server (Deno) by a bounded number of
 *                     concurrent keep-alive clients on loopback: accepted/s, p50/p99 latency
 *   sql receive       dialbridge.receive_phoneburner_event called directly (the webhook's one query):
 *                     where the time goes, HTTP vs database
 *   baseline          a bare `insert … on conflict do nothing` into phoneburner_webhooks_log with the same
 *                     payloads and concurrency: the limit; the ratio is printed
 *
 * Sections are exported and listed in `sections`: later benches (processing) add theirs there and reuse
 * the context (a fresh database, a running functions server, the helpers below). Bounded in count and
 * time so it stays short on a shared 2-core machine:
 *
 *   npm run bench:ingest -- [--count=4000] [--concurrency=16] [--seconds=15] [--pool=5] [--keep]
 *                           [--only=http,sql,baseline]
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type postgres from "postgres";
import {
  DEFAULT_ADMIN_URL, connect, createDatabase, dropDatabase, prepareDatabase, root,
} from "../../supabase/local/db.ts";
import { startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";
import { signBody } from "../../functions/_shared/signature.ts";

// ---------------------------------------------------------------------------------------------------
// options and context
// ---------------------------------------------------------------------------------------------------

export interface BenchOptions {
  count: number; // requests (or statements) per measured section
  concurrency: number; // concurrent clients
  seconds: number; // time bound per section
  pool: number; // the webhook's database pool size
  keep: boolean;
  only: string[] | null;
}

export function parseOptions(argv = process.argv.slice(2)): BenchOptions {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  return {
    count: Number(get("count") ?? 4000),
    concurrency: Number(get("concurrency") ?? 16),
    seconds: Number(get("seconds") ?? 15),
    pool: Number(get("pool") ?? 5),
    keep: argv.includes("--keep"),
    only: get("only")?.split(",") ?? null,
  };
}

export interface BenchContext {
  options: BenchOptions;
  adminUrl: string;
  databaseName: string;
  databaseUrl: string;
  sql: postgres.Sql; // a pool sized for `concurrency`
  server: FunctionsServer;
  secret: string;
  token: string;
  results: Record<string, Record<string, number>>; // section → metrics, for ratios across sections
}

export async function setup(options: BenchOptions): Promise<BenchContext> {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const databaseName = `dialbridge_bench_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  const databaseUrl = await createDatabase(adminUrl, databaseName);
  await prepareDatabase(databaseUrl);
  const secret = `bench-secret-${randomBytes(8).toString("hex")}`;
  const token = `bench-token-${randomBytes(8).toString("hex")}`;
  const server = await startFunctionsServer({
    databaseUrl,
    env: {
      PHONEBURNER_WEBHOOK_SECRETS: secret,
      PHONEBURNER_WEBHOOK_TOKENS: token,
      PHONEBURNER_WEBHOOK_LOG: "errors",
      PHONEBURNER_WEBHOOK_DB_POOL_MAX: String(options.pool),
    },
    log: (line) => process.stderr.write(`[functions] ${line}\n`),
  });
  const sql = connect(databaseUrl, { max: options.concurrency });
  return { options, adminUrl, databaseName, databaseUrl, sql, server, secret, token, results: {} };
}

export async function teardown(ctx: BenchContext): Promise<void> {
  await ctx.server.stop();
  await ctx.sql.end();
  if (ctx.options.keep) console.log(`# kept database ${ctx.databaseUrl}`);
  else await dropDatabase(ctx.adminUrl, ctx.databaseName);
}

// ---------------------------------------------------------------------------------------------------
// helpers sections share
// ---------------------------------------------------------------------------------------------------

const FIXTURES = path.join(root, "test/fixtures/phoneburner");
const templates = {
  seedEnded: JSON.parse(readFileSync(path.join(FIXTURES, "seed-000/call.ended.json"), "utf8")),
  calldone: JSON.parse(readFileSync(path.join(FIXTURES, "real/api_calldone.json"), "utf8")),
};

/** A seed-000 call.ended (the signed contract) with a fresh event and call id: ~900 bytes. */
export function seedEventBody(n: number, run: string): string {
  return JSON.stringify({ ...templates.seedEnded, event_id: `evt_bench_${run}_${n}`, call_id: `call_bench_${run}_${n}` });
}

/** A real-shaped api_calldone with a fresh call id: ~2.7 KB, PII-heavy like the real thing. */
export function calldoneBody(n: number, run: string): string {
  return JSON.stringify({ ...templates.calldone, call_id: `${run}${n}` });
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

export interface LoadResult {
  done: number;
  ok: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

/**
 * Runs `task(i)` for i = 0..count-1 with `concurrency` workers, stopping early after `seconds`.
 * `task` resolves true when the item counts as done right (e.g. HTTP 200 accepted).
 */
export async function runLoad(
  count: number, concurrency: number, seconds: number, task: (i: number) => Promise<string>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  async function worker() {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      let status: string;
      try {
        status = await task(i);
      } catch (e) {
        status = `error:${(e as Error).message.slice(0, 40)}`;
      }
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const ok = statuses.ok ?? 0;
  return {
    done: latencies.length, ok, seconds: elapsed, perSecond: ok / elapsed,
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN, statuses,
  };
}

/** POSTs with a keep-alive agent (one socket per concurrent client); resolves status code and body. */
export function postRaw(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<{ code: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST", agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ code: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function describeLoad(label: string, r: LoadResult): string {
  const other = Object.entries(r.statuses).filter(([k]) => k !== "ok").map(([k, v]) => `${k}×${v}`).join(" ");
  return `${label.padEnd(34)} ${fmt(r.perSecond).padStart(7)}/s   p50 ${fmt(r.p50, 2).padStart(6)} ms   p99 ${fmt(r.p99, 2).padStart(6)} ms   ` +
    `max ${fmt(r.max, 1).padStart(6)} ms   (${r.ok}/${r.done} in ${fmt(r.seconds, 1)} s${other ? `; ${other}` : ""})`;
}

// ---------------------------------------------------------------------------------------------------
// sections
// ---------------------------------------------------------------------------------------------------

export interface Section {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<void>;
}

/** Signed webhooks over HTTP: the acceptance rate a sender sees, stored and queued before each 200. */
export const httpAcceptance: Section = {
  name: "http",
  title: "HTTP acceptance (signed webhooks → 200 accepted, stored + queued)",
  async run(ctx) {
    const { count, concurrency, seconds } = ctx.options;
    const url = new URL(`${ctx.server.url}/phoneburner-webhook`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const run = randomBytes(3).toString("hex");
    // bodies and signatures prepared up front: the clients share the 2 cores with the server
    const prepare = async (n: number, prefix: string) => {
      const bodies = Array.from({ length: n }, (_, i) => seedEventBody(i, prefix));
      const signatures = await Promise.all(bodies.map((b) => signBody(ctx.secret, b)));
      return { bodies, signatures };
    };
    const send = (set: { bodies: string[]; signatures: string[] }) => async (i: number) => {
      const res = await postRaw(agent, url, set.bodies[i], { "x-phoneburner-signature": set.signatures[i] });
      return res.code === 200 && res.body.includes('"accepted"') ? "ok" : `http${res.code}`;
    };
    const warm = await prepare(Math.min(500, count), `w${run}`);
    await runLoad(warm.bodies.length, concurrency, seconds, send(warm)); // JIT, pools, prepared statements
    const set = await prepare(count, run);
    const r = await runLoad(count, concurrency, seconds, send(set));
    agent.destroy();
    const [{ n }] = await ctx.sql`select count(*)::int as n from public.phoneburner_webhooks_log where event_id like ${`evt_bench_${run}_%`}`;
    const [{ jobs }] = await ctx.sql`select count(*)::int as jobs from graphile_worker.jobs where task_identifier = 'phoneburner_webhooks_log__process'`;
    const [{ fast }] = await ctx.sql`select dialbridge.phoneburner_processor_awaits_receivers() as fast`;
    console.log(describeLoad(`http, ${concurrency} clients, ${ctx.options.pool} db conns`, r));
    console.log(`${"".padEnd(34)} stored ${n} of ${r.ok} accepted (${n === r.ok ? "all" : "MISMATCH"}); ` +
      `${jobs} coalesced processing job queued; queueing ${fast ? "without a hot row (processor awaits receivers)" : "through add_job per event"}`);
    ctx.results.http = { perSecond: r.perSecond, p50: r.p50, p99: r.p99 };
  },
};

/** The webhook's one query without HTTP: dialbridge.receive_phoneburner_event over a pool. */
export const sqlReceive: Section = {
  name: "sql",
  title: "dialbridge.receive_phoneburner_event, called directly (store + queue)",
  async run(ctx) {
    const { count, concurrency, seconds } = ctx.options;
    const run = randomBytes(3).toString("hex");
    const bodies = Array.from({ length: count }, (_, i) => seedEventBody(i, `sql${run}`));
    const r = await runLoad(count, concurrency, seconds, async (i) => {
      const [row] = await ctx.sql`select status from dialbridge.receive_phoneburner_event('call.ended', ${bodies[i]}::text::jsonb,
        null, ${bodies[i].length}, 'hmac', 'sha256=bench', '127.0.0.1', 'bench')`;
      return row.status === "accepted" ? "ok" : row.status;
    });
    console.log(describeLoad(`sql function, ${concurrency} connections`, r));
    ctx.results.sql = { perSecond: r.perSecond, p50: r.p50, p99: r.p99 };
  },
};

/** The limit: a bare insert … on conflict do nothing of the same payloads, same concurrency. */
export const bareInsertBaseline: Section = {
  name: "baseline",
  title: "baseline: bare insert … on conflict do nothing into phoneburner_webhooks_log",
  async run(ctx) {
    const { count, concurrency, seconds } = ctx.options;
    const run = randomBytes(3).toString("hex");
    const bodies = Array.from({ length: count }, (_, i) => seedEventBody(i, `base${run}`));
    const r = await runLoad(count, concurrency, seconds, async (i) => {
      const rows = await ctx.sql`insert into public.phoneburner_webhooks_log (event_id, event_type, payload)
        values (${`evt_base_${run}_${i}`}, 'call.ended', ${bodies[i]}::text::jsonb) on conflict (event_id) do nothing returning id`;
      return rows.length === 1 ? "ok" : "conflict";
    });
    console.log(describeLoad(`bare insert, ${concurrency} connections`, r));
    ctx.results.baseline = { perSecond: r.perSecond, p50: r.p50, p99: r.p99 };
  },
};

/** Acceptance against the limit, and against the issue's targets. */
export const ingestSummary: Section = {
  name: "summary",
  title: "ingest summary",
  async run(ctx) {
    const { http: h, sql: s, baseline: b } = ctx.results;
    if (h && b) console.log(`http accepted/s ÷ bare insert/s     ${fmt(h.perSecond / b.perSecond, 2)}   (${fmt(h.perSecond)} / ${fmt(b.perSecond)})`);
    if (s && b) console.log(`sql receive/s ÷ bare insert/s       ${fmt(s.perSecond / b.perSecond, 2)}   (${fmt(s.perSecond)} / ${fmt(b.perSecond)})`);
    if (h) {
      const ok = h.perSecond >= 1000 && h.p99 < 50;
      console.log(`target ≥ 1,000 accepted/s with p99 < 50 ms: ${ok ? "met" : "MISSED"} (${fmt(h.perSecond)}/s, p99 ${fmt(h.p99, 1)} ms)`);
    }
  },
};

/** Run order. Processing sections (events processed end to end, cost vs history) go after `http`. */
export const sections: Section[] = [httpAcceptance, sqlReceive, bareInsertBaseline, ingestSummary];

export async function main(list: Section[] = sections): Promise<void> {
  const options = parseOptions();
  console.log(`# bench:ingest — ${options.count} per section, ${options.concurrency} concurrent, ≤ ${options.seconds} s each`);
  const ctx = await setup(options);
  try {
    for (const section of list) {
      if (options.only && section.name !== "summary" && !options.only.includes(section.name)) continue;
      console.log(`\n## ${section.title}`);
      await section.run(ctx);
    }
  } finally {
    await teardown(ctx);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
