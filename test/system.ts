/**
 * The system pieces `npm test` needs besides npm packages, and how they get there.
 *
 *   pgTAP       the extension, on the PostgreSQL server the tests use (Debian: postgresql-<major>-pgtap)
 *   pg_prove    the TAP runner for the SQL half (Debian: libtap-parser-sourcehandler-pgtap-perl)
 *   libfaketime only for `--clock=…` runs (Debian: libfaketime)
 *
 * On a Debian machine, as root, against a server on this machine, what is missing is installed with
 * apt-get (after `apt-get update` when the package lists are stale). Anywhere else, one line says what to
 * run, and the test run stops before doing anything.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";

export class MissingSystemPiece extends Error {}

export function hasCommand(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

export function canApt(): boolean {
  return isRoot() && hasCommand("apt-get") && existsSync("/etc/debian_version");
}

/** True for a server this machine's package manager installs extensions into. */
export function isLocalServer(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "" || ["127.0.0.1", "localhost", "::1", "[::1]"].includes(host);
}

/**
 * apt-get install, once with the package lists as they are and, when that fails (stale or missing lists
 * on a fresh machine), once more after `apt-get update`.
 */
export function aptInstall(packages: string[], log: (m: string) => void): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  log(`installing ${packages.join(" ")} (apt-get)`);
  let r = install();
  if (r.status !== 0) {
    log("apt-get update");
    spawnSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" });
    r = install();
  }
  if (r.status !== 0) {
    throw new MissingSystemPiece(`apt-get install ${packages.join(" ")} failed:\n${(r.stderr || r.stdout || "").trim()}`);
  }
}

/** What to tell someone who has to install the pieces themselves: one line. */
function installHint(packages: string[], why: string): string {
  return `${why}: run \`sudo apt-get install -y ${packages.join(" ")}\` (Debian/Ubuntu; elsewhere install the same pieces with your package manager), then run the tests again`;
}

/**
 * Makes sure pgTAP is available on the server (major version `major`, reachable at `url`) and pg_prove
 * is on the PATH, installing them where this machine can.
 */
export function ensurePgTap(opts: { url: string; major: number; pgtapAvailable: boolean; log: (m: string) => void }): void {
  const packages: string[] = [];
  if (!opts.pgtapAvailable) packages.push(`postgresql-${opts.major}-pgtap`);
  if (!hasCommand("pg_prove")) packages.push("libtap-parser-sourcehandler-pgtap-perl");
  if (packages.length === 0) return;
  if (!opts.pgtapAvailable && !isLocalServer(opts.url)) {
    throw new MissingSystemPiece(
      `the PostgreSQL server at ${new URL(opts.url).host} has no pgTAP extension: install postgresql-${opts.major}-pgtap on that server (or point DATABASE_URL at one that has it)`,
    );
  }
  const what = [!opts.pgtapAvailable && "the pgTAP extension", !hasCommand("pg_prove") && "pg_prove"].filter(Boolean).join(" and ");
  if (!canApt()) throw new MissingSystemPiece(installHint(packages, `the SQL tests need ${what}`));
  aptInstall(packages, opts.log);
}

const FAKETIME_DIRS = ["/usr/lib/x86_64-linux-gnu/faketime", "/usr/lib/aarch64-linux-gnu/faketime", "/usr/lib/faketime", "/usr/local/lib/faketime"];

function findLibfaketime(): string | undefined {
  for (const dir of FAKETIME_DIRS) {
    const lib = path.join(dir, "libfaketime.so.1");
    if (existsSync(lib)) return lib;
  }
  return undefined;
}

/** The path of libfaketime.so.1, installed first where this machine can. */
export function ensureLibfaketime(log: (m: string) => void): string {
  let lib = findLibfaketime();
  if (lib) return lib;
  if (!canApt()) throw new MissingSystemPiece(installHint(["libfaketime"], "--clock needs libfaketime"));
  aptInstall(["libfaketime"], log);
  lib = findLibfaketime();
  if (!lib) throw new MissingSystemPiece(`libfaketime was installed but libfaketime.so.1 is not in ${FAKETIME_DIRS.join(", ")}`);
  return lib;
}
