/**
 * The worker side of processing: the real graphile-worker runner (jobs/worker.ts) picks up the job every
 * stored event queues and projects the events; the nightly reconciliation payload finds and fixes drifted
 * statistics; `npm run replay` (jobs/replay.ts) resets and reprocesses stored events, changing nothing
 * for events already processed. Runs against TEST_DATABASE_URL with its own team, rep and contacts, and
 * removes them afterwards.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, workerLogger, type StartedWorker } from "../../jobs/worker.ts";
import { parseArgs, parseTime, replay } from "../../jobs/replay.ts";
import { batchSizeFromEnv } from "../../jobs/webhook-processing.ts";
import { waitFor } from "../fixtures/wait.ts";

const url = process.env.TEST_DATABASE_URL;
const run = `w${randomUUID().slice(0, 8)}`;
/** The one clock every event time in this file is relative to: an hour before the file ran. */
const t0 = Date.now() - 3_600_000;

describe("replay arguments", () => {
  it("reads ages and ISO times, statuses and the event type; refuses what it does not know", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(parseTime("24h", now).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(parseTime("2026-02-23", now).toISOString()).toBe("2026-02-23T00:00:00.000Z");
    expect(parseArgs([], now)).toMatchObject({ statuses: ["failed"], dryRun: false });
    expect(parseArgs(["--since", "7d", "--status", "failed,skipped", "--event-type=api_calldone"], now)).toMatchObject({
      since: new Date("2026-02-22T12:00:00Z"), statuses: ["failed", "skipped"], eventType: "api_calldone",
    });
    expect(parseArgs(["--status", "any"], now).statuses).toBeNull();
    expect(() => parseArgs(["--status", "done"], now)).toThrow(/unknown status done/);
    expect(() => parseArgs(["--since"], now)).toThrow(/--since needs a value/);
    expect(() => parseArgs(["--since", "last week"], now)).toThrow(/not a time/);
    expect(() => parseArgs(["--sinse", "1d"], now)).toThrow(/unknown argument/);
  });

  it("takes the batch size from PHONEBURNER_PROCESS_BATCH, and only a sane one", () => {
    expect(batchSizeFromEnv({})).toBe(500);
    expect(batchSizeFromEnv({ PHONEBURNER_PROCESS_BATCH: "200" })).toBe(200);
    expect(() => batchSizeFromEnv({ PHONEBURNER_PROCESS_BATCH: "0" })).toThrow(/PHONEBURNER_PROCESS_BATCH/);
    expect(() => batchSizeFromEnv({ PHONEBURNER_PROCESS_BATCH: "lots" })).toThrow(/PHONEBURNER_PROCESS_BATCH/);
  });
});

