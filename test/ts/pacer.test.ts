/**
 * The predictive pacer's decisions (jobs/pacing/pacer.ts) on hand-made situations: no history, everyone
 * busy, reps about to be free, the cap nearly reached, the line limit — and, on a seeded simulated floor,
 * abandonment under the cap with more talk per rep-hour than power dialing. No clock involved: situations
 * carry their own elapsed times.
 */
import { describe, expect, it } from "vitest";
import { allowedRate, decide, type CampaignStats, type RepState } from "../../jobs/pacing/pacer.ts";
import { adaptive, DEFAULT_FLOOR, pacer, power, simulate } from "../bench/pacing-sim.ts";

const history: CampaignStats = {
  dialled: 1000, liveAnswers: 150, machineAnswers: 100, ringMean: 12, talkMean: 180, wrapMean: 30, noAnswerTimeout: 25,
  windowLiveAnswers: 2000, windowAbandoned: 20,
};
const free: RepState = { talkingFor: null, wrappingFor: null };
const talking = (s: number): RepState => ({ talkingFor: s, wrappingFor: null });

describe("the pacer", () => {
  it("dials one line per free rep while the campaign has too little history to estimate", () => {
    const d = decide({ reps: [free, free, free, talking(30)], lines: [], stats: { ...history, dialled: 40, liveAnswers: 6 } });
    expect(d).toMatchObject({ dial: 3, mode: "power" });
  });

  it("dials more lines than free reps when answers are rare, and counts lines already ringing", () => {
    const d = decide({ reps: [free, free, talking(100), talking(20)], lines: [], stats: history });
    expect(d.mode).toBe("predictive");
    expect(d.dial).toBeGreaterThan(2);
    const withRinging = decide({ reps: [free, free, talking(100), talking(20)], lines: Array.from({ length: d.dial }, () => ({ ringingFor: 1 })), stats: history });
    expect(withRinging.dial).toBeLessThan(d.dial);
    expect(d.expectedAbandonRate).toBeLessThanOrEqual(d.allowedRate);
  });

  it("with everyone busy, bets only on reps about to be free: nothing while calls have just begun, lines for reps finishing wrap-up", () => {
    const justStarted = decide({ reps: Array.from({ length: 4 }, () => talking(5)), lines: [], stats: history });
    expect(justStarted.dial).toBe(0);
    const finishing = decide({ reps: Array.from({ length: 4 }, () => ({ talkingFor: null, wrappingFor: 40 })), lines: [], stats: history });
    expect(finishing.dial).toBeGreaterThan(0);
    expect(finishing.mode).toBe("predictive");
  });

  it("falls back to power dialing when the 30-day window has used up the cap, and is more careful as it nears it", () => {
    const spent = { ...history, windowAbandoned: 60 }; // 3 % of 2,000
    expect(allowedRate(spent, 0.03)).toBe(0);
    expect(decide({ reps: [free, free, talking(60)], lines: [], stats: spent })).toMatchObject({ dial: 2, mode: "power" });
    expect(allowedRate({ ...history, windowAbandoned: 50 }, 0.03)).toBeLessThan(allowedRate(history, 0.03));
  });

  it("never puts more lines in flight than allowed, and never dials for nobody", () => {
    const d = decide({ reps: Array.from({ length: 10 }, () => free), lines: [], stats: { ...history, liveAnswers: 30, dialled: 1000 },
      settings: { maxLines: 6 } });
    expect(d.inFlight).toBe(6);
    expect(decide({ reps: [], lines: [], stats: history }).dial).toBe(0);
  });

  it("on a simulated floor keeps abandonment under 3 % with more talk per rep-hour than power and adaptive dialing", () => {
    const floor = { ...DEFAULT_FLOOR, days: 3, seed: 7 };
    const ours = simulate(floor, pacer), pw = simulate(floor, power), ad = simulate(floor, adaptive(0.03));
    expect(ours.worst30DayAbandonRate).toBeLessThanOrEqual(0.03);
    expect(ours.talkMinutesPerRepHour).toBeGreaterThan(pw.talkMinutesPerRepHour * 1.2);
    expect(ours.talkMinutesPerRepHour).toBeGreaterThan(ad.talkMinutesPerRepHour);
  }, 60_000);
});
