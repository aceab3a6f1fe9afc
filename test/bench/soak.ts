/**
 * `npm run bench:soak -- [--minutes=3] [--rate=40]` — the webhook under a steady load for a while, through
 * failures: real-shaped PhoneBurner api_calldone callbacks (one call each, URL token) POSTed over HTTP at a
 * steady rate to the real functions server, processed by the real worker running as its own process, against
 * a PostgreSQL of its own (embedded, so it can be restarted). During the run the worker is killed and
 * restarted twice and PostgreSQL is restarted once. A sender retries what was not accepted (503 while the
 * database is away, connection errors) with backoff, as PhoneBurner would.
 *
 * Prints events sent, accepted, projected (one contact_activities row per call, and one for the callback
 * it schedules), lost (accepted and never projected: must be 0), doubled (a call or its callback with more
 * than one row: must be 0), p50/p99 acceptance latency of
 * first attempts, and the resident memory of the functions server and the worker at the start and the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { prepareDatabase, root } from "../../supabase/local/db.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../supabase/local/embedded-postgres.ts";
import { freePort, startFunctionsServer } from "../../supabase/local/functions-server.ts";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const MINUTES = opt("minutes", 3);
const RATE = opt("rate", 40);
const TOKEN = `soak-${randomBytes(6).toString("hex")}`;
const template = JSON.parse(readFileSync(path.join(root, "test/fixtures/phoneburner/real/api_calldone.json"), "utf8"));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number) => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

function startWorkerProcess(databaseUrl: string): ChildProcess {
  // node itself with tsx's loader (not the tsx wrapper, whose child a SIGKILL would leave running)
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "jobs/worker.ts")], {
    cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_LOG_LEVEL: "error" }, stdio: ["ignore", "ignore", "ignore"],
  });
}
/** Stops a process with the signal, and kills it if it has not exited 15 s later. */
const stopProcess = (p: ChildProcess, signal: NodeJS.Signals) => new Promise<void>((r) => {
  if (p.exitCode !== null || p.signalCode !== null) return r();
  const force = setTimeout(() => p.kill("SIGKILL"), 15_000);
  p.once("exit", () => {
    clearTimeout(force);
    r();
  });
  p.kill(signal);
});

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "dialbridge-soak-"));
  await import("node:fs/promises").then((fs) => fs.chmod(dir, 0o755));
  const port = await freePort();
  const startPg = () => startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, logFile: path.join(dir, "postgres.log") });
  let pg: EmbeddedPostgres = await startPg();
  const url = pg.url;
  const sql = postgres(url, { max: 2, onnotice: () => {}, connect_timeout: 5 });
  let worker: ChildProcess | undefined;
  const server = await startFunctionsServer({ databaseUrl: url, env: { PHONEBURNER_WEBHOOK_TOKENS: TOKEN, PHONEBURNER_WEBHOOK_LOG: "off" } });
  try {
    await prepareDatabase(url);
    worker = startWorkerProcess(url);
    await sleep(3000);
    const rss0 = { functions: rssMb(server.pid), worker: rssMb(worker.pid!) };
    console.log(`\nbench:soak  (${MINUTES} min at ${RATE} events/s; the worker killed and restarted twice, PostgreSQL restarted once)\n`);

    const run = randomBytes(3).toString("hex");
    const total = Math.round(MINUTES * 60 * RATE);
    const accepted = new Set<string>();
    const refused: string[] = [];
    const firstLatency: number[] = [];
    let retries = 0;
    const send = async (n: number) => {
      const callId = `${run}${n}`;
      const body = JSON.stringify({ ...template, call_id: callId, ds_id: `soak-${run}`,
        start_time: new Date(Date.now() - 120_000).toISOString().slice(0, 19).replace("T", " "),
        end_time: new Date(Date.now() - 30_000).toISOString().slice(0, 19).replace("T", " ") });
      for (let attempt = 0; attempt < 12; attempt++) {
        const t0 = performance.now();
        try {
          const res = await fetch(`${server.url}/phoneburner-webhook?token=${TOKEN}&type=api_calldone`, {
            method: "POST", headers: { "Content-Type": "application/json" }, body, signal: AbortSignal.timeout(15_000) });
          await res.text();
          if (attempt === 0) firstLatency.push(performance.now() - t0);
          if (res.status === 200) {
            accepted.add(callId);
            return;
          }
          if (res.status < 500) break; // refused: the sender would not retry
        } catch { /* connection errors: retried */ }
        retries++;
        await sleep(Math.min(10_000, 250 * 2 ** attempt));
      }
      refused.push(callId);
    };

    // the disturbances, spread over the run
    const span = MINUTES * 60_000;
    const events: Promise<void>[] = [];
    const disturbances = (async () => {
      await sleep(span * 0.2);
      console.log("  … worker killed (SIGKILL) and restarted");
      await stopProcess(worker!, "SIGKILL");
      worker = startWorkerProcess(url);
      await sleep(span * 0.25);
      console.log("  … PostgreSQL restarted");
      await pg.stop();
      await sleep(2000);
      pg = await startPg();
      await sleep(span * 0.2);
      console.log("  … worker stopped (SIGTERM) and restarted");
      await stopProcess(worker!, "SIGTERM");
      worker = startWorkerProcess(url);
    })();
    const started = Date.now();
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      events.push(send(n));
    }
    await Promise.all(events);
    await disturbances;

    // drain: every accepted event processed
    const deadline = Date.now() + 300_000;
    for (;;) {
      const [{ waiting }] = await sql`select count(*)::int as waiting from public.phoneburner_webhooks_log
                                       where processing_status in ('pending', 'processing')`.catch(() => [{ waiting: -1 }]);
      if (waiting === 0 || Date.now() > deadline) break;
      await sleep(500);
    }
    // one call row per call (each callback scheduled by the call is a row of its own, counted apart)
    const rows = await sql`select phoneburner_call_id as call, count(*)::int as n from public.contact_activities
                            where phoneburner_call_id like ${run + "%"} group by 1, activity_type = 'callback_scheduled'`;
    const projected = new Set(rows.map((r) => r.call as string));
    const lost = [...accepted].filter((c) => !projected.has(c)).length;
    const doubled = rows.filter((r) => r.n > 1).length;
    const [{ stored }] = await sql`select count(*)::int as stored from public.phoneburner_webhooks_log where phoneburner_call_id like ${run + "%"}`;
    const rss1 = { functions: rssMb(server.pid), worker: rssMb(worker!.pid!) };
    console.log(`\n  events sent ${total}, accepted ${accepted.size} (after ${retries} retries), refused ${refused.length}, stored ${stored}`);
    console.log(`  projected ${projected.size} calls; lost ${lost} (target 0: ${lost === 0 ? "met" : "MISSED"}), doubled ${doubled} (target 0: ${doubled === 0 ? "met" : "MISSED"})`);
    console.log(`  acceptance latency (first attempts): p50 ${pct(firstLatency, 50).toFixed(1)} ms, p99 ${pct(firstLatency, 99).toFixed(1)} ms`);
    console.log(`  resident memory, start → end: functions server ${rss0.functions} → ${rss1.functions} MB, worker ${rss0.worker} → ${rss1.worker} MB (the worker's end figure is its last incarnation's)`);
    if (lost > 0 || doubled > 0) process.exitCode = 1;
  } finally {
    if (worker) await stopProcess(worker, "SIGTERM");
    await server.stop();
    await sql.end({ timeout: 2 }).catch(() => {});
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
