/**
 * The projection's central promise, as a property (fast-check): whatever the order in which PhoneBurner's
 * events arrive, however often each is delivered, however they are batched and replayed, and whether an
 * unmatched call is linked early or late, the final contact_activities rows and the contact and session
 * statistics are identical — and the incremental statistics equal recompute_*_call_stats().
 *
 * Everything goes through the SQL the webhook and the worker use: dialbridge.receive_phoneburner_event
 * stores an event, dialbridge.process_phoneburner_webhooks processes due events,
 * public.link_unmatched_activity links. Each run happens in one transaction that is rolled back, so runs
 * of one case can use the same ids and nothing is left behind. The disposition engine's functions are
 * replaced by no-ops inside those transactions: this file checks the projection, not the engine.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const url = process.env.TEST_DATABASE_URL;
const RUN = `p${randomUUID().slice(0, 8)}`;
const root = path.resolve(import.meta.dirname, "../..");

type Json = Record<string, unknown>;
interface Ev { type: string; payload: Json }
type Sql = postgres.Sql | postgres.TransactionSql;

function uuidOf(key: string): string {
  const h = createHash("md5").update(`${RUN}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A Date as PhoneBurner's zone-less local time string (the run reads it the same way every time). */
function local(t: Date): string {
  return t.toISOString().slice(0, 19).replace("T", " ");
}

// ---------------------------------------------------------------------------------------------------
// Generated scenarios
// ---------------------------------------------------------------------------------------------------
type Shape = "seed" | "flat" | "real";
interface CallSpec {
  shape: Shape;
  matched: boolean;
  start: boolean;
  answeredBy: "decision_maker" | "gatekeeper" | "voicemail" | "unknown" | null;
  ring: number;
  talk: number;
  end: boolean;
  outcome: "completed" | "no_answer" | "busy" | "voicemail";
  dispositions: string[];
  callback: boolean;
  recorded: boolean;
  connected: boolean;
}
interface CaseSpec { calls: CallSpec[]; contactUpdate: boolean }

const callSpec: fc.Arbitrary<CallSpec> = fc.record({
  shape: fc.constantFrom<Shape>("seed", "seed", "flat", "real"),
  matched: fc.constantFrom(true, true, true, false),
  start: fc.boolean(),
  answeredBy: fc.constantFrom("decision_maker", "gatekeeper", "voicemail", "unknown", null),
  ring: fc.integer({ min: 0, max: 40 }),
  talk: fc.integer({ min: 0, max: 900 }),
  end: fc.boolean(),
  outcome: fc.constantFrom("completed", "completed", "no_answer", "busy", "voicemail"),
  dispositions: fc.array(
    fc.constantFrom("INTERESTED", "NOT_INTERESTED", "LEFT_VOICEMAIL", "MEETING_SET", "SPOKE_TO_GATEKEEPER", "BRAND_NEW_CODE"),
    { maxLength: 2 },
  ),
  callback: fc.boolean(),
  recorded: fc.boolean(),
  connected: fc.boolean(),
});

const caseSpec: fc.Arbitrary<CaseSpec> = fc.record({
  calls: fc.array(callSpec, { minLength: 1, maxLength: 3 }),
  contactUpdate: fc.boolean(),
});

const LABELS: Record<string, string> = {
  INTERESTED: "Interested", NOT_INTERESTED: "Not Interested", LEFT_VOICEMAIL: "Left Message", MEETING_SET: "Meeting Set",
  SPOKE_TO_GATEKEEPER: "Spoke to Gatekeeper", BRAND_NEW_CODE: "Something Nobody Mapped",
};

interface Fixture {
  teamId: string;
  repId: string;
  contactId: string;
  linkContactId: string;
  sourcecoId: string;
  pbContactId: string;
  prefix: string;
}

