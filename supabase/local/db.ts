/**
 * Database plumbing shared by `npm start`, `npm test`, the benches and the replay tool.
 *
 * preparing a database = Supabase shim (plain PostgreSQL only) → graphile-worker's schema → dbmate
 * migrations from sql/migrations. Every step is idempotent, so it runs on every start.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import postgres from "postgres";
import { runMigrations } from "graphile-worker";
import { connect, quietLogger } from "../../jobs/runtime/db.ts";

/** The runtime's connection and worker logger (jobs/runtime/db.ts), for the local tooling and tests. */
export { connect, quietLogger };

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const migrationsDir = path.join(root, "sql/migrations");
const shimFile = path.join(root, "sql/bootstrap/supabase_shim.sql");

/** The server `npm test` uses when DATABASE_URL is not set. */
export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = "/" + database;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}


export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const sql = connect(adminUrl, { max: 1 });
  try {
    await sql.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await sql.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = connect(adminUrl, { max: 1 });
  try {
    await sql.unsafe(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  } finally {
    await sql.end();
  }
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const sql = connect(adminUrl, { max: 1 });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    return rows.length > 0;
  } finally {
    await sql.end();
  }
}

/** True when the database is a Supabase project (it ships its own auth schema and roles). */
async function isSupabase(sql: postgres.Sql): Promise<boolean> {
  const rows = await sql`select 1 from pg_namespace where nspname = 'supabase_functions' or nspname = 'storage' limit 1`;
  return rows.length > 0;
}

export async function applySupabaseShim(url: string): Promise<"applied" | "skipped (Supabase)"> {
  const sql = connect(url, { max: 1 });
  try {
    if (await isSupabase(sql)) return "skipped (Supabase)";
    await sql.file(shimFile);
    return "applied";
  } finally {
    await sql.end();
  }
}

export async function installWorkerSchema(url: string): Promise<void> {
  await runMigrations({ connectionString: url, logger: quietLogger() });
}


export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env } });
    let out = "";
    // decoded as streams: a multi-byte character split across two chunks stays one character
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

export function bin(name: string): string {
  return path.join(root, "node_modules/.bin", name);
}

/** dbmate up: applies pending migrations, each in its own transaction. */
export async function migrate(url: string): Promise<string> {
  const { code, out } = await run(bin("dbmate"), [
    "--url", sslDisabled(url),
    "--migrations-dir", migrationsDir,
    "--no-dump-schema",
    "--wait",
    "up",
  ]);
  if (code !== 0) throw new Error(`dbmate up failed:\n${out}`);
  return out;
}

/** dbmate speaks lib/pq, which insists on TLS unless told otherwise; local servers have none. */
function sslDisabled(url: string): string {
  const u = new URL(url);
  if (!u.searchParams.has("sslmode") && ["127.0.0.1", "localhost", "::1", "[::1]"].includes(u.hostname)) {
    u.searchParams.set("sslmode", "disable");
  }
  return u.toString();
}

/** What migrations (and the declarative source) are applied on top of: the shim and the worker's schema. */
export async function preparePlatform(url: string, log: (m: string) => void = () => {}): Promise<void> {
  log(`supabase shim: ${await applySupabaseShim(url)}`);
  await installWorkerSchema(url);
  log("graphile-worker schema: ready");
}

/**
 * Opens the replay window of body-only-signed webhooks (dialbridge.check_event_time: 3 days back, 5 minutes
 * ahead in production) for a scratch database that replays dated or future-dated events: the test suite
 * (the seeds' dated fixtures), the benchmarks (fixed-date streams) and the demo (a whole day at once).
 * Sessions opened afterwards see it; a connection can narrow it again with a startup parameter.
 */
export async function openReplayWindow(url: string, back = "1000 years", ahead = "1000 years"): Promise<void> {
  const sql = connect(url, { max: 1 });
  try {
    const [{ db }] = await sql`select current_database() as db`;
    await sql.unsafe(`alter database "${db}" set dialbridge.webhook_max_event_age = '${back}'`);
    await sql.unsafe(`alter database "${db}" set dialbridge.webhook_max_event_skew = '${ahead}'`);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

export async function prepareDatabase(url: string, log: (m: string) => void = () => {}): Promise<void> {
  await preparePlatform(url, log);
  const out = await migrate(url);
  const applied = out.split("\n").filter((l) => l.startsWith("Applied")).length;
  log(`migrations: ${applied} applied`);
}

/** Migration files in the order dbmate applies them. */
export async function migrationFiles(): Promise<string[]> {
  const { readdir } = await import("node:fs/promises");
  return (await readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort();
}
