/**
 * `npm run bench`: every benchmark, one after another (they share two cores: never in parallel). Each
 * prints its numbers beside a baseline measured in the same run, and whether its target is met.
 *
 *   ingest   signed webhooks accepted/s over HTTP (p50/p99) vs a bare insert; events processed/s end to
 *            end; per-event cost with 10 vs 10,000 earlier calls           (test/bench/ingest.ts)
 *   push     preview of 500 and 10,000 contacts; push throughput vs the sandbox's bare accept rate
 *                                                                           (test/bench/push.ts)
 *   reports  1,000,000 calls: roll-up reports vs the seed's queries on the raw table  (test/bench/reports.ts)
 *   voipstudio  the dialing queue with 100,000 contacts and 20 agents vs the same query without SKIP
 *            LOCKED; VoIPStudio webhook legs end to end vs a bare insert     (test/bench/voipstudio.ts)
 *   pacing   a simulated predictive floor: power, fixed ratio, VICIdial-style adaptive, dialbridge's pacer
 *                                                                           (test/bench/pacing.ts)
 *   bolna    Bolna POSTs end to end and transcript analyses against an OpenAI stand-in, vs the PhoneBurner
 *            ingest path in the same run                                    (test/bench/bolna.ts)
 *   soak     webhooks at a steady rate for minutes while the worker and PostgreSQL are restarted: lost and
 *            doubled (both 0), latency, memory                              (test/bench/soak.ts)
 *
 *   npm run bench -- [--only=ingest,push,reports,voipstudio,pacing,bolna,soak]
 * Exits 1 when a benchmark failed to run (a missed target is reported, not an error).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { bin, root } from "../../supabase/local/db.ts";

const benches = ["ingest", "push", "reports", "voipstudio", "pacing", "bolna", "soak"];
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const selected = benches.filter((b) => !only || only.includes(b));

function runBench(name: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), [path.join(root, `test/bench/${name}.ts`)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => { out += d; process.stdout.write(d); });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

const summary: string[] = [];
let failed = 0;
for (const name of selected) {
  console.log(`\n# ===== bench:${name} =====`);
  const started = Date.now();
  const { code, out } = await runBench(name);
  const verdicts = out.split("\n").filter((l) => /target|MISSED|\bmet\b/i.test(l) && !/^\s*\*/.test(l));
  summary.push(`bench:${name}: ${code === 0 ? "ran" : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ...verdicts.map((l) => `  ${l.trim()}`));
  if (code !== 0) failed++;
}
console.log(`\n# ===== summary =====\n${summary.join("\n")}`);
process.exit(failed ? 1 : 0);