function fixture(caseKey: string): Fixture {
  const prefix = `${RUN}-${caseKey}`;
  return {
    teamId: uuidOf(`${caseKey}:team`),
    repId: uuidOf(`${caseKey}:rep`),
    contactId: uuidOf(`${caseKey}:contact`),
    linkContactId: uuidOf(`${caseKey}:link-contact`),
    sourcecoId: `${prefix}-sc`,
    pbContactId: `${prefix}-pb`,
    prefix,
  };
}

/** The events of a generated case, in their natural order. Unmatched calls carry ids no contact has. */
function eventsOf(spec: CaseSpec, f: Fixture): Ev[] {
  const events: Ev[] = [];
  const base = Date.parse("2026-04-01T09:00:00Z");
  spec.calls.forEach((c, k) => {
    const t0 = new Date(base + k * 45 * 60_000);
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const sc = c.matched ? f.sourcecoId : `${f.prefix}-unknown-sc-${k}`;
    const pb = c.matched ? f.pbContactId : `${f.prefix}-unknown-pb-${k}`;
    const callId = `${f.prefix}-call-${k}`;
    const rep = { id: `${f.prefix}-rep`, name: "Prop Rep", email: "rep@prop.test" };
    const session = { id: `${f.prefix}-ds`, name: "Property session" };
    const answered = c.answeredBy !== null;
    const tEnd = c.ring + (answered ? c.talk : 0);
    if (c.shape === "real") {
      if (c.start) {
        events.push({ type: "api_callbegin", payload: {
          call_id: callId, ds_id: session.id, start_time: local(t0), direction: "outbound",
          agent: { user_id: rep.id, first_name: "Prop", last_name: "Rep", email: rep.email },
          contact: { user_id: pb, phone: "5550100" }, custom_fields: { "SourceCo ID": sc }, custom_data: [],
        } });
      }
      events.push({ type: "api_calldone", payload: {
        call_id: callId, ds_id: session.id, status: LABELS[c.dispositions[0] ?? "INTERESTED"], duration: tEnd,
        start_time: local(t0), end_time: local(at(tEnd)), connected: c.connected ? "1" : "0", direction: "outbound",
        call_notes: c.recorded ? ["note one", "note two"] : [],
        ...(c.recorded ? { recording_url_public: `https://pb.example/rec/${callId}` } : {}),
        ...(c.callback ? { follow_up: local(at(86_400)) } : {}),
        agent: { user_id: rep.id, first_name: "Prop", last_name: "Rep", email: rep.email },
        contact: { user_id: pb, phone: "5550100" }, custom_fields: { "SourceCo ID": sc }, custom_data: [],
      } });
      return;
    }
    const flat = c.shape === "flat";
    const id = (suffix: string) => (flat ? {} : { event_id: `${callId}-${suffix}` });
    const callRef = flat ? {} : { call_id: callId };
    if (c.start) {
      events.push({ type: "call.started", payload: {
        event: "call.started", ...id("s"), timestamp: t0.toISOString(),
        contact: { id: pb, phone: "+15550100", custom_fields: { sourceco_contact_id: sc } },
        ...(flat ? {} : { call: { id: callId, started_at: t0.toISOString(), to_number: "+15550100" } }),
        user: rep, dial_session: session,
      } });
    }
    if (answered) {
      events.push({ type: "call.connected", payload: flat
        ? { event: "call.connected", timestamp: at(c.ring).toISOString(), contact_id: pb, duration: 0,
            answered_by: c.answeredBy, sourceco_contact_id: sc }
        : { event: "call.connected", ...id("c"), timestamp: at(c.ring).toISOString(), contact_id: pb, ...callRef,
            connection_details: { connected_at: at(c.ring).toISOString(), ring_duration_seconds: c.ring, answered_by: c.answeredBy },
            custom_fields: { sourceco_contact_id: sc } } });
    }
    if (c.end) {
      const outcome = answered ? (c.answeredBy === "voicemail" ? "voicemail" : "completed") : c.outcome;
      events.push({ type: "call.ended", payload: flat
        ? { event: "call.ended", timestamp: at(tEnd).toISOString(), contact_id: pb, duration: tEnd, outcome,
            ...(c.recorded ? { recording_url: `https://pb.example/rec/${callId}`, recording_duration: c.talk } : {}),
            sourceco_contact_id: sc }
        : { event: "call.ended", ...id("e"), timestamp: at(tEnd).toISOString(), contact_id: pb, ...callRef,
            call_summary: { ended_at: at(tEnd).toISOString(), total_duration_seconds: tEnd, ring_duration_seconds: c.ring,
                            talk_duration_seconds: answered ? c.talk : 0, outcome },
            recording: { available: c.recorded, url: `https://pb.example/rec/${callId}`, duration_seconds: c.talk },
            custom_fields: { sourceco_contact_id: sc } } });
    }
    c.dispositions.forEach((code, j) => {
      const t = at(tEnd + 10 + 60 * j);
      events.push({ type: "disposition.set", payload: flat
        ? { event: "disposition.set", timestamp: t.toISOString(), contact_id: pb,
            disposition: { code, label: LABELS[code], notes: `notes ${j}`, callback_date: null }, user_id: rep.id,
            sourceco_contact_id: sc }
        : { event: "disposition.set", ...id(`d${j}`), timestamp: t.toISOString(), contact_id: pb, ...callRef,
            disposition: { code, label: LABELS[code], notes: `notes ${j}`, set_at: t.toISOString() }, user: rep,
            custom_fields: { sourceco_contact_id: sc } } });
    });
    if (c.callback) {
      const t = at(tEnd + 200);
      events.push({ type: "callback.scheduled", payload: flat
        ? { event: "callback.scheduled", timestamp: t.toISOString(), contact_id: pb,
            callback_date: at(3 * 86_400).toISOString(), callback_notes: "call back", assigned_user_id: rep.id,
            sourceco_contact_id: sc }
        : { event: "callback.scheduled", ...id("cb"), timestamp: t.toISOString(), contact_id: pb, ...callRef,
            callback: { scheduled_for: at(3 * 86_400).toISOString(), notes: "call back", timezone: "America/New_York" },
            assigned_user: rep, custom_fields: { sourceco_contact_id: sc } } });
    }
  });
  if (spec.contactUpdate) {
    events.push({ type: "contact.updated", payload: {
      event: "contact.updated", event_id: `${f.prefix}-upd`, timestamp: new Date(base + 4 * 3_600_000).toISOString(),
      contact_id: f.pbContactId, changes: { title: { old: "VP", new: "Partner" } },
      updated_by: { user_id: `${f.prefix}-rep`, name: "Prop Rep" }, custom_fields: { sourceco_contact_id: f.sourcecoId },
    } });
  }
  return events;
}

