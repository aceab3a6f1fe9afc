/**
 * `npm run bench:pacing` — predictive dialing, proved by simulation (test/bench/pacing-sim.ts): a seeded
 * calling floor driving each strategy in the same run — power dialing, a fixed ratio, a VICIdial-style
 * adaptive dial level targeting 3 % drop, and dialbridge's pacer (jobs/pacing/pacer.ts, the production
 * decision). For each: talk minutes per rep-hour, rep idle time between calls, calls per hour, abandonment
 * of live-answered calls, the worst 30-day window of the run, and contacts burned.
 *
 *   npm run bench:pacing -- [--agents 8] [--answer-rate 0.15] [--machine-rate 0.1] [--talk-mean 180]
 *                           [--wrap-mean 30] [--ring-mean 12] [--hours 8] [--days 40] [--seed 1] [--seeds 3]
 *
 * Scenarios: the floor as given over --days; the answer rate halving at noon (--days 5); and the given floor
 * over --seeds more seeds (--days 10 each) for the cap.
 */
import { adaptive, DEFAULT_FLOOR, fixedRatio, pacer, power, simulate, type FloorParams, type FloorResult } from "./pacing-sim.ts";

const argv = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  const raw = eq ? eq.split("=")[1] : i >= 0 ? argv[i + 1] : undefined;
  return raw === undefined ? fallback : Number(raw);
};
const base: FloorParams = {
  ...DEFAULT_FLOOR,
  agents: num("agents", DEFAULT_FLOOR.agents), answerRate: num("answer-rate", DEFAULT_FLOOR.answerRate),
  machineRate: num("machine-rate", DEFAULT_FLOOR.machineRate), talkMean: num("talk-mean", DEFAULT_FLOOR.talkMean),
  wrapMean: num("wrap-mean", DEFAULT_FLOOR.wrapMean), ringMean: num("ring-mean", DEFAULT_FLOOR.ringMean),
  hours: num("hours", DEFAULT_FLOOR.hours), days: num("days", DEFAULT_FLOOR.days), seed: num("seed", DEFAULT_FLOOR.seed),
};
const SEEDS = num("seeds", 3);
const CAP = 0.03;

const strategies = () => [power, fixedRatio(2.5), adaptive(CAP), pacer];
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

function table(title: string, results: FloorResult[]) {
  console.log(`\n  ${title}`);
  console.log("  strategy                                           talk min/rep-h  idle s/call  calls/h  abandon   worst 30 d  contacts");
  for (const r of results) {
    console.log(`  ${r.strategy.padEnd(50)} ${r.talkMinutesPerRepHour.toFixed(1).padStart(13)}  ${r.idleSecondsBetweenCalls.toFixed(0).padStart(11)}  ` +
      `${r.callsPerHour.toFixed(0).padStart(7)}  ${pct(r.abandonRate).padStart(7)}  ${pct(r.worst30DayAbandonRate).padStart(10)}  ${String(r.contactsBurned).padStart(8)}`);
  }
}

/** dialbridge's pacer against the best other strategy that stays under the cap (worst window included). */
function verdict(results: FloorResult[]) {
  const ours = results.find((r) => r.strategy === pacer.name)!;
  const legal = results.filter((r) => r !== ours && r.worst30DayAbandonRate <= CAP);
  const best = legal.reduce((a, b) => (b.talkMinutesPerRepHour > a.talkMinutesPerRepHour ? b : a), legal[0]);
  const pw = results.find((r) => r.strategy === power.name)!;
  const ad = results.find((r) => r.strategy.startsWith("adaptive"))!;
  const underCap = ours.worst30DayAbandonRate <= CAP;
  const beats = !best || ours.talkMinutesPerRepHour >= best.talkMinutesPerRepHour;
  return { ours, best, line: `talk/rep-hour ${(ours.talkMinutesPerRepHour / pw.talkMinutesPerRepHour).toFixed(2)}× power, ` +
    `${(ours.talkMinutesPerRepHour / ad.talkMinutesPerRepHour).toFixed(2)}× adaptive; abandonment ${pct(ours.abandonRate)}, ` +
    `worst 30-day window ${pct(ours.worst30DayAbandonRate)} (cap 3 %: ${underCap ? "met" : "MISSED"}); ` +
    `vs the best other strategy under the cap (${best?.strategy ?? "none"}): ${beats ? "at least as much talk (met)" : "less talk (MISSED)"}`,
    ok: underCap && beats };
}

const started = Date.now();
console.log(`\nbench:pacing  (${base.agents} reps, answer ${pct(base.answerRate)}, machines ${pct(base.machineRate)}, talk ${base.talkMean} s, ` +
  `wrap ${base.wrapMean} s, ring ${base.ringMean} s, ${base.hours} h × ${base.days} days, seed ${base.seed})`);
const r1 = strategies().map((s) => simulate(base, s));
table(`the floor over ${base.days} days`, r1);
const v1 = verdict(r1);
const halved = { ...base, days: Math.min(base.days, 5), answerShift: { atHour: base.hours / 2, factor: 0.5 } };
const r2 = strategies().map((s) => simulate(halved, s));
table(`the answer rate halves halfway through each day (${halved.days} days)`, r2);
const v2 = verdict(r2);
const seedLines: string[] = [];
let seedsOk = true;
for (let k = 1; k <= SEEDS; k++) {
  const p = { ...base, seed: base.seed + 1000 * k, days: Math.min(base.days, 10) };
  const rs = strategies().map((s) => simulate(p, s));
  const v = verdict(rs);
  seedsOk &&= v.ok;
  seedLines.push(`  seed ${p.seed}: ${v.line}`);
}
console.log(`\n  other seeds (${Math.min(base.days, 10)} days each)\n${seedLines.join("\n")}`);
console.log(`\n  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`pacing: ${v1.line}`);
console.log(`pacing (answer rate halves): ${v2.line}`);
console.log(`pacing over ${SEEDS} more seeds: ${seedsOk ? "met in every one" : "MISSED in at least one (see above)"}`);
