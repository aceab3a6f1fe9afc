/**
 * Property: whatever order Bolna's POSTs of a call arrive in, however often each is delivered and however they
 * are split into processing batches, the call ends as the same calls row, the same charge, the same single
 * contact_activities row, the same transcript and the same analyses as when its POSTs arrive once, in order.
 * Seed 004's three sequences (answered: 5 POSTs; no answer: 3; busy: 3) with generated durations and
 * transcripts, some preceded by queued. Events are stored through the shared receive and processed by the
 * shared processor, as the webhook and the worker do; the analyses are the worker's (the offline analyser).
 * The clock: t0 = two hours before the run; every event time is relative to it.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, workerLogger, type StartedWorker } from "../../jobs/worker.ts";
import { SAMPLE_TRANSCRIPTS } from "../../supabase/local/bolna-sandbox.ts";

const url = process.env.TEST_DATABASE_URL;
const run = `q${randomUUID().slice(0, 8)}`;
const t0 = Date.now() - 2 * 3_600_000;
const at = (s: number) => new Date(t0 + s * 1000).toISOString();

type Kind = "answered" | "no-answer" | "busy";
interface Scenario { kind: Kind; seconds: number; transcript: number; queued: boolean }

/** The execution object at each status, as Bolna POSTs it (seed 004). */
function posts(id: string, agent: string, phone: string, s: Scenario): Record<string, unknown>[] {
  const base = (status: string, atS: number, extra: Record<string, unknown> = {}, tel: Record<string, unknown> = {}) => ({
    id, agent_id: agent, status, created_at: at(0), updated_at: at(atS), conversation_duration: 0, transcript: null, total_cost: 0,
    user_number: phone, agent_number: "+15550100000", ...extra,
    telephony_data: { duration: "0", to_number: phone, from_number: "+15550100000", recording_url: null, call_type: "outbound",
      provider: "twilio", provider_call_id: `CA-${id}`, ...tel },
  });
  const out = s.queued ? [base("queued", -1)] : [];
  out.push(base("initiated", 0), base("ringing", 2));
  if (s.kind === "answered") {
    const talk = { conversation_duration: s.seconds, transcript: SAMPLE_TRANSCRIPTS[s.transcript] };
    const hang = { hangup_by: "Callee", hangup_reason: "Call recipient hung up", hangup_provider_code: 4000 };
    out.push(base("in-progress", 5), base("call-disconnected", 5 + s.seconds, talk, hang),
      base("completed", 780 + s.seconds, talk, { ...hang, duration: String(Math.ceil(s.seconds)), recording_url: `https://rec.example.test/${id}.mp3` }));
  } else {
    out.push(base(s.kind, 30, {}, s.kind === "busy" ? { hangup_by: "Carrier", hangup_reason: "Call recipient was busy", hangup_provider_code: 486 }
      : { hangup_by: "Carrier", hangup_reason: "Call recipient rejected", hangup_provider_code: 480 }));
  }
  return out;
}

