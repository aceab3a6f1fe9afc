/**
 * A discrete-event simulation of a predictive calling floor, seeded and reproducible, that drives a
 * dialing strategy — the real pacer (jobs/pacing/pacer.ts `decide`) or the strategies it is compared with.
 *
 * The floor: `agents` reps logged in for `hours` a day. A dialled line rings; with `answerRate` a person
 * answers (after a ring time around `ringMean`), with `machineRate` a machine (detected, dropped: no rep
 * needed), else nobody (given up at `noAnswerTimeout`). A person must reach a free rep within 2 s (a rep
 * freeing in that time takes them), else the call is abandoned. Connected calls last a lognormal talk time
 * (`talkMean`), then the rep wraps up (exponential, `wrapMean`). Every line uses up a contact.
 */
import { prng } from "../../supabase/local/prng.ts";
import { decide, type CampaignStats, type Situation } from "../../jobs/pacing/pacer.ts";

export interface FloorParams {
  agents: number;
  answerRate: number;
  machineRate: number;
  talkMean: number;
  wrapMean: number;
  ringMean: number;
  noAnswerTimeout: number;
  hours: number;
  days: number;
  seed: number;
  /** From this hour of each day on, the answer rate is multiplied by this factor (the "halves at noon" scenario). */
  answerShift?: { atHour: number; factor: number };
  maxLines: number;
}

export const DEFAULT_FLOOR: FloorParams = {
  agents: 8, answerRate: 0.15, machineRate: 0.1, talkMean: 180, wrapMean: 30, ringMean: 12, noAnswerTimeout: 25,
  hours: 8, days: 40, seed: 1, maxLines: 40,
};

/** What a strategy sees at a decision point. */
export interface FloorView {
  now: number;
  free: number;
  reps: Situation["reps"];
  lines: Situation["lines"];
  /** Recent measurements (the campaign's last 1,500 dials) and its trailing 30-day window. */
  stats: CampaignStats;
  /** Today's abandonment so far (live answers, abandoned). */
  today: { live: number; abandoned: number };
}

export interface Strategy {
  name: string;
  /** Lines to dial now. */
  dial(view: FloorView): number;
  /** Called once a day before it starts (adaptive strategies reset their level). */
  newDay?(): void;
}

export const power: Strategy = { name: "power (1 line per free rep)", dial: (v) => Math.max(0, v.free - v.lines.length) };

export function fixedRatio(r: number): Strategy {
  return { name: `fixed ratio ${r} lines per free rep`, dial: (v) => Math.max(0, Math.ceil(r * v.free) - v.lines.length) };
}

/**
 * VICIdial-style adaptive dial level (ADAPT_TAPERED in spirit): lines = level × free reps − lines ringing;
 * every 15 s the level rises while today's drop rate is under the target and reps are waiting, and falls
 * when it is over.
 */
export function adaptive(target = 0.03): Strategy {
  let level = 1;
  let lastAdjust = -Infinity;
  return {
    name: `adaptive dial level (VICIdial-style, ${target * 100} % target)`,
    newDay() { level = 1; lastAdjust = -Infinity; },
    dial(v) {
      if (v.now - lastAdjust >= 15) {
        lastAdjust = v.now;
        const drop = v.today.live > 0 ? v.today.abandoned / v.today.live : 0;
        if (drop >= target) level = Math.max(1, level - 0.3);
        else if (v.free > 0) level = Math.min(6, level + 0.1);
      }
      return Math.max(0, Math.ceil(level * v.free) - v.lines.length);
    },
  };
}

/** dialbridge's pacer: the production decision, fed what the floor measures. */
export const pacer: Strategy = {
  name: "dialbridge pacer",
  dial: (v) => decide({ reps: v.reps, lines: v.lines, stats: v.stats, settings: { maxLines: 40 } }).dial,
};

export interface DayResult { talk: number; idle: number; dialled: number; live: number; abandoned: number; repSeconds: number }

export interface FloorResult {
  strategy: string;
  days: DayResult[];
  talkMinutesPerRepHour: number;
  idleSecondsBetweenCalls: number;
  callsPerHour: number;
  abandonRate: number;
  worst30DayAbandonRate: number;
  contactsBurned: number;
}

