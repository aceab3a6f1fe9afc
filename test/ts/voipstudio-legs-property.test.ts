/**
 * Property: whatever order VoIPStudio's per-leg webhooks arrive in, however often each is delivered and
 * however they are split into processing batches, a call ends as the same call log and the same single
 * contact_activities row as when its events arrive once, in order. Events are stored through the shared
 * receive (dialbridge.receive_webhook_event) and processed by the shared processor, as the webhook and the
 * worker do. The clock: t0 = one hour before the run; every event time is relative to it.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const url = process.env.TEST_DATABASE_URL;
const run = `p${randomUUID().slice(0, 8)}`;
const t0 = Date.now() - 3_600_000;
const at = (s: number) => new Date(t0 + s * 1000).toISOString();

type Outcome = "answered" | "missed" | "busy";

/** The leg events of one call (agent leg -1, the called party's leg -2 with final: true). */
function legs(root: string, outcome: Outcome, talk: number): Record<string, unknown>[] {
  const base = { root_call_id: root, src: "101", direction: "outbound" };
  const party = "16465559999";
  const e = (n: number, name: string, leg: string, s: number, final: boolean, extra: Record<string, unknown>) =>
    ({ id: `${root}-e${n}`, event_name: name, event_time: at(s), call_id: `${root}-${leg}`, final, dst: leg === "1" ? "101" : party, ...base, ...extra });
  const out = [
    e(1, "call.ringing", "1", 0, false, { state: "RINGING", start_time: at(0) }),
    e(2, "call.connected", "1", 2, false, { state: "CONNECTED", connected_at: at(2) }),
    e(3, "call.ringing", "2", 3, true, { state: "RINGING", start_time: at(3) }),
  ];
  if (outcome === "answered") {
    out.push(e(4, "call.connected", "2", 12, true, { state: "CONNECTED", connected_at: at(12) }));
    out.push(e(5, "call.ended", "2", 12 + talk, true, { state: "HANGUP", start_time: at(3), connected_at: at(12), duration: talk }));
  } else if (outcome === "busy") {
    out.push(e(5, "call.ended", "2", 6, true, { state: "BUSY", start_time: at(3), duration: 0 }));
  } else {
    out.push(e(5, "call.missed", "2", 30, true, { state: "NOANSWER", start_time: at(3), duration: 0 }));
  }
  out.push(e(6, "call.ended", "1", 40 + talk, false, { state: "HANGUP", duration: 40 + talk }));
  return out;
}

describe.skipIf(!url)("VoIPStudio legs in any order, any number of times, any batching", () => {
  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(url!, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    if (!sql) return;
    await sql`delete from public.call_logs where call_id like ${run + "%"}`;
    await sql`delete from public.contact_activities where dedupe_key like ${"voipstudio:call:" + run + "%"}`;
    await sql`delete from dialbridge.call_events where provider = 'voipstudio' and call_id like ${run + "%"}`;
    await sql`delete from dialbridge.webhook_events where provider = 'voipstudio' and provider_call_id like ${run + "%"}`;
    await sql.end({ timeout: 5 });
  });

  const receive = (e: Record<string, unknown>) => sql`select status from dialbridge.receive_webhook_event('voipstudio',
    ${String(e.event_name)}, ${sql.json(e as never)}, null, 200, 'basic', null, null, 'property')`;
  const processAll = () => sql`select * from dialbridge.process_webhook_events('voipstudio', 500, now())`;
  const outcomeOf = async (root: string) => {
    const [log] = await sql`select status, started_at, answered_at, ended_at, duration, direction from public.call_logs where call_id = ${root}`;
    const acts = await sql`select activity_type, call_outcome, call_started_at, call_connected_at, call_ended_at, talk_time_seconds,
                                  call_duration_seconds from public.contact_activities where dedupe_key = ${"voipstudio:call:" + root}`;
    return { log: { ...log }, activities: acts.map((a) => ({ ...a })) };
  };

  it("ends every call as its in-order, once-only delivery does", async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom<Outcome>("answered", "missed", "busy"),
      fc.integer({ min: 1, max: 600 }),
      fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),        // the shuffle
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }), // extra deliveries per event
      fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),  // batch boundaries
      async (outcome, talk, order, extra, cuts) => {
        n++;
        const reference = `${run}-r${n}`, shuffled = `${run}-s${n}`;
        for (const e of legs(reference, outcome, talk)) await receive(e);
        await processAll();
        const events = legs(shuffled, outcome, talk);
        const deliveries = events.map((e, i) => ({ e, k: order[i] })).sort((a, b) => a.k - b.k).map((x) => x.e)
          .flatMap((e, i) => Array.from({ length: 1 + extra[i] }, () => e));
        for (const [i, e] of deliveries.entries()) {
          await receive(e);
          if (cuts[i % cuts.length]) await processAll();
        }
        await processAll();
        const want = await outcomeOf(reference), have = await outcomeOf(shuffled);
        expect(have.activities).toHaveLength(1);
        expect(have).toEqual(want);
        expect(want.log.status).toBe(outcome === "answered" ? "completed" : outcome === "busy" ? "busy" : "no-answer");
      }), { numRuns: 30 });
  }, 120_000);
});
