/**
 * The predictive pacer: how many more numbers to dial now, for one campaign, from what it measures.
 * One implementation, pure (no I/O): the worker's predictive dialing and the simulation of
 * `npm run bench:pacing` both call `decide`.
 *
 * The bet. Every line we start rings for a while and then: nobody answers, a machine answers, or a person
 * answers — and a person must reach a free rep within 2 s, else the call is abandoned (47 CFR
 * 64.1200(a)(7): at most 3 % of live-answered calls per campaign over 30 days). So, for a candidate number
 * of lines in flight, the pacer estimates over the next answer horizon
 *
 *   X = live answers:  each line in flight answers live with p (its chance, given how long it has rung),
 *                      and does so within the horizon with the ring-time distribution's weight;
 *   A = reps free:     free now, plus each busy rep with the chance their call and wrap-up end within the
 *                      horizon (by how long they have lasted: the residual of the talk and wrap distributions);
 *
 * and the expected overflow E[max(0, X − A)], the calls that would be abandoned. It dials the most lines
 * whose expected abandonment stays under the allowed rate (allowedRate: steered by the campaign's 30-day
 * abandonment towards a setpoint under the cap; near or over the cap: power dialing only) — and never
 * fewer than power dialing (one line per free rep not already covered), never more than maxLines.
 * Too little history (answers measured), and the pacer stays at power dialing.
 */

export interface RepState {
  /** Seconds the rep has been on their current call (talking), or null when free or wrapping up. */
  talkingFor: number | null;
  /** Seconds into wrap-up, or null. */
  wrappingFor: number | null;
}

export interface LineState {
  /** Seconds this line has been ringing. */
  ringingFor: number;
}

export interface CampaignStats {
  /** Lines dialled in the window (answered or not). */
  dialled: number;
  /** Of those, answered by a person. */
  liveAnswers: number;
  /** Answered by a machine. */
  machineAnswers: number;
  /** Mean seconds from dial to a person's answer. */
  ringMean: number;
  /** Mean talk seconds of connected calls. */
  talkMean: number;
  /** Mean wrap-up seconds. */
  wrapMean: number;
  /** Seconds after which an unanswered line is given up. */
  noAnswerTimeout: number;
  /** The campaign's 30-day window: live-answered calls and abandoned calls. */
  windowLiveAnswers: number;
  windowAbandoned: number;
}

export interface PacerSettings {
  /** Abandonment cap (0.03). */
  cap: number;
  /** Never more lines in flight than this. */
  maxLines: number;
  /** Answers measured before the estimates are trusted (else power dialing). */
  minLiveAnswers: number;
}

export const DEFAULT_PACER_SETTINGS: PacerSettings = { cap: 0.03, maxLines: 40, minLiveAnswers: 30 };

export interface Situation {
  reps: RepState[];
  lines: LineState[];
  stats: CampaignStats;
  settings?: Partial<PacerSettings>;
}

export interface Decision {
  /** Lines to start now. */
  dial: number;
  /** Lines in flight after dialling. */
  inFlight: number;
  /** Why: power (no history / cap at risk), predictive, full (maxLines), idle (nobody to dial for). */
  mode: "power" | "predictive" | "full" | "idle";
  /** The abandonment rate the chosen number of lines is expected to cause. */
  expectedAbandonRate: number;
  /** The rate it was allowed. */
  allowedRate: number;
}

/** P(a rep is free within h seconds), from how far they are into talk and wrap-up (exponential residuals). */
function freeWithin(rep: RepState, h: number, talkMean: number, wrapMean: number): number {
  if (rep.talkingFor === null && rep.wrappingFor === null) return 1;
  // residual of an exponential is memoryless; but a call far past the mean is more likely near its end:
  // a shifted residual (mean shrinks with elapsed time, floor 25 % of the mean) keeps the pacer honest
  if (rep.talkingFor !== null) {
    const talkLeft = Math.max(talkMean * 0.25, talkMean - 0.5 * rep.talkingFor);
    // hypoexponential: talk then wrap, both within h
    const a = 1 / talkLeft, b = 1 / Math.max(1, wrapMean);
    if (Math.abs(a - b) < 1e-9) return 1 - Math.exp(-a * h) * (1 + a * h);
    return 1 - (b * Math.exp(-a * h) - a * Math.exp(-b * h)) / (b - a);
  }
  const wrapLeft = Math.max(wrapMean * 0.25, wrapMean - 0.5 * (rep.wrappingFor ?? 0));
  return 1 - Math.exp(-h / Math.max(1, wrapLeft));
}

