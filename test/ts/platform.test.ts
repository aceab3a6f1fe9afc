/**
 * The local platform as `npm start` runs it: the health function over the functions server and the
 * in-process worker (started with start.ts's and worker.ts's own functions), demo data, and `npm start`
 * itself as a child process against a scratch database.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { isValidPhoneNumber, parsePhoneNumber } from "libphonenumber-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, createDatabase, dropDatabase, migrationFiles, root, run, withDatabase } from "../../supabase/local/db.ts";
import { DEMO_KEY_PREFIX, DEMO_TEAMS, DEMO_USERS, loadDemoData, removeDemoData } from "../../supabase/local/demo-data.ts";
import { loadEnv, parseEnv } from "../../supabase/local/env.ts";
import { freePort } from "../../supabase/local/functions-server.ts";
import { assertReachable } from "../../supabase/local/embedded-postgres.ts";
import { startFunctions } from "../../supabase/local/start.ts";
import { startWorker, type StartedWorker } from "../../jobs/worker.ts";

const url = process.env.TEST_DATABASE_URL!;
const env = process.env as Record<string, string>;

interface Health {
  status: string;
  database: { ok: boolean; server_version?: string; error?: string };
  migrations: { source: string; applied: number; latest: string };
  worker: { alive: boolean; last_heartbeat_at: string | null; seconds_since_heartbeat: number | null;
    last_cron_lag_seconds: number | null; queue: Record<string, number | null> | null };
}

/**
 * The live processes (pid, state, command) still in a process group. Zombies are left out: they have
 * exited and only wait for init to reap them (tsx's esbuild helper can outlive its parent by a moment).
 */
function processGroup(pgid: number): string[] {
  return execFileSync("ps", ["-eo", "pid=,pgid=,stat=,args="], { encoding: "utf8" }).split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1] === String(pgid) && !f[2].startsWith("Z"))
    .map((f) => [f[0], f[2], ...f.slice(3)].join(" "));
}

