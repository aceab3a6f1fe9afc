// `npm test -- --clock=…`: the forms the shifted runs in .ci/run rely on mean what they say.
import { describe, expect, it } from "vitest";
import { clockOffsetSeconds, fakeClockEnv, nextZoneChange } from "../clock.ts";

const now = Date.parse("2026-12-03T08:00:00Z");
const nyTime = (ms: number) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hourCycle: "h23", hour: "2-digit", minute: "2-digit", timeZoneName: "short" })
    .format(new Date(ms));

describe("--clock", () => {
  it("relative forms move the clock by that much", () => {
    expect(clockOffsetSeconds("+400d", now)).toBe(400 * 86_400);
    expect(clockOffsetSeconds("-3h", now)).toBe(-3 * 3600);
    expect(clockOffsetSeconds("+1y", now)).toBe(365 * 86_400);
    expect(clockOffsetSeconds("@2028-03-12T06:59:30Z", now)).toBe((Date.parse("2028-03-12T06:59:30Z") - now) / 1000);
  });

  it("refuses what it cannot read, and absolute times without a zone", () => {
    expect(() => clockOffsetSeconds("400d", now)).toThrow(/expected/);
    expect(() => clockOffsetSeconds("@2028-03-12T06:59:30", now)).toThrow(/with a zone/);
  });

  it("dst starts 30 s before New York's first clock change at least 400 days ahead, so the run crosses it", () => {
    const start = now + clockOffsetSeconds("dst", now) * 1000;
    expect(start - now).toBeGreaterThan(400 * 86_400_000);
    expect(new Date(start + 30_000).toISOString()).toBe("2028-03-12T07:00:00.000Z"); // 02:00 EST → 03:00 EDT
    expect(nyTime(start)).toBe("01:59 EST");
    expect(nyTime(start + 60_000)).toBe("03:00 EDT");
  });

  it("finds autumn changes too, to the second", () => {
    expect(new Date(nextZoneChange(Date.parse("2027-06-01T00:00:00Z"), "America/New_York")).toISOString())
      .toBe("2027-11-07T06:00:00.000Z"); // 02:00 EDT → 01:00 EST
  });

  it("ny-evening is 23:30 in New York, when UTC is already on the next day", () => {
    const start = now + clockOffsetSeconds("ny-evening", now) * 1000;
    expect(start - now).toBeGreaterThanOrEqual(400 * 86_400_000 - 86_400_000);
    expect(nyTime(start)).toMatch(/^23:30 E[SD]T$/);
    const nyDay = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(start));
    expect(new Date(start).toISOString().slice(0, 10)).not.toBe(nyDay);
  });

  it("the fake clock's environment keeps the monotonic clock real and names the offset in seconds", () => {
    const env = fakeClockEnv("/lib/libfaketime.so.1", -90);
    expect(env).toMatchObject({ FAKETIME: "-90s", FAKETIME_DONT_FAKE_MONOTONIC: "1" });
    expect(env.LD_PRELOAD?.split(":")[0]).toBe("/lib/libfaketime.so.1");
  });
});