/** Binary heap of timed events. */
class Heap<T extends { at: number }> {
  private a: T[] = [];
  get size() { return this.a.length; }
  push(x: T) {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p].at <= a[i].at) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0], last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l].at < a[m].at) m = l;
        if (r < a.length && a[r].at < a[m].at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

type Ev =
  | { at: number; kind: "line"; line: number; outcome: "live" | "machine" | "none" }
  | { at: number; kind: "deadline"; line: number }
  | { at: number; kind: "talkEnd"; rep: number }
  | { at: number; kind: "wrapEnd"; rep: number };

export function simulate(params: FloorParams, strategy: Strategy): FloorResult {
  const rnd = prng(params.seed);
  const normal = () => {
    const u = Math.max(1e-12, rnd.next()), v = rnd.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const lognormal = (mean: number, cv: number) => {
    const s2 = Math.log(1 + cv * cv);
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal());
  };
  const expo = (mean: number) => -Math.log(Math.max(1e-12, rnd.next())) * mean;

  const days: DayResult[] = [];
  // measurements the pacer reads: the last 1,500 dial outcomes (across days: a warm start), and abandonment
  // per day for the 30-day window
  const recent: { at: number; live: boolean; machine: boolean; ring: number }[] = [];
  const counts = { live: 0, machine: 0, ringSum: 0 };
  const recentTalk: number[] = [];
  const recentWrap: number[] = [];
  let contacts = 0;
  const dayLength = params.hours * 3600;

  for (let d = 0; d < params.days; d++) {
    strategy.newDay?.();
    const t0 = d * 86_400;
    const end = t0 + dayLength;
    const reps = Array.from({ length: params.agents }, () => ({ state: "free" as "free" | "talking" | "wrapping", since: t0, waitingSince: t0 }));
    const lines = new Map<number, { start: number; answeredAt?: number }>();
    const waiting: number[] = []; // answered lines waiting (≤ 2 s) for a rep
    const heap = new Heap<Ev>();
    let lineSeq = 0;
    const day: DayResult = { talk: 0, idle: 0, dialled: 0, live: 0, abandoned: 0, repSeconds: params.agents * dayLength };

    const answerRate = (t: number) => params.answerShift && t - t0 >= params.answerShift.atHour * 3600
      ? params.answerRate * params.answerShift.factor : params.answerRate;

    const connect = (rep: number, now: number, line: number) => {
      const r = reps[rep];
      if (r.state === "free") day.idle += now - r.waitingSince;
      r.state = "talking";
      r.since = now;
      lines.delete(line);
      const talk = Math.min(lognormal(params.talkMean, 0.8), dayLength);
      recentTalk.push(talk);
      if (recentTalk.length > 200) recentTalk.shift();
      day.talk += Math.min(talk, Math.max(0, end - now));
      heap.push({ at: now + talk, kind: "talkEnd", rep });
    };

    const view = (now: number): FloorView => {
      const dialled = recent.length;
      const live = counts.live, machine = counts.machine, ringSum = counts.ringSum;
      const mean = (xs: number[], fallback: number) => xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : fallback;
      // the 30-day window: the previous 29 days and today
      let wLive = day.live, wAb = day.abandoned;
      for (let k = Math.max(0, days.length - 29); k < days.length; k++) { wLive += days[k].live; wAb += days[k].abandoned; }
      return {
        now, free: reps.filter((r) => r.state === "free").length,
        reps: reps.map((r) => ({
          talkingFor: r.state === "talking" ? now - r.since : null,
          wrappingFor: r.state === "wrapping" ? now - r.since : null,
        })),
        lines: [...lines.values()].filter((l) => l.answeredAt === undefined).map((l) => ({ ringingFor: now - l.start })),
        stats: {
          dialled, liveAnswers: live, machineAnswers: machine, ringMean: live ? ringSum / live : params.ringMean,
          talkMean: mean(recentTalk, params.talkMean), wrapMean: mean(recentWrap, params.wrapMean),
          noAnswerTimeout: params.noAnswerTimeout, windowLiveAnswers: wLive, windowAbandoned: wAb,
        },
        today: { live: day.live, abandoned: day.abandoned },
      };
    };

    const dialNow = (now: number) => {
      if (now >= end) return;
      const n = Math.min(strategy.dial(view(now)), params.maxLines - lines.size);
      for (let i = 0; i < n; i++) {
        const id = ++lineSeq;
        lines.set(id, { start: now });
        contacts++;
        day.dialled++;
        const r = rnd.next(), p = answerRate(now);
        if (r < p) {
          const ring = Math.min(params.noAnswerTimeout - 1, Math.max(2, lognormal(params.ringMean, 0.5)));
          heap.push({ at: now + ring, kind: "line", line: id, outcome: "live" });
        } else if (r < p + params.machineRate) {
          heap.push({ at: now + Math.max(2, lognormal(params.ringMean, 0.5)), kind: "line", line: id, outcome: "machine" });
        } else {
          heap.push({ at: now + params.noAnswerTimeout, kind: "line", line: id, outcome: "none" });
        }
      }
    };

    dialNow(t0);
    for (let ev = heap.pop(); ev; ev = heap.pop()) {
      const now = ev.at;
      if (ev.kind === "line") {
        const l = lines.get(ev.line);
        if (!l) continue;
        const x = { at: now, live: ev.outcome === "live", machine: ev.outcome === "machine", ring: now - l.start };
        recent.push(x);
        if (x.live) { counts.live++; counts.ringSum += x.ring; }
        if (x.machine) counts.machine++;
        if (recent.length > 1500) {
          const old = recent.shift()!;
          if (old.live) { counts.live--; counts.ringSum -= old.ring; }
          if (old.machine) counts.machine--;
        }
        if (ev.outcome !== "live") {
          lines.delete(ev.line);
        } else {
          day.live++;
          l.answeredAt = now;
          const free = reps.findIndex((r) => r.state === "free");
          if (free >= 0) connect(free, now, ev.line);
          else {
            waiting.push(ev.line);
            heap.push({ at: now + 2, kind: "deadline", line: ev.line });
          }
        }
      } else if (ev.kind === "deadline") {
        const i = waiting.indexOf(ev.line);
        if (i >= 0) {
          waiting.splice(i, 1);
          lines.delete(ev.line);
          day.abandoned++;
        }
      } else if (ev.kind === "talkEnd") {
        const r = reps[ev.rep];
        r.state = "wrapping";
        r.since = now;
        const wrap = expo(params.wrapMean);
        recentWrap.push(wrap);
        if (recentWrap.length > 200) recentWrap.shift();
        heap.push({ at: now + wrap, kind: "wrapEnd", rep: ev.rep });
      } else {
        const r = reps[ev.rep];
        r.state = "free";
        r.since = now;
        r.waitingSince = now;
        const next = waiting.shift();
        if (next !== undefined && now < end) connect(ev.rep, now, next);
      }
      if (now < end) dialNow(now);
    }
    for (const r of reps) if (r.state === "free" && r.waitingSince < end) day.idle += end - r.waitingSince;
    days.push(day);
  }

  const sum = (k: keyof DayResult) => days.reduce((s, d) => s + d[k], 0);
  const live = sum("live"), ab = sum("abandoned");
  let worst = 0;
  for (let i = 0; i + Math.min(30, days.length) <= days.length; i++) {
    const w = days.slice(i, i + Math.min(30, days.length));
    const l = w.reduce((s, d) => s + d.live, 0), a = w.reduce((s, d) => s + d.abandoned, 0);
    worst = Math.max(worst, l ? a / l : 0);
  }
  const connected = live - ab;
  return {
    strategy: strategy.name, days,
    talkMinutesPerRepHour: (sum("talk") / 60) / (sum("repSeconds") / 3600),
    idleSecondsBetweenCalls: connected ? sum("idle") / connected : 0,
    callsPerHour: sum("dialled") / (params.days * params.hours),
    abandonRate: live ? ab / live : 0,
    worst30DayAbandonRate: worst,
    contactsBurned: contacts,
  };
}