async function getHealth(base: string): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${base}/health`);
  return { status: res.status, body: await res.json() };
}

describe("health, served and worked the way npm start does it", () => {
  let functions: Awaited<ReturnType<typeof startFunctions>>;
  let worker: StartedWorker;
  const sql = connect(url, { max: 1 });

  beforeAll(async () => {
    functions = await startFunctions({ databaseUrl: url, env, log: () => {} });
    worker = await startWorker({ databaseUrl: url, concurrency: 1 });
  });
  afterAll(async () => {
    await worker?.stop();
    await functions?.stop();
    await sql.end();
  });

  it("answers 200 ok with the database answering, every migration applied and the worker alive", async () => {
    const files = await migrationFiles();
    const { status, body } = await getHealth(functions.url);
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.server_version).toMatch(/^\d+/);
    expect(body.migrations.applied).toBe(files.length);
    expect(body.migrations.latest).toBe(files.at(-1)!.split("_")[0]);
    expect(body.worker.alive).toBe(true);
    expect(body.worker.seconds_since_heartbeat).toBeLessThan(150);
    expect(body.worker.queue).toEqual(expect.objectContaining({ waiting: expect.any(Number), locked: expect.any(Number), failed: expect.any(Number) }));
  });

  it("carries no personal data: only status, versions, counts and times", async () => {
    const { body } = await getHealth(functions.url);
    expect(Object.keys(body).sort()).toEqual(["database", "migrations", "status", "worker"]);
    expect(JSON.stringify(body)).not.toMatch(/@|\+1\d{10}|password/i);
  });

  it("refuses other methods than GET", async () => {
    const res = await fetch(`${functions.url}/health`, { method: "POST", body: "{}" });
    expect(res.status).toBe(405);
    await res.body?.cancel();
  });

  it("gets its heartbeat through the job queue: the cron task records how late it ran", async () => {
    // The real cron beats every minute too (lag near 0): it may have set the column already, or run
    // between our job and the read. So wait for our own job to finish, and try again if another
    // heartbeat job finished after it before we had read.
    let lag: number | null = null;
    let body: Health | undefined;
    for (let attempt = 0; attempt < 3 && (lag === null || lag < 3); attempt++) {
      const finished: string[] = []; // ids of heartbeat jobs, in the order they succeeded
      const onSuccess = ({ job }: { job: { id: string; task_identifier: string } }) => {
        if (job.task_identifier === "worker_heartbeats__record") finished.push(job.id);
      };
      worker.runner.events.on("job:success", onSuccess);
      try {
        const scheduled = new Date(Date.now() - 3000); // as if the cron minute was 3 s ago
        const ours = (await worker.runner.addJob("worker_heartbeats__record", { _cron: { ts: scheduled.toISOString() } })).id;
        for (let i = 0; i < 100 && !finished.includes(ours); i++) await new Promise((r) => setTimeout(r, 100));
        expect(finished).toContain(ours);
        const [row] = await sql`select last_cron_lag_seconds::float8 as lag from dialbridge.worker_heartbeats where worker_id = ${worker.identity.workerId}`;
        body = (await getHealth(functions.url)).body;
        lag = finished.at(-1) === ours ? (row?.lag ?? null) : null;
      } finally {
        worker.runner.events.off("job:success", onSuccess);
      }
    }
    expect(lag).not.toBeNull();
    expect(lag!).toBeGreaterThanOrEqual(3);
    expect(body!.worker.last_cron_lag_seconds).toBeGreaterThanOrEqual(3);
  });

  it("a heartbeat older than 150 s means the worker is not alive and the platform degraded", async () => {
    const [{ h }] = await sql`select dialbridge.health(now() + interval '151 seconds') as h`;
    expect(h.worker.alive).toBe(false);
    expect(h.status).toBe("degraded");
    const [{ h: fresh }] = await sql`select dialbridge.health(now() + interval '140 seconds') as h`;
    expect(fresh.worker.alive).toBe(true);
  });

  it("is executable by the service role only", async () => {
    const [{ roles }] = await sql`
      select array_agg(r.rolname order by r.rolname) as roles
        from pg_roles r
       where r.rolname in ('anon', 'authenticated', 'service_role')
         and has_function_privilege(r.oid, 'dialbridge.health(timestamptz)', 'execute')`;
    expect(roles).toEqual(["service_role"]);
  });

  it("after a clean worker stop answers 200 degraded at once, without waiting for the heartbeat to age", async () => {
    await worker.stop();
    const { status, body } = await getHealth(functions.url);
    expect(status).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.worker.alive).toBe(false);
  });
});

describe("health when the database does not answer", () => {
  it("answers 503 down", async () => {
    const closed = withDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/postgres`, "postgres");
    const functions = await startFunctions({ databaseUrl: closed, env, log: () => {} });
    try {
      const { status, body } = await getHealth(functions.url);
      expect(status).toBe(503);
      expect(body.status).toBe("down");
      expect(body.database.ok).toBe(false);
    } finally {
      await functions.stop();
    }
  });
});