describe.skipIf(!url)("processing through the worker", () => {
  let sql: postgres.Sql;
  let worker: StartedWorker | undefined;
  const contactId = randomUUID();
  const repId = randomUUID();
  const teamName = `ingest worker ${run}`;
  const sc = `${run}-sc`;

  const receive = (type: string, payload: Record<string, unknown>) =>
    sql`select status, log_id from dialbridge.receive_phoneburner_event(${type}, ${sql.json(payload as postgres.JSONValue)}::jsonb,
          null, ${JSON.stringify(payload).length}, 'hmac', null, null, null)`;
  const statusOf = async (eventId: string) =>
    (await sql`select processing_status from public.phoneburner_webhooks_log where event_id = ${eventId}`)[0]?.processing_status as string | undefined;

  beforeAll(async () => {
    sql = postgres(url!, { max: 2, onnotice: () => {} });
    await sql`insert into public.teams (name) values (${teamName})`;
    await sql`insert into auth.users (id, email) values (${repId}, ${`${run}@worker.test`})`;
    await sql`update public.profiles set team_id = (select id from public.teams where name = ${teamName}),
                phoneburner_user_id = ${`${run}-rep`} where id = ${repId}`;
    await sql`insert into public.contacts (id, sourceco_contact_id, team_id, first_name)
              values (${contactId}, ${sc}, (select id from public.teams where name = ${teamName}), 'Worker')`;
    worker = await startWorker({ databaseUrl: url!, concurrency: 2, logger: workerLogger("error") });
  });

  afterAll(async () => {
    await worker?.stop();
    if (sql) {
      await sql`delete from public.phoneburner_webhooks_log where event_id like ${run + "%"}`;
      await sql`delete from public.contact_activities where phoneburner_call_id like ${run + "%"}
                   or dedupe_key like ${"%" + run + "%"} or contact_id = ${contactId}`;
      await sql`delete from public.tasks where contact_id = ${contactId}`;
      await sql`delete from public.contacts where id = ${contactId}`;
      await sql`delete from public.phoneburner_sessions where phoneburner_session_id like ${run + "%"}`;
      await sql`delete from auth.users where id = ${repId}`;
      await sql`delete from public.teams where name = ${teamName}`;
      await sql.end({ timeout: 5 });
    }
  });

  it("projects a call the moment its events are stored: the job each event queues runs it", async () => {
    const call = `${run}-call-1`;
    // the test's clock: the call began an hour before the test ran (replay below selects by receipt time)
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const rep = { id: `${run}-rep`, name: "Worker Rep" };
    const base = { contact_id: `${run}-pb`, call_id: call, custom_fields: { sourceco_contact_id: sc } };
    await receive("call.ended", { ...base, event_id: `${run}-e`, timestamp: at(180),
      call_summary: { ended_at: at(180), total_duration_seconds: 180, talk_duration_seconds: 165, outcome: "completed" } });
    await receive("call.started", { event_id: `${run}-s`, timestamp: at(0), user: rep,
      call: { id: call }, contact: { id: `${run}-pb`, custom_fields: { sourceco_contact_id: sc } },
      dial_session: { id: `${run}-ds`, name: "Worker session" } });
    await receive("call.connected", { ...base, event_id: `${run}-c`, timestamp: at(15),
      connection_details: { connected_at: at(15), ring_duration_seconds: 15, answered_by: "decision_maker" } });

    await waitFor(async () => ((await statusOf(`${run}-c`)) === "success" && (await statusOf(`${run}-s`)) === "success"
      && (await statusOf(`${run}-e`)) === "success" ? true : undefined));
    const [a] = await sql`select activity_type, call_outcome, call_duration_seconds, talk_time_seconds, answered_by, user_id
                            from public.contact_activities where dedupe_key = ${`phoneburner:call:${call}`}`;
    expect(a).toMatchObject({ activity_type: "call_completed", call_outcome: "connected", call_duration_seconds: 180,
                              talk_time_seconds: 165, answered_by: "decision_maker", user_id: repId });
    const [c] = await sql`select total_call_attempts, total_calls_connected, total_talk_time_seconds from public.contacts where id = ${contactId}`;
    expect(c).toEqual({ total_call_attempts: 1, total_calls_connected: 1, total_talk_time_seconds: 165 });
  });

  it("an event that can never be projected fails at once, visibly; replaying it fails it again; replaying processed events changes nothing", async () => {
    await receive("contact.updated", { event_id: `${run}-bad`, timestamp: new Date(t0 + 3_600_000).toISOString(), contact_id: `${run}-pb` });
    await waitFor(async () => ((await statusOf(`${run}-bad`)) === "failed" ? true : undefined));
    const [f] = await sql`select state, error_code, error from dialbridge.phoneburner_webhook_failures where event_id = ${`${run}-bad`}`;
    expect(f).toEqual({ state: "failed", error_code: "DB061", error: "contact.updated carries no changes object" });

    await worker?.stop(); // the replay tool works with no worker running
    worker = undefined;
    const again = await replay(url!, { statuses: ["failed"], eventType: "contact.updated", since: new Date(Date.now() - 60_000), dryRun: false });
    expect(again.reset).toBeGreaterThanOrEqual(1);
    expect(again.byStatus.failed).toBeGreaterThanOrEqual(1);

    const [before] = await sql`select updated_at, call_duration_seconds from public.contact_activities where dedupe_key = ${`phoneburner:call:${run}-call-1`}`;
    const [statsBefore] = await sql`select total_call_attempts, call_stats_last_calculated_at from public.contacts where id = ${contactId}`;
    const dry = await replay(url!, { statuses: ["success"], since: new Date(Date.now() - 60_000), eventType: "call.started", dryRun: true });
    expect(dry.matched).toBeGreaterThanOrEqual(1);
    expect(dry.reset).toBe(0);
    const res = await replay(url!, { statuses: ["success"], since: new Date(Date.now() - 60_000), dryRun: false });
    expect(res.reset).toBeGreaterThanOrEqual(3);
    expect(res.byStatus.pending ?? 0).toBe(0);
    const [after] = await sql`select updated_at, call_duration_seconds from public.contact_activities where dedupe_key = ${`phoneburner:call:${run}-call-1`}`;
    const [statsAfter] = await sql`select total_call_attempts, call_stats_last_calculated_at from public.contacts where id = ${contactId}`;
    expect(after).toEqual(before);
    expect(statsAfter).toEqual(statsBefore);
    for (const id of ["s", "c", "e"]) expect(await statusOf(`${run}-${id}`)).toBe("success");
  });

  it("the nightly reconciliation finds drifted statistics and fixes them", async () => {
    await sql`update public.contacts set total_call_attempts = 42 where id = ${contactId}`;
    worker ??= await startWorker({ databaseUrl: url!, concurrency: 2, logger: workerLogger("error") });
    await sql`select graphile_worker.add_job('phoneburner_webhooks_log__process', '{"reconcile_statistics": true}'::json,
                job_key := ${`${run}-reconcile`})`;
    await waitFor(async () => {
      const [c] = await sql`select total_call_attempts from public.contacts where id = ${contactId}`;
      return c.total_call_attempts === 1 ? true : undefined;
    });
    const [{ n }] = await sql`select count(*)::int as n from graphile_worker.jobs where key = ${`${run}-reconcile`}`;
    expect(n).toBe(0); // done, not failed
  });
});
