// npm 11 leaves other platforms' optional binaries (dbmate, deno, rollup) out of package-lock.json when the
// registry it reaches does not serve them (npm/cli#4828, #8320); `npm ci` then refuses the lockfile. This adds
// the missing entries with their os/cpu constraints only: they are never installed on a machine they do not
// fit, so no download or integrity is needed. Run after `npm install` changes the lockfile:
//   node .ci/fill-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";
const file = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
const cpus = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "mips64el"];
const oses = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
let added = 0;
for (const [, e] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(e.optionalDependencies ?? {})) {
    if (lock.packages["node_modules/" + name]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => oses.includes(p));
    const cpu = parts.find((p) => cpus.includes(p));
    if (!os || !cpu) throw new Error(`cannot tell the platform of ${name}`);
    const entry = { version, cpu: [cpu], optional: true, os: [os] };
    if (parts.some((p) => p.startsWith("musl"))) entry.libc = ["musl"];
    else if (os === "linux" && parts.some((p) => p === "gnu" || p.startsWith("gnueabi") || p === "glibc")) entry.libc = ["glibc"];
    lock.packages["node_modules/" + name] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} entries`);