describe("demo data", () => {
  const sql = connect(url, { max: 1 });
  const counts = async () => {
    const [c] = await sql`
      select (select count(*)::int from public.contacts where sourceco_contact_id like ${DEMO_KEY_PREFIX + "%"}) as contacts,
             (select count(*)::int from auth.users where email in ${sql(DEMO_USERS.map((u) => u.email))}) as users,
             (select count(*)::int from public.profiles where email in ${sql(DEMO_USERS.map((u) => u.email))}
                and phoneburner_user_id is not null) as profiles_with_phoneburner_id,
             (select count(*)::int from public.teams where name in ${sql(DEMO_TEAMS.map((t) => t.name))}) as teams,
             (select count(*)::int from public.suppressions s join public.contacts c on c.id = s.contact_id
               where c.sourceco_contact_id like ${DEMO_KEY_PREFIX + "%"}) as suppressions`;
    return c;
  };
  afterAll(async () => {
    await removeDemoData(url);
    await sql.end();
  });

  it("loads twice without duplicating anything", async () => {
    const first = await loadDemoData(url);
    const afterFirst = await counts();
    const second = await loadDemoData(url);
    const afterSecond = await counts();
    expect(afterFirst.contacts).toBeGreaterThanOrEqual(200);
    expect(afterFirst.users).toBe(DEMO_USERS.length);
    expect(afterFirst.profiles_with_phoneburner_id).toBe(DEMO_USERS.length);
    expect(afterFirst.teams).toBe(2);
    expect(afterSecond).toEqual(afterFirst);
    expect(second.inserted).toEqual({ teams: 0, users: 0, contacts: 0, suppressions: 0 });
    expect(first.contacts).toBe(afterFirst.contacts);
  });

  it("gives every contact a valid US phone number whose area code agrees with its state and time zone", async () => {
    const rows = await sql`
      select phone, state, timezone from public.contacts where sourceco_contact_id like ${DEMO_KEY_PREFIX + "%"}`;
    const invalid = rows.filter((r) => !isValidPhoneNumber(r.phone, "US")).map((r) => r.phone);
    expect(invalid).toEqual([]);
    const byAreaCode = new Map<string, Set<string>>();
    for (const r of rows) {
      const areaCode = parsePhoneNumber(r.phone, "US").nationalNumber.slice(0, 3);
      const seen = byAreaCode.get(areaCode) ?? new Set<string>();
      seen.add(`${r.state} ${r.timezone}`);
      byAreaCode.set(areaCode, seen);
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: r.timezone })).not.toThrow();
    }
    expect([...byAreaCode.values()].filter((s) => s.size > 1)).toEqual([]);
  });

  it("includes the exclusions a push preview shows: do-not-call, known bad numbers and shared numbers", async () => {
    const [x] = await sql`
      with demo as (select * from public.contacts where sourceco_contact_id like ${DEMO_KEY_PREFIX + "%"})
      select (select count(*)::int from demo d where d.do_not_call
                and exists (select 1 from public.suppressions s where s.contact_id = d.id and s.suppression_type = 'legal')) as dnc_with_suppression,
             (select count(*)::int from demo where phone_number_invalid) as invalid,
             (select count(*)::int from demo where contact_type = 'buyer') as buyers,
             (select count(*)::int from demo where contact_type = 'seller') as sellers,
             (select count(distinct team_id)::int from demo) as teams,
             (select count(*)::int from demo where owner_id is null) as without_owner`;
    expect(x.dnc_with_suppression).toBeGreaterThanOrEqual(3);
    expect(x.invalid).toBeGreaterThanOrEqual(3);
    expect(x.buyers).toBeGreaterThan(100);
    expect(x.sellers).toBeGreaterThan(50);
    expect(x.teams).toBe(2);
    expect(x.without_owner).toBe(0);
    const rows = await sql`select phone from public.contacts where sourceco_contact_id like ${DEMO_KEY_PREFIX + "%"}`;
    const e164 = rows.map((r) => parsePhoneNumber(r.phone, "US").number);
    expect(new Set(e164).size).toBeLessThan(e164.length);
  });
});

