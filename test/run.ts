/**
 * `npm test`: the whole suite against a real PostgreSQL, in a fresh database created and dropped here.
 *
 *   server   DATABASE_URL if set (its database is used only to create the test database), else the
 *            local server on 127.0.0.1:5432
 *   steps    prepare (shim, graphile-worker schema, migrations) → sql/schema check (the declarative source
 *            loads to the same catalog) → pgTAP
 *            (pg_prove test/sql) → vitest (test/ts, TEST_DATABASE_URL points at the same database)
 *
 *   npm test -- --only=sql|ts     run one half
 *   npm test -- --keep            keep the database afterwards (its URL is printed)
 *   npm test -- --clock=+400d     the suite on another day: a private server and the vitest processes under
 *                                 libfaketime (test/clock.ts lists the forms: +400d, @ISO time, dst, ny-evening)
 *   npm test -- <vitest filter>   further arguments go to vitest
 *
 * pgTAP, pg_prove (and libfaketime for --clock) are installed with apt-get when missing on a Debian
 * machine run as root; elsewhere one line says what to install (test/system.ts).
 */
import { randomBytes } from "node:crypto";
import { readFile, writeFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import {
  DEFAULT_ADMIN_URL, createDatabase, dropDatabase, openReplayWindow, prepareDatabase, preparePlatform, root, bin, migrationFiles,
} from "../supabase/local/db.ts";
import { dumpSchema } from "../supabase/local/schema-dump.ts";
import { canonicalSource, loadSource, readSource } from "../supabase/local/schema-source.ts";
import { spawn } from "node:child_process";
import { MissingSystemPiece, ensureLibfaketime, ensurePgTap } from "./system.ts";
import { clockOffsetSeconds, fakeClockEnv, startShiftedServer, type ShiftedServer } from "./clock.ts";

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith("--only="))?.slice(7);
const keep = args.includes("--keep");
const clock = args.find((a) => a.startsWith("--clock="))?.slice(8);
const vitestArgs = args.filter((a) => !a.startsWith("--only=") && !a.startsWith("--clock=") && a !== "--keep");

let adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
/** Environment of the test processes: the fake clock's under --clock. */
let clockEnv: NodeJS.ProcessEnv = {};
const dbName = `dialbridge_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;

type Tally = { passed: number; failed: number };
const tally: Tally = { passed: 0, failed: 0 };

function stream(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8"); // a multi-byte character split across chunks stays whole
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => { out += d; process.stdout.write(d); });
    child.stderr.on("data", (d) => { out += d; process.stderr.write(d); });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

/**
 * The declarative source and the migrations agree: sql/schema/ loaded into an empty database gives the
 * catalog the migrations give, object for object — compared as pg_dump writes both, after the migrations'
 * schema has made the same round trip through the loader (supabase/local/schema-source.ts: canonicalSource).
 */
async function sourceCheck(url: string) {
  const names = [`${dbName}_source`, `${dbName}_canon`];
  try {
    const [sourceUrl, canonUrl] = await Promise.all(names.map((n) => createDatabase(adminUrl, n)));
    await Promise.all([preparePlatform(sourceUrl), preparePlatform(canonUrl)]);
    const loaded = await loadSource(sourceUrl);
    const canonical = await canonicalSource(url, canonUrl, dumpSchema);
    const committed = await readSource();
    const [expected, actual] = await Promise.all([dumpSchema(canonUrl), dumpSchema(sourceUrl)]);
    if (expected === actual) {
      console.log(`ok - sql/schema (${committed.size} files, ${loaded.statements} statements) loads to the catalog the migrations make`);
      tally.passed++;
    } else {
      const a = expected.split("\n"), b = actual.split("\n");
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log("not ok - sql/schema and the migrations disagree (after changing migrations: `npm run db:dump`);");
      console.log(`  first difference at line ${i + 1} of the dump:\n  migrations: ${a[i] ?? "<end>"}\n  sql/schema: ${b[i] ?? "<end>"}`);
      tally.failed++;
    }
    // and the files say it the way db:dump writes them, object by object, so a reader finds each in one place
    const misplaced = [...new Set([...canonical.keys(), ...committed.keys()])]
      .filter((f) => canonical.get(f) !== committed.get(f)).sort();
    if (misplaced.length === 0) {
      console.log("ok - sql/schema is in canonical form (npm run db:dump writes it unchanged)");
      tally.passed++;
    } else {
      console.log(`not ok - sql/schema differs from what \`npm run db:dump\` writes in ${misplaced.length} file(s): ${misplaced.slice(0, 5).join(", ")}`);
      tally.failed++;
    }
  } catch (e) {
    console.log(`not ok - sql/schema does not load: ${(e as Error).message}`);
    tally.failed++;
  } finally {
    await Promise.all(names.map((n) => dropDatabase(adminUrl, n).catch(() => {})));
  }
}

/** test/sql/_generated/all_migrations.psql: \ir of every migration, for the apply-twice tests. */
async function generateMigrationInclude() {
  const dir = path.join(root, "test/sql/_generated");
  await mkdir(dir, { recursive: true });
  const lines = (await migrationFiles()).map((f) => `\\ir ../../../sql/migrations/${f}`);
  await writeFile(path.join(dir, "all_migrations.psql"), lines.join("\n") + "\n");
}

