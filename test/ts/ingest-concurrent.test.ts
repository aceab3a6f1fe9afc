/**
 * Processors side by side: the worker task runs PHONEBURNER_PROCESSORS loops of
 * dialbridge.process_phoneburner_webhooks at once (claiming and normalising overlap, projecting takes
 * turns), and a replay or a second worker instance may process while the worker does. A backlog of real-shaped events (seed-contract calls of 3–6 events and real api_calldone calls,
 * several calls per contact and per dial session) processed by two loops in small batches must end
 * exactly like the same backlog processed by one loop in one big batch: every event once, one activity per
 * call, the same statuses, next actions, tasks, statistics and roll-ups, with no deadlock and no drift
 * from a recompute. Runs against TEST_DATABASE_URL with its own teams, reps and contacts.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { combineTotals, processDueEvents, processorsFromEnv } from "../../jobs/webhook-processing.ts";
import { callStream, seedBenchPeople } from "../bench/ingest.ts";

const url = process.env.TEST_DATABASE_URL;

describe("processor settings", () => {
  it("runs one processor unless PHONEBURNER_PROCESSORS says otherwise, and only a sane number", () => {
    expect(processorsFromEnv({})).toBe(1);
    expect(processorsFromEnv({ PHONEBURNER_PROCESSORS: "2" })).toBe(2);
    expect(() => processorsFromEnv({ PHONEBURNER_PROCESSORS: "0" })).toThrow(/PHONEBURNER_PROCESSORS/);
    expect(() => processorsFromEnv({ PHONEBURNER_PROCESSORS: "two" })).toThrow(/PHONEBURNER_PROCESSORS/);
  });

  it("adds up the loops' totals and keeps the earliest retry", () => {
    const one = { batches: 3, claimed: 40, succeeded: 38, skipped: 1, retrying: 1, failed: 0, nextRetryAt: new Date("2026-03-01T10:00:20Z"), timedOut: false };
    const two = { batches: 2, claimed: 25, succeeded: 24, skipped: 0, retrying: 0, failed: 1, nextRetryAt: new Date("2026-03-01T10:00:05Z"), timedOut: true };
    expect(combineTotals([one, { ...two, nextRetryAt: null }]).nextRetryAt).toEqual(one.nextRetryAt);
    expect(combineTotals([one, two])).toEqual({ batches: 5, claimed: 65, succeeded: 62, skipped: 1, retrying: 1, failed: 1,
                                                nextRetryAt: two.nextRetryAt, timedOut: true });
  });
});

describe.skipIf(!url)("two processors at once", () => {
  let sql: postgres.Sql;
  const tag = randomUUID().slice(0, 6);
  const runs = { two: `cc${tag}`, one: `co${tag}` };
  const calls = 90;
  const contacts = 24; // ~4 calls per contact: the same contacts in concurrent batches
  const reps = 3;

  beforeAll(async () => {
    sql = postgres(url!, { max: 4, onnotice: () => {} });
    for (const run of Object.values(runs)) await seedBenchPeople(sql, run, contacts, reps);
  });

  afterAll(async () => {
    if (!sql) return;
    for (const run of Object.values(runs)) {
      const like = `bench-${run}-%`;
      await sql`delete from public.phoneburner_webhooks_log where event_id like ${like} or phoneburner_call_id like ${like}`;
      await sql`delete from public.contact_activities where dedupe_key like ${`%bench-${run}-%`}`;
      await sql`delete from public.workflow_runs where contact_id in (select id from public.contacts where sourceco_contact_id like ${like})`;
      await sql`delete from public.tasks where contact_id in (select id from public.contacts where sourceco_contact_id like ${like})`;
      await sql`delete from public.contacts where sourceco_contact_id like ${like}`;
      await sql`delete from public.phoneburner_sessions where phoneburner_session_id like ${like}`;
      await sql`delete from auth.users where email like ${like}`;
      await sql`delete from public.teams where name = ${`bench ${run}`}`;
    }
    await sql.end({ timeout: 5 });
  });

  const store = async (run: string) => {
    const events = callStream(run, calls, { contacts, reps });
    for (const e of events) {
      const body = JSON.stringify(e.payload);
      await sql`select dialbridge.receive_phoneburner_event(${e.type}, ${body}::text::jsonb, null, ${body.length}, 'hmac', null, null, null)`;
    }
    return events.length;
  };

  const processWith = async (loops: number, batchSize: number) => {
    const conns = Array.from({ length: loops }, () => postgres(url!, { max: 1, onnotice: () => {} }));
    try {
      return combineTotals(await Promise.all(conns.map((c) =>
        processDueEvents((text, values) => c.unsafe(text, values as never[]).then((rows) => ({ rows: rows as never })), { provider: "phoneburner", batchSize }))));
    } finally {
      for (const c of conns) await c.end({ timeout: 5 });
    }
  };

  /** What a rep or analyst sees of a run, with the run's ids taken out so that two runs compare. */
  const footprint = async (run: string) => {
    const strip = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(run, "RUN"));
    const rows = {
      events: await sql`select l.event_id, l.processing_status, l.retry_count from public.phoneburner_webhooks_log l
                         where l.event_id like ${`bench-${run}-%`} or l.phoneburner_call_id like ${`bench-${run}-%`} order by 1`,
      contacts: await sql`select c.sourceco_contact_id, c.contact_status, c.contact_stage, c.next_action_type, c.next_action_date,
                                 c.next_action_notes, c.total_call_attempts, c.total_calls_connected, c.total_talk_time_seconds,
                                 c.last_call_attempt_at, c.last_disposition_code, c.title
                            from public.contacts c where c.sourceco_contact_id like ${`bench-${run}-sc-%`} order by 1`,
      activities: await sql`select a.dedupe_key, a.activity_type, a.call_outcome, a.disposition_code, a.talk_time_seconds,
                                   c.sourceco_contact_id, s.phoneburner_session_id
                              from public.contact_activities a
                              left join public.contacts c on c.id = a.contact_id
                              left join public.phoneburner_sessions s on s.id = a.phoneburner_session_id
                             where a.dedupe_key like ${`%bench-${run}-%`} order by 1`,
      tasks: await sql`select c.sourceco_contact_id, t.source, t.task_type, t.status, t.due_at
                         from public.tasks t join public.contacts c on c.id = t.contact_id
                        where c.sourceco_contact_id like ${`bench-${run}-sc-%`} order by 1, 2, 3, 4, 5`,
      sessions: await sql`select s.phoneburner_session_id, s.total_dials, s.total_connections, s.total_call_time_seconds, s.total_voicemails_left
                            from public.phoneburner_sessions s where s.phoneburner_session_id like ${`bench-${run}-%`} order by 1`,
    };
    return strip(rows);
  };

  it("end exactly as one processor does, every event once, with no drift from a recompute", async () => {
    const storedTwo = await store(runs.two);
    const two = await processWith(2, 15);
    const storedOne = await store(runs.one);
    await processWith(1, 250);

    const [done] = await sql`select count(*) filter (where processing_status = 'success')::int as ok, count(*)::int as n
                               from public.phoneburner_webhooks_log where event_id like ${`bench-${runs.two}-%`}
                                  or phoneburner_call_id like ${`bench-${runs.two}-%`}`;
    expect(done).toEqual({ ok: storedTwo, n: storedTwo });
    expect(two.batches).toBeGreaterThan(4); // really several batches, from both loops
    expect(storedOne).toBe(storedTwo);

    const a = await footprint(runs.two);
    const b = await footprint(runs.one);
    // one row per call (a scheduled callback is on it), plus the stream's contact changes (every 33rd call)
    expect(a.activities.length).toBe(calls + Math.ceil(calls / 33));
    expect(a.contacts.reduce((n: number, c: { total_call_attempts: number }) => n + c.total_call_attempts, 0)).toBe(calls);
    expect(a).toEqual(b);

    // the incremental statistics and roll-ups equal a recount
    const contactDrift = await sql`select r.* from dialbridge.recompute_contact_call_stats() r
                                     join public.contacts c on c.id = r.contact_id where c.sourceco_contact_id like ${`bench-${runs.two}-%`}`;
    const sessionDrift = await sql`select r.* from dialbridge.recompute_session_call_stats() r
                                     join public.phoneburner_sessions s on s.id = r.session_id where s.phoneburner_session_id like ${`bench-${runs.two}-%`}`;
    expect(contactDrift).toEqual([]);
    expect(sessionDrift).toEqual([]);
    const rollups = await sql`select rollup, differences from dialbridge.recompute_rollups(false) where differences <> 0`;
    expect(rollups).toEqual([]);
  });
});
