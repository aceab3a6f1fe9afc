/**
 * The graphile-worker runner: every task of jobs/tasks/index.ts and every schedule of jobs/crontab.
 *
 *   npm run worker          runs it alone against DATABASE_URL (WORKER_CONCURRENCY jobs at once)
 *   startWorker({...})      runs it in-process (npm start, the tests)
 *
 * The worker records a heartbeat on start, every minute (cron) and on a clean stop; dialbridge.health()
 * reads them. Signals are handled by the caller (noHandleSignals), so shutdown happens in the order the
 * caller chooses: stop taking jobs, finish the running ones, mark the process stopped.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Logger, parseCrontab, run, type LogLevel, type ParsedCronItem, type Runner } from "graphile-worker";
import { connect } from "./runtime/db.ts";
import { loadEnv, redactUrl } from "./runtime/env.ts";
import { taskList } from "./tasks/index.ts";
import {
  RECORD_HEARTBEAT_SQL, RECORD_STOPPED_SQL, heartbeatParams, newWorkerIdentity, setCurrentWorkerIdentity,
  type WorkerIdentity,
} from "./heartbeat.ts";

const crontabFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "crontab");

export const DEFAULT_CONCURRENCY = 4;

export interface StartedWorker {
  identity: WorkerIdentity;
  concurrency: number;
  tasks: string[];
  cronItems: ParsedCronItem[];
  runner: Runner;
  /** Stops taking jobs, waits for running ones, records the stop. Safe to call more than once. */
  stop(): Promise<void>;
}

/** The cron schedule from jobs/crontab, checked against the task list. */
export function loadCronItems(file = crontabFile): ParsedCronItem[] {
  const items = parseCrontab(readFileSync(file, "utf8"));
  const unknown = items.filter((i) => !(i.task in taskList)).map((i) => i.task);
  if (unknown.length) {
    throw new Error(`${path.relative(process.cwd(), file)} names tasks missing from jobs/tasks/index.ts: ${[...new Set(unknown)].join(", ")}`);
  }
  return items;
}

/** WORKER_CONCURRENCY as a positive integer (default 4); a bad value is an error, not a guess. */
export function concurrencyFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.WORKER_CONCURRENCY;
  if (raw === undefined || raw === "") return DEFAULT_CONCURRENCY;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WORKER_CONCURRENCY must be a positive integer, got "${raw}"`);
  return n;
}

const LEVELS: LogLevel[] = ["error", "warning", "info", "debug"] as LogLevel[];

/**
 * graphile-worker's logger at WORKER_LOG_LEVEL (error | warning | info | debug; default warning: job
 * failures show, the per-job "completed" lines do not). Messages are job and task names and error text,
 * never payloads.
 */
export function workerLogger(level = process.env.WORKER_LOG_LEVEL || "warning", write = (l: string) => console.error(l)): Logger {
  const max = LEVELS.indexOf(level as LogLevel);
  if (max < 0) throw new Error(`WORKER_LOG_LEVEL must be one of ${LEVELS.join(", ")}, got "${level}"`);
  return new Logger(() => (lvl, message) => {
    if (LEVELS.indexOf(lvl) <= max) write(`[worker] ${lvl}: ${message}`);
  });
}

export async function startWorker(opts: {
  databaseUrl: string;
  concurrency?: number;
  logger?: Logger;
  /** crontab file (default jobs/crontab) */
  crontabFile?: string;
}): Promise<StartedWorker> {
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const cronItems = loadCronItems(opts.crontabFile);
  const tasks = Object.keys(taskList).sort();
  const identity = newWorkerIdentity({ concurrency, taskCount: tasks.length });
  setCurrentWorkerIdentity(identity);

  const runner = await run({
    connectionString: opts.databaseUrl,
    concurrency,
    taskList,
    parsedCronItems: cronItems,
    noHandleSignals: true,
    logger: opts.logger ?? workerLogger(),
  });

  // The first beat, right away: the cron beat only comes at the next minute.
  const sql = connect(opts.databaseUrl, { max: 1, idle_timeout: 5 });
  try {
    await sql.unsafe(RECORD_HEARTBEAT_SQL, [...heartbeatParams(identity)] as never[]);
  } catch (e) {
    await runner.stop().catch(() => {});
    await sql.end({ timeout: 1 });
    throw e;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    try {
      await runner.stop();
    } finally {
      // Best effort: when the database is already gone (Ctrl-C stops everything at once) the beat
      // simply ages out and health reports the worker not alive 150 s later.
      await sql.unsafe(RECORD_STOPPED_SQL, [identity.workerId]).catch(() => {});
      await sql.end({ timeout: 2 }).catch(() => {});
    }
  })());

  return { identity, concurrency, tasks, cronItems, runner, stop };
}

/** `npm run worker`: the worker alone, against DATABASE_URL, until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  loadEnv();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: the worker needs the database it works for (see .env.example).");
    process.exit(2);
  }
  const worker = await startWorker({ databaseUrl, concurrency: concurrencyFromEnv() });
  console.log(`worker running against ${redactUrl(databaseUrl)}`);
  console.log(`  id           ${worker.identity.workerId}`);
  console.log(`  concurrency  ${worker.concurrency}`);
  console.log(`  tasks        ${worker.tasks.join(", ") || "(none)"}`);
  console.log(`  schedules    ${worker.cronItems.map((c) => c.identifier).join(", ") || "(none)"}`);
  console.log("Stop with Ctrl-C.");
  let signalled = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    console.log(`\n${signal}: stopping the worker (running jobs finish first)…`);
    const force = setTimeout(() => {
      console.error("worker did not stop within 30 s; exiting");
      process.exit(1);
    }, 30_000);
    force.unref();
    await worker.stop();
    console.log("worker stopped");
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