/** Distribution (as an array of probabilities) of a sum of independent Bernoulli variables. */
function poissonBinomial(ps: number[]): number[] {
  let dist = [1];
  for (const p of ps) {
    const next = new Array(dist.length + 1).fill(0);
    for (let k = 0; k < dist.length; k++) {
      next[k] += dist[k] * (1 - p);
      next[k + 1] += dist[k] * p;
    }
    dist = next;
  }
  return dist;
}

/** E[max(0, X − A)] for independent X and A given as distributions. */
function expectedOverflow(x: number[], a: number[]): number {
  let e = 0;
  for (let i = 1; i < x.length; i++) {
    if (x[i] < 1e-12) continue;
    for (let j = 0; j < Math.min(i, a.length); j++) e += x[i] * a[j] * (i - j);
  }
  return e;
}

/**
 * The abandonment rate the next calls may be expected to cause: a share of the cap that shrinks as the
 * campaign's 30-day abandonment uses it up (none left: power dialing only). Expected rates run lower than
 * realised ones (answers bunch up), so the share starts well under the cap.
 */
export function allowedRate(stats: CampaignStats, cap: number): number {
  const observed = stats.windowLiveAnswers > 0 ? stats.windowAbandoned / stats.windowLiveAnswers : 0;
  const headroom = Math.max(0, cap - observed) / cap;
  return cap * SHARE * Math.min(1, headroom * 1.5);
}

/** The share of the cap the pacer bets with while the window has room (tuned with npm run bench:pacing). */
export const SHARE = 0.7;

export function decide(situation: Situation): Decision {
  const settings = { ...DEFAULT_PACER_SETTINGS, ...situation.settings };
  const { reps, lines, stats } = situation;
  const free = reps.filter((r) => r.talkingFor === null && r.wrappingFor === null).length;
  const inFlight = lines.length;
  const powerDial = Math.max(0, free - inFlight);
  const cappedPower = Math.min(powerDial, Math.max(0, settings.maxLines - inFlight));
  const allowed = allowedRate(stats, settings.cap);
  if (reps.length === 0) return { dial: 0, inFlight, mode: "idle", expectedAbandonRate: 0, allowedRate: allowed };
  if (stats.liveAnswers < settings.minLiveAnswers || stats.dialled === 0 || allowed <= 0) {
    return { dial: cappedPower, inFlight: inFlight + cappedPower, mode: "power", expectedAbandonRate: 0, allowedRate: allowed };
  }
  const pLive = stats.liveAnswers / stats.dialled;
  // the horizon: the time a line we start now takes to be answered (most answers come near the mean)
  const horizon = Math.max(5, stats.ringMean * 1.5);
  // a line already ringing for r seconds: still to be answered live within the horizon
  const timeout = Math.max(stats.noAnswerTimeout, stats.ringMean + 1);
  const lineLive = (ringingFor: number) => {
    // answers spread uniformly over [0, 2·ringMean] (clipped to the timeout): what is left after ringingFor
    const span = Math.min(timeout, 2 * stats.ringMean);
    if (ringingFor >= span) return 0;
    const left = (span - ringingFor) / span;
    const pNow = (pLive * left) / (1 - pLive + pLive * left);
    return pNow * Math.min(1, horizon / Math.max(1, span - ringingFor));
  };
  const existing = lines.map((l) => lineLive(l.ringingFor));
  const fresh = lineLive(0);
  const agentDist = poissonBinomial(reps.map((r) => freeWithin(r, horizon, stats.talkMean, stats.wrapMean)));

  let best = cappedPower;
  let bestRate = 0;
  const maxExtra = Math.max(0, settings.maxLines - inFlight);
  for (let n = cappedPower; n <= maxExtra; n++) {
    const ps = [...existing, ...new Array(n).fill(fresh)];
    const x = poissonBinomial(ps);
    const expectedLive = ps.reduce((s, p) => s + p, 0);
    const rate = expectedLive > 0 ? expectedOverflow(x, agentDist) / expectedLive : 0;
    if (n > cappedPower && rate > allowed) break;
    best = n;
    bestRate = rate;
  }
  const mode = best === maxExtra && best > cappedPower ? "full" : best > cappedPower ? "predictive" : "power";
  return { dial: best, inFlight: inFlight + best, mode, expectedAbandonRate: bestRate, allowedRate: allowed };
}
