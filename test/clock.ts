/**
 * `npm test -- --clock=SPEC`: the suite with the clock moved, as a user running it on another day would.
 *
 * A private PostgreSQL server is started for the run under libfaketime (so `now()`, `current_date` and
 * every timestamp the database takes are shifted), and the vitest processes run under the same offset.
 * The offset is fixed when the run starts; the clock then runs at normal speed from there.
 *
 *   +400d, -3h, +90m, +2w, +1y   relative to the real clock (s, m, h, d, w, y = 365 d)
 *   @2028-03-12T06:59:30Z        an absolute start (any ISO 8601 time with a zone)
 *   dst                          30 s before the first America/New_York clock change at least 400 days ahead:
 *                                the run crosses the change, more than a year from today
 *   ny-evening                   23:30 in New York at least 400 days ahead: New York's day and UTC's differ
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, chownSync, chmodSync, existsSync, readdirSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const DAY = 86_400;
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: DAY, w: 7 * DAY, y: 365 * DAY };
const NY = "America/New_York";

/** Minutes east of UTC of `zone` at instant `ms`. */
function zoneOffsetMinutes(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The first instant at or after `fromMs` where `zone`'s offset from UTC changes (to the second). */
export function nextZoneChange(fromMs: number, zone: string): number {
  const start = zoneOffsetMinutes(fromMs, zone);
  let lo = fromMs;
  let hi = fromMs;
  for (;;) { // hourly steps until the offset differs (at most a year of hours)
    hi += 3_600_000;
    if (zoneOffsetMinutes(hi, zone) !== start) break;
    if (hi - fromMs > 400 * DAY * 1000) throw new Error(`${zone} has no clock change within 400 days`);
    lo = hi;
  }
  while (hi - lo > 1000) { // bisect to the second
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (zoneOffsetMinutes(mid, zone) === start) lo = mid; else hi = mid;
  }
  return hi;
}

/** 23:30 New York time on the first New York day at least `aheadDays` after `nowMs`. */
function newYorkEvening(nowMs: number, aheadDays: number): number {
  const target = nowMs + aheadDays * DAY * 1000;
  const off = zoneOffsetMinutes(target, NY);
  const local = new Date(target + off * 60_000); // New York's wall clock, read with UTC getters
  const wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 23, 30, 0);
  return wall - zoneOffsetMinutes(wall, NY) * 60_000;
}

/** Seconds to add to the real clock for `spec` (see the header). */
export function clockOffsetSeconds(spec: string, nowMs = Date.now()): number {
  const rel = /^([+-])(\d+)([smhdwy])$/.exec(spec);
  if (rel) return (rel[1] === "-" ? -1 : 1) * Number(rel[2]) * UNITS[rel[3]];
  let at: number;
  if (spec === "dst") at = nextZoneChange(nowMs + 400 * DAY * 1000, NY) - 30_000;
  else if (spec === "ny-evening") at = newYorkEvening(nowMs, 400);
  else if (spec.startsWith("@")) {
    at = Date.parse(spec.slice(1));
    if (Number.isNaN(at) || !/(Z|[+-]\d\d:?\d\d)$/i.test(spec)) {
      throw new Error(`--clock=${spec}: an absolute start is an ISO 8601 time with a zone, e.g. @2028-03-12T06:59:30Z`);
    }
  } else {
    throw new Error(`--clock=${spec}: expected +400d, -3h, @2028-03-12T06:59:30Z, dst or ny-evening`);
  }
  return Math.round((at - nowMs) / 1000);
}

/** The environment that makes a process see the real clock moved by `offset` seconds. */
export function fakeClockEnv(libfaketime: string, offset: number): NodeJS.ProcessEnv {
  return {
    LD_PRELOAD: [libfaketime, process.env.LD_PRELOAD].filter(Boolean).join(":"),
    FAKETIME: `${offset >= 0 ? "+" : "-"}${Math.abs(offset)}s`,
    // timers, timeouts and the servers' own bookkeeping keep the real monotonic clock
    FAKETIME_DONT_FAKE_MONOTONIC: "1",
    FAKETIME_DONT_RESET: "1",
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The server binaries of PostgreSQL `major` (Debian's layout, then pg_config's). */
function serverBinDir(major: number): string {
  const debian = `/usr/lib/postgresql/${major}/bin`;
  if (existsSync(path.join(debian, "postgres"))) return debian;
  const r = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const dir = r.status === 0 ? r.stdout.trim() : "";
  if (dir && existsSync(path.join(dir, "postgres"))) return dir;
  const found = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").join(", ") : "none";
  throw new Error(`--clock starts its own PostgreSQL ${major} server, whose binaries are not on this machine (found: ${found})`);
}

export type ShiftedServer = { adminUrl: string; stop: () => Promise<void> };

/**
 * A throwaway PostgreSQL server of version `major` whose clock is moved by `offset` seconds: initdb in a
 * temporary directory (as the `postgres` system user when run as root, since PostgreSQL refuses root),
 * trust auth on 127.0.0.1 and a private socket directory, removed again by stop().
 */
export async function startShiftedServer(opts: { major: number; offset: number; libfaketime: string; log: (m: string) => void }): Promise<ShiftedServer> {
  const bin = serverBinDir(opts.major);
  const dir = mkdtempSync(path.join(os.tmpdir(), "dialbridge-clock-"));
  const asRoot = process.getuid?.() === 0;
  const runAs = (cmd: string, args: string[]) => (asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] as const : [cmd, args] as const);
  if (asRoot) {
    const pw = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (pw.status !== 0) throw new Error("--clock as root needs the `postgres` system user to run its server");
    chmodSync(dir, 0o700);
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  const data = path.join(dir, "data");
  const [initCmd, initArgs] = runAs(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const init = spawnSync(initCmd, initArgs, { encoding: "utf8", env: { ...process.env, TZ: process.env.TZ ?? "Etc/UTC" } });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb for the --clock server failed:\n${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const [pgCmd, pgArgs] = runAs(path.join(bin, "postgres"), [
    "-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1",
    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=100",
  ]);
  const child: ChildProcess = spawn(pgCmd, pgArgs, {
    env: { ...process.env, ...fakeClockEnv(opts.libfaketime, opts.offset) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (d) => { stderr = (stderr + d).slice(-4000); });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      const [{ now }] = await sql`select now()::text as now`;
      opts.log(`--clock server on port ${port}: its now() is ${now}`);
      await sql.end();
      break;
    } catch (e) {
      await sql.end({ timeout: 1 }).catch(() => {});
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        cleanup();
        throw new Error(`the --clock PostgreSQL server did not start:\n${stderr || (e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    adminUrl,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGINT"); // fast shutdown
        const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(t);
      }
      cleanup();
    },
  };
}