async function pgTap(url: string) {
  await generateMigrationInclude();
  // pgTAP is a test-only extension: installed after the source check so it never shows in sql/schema/.
  const { connect } = await import("../supabase/local/db.ts");
  const sql = connect(url, { max: 1 });
  // Own schema, on every session's search_path: tests that rebuild `public` keep their assertions.
  await sql`create schema if not exists tap`;
  await sql`create extension if not exists pgtap schema tap`;
  await sql`grant usage on schema tap to public`;
  await sql.unsafe(`alter database "${dbName}" set search_path = "$user", public, tap`);
  await sql.end();
  const files = (await readdir(path.join(root, "test/sql"))).filter((f) => f.endsWith(".sql")).sort()
    .map((f) => path.join("test/sql", f));
  const u = new URL(url);
  const { code, out } = await stream("pg_prove", [
    "--host", u.hostname, "--port", u.port || "5432", "--username", decodeURIComponent(u.username || "postgres"),
    "--dbname", dbName, "--ext", ".sql", "--failures", ...files,
  ], u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {});
  const m = out.match(/Files=(\d+), Tests=(\d+)/);
  const tests = m ? Number(m[2]) : 0;
  const failedMatch = [...out.matchAll(/Failed (\d+)\/(\d+) subtests/g)].reduce((s, x) => s + Number(x[1]), 0);
  if (code === 0) tally.passed += tests;
  else {
    const failed = Math.max(failedMatch, 1);
    tally.failed += failed;
    tally.passed += Math.max(tests - failed, 0);
  }
}

async function vitest(url: string) {
  // NO_COLOR: vitest treats any FORCE_COLOR, even "0", as "colour on"; the tally below reads plain text
  const { code, out: raw } = await stream(bin("vitest"), ["run", ...vitestArgs], { ...clockEnv, TEST_DATABASE_URL: url, NO_COLOR: "1" });
  const out = raw.replace(/\x1b\[[0-9;]*m/g, "");
  const passed = Number(out.match(/Tests\s+.*?(\d+) passed/)?.[1] ?? 0);
  const failed = Number(out.match(/Tests\s+(\d+) failed/)?.[1] ?? 0);
  tally.passed += passed;
  // vitest's exit code is the verdict; the counts are for the summary line (a failing file, an
  // unhandled error or a parse miss still counts as one failure)
  tally.failed += code !== 0 ? Math.max(failed, 1) : failed;
}

/** The server's major version, and whether pgTAP can be created there. */
async function serverFacts(url: string): Promise<{ major: number; pgtapAvailable: boolean }> {
  const { connect } = await import("../supabase/local/db.ts");
  const sql = connect(url, { max: 1 });
  try {
    const [{ num }] = await sql`select current_setting('server_version_num')::int as num`;
    const rows = await sql`select 1 from pg_available_extensions where name = 'pgtap'`;
    return { major: Math.floor(num / 10000), pgtapAvailable: rows.length > 0 };
  } finally {
    await sql.end();
  }
}

/** Under --clock: libfaketime, then a private server whose clock is moved (test/clock.ts). */
async function startClock(spec: string): Promise<ShiftedServer> {
  const offset = clockOffsetSeconds(spec);
  const libfaketime = ensureLibfaketime((m) => console.log(`# ${m}`));
  const { readdirSync } = await import("node:fs");
  const majors = readdirSync("/usr/lib/postgresql").map(Number).filter((n) => n > 0).sort((a, b) => b - a);
  const major = majors[0] ?? 15;
  console.log(`# --clock=${spec}: ${offset >= 0 ? "+" : ""}${offset} s, the tests' clock starts at ${new Date(Date.now() + offset * 1000).toISOString()}`);
  const server = await startShiftedServer({ major, offset, libfaketime, log: (m) => console.log(`# ${m}`) });
  clockEnv = fakeClockEnv(libfaketime, offset);
  return server;
}

async function main() {
  let shifted: ShiftedServer | undefined;
  try {
    if (clock) {
      shifted = await startClock(clock);
      adminUrl = shifted.adminUrl;
    }
    if (only !== "ts") {
      const facts = await serverFacts(adminUrl);
      ensurePgTap({ url: adminUrl, ...facts, log: (m) => console.log(`# ${m}`) });
    }
  } catch (e) {
    await shifted?.stop();
    console.error(e instanceof MissingSystemPiece ? `npm test: ${e.message}` : e instanceof Error ? e.message : e);
    console.log(`\n0 passed, 1 failed`);
    process.exit(1);
  }
  const url = await createDatabase(adminUrl, dbName);
  console.log(`# test database: ${dbName}`);
  try {
    await prepareDatabase(url, (m) => console.log(`# ${m}`));
    // the seeds' signed fixtures are dated (February 2026): the replay window's own tests narrow it again
    // (set local in pgTAP 225; a connection parameter in test/ts/webhook-replay-window.test.ts)
    await openReplayWindow(url);
    if (only !== "ts") {
      await sourceCheck(url);
      await pgTap(url);
    }
    if (only !== "sql") await vitest(url);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    tally.failed++;
  } finally {
    if (keep) console.log(`# kept: ${url}`);
    else await dropDatabase(adminUrl, dbName).catch((e) => console.error(`# could not drop ${dbName}: ${e.message}`));
    if (shifted) {
      if (keep) console.log("# --clock: the private server stops with the run, so --keep keeps nothing");
      await shifted.stop();
    }
  }
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed > 0 || tally.passed === 0 ? 1 : 0);
}

main();