describe(".env loading", () => {
  it("parses comments, export, quotes and escapes", () => {
    const parsed = parseEnv([
      "# comment", "", "export A=1", "B = two words # trailing comment", "C='single # kept'",
      'D="line\\nbreak \\"quoted\\""', "E=", "not a line", 'F="multi', 'line"',
    ].join("\n"));
    expect(parsed).toEqual({ A: "1", B: "two words", C: "single # kept", D: 'line\nbreak "quoted"', E: "", F: "multi\nline" });
  });

  it("never overrides a variable the environment already sets", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dialbridge-env-"));
    const file = path.join(dir, ".env");
    await writeFile(file, "DIALBRIDGE_TEST_SET=from-file\nDIALBRIDGE_TEST_UNSET=from-file\n");
    process.env.DIALBRIDGE_TEST_SET = "from-env";
    delete process.env.DIALBRIDGE_TEST_UNSET;
    try {
      const { env: merged, fromFile } = loadEnv({ file, quiet: true });
      expect(merged.DIALBRIDGE_TEST_SET).toBe("from-env");
      expect(merged.DIALBRIDGE_TEST_UNSET).toBe("from-file");
      expect(fromFile).toEqual(["DIALBRIDGE_TEST_UNSET"]);
    } finally {
      delete process.env.DIALBRIDGE_TEST_SET;
      delete process.env.DIALBRIDGE_TEST_UNSET;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start against a database named by DATABASE_URL", () => {
  const adminUrl = withDatabase(url, "postgres");
  const name = `dialbridge_start_${Date.now().toString(36)}`;
  let scratchUrl: string;
  beforeAll(async () => {
    scratchUrl = await createDatabase(adminUrl, name);
  });
  afterAll(async () => {
    await dropDatabase(adminUrl, name);
  });

  it("migrates it, serves health, loads no demo data, and on SIGTERM stops everything and exits 0", async () => {
    const port = await freePort();
    const child = spawn("npm", ["start", "--silent"], {
      cwd: root,
      detached: true, // its own process group: afterwards, nothing of it may be left
      env: { ...process.env, DATABASE_URL: scratchUrl, FUNCTIONS_PORT: String(port), WORKER_CONCURRENCY: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const functionsUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not come up in 45 s:\n${out}`)), 45_000);
        const check = () => {
          const m = out.match(/functions\s+(http:\/\/127\.0\.0\.1:\d+\/functions\/v1)/);
          if (m && out.includes("Stop with Ctrl-C")) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        };
        child.stdout.on("data", check);
        child.on("exit", () => reject(new Error(`npm start exited early:\n${out}`)));
      });
      expect(functionsUrl).toBe(`http://127.0.0.1:${port}/functions/v1`);
      expect(out).toMatch(/demo data\s+not loaded/);

      const { status, body } = await getHealth(functionsUrl);
      expect(status).toBe(200);
      expect(body.status).toBe("ok");
      expect(body.migrations.applied).toBe((await migrationFiles()).length);

      const sql = connect(scratchUrl, { max: 1 });
      const [{ n }] = await sql`select count(*)::int as n from public.contacts`;
      await sql.end();
      expect(n).toBe(0);

      child.kill("SIGTERM"); // npm's pid only, as a process manager would
      expect(await exited).toBe(0);
      expect(out).toContain("dialbridge: stopped");
      // nothing of its process group is left (npm, tsx, node, the Deno functions server)
      expect(processGroup(child.pid!)).toEqual([]);
    } finally {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }, 60_000);
});

describe("running tools (pg_dump, dbmate)", () => {
  it("keeps a multi-byte character whole when the tool's output splits it between two chunks", async () => {
    // '×' is C3 97 in UTF-8: written as two chunks 50 ms apart, as pg_dump's output may arrive
    const script = "process.stdout.write(Buffer.from([0x61, 0xc3])); setTimeout(() => process.stdout.write(Buffer.from([0x97, 0x62])), 50);";
    const { code, out } = await run(process.execPath, ["-e", script]);
    expect(code).toBe(0);
    expect(out).toBe("a×b");
  });
});

describe("embedded PostgreSQL run by root", () => {
  it("says which directory its system user cannot enter instead of failing with a bare EACCES", async () => {
    const top = await mkdtemp(path.join(tmpdir(), "dialbridge-reach-"));
    try {
      const data = path.join(top, "checkout", ".data", "postgres");
      await mkdir(path.dirname(data), { recursive: true });
      const other = { uid: 54_321, gid: 54_321 }; // neither owner nor group of anything here
      await chmod(top, 0o700);
      expect(() => assertReachable([data], other)).toThrow(`cannot enter ${top} (mode 700)`);
      await chmod(top, 0o755);
      expect(() => assertReachable([data], other)).not.toThrow();
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });
});