// ---------------------------------------------------------------------------------------------------
// Running a scenario
// ---------------------------------------------------------------------------------------------------
class Rollback extends Error {
  constructor(readonly value: unknown) { super("rollback"); }
}

/** Runs fn in a transaction that is always rolled back, returning fn's result. */
async function inRolledBackTransaction<T>(sql: postgres.Sql, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  try {
    await sql.begin(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error("unreachable");
}

async function setUp(tx: Sql, f: Fixture): Promise<void> {
  // no-op stand-ins for the disposition engine, for this transaction only
  await tx.unsafe(`
    drop function if exists dialbridge.apply_disposition(uuid);
    drop function if exists dialbridge.apply_callback(uuid);
    drop function if exists dialbridge.apply_contact_changes(uuid);
    create function dialbridge.apply_disposition(uuid) returns void language sql as '';
    create function dialbridge.apply_callback(uuid) returns void language sql as '';
    create function dialbridge.apply_contact_changes(uuid) returns void language sql as '';`);
  await tx`insert into public.teams (id, name) values (${f.teamId}, ${`${f.prefix} team`})`;
  await tx`insert into auth.users (id, email) values (${f.repId}, ${`${f.prefix}@prop.test`})`;
  await tx`update public.profiles set team_id = ${f.teamId}, phoneburner_user_id = ${`${f.prefix}-rep`}, display_name = 'Prop Rep'
            where id = ${f.repId}`;
  await tx`insert into public.contacts (id, sourceco_contact_id, team_id, first_name, phone)
           values (${f.contactId}, ${f.sourcecoId}, ${f.teamId}, 'Prop', '+15550199'),
                  (${f.linkContactId}, ${`${f.prefix}-link-sc`}, ${f.teamId}, 'Linked', '+15550198')`;
}

async function receive(tx: Sql, e: Ev): Promise<string> {
  const [r] = await tx`select status from dialbridge.receive_phoneburner_event(
    ${e.type}, ${tx.json(e.payload as postgres.JSONValue)}::jsonb, null, ${JSON.stringify(e.payload).length}, 'hmac', null, null, null)`;
  return r.status as string;
}

async function processBatch(tx: Sql, batch: number): Promise<number> {
  const [r] = await tx`select claimed from dialbridge.process_phoneburner_webhooks(${batch})`;
  return Number(r.claimed);
}

async function processAll(tx: Sql, batch = 50): Promise<void> {
  for (let i = 0; i < 100 && (await processBatch(tx, batch)) > 0; i++);
  const [{ n }] = await tx`select count(*)::int as n from public.phoneburner_webhooks_log where processing_status <> 'success'
                             and processing_status <> 'skipped'`;
  // events of other test files may be pending in the shared database: only ours must all succeed
  const [{ mine }] = await tx`select count(*)::int as mine from public.phoneburner_webhooks_log l
                                join dialbridge.phoneburner_call_events e on e.log_id = l.id
                               where l.processing_status <> 'success' and e.phoneburner_user_id like ${"%" + RUN + "%"}`;
  if (mine > 0) throw new Error(`${mine} events failed (of ${n} not successful)`);
}

/** Links the unmatched rows of the case (as the backend would, with the service role's claims). */
async function linkUnmatched(tx: Sql, f: Fixture): Promise<number> {
  const rows = await tx`select id from public.contact_activities
                         where matching_status = 'unmatched' and phoneburner_contact_id like ${f.prefix + "-unknown-pb-%"}
                         order by dedupe_key`;
  let linked = 0;
  for (const r of rows) {
    await tx`select set_config('request.jwt.claims', '{"role":"service_role"}', true)`;
    const [{ still }] = await tx`select matching_status = 'unmatched' as still from public.contact_activities where id = ${r.id}`;
    if (still) {
      await tx`select * from public.link_unmatched_activity(${r.id}, ${f.linkContactId})`;
      linked++;
    }
    await tx`select set_config('request.jwt.claims', '', true)`;
  }
  return linked;
}

interface Snapshot { activities: unknown[]; contacts: unknown[]; sessions: unknown[] }

async function snapshot(tx: Sql, f: Fixture): Promise<Snapshot> {
  const activities = await tx`
    select a.dedupe_key, a.contact_id, a.matching_status, a.user_id, s.phoneburner_session_id as session, a.team_id,
           a.activity_type, a.source_system, a.call_started_at, a.call_connected_at, a.call_ended_at,
           a.ring_duration_seconds, a.call_duration_seconds, a.talk_time_seconds, a.call_outcome, a.answered_by,
           a.disposition_code, a.disposition_label, a.disposition_notes, a.disposition_set_at, a.callback_scheduled_date,
           a.recording_url, a.recording_duration_seconds, a.user_name, a.user_email, a.phoneburner_call_id,
           a.phoneburner_contact_id, a.phoneburner_event_id, a.details, a.deleted_at
      from public.contact_activities a
      left join public.phoneburner_sessions s on s.id = a.phoneburner_session_id
     where a.phoneburner_contact_id like ${f.prefix + "%"} or a.contact_id in (${f.contactId}, ${f.linkContactId})
     order by a.dedupe_key`;
  const contacts = await tx`
    select id, total_call_attempts, total_calls_connected, total_calls_to_decision_maker, total_calls_to_gatekeeper,
           total_voicemails_left, total_call_duration_seconds, total_talk_time_seconds, average_talk_time_seconds,
           connection_rate_percentage, first_call_attempt_at, last_call_attempt_at, last_call_connected_at,
           phone_verified_at, last_disposition_code, last_disposition_label, last_disposition_date,
           last_disposition_notes, last_engaged_call_at
      from public.contacts where id in (${f.contactId}, ${f.linkContactId}) order by id`;
  const sessions = await tx`
    select phoneburner_session_id, session_name, team_id, total_dials, total_connections,
           total_decision_maker_conversations, total_gatekeeper_conversations, total_voicemails_left, total_no_answers,
           total_call_time_seconds, total_talk_time_seconds, average_talk_time_seconds, total_qualified_leads,
           total_meetings_scheduled, total_disqualified, total_callbacks_scheduled, connection_rate_percentage,
           qualification_rate_percentage, started_at, last_activity_at
      from public.phoneburner_sessions where phoneburner_session_id like ${f.prefix + "%"} order by 1`;
  return { activities: [...activities], contacts: [...contacts], sessions: [...sessions] };
}

/** What the reconciliation functions would fix: must be nothing. */
async function drift(tx: Sql, f: Fixture): Promise<unknown[]> {
  const contacts = await tx`select * from dialbridge.recompute_contact_call_stats(${f.contactId})
                            union all select * from dialbridge.recompute_contact_call_stats(${f.linkContactId})`;
  const sessions = await tx`select r.* from public.phoneburner_sessions s,
                              lateral dialbridge.recompute_session_call_stats(s.id) r
                             where s.phoneburner_session_id like ${f.prefix + "%"}`;
  return [...contacts, ...sessions];
}

/** The reference run: natural order, each event once, one big batch, linking at the end. */
async function referenceRun(sql: postgres.Sql, events: Ev[], f: Fixture) {
  return inRolledBackTransaction(sql, async (tx) => {
    await setUp(tx, f);
    for (const e of events) expect(await receive(tx, e)).toBe("accepted");
    await processAll(tx);
    await linkUnmatched(tx, f);
    return { snapshot: await snapshot(tx, f), drift: await drift(tx, f) };
  });
}

interface Schedule {
  order: number[];
  /** events delivered again (indices into order), at a later position */
  duplicates: { event: number; after: number }[];
  /** after which deliveries the worker runs, and its batch size */
  runs: { after: number; batch: number }[];
  /** after which delivery already processed events are replayed */
  replayAfter: number | null;
  /** after which delivery unmatched rows are linked */
  linkAfter: number | null;
}

function scheduleFor(n: number): fc.Arbitrary<Schedule> {
  const positions = fc.integer({ min: 0, max: n - 1 });
  return fc.record({
    order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    duplicates: fc.array(fc.record({ event: positions, after: positions }), { maxLength: 4 }),
    runs: fc.array(fc.record({ after: positions, batch: fc.integer({ min: 1, max: 4 }) }), { maxLength: 6 }),
    replayAfter: fc.option(positions, { nil: null }),
    linkAfter: fc.option(positions, { nil: null }),
  });
}

/** A shuffled run: any order, redeliveries, small batches in between, a replay, linking midway. */
async function shuffledRun(sql: postgres.Sql, events: Ev[], f: Fixture, s: Schedule) {
  return inRolledBackTransaction(sql, async (tx) => {
    await setUp(tx, f);
    for (let step = 0; step < s.order.length; step++) {
      expect(await receive(tx, events[s.order[step]])).toBe("accepted");
      for (const d of s.duplicates.filter((x) => x.after === step && x.event <= step)) {
        expect(await receive(tx, events[s.order[d.event]])).toBe("duplicate");
      }
      for (const r of s.runs.filter((x) => x.after === step)) await processBatch(tx, r.batch);
      if (s.replayAfter === step) {
        await tx`update public.phoneburner_webhooks_log l set processing_status = 'pending'
                  from dialbridge.phoneburner_call_events e
                 where e.log_id = l.id and l.processing_status = 'success' and e.phoneburner_user_id like ${"%" + RUN + "%"}`;
      }
      if (s.linkAfter === step) await linkUnmatched(tx, f);
    }
    await processAll(tx);
    await linkUnmatched(tx, f);
    return { snapshot: await snapshot(tx, f), drift: await drift(tx, f) };
  });
}

// ---------------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------------
describe.skipIf(!url)("processing PhoneBurner events is independent of order and duplication", () => {
  let sql: postgres.Sql;

  beforeAll(() => {
    sql = postgres(url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end({ timeout: 5 });
  });

  it("the seed's example call gives the same rows and statistics in any order, with any duplication", async () => {
    const names = ["call.started", "call.connected", "call.ended", "disposition.set", "callback.scheduled", "contact.updated"];
    const seed: Ev[] = names.map((type) => ({
      type,
      payload: JSON.parse(readFileSync(path.join(root, "test/fixtures/phoneburner/seed-000", `${type}.json`), "utf8")),
    }));
    const f = fixture("seed");
    // the seed's own ids, re-pointed at this run's contact and rep so that no other test's rows interfere
    const events = seed.map((e) => ({
      type: e.type,
      payload: JSON.parse(JSON.stringify(e.payload)
        .replaceAll("sc_buyer_789", f.sourcecoId).replaceAll("pb_contact_456", f.pbContactId)
        .replaceAll("pb_user_10", `${f.prefix}-rep`).replaceAll("pb_session_12345", `${f.prefix}-ds`)
        .replaceAll("call_abc123", `${f.prefix}-call`).replaceAll("evt_", `${f.prefix}-evt_`)),
    }));
    const reference = await referenceRun(sql, events, f);
    expect(reference.drift).toEqual([]);
    const calls = (reference.snapshot.activities as { activity_type: string }[]).map((a) => a.activity_type).sort();
    expect(calls).toEqual(["call_completed", "contact_updated"]); // the callback is on the call's one row
    expect((reference.snapshot.activities as { activity_type: string; callback_scheduled_date: Date | null }[])
      .find((a) => a.activity_type === "call_completed")?.callback_scheduled_date).toEqual(new Date("2026-03-25T14:00:00.000Z"));
    expect((reference.snapshot.contacts as { id: string }[]).find((c) => c.id === f.contactId)).toMatchObject({
      total_call_attempts: 1, total_calls_connected: 1, total_calls_to_decision_maker: 1,
      total_call_duration_seconds: 234, total_talk_time_seconds: 222, last_disposition_code: "INTERESTED",
    });

    await fc.assert(
      fc.asyncProperty(scheduleFor(events.length), async (schedule) => {
        const run = await shuffledRun(sql, events, f, { ...schedule, linkAfter: null });
        expect(run.drift).toEqual([]);
        expect(run.snapshot).toEqual(reference.snapshot);
      }),
      { numRuns: 60 },
    );
  });

  it("generated calls give the same rows and statistics in any order, duplicated, batched, replayed and linked at any time", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        caseSpec.chain((spec) => {
          const f = fixture(`g${n++}`);
          const events = eventsOf(spec, f);
          return fc.tuple(fc.constant(spec), fc.constant(f), fc.constant(events), scheduleFor(Math.max(events.length, 1)));
        }),
        async ([, f, events, schedule]) => {
          if (events.length === 0) return;
          const reference = await referenceRun(sql, events, f);
          expect(reference.drift).toEqual([]);
          const run = await shuffledRun(sql, events, f, schedule);
          expect(run.drift).toEqual([]);
          expect(run.snapshot).toEqual(reference.snapshot);
        },
      ),
      { numRuns: 200 },
    );
  });
});