describe.skipIf(!url)("Bolna POSTs in any order, any number of times, any batching", () => {
  let sql: postgres.Sql;
  let worker: StartedWorker | undefined;
  let savedKey: string | undefined;
  const user = randomUUID();
  const agent = `agent-${run}`;

  beforeAll(async () => {
    sql = postgres(url!, { max: 2, onnotice: () => {} });
    await sql`insert into auth.users (id, email) values (${user}, ${`${run}@prop.test`})`;
    await sql`insert into public.voice_agents (user_id, bolna_agent_id) values (${user}, ${agent})`;
    savedKey = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY; // the offline analyser: deterministic
    worker = await startWorker({ databaseUrl: url!, concurrency: 1, logger: workerLogger("error") });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    if (savedKey !== undefined) process.env.OPENAI_API_KEY = savedKey;
    if (!sql) return;
    await sql`delete from public.calls where user_id = ${user}`;
    await sql`delete from public.contact_activities where dedupe_key like ${"bolna:call:" + run + "%"}`;
    await sql`delete from dialbridge.call_events where provider = 'bolna' and call_id like ${run + "%"}`;
    await sql`delete from dialbridge.webhook_events where provider = 'bolna' and provider_call_id like ${run + "%"}`;
    await sql`delete from public.contacts where list_source = 'voice agent' and phone_e164 like '+1415557%'`;
    await sql`delete from auth.users where id = ${user}`;
    await sql.end({ timeout: 5 });
  });

  const receive = (e: Record<string, unknown>) => sql`select status from dialbridge.receive_webhook_event('bolna',
    ${String(e.status)}, ${sql.json(e as never)}, null, 200, 'header_token', null, null, 'property')`;
  const processAll = () => sql`select * from dialbridge.process_webhook_events('bolna', 500, now())`;
  const analysed = () => waitForNoJobs();
  /** Every event of these calls processed (the worker's processing job may be holding some: process until none waits). */
  async function settled(ids: string[]) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      await processAll();
      const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events
                                 where provider = 'bolna' and provider_call_id in ${sql(ids)} and processing_status in ('pending', 'processing')`;
      if (n === 0) return;
      if (Date.now() > deadline) throw new Error("events were not processed");
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function waitForNoJobs() {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [{ n }] = await sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'transcripts__analyze'`;
      if (n === 0) return;
      if (Date.now() > deadline) throw new Error("analyses did not finish");
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** Everything a call became, without what differs by construction (ids, its own execution id and number). */
  const outcome = async (id: string) => {
    const [c] = await sql`select c.call_lifecycle_status, c.status, c.bolna_status, c.duration_seconds, c.duration_minutes, c.credits_used,
                                 c.ringing_started_at, c.call_answered_at, c.call_disconnected_at, c.completed_at, c.hangup_by, c.hangup_reason,
                                 c.hangup_provider_code, replace(c.recording_url, ${id}, '') as recording, c.metadata - 'provider_call_id' as metadata,
                                 (select array_agg(l.amount) from public.credit_ledger l where l.call_id = c.id) as charges,
                                 (select t.content from public.transcripts t where t.call_id = c.id) as transcript,
                                 (select count(*)::int from public.contact_activities a where a.dedupe_key = 'bolna:call:' || ${id}) as activities,
                                 (select jsonb_build_object('type', a.activity_type, 'outcome', a.call_outcome, 'talk', a.talk_time_seconds,
                                                            'started', a.call_started_at, 'ended', a.call_ended_at)
                                    from public.contact_activities a where a.id = c.contact_activity_id) as activity,
                                 (select jsonb_agg(to_jsonb(la) - array['id', 'call_id', 'latest_call_id', 'phone_number', 'created_at', 'updated_at', 'analysis_timestamp']
                                                   order by la.analysis_type)
                                    from public.lead_analytics la where la.call_id = c.id or la.latest_call_id = c.id) as analyses
                            from public.calls c where c.bolna_execution_id = ${id}`;
    return c;
  };

  it("gives the same call, charge, activity, transcript and analyses as the in-order delivery", async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(
      fc.record({
        kind: fc.constantFrom<Kind>("answered", "answered", "no-answer", "busy"),
        seconds: fc.integer({ min: 1, max: 4000 }).map((d) => d / 10),
        transcript: fc.integer({ min: 0, max: SAMPLE_TRANSCRIPTS.length - 1 }),
        queued: fc.boolean(),
      }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }),
      fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      async (scenario, keys, copies, batchBreaks) => {
        n++;
        const inOrder = `${run}-${n}-a`, shuffled = `${run}-${n}-b`;
        for (const e of posts(inOrder, agent, `+1415557${String(2 * n).padStart(4, "0")}`, scenario)) await receive(e);
        await processAll();
        const events = posts(shuffled, agent, `+1415557${String(2 * n + 1).padStart(4, "0")}`, scenario)
          .map((e, i) => ({ e, k: keys[i] })).sort((a, b) => a.k - b.k);
        for (const [i, { e }] of events.entries()) {
          for (let c = 0; c < copies[i]; c++) await receive(e);
          if (batchBreaks[i]) await processAll();
        }
        await settled([inOrder, shuffled]);
        await analysed();
        const [a, b] = [await outcome(inOrder), await outcome(shuffled)];
        expect(a.activities).toBe(1);
        if (scenario.kind === "answered") {
          expect(a.analyses).toHaveLength(2); // individual and complete, by the worker
          expect(a.charges).toEqual([-Math.ceil(Math.ceil(scenario.seconds) / 60)]);
          expect(a.duration_seconds).toBe(Math.ceil(scenario.seconds));
        } else {
          expect([a.analyses, a.charges, a.call_lifecycle_status]).toEqual([null, null, scenario.kind]);
        }
        expect(b).toEqual(a);
      }), { numRuns: 16, seed: 20261207 });
  }, 120_000);
});
