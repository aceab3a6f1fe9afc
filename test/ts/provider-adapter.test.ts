/**
 * A provider that exists only in the tests (test/providers/fake-dialer: a TypeScript adapter, a SQL adapter
 * and its registration line) goes through the shared pipeline end to end, exactly as a real one would:
 * a request authenticated by its header token, posted to the real functions server (Deno), stored once
 * however often it is delivered, processed by the real worker through the generic job, one activity per
 * call whatever the order of its events, the contact's statistics, the disposition engine and callbacks,
 * alongside a PhoneBurner call on the same contact, refusals counted, failures visible, replay harmless.
 * Nothing in the shared pipeline names it.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replay } from "../../jobs/replay.ts";
import { startWorker, workerLogger, type StartedWorker } from "../../jobs/worker.ts";
import { root } from "../../supabase/local/db.ts";
import { startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";
import { waitFor } from "../fixtures/wait.ts";

const url = process.env.TEST_DATABASE_URL;
const run = `f${randomUUID().slice(0, 8)}`;
/** The one clock of this file: every event time is relative to it (two hours before the file ran). */
const t0 = Date.now() - 2 * 3_600_000;
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
const TOKEN = "fake-token-new-3c1d";


describe.skipIf(!url)("a provider added as an adapter and one registration line", () => {
  let sql: postgres.Sql;
  let server: FunctionsServer;
  let worker: StartedWorker | undefined;
  const contactId = randomUUID();
  const phoneContactId = randomUUID();
  const repId = randomUUID();
  const repEmail = `${run}@fake.test`;
  const teamName = `fake dialer ${run}`;
  const sc = `${run}-sc`;
  const phone = `+1212555${String(Math.floor(Math.random() * 9000) + 1000)}`;

  const post = async (payload: Record<string, unknown> | string, opts: { token?: string | null; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { "Content-Type": "application/json", ...opts.headers };
    if (opts.token !== null) headers["X-Fake-Token"] = opts.token ?? TOKEN;
    const res = await fetch(`${server.url}/fake-dialer`, {
      method: "POST", headers, body: typeof payload === "string" ? payload : JSON.stringify(payload),
    });
    return { status: res.status, body: await res.json() as { status?: string; event_id?: string; error?: string } };
  };
  const statusOf = async (eventId: string) => (await sql`
    select processing_status from dialbridge.webhook_events where provider = 'fake_dialer' and event_id = ${eventId}`)[0]
    ?.processing_status as string | undefined;
  const settled = (...ids: string[]) => waitFor(async () => {
    const s = await Promise.all(ids.map(statusOf));
    return s.every((x) => x !== undefined && x !== "pending" && x !== "processing") ? s : undefined;
  });

  beforeAll(async () => {
    sql = postgres(url!, { max: 2, onnotice: () => {} });
    await sql.unsafe(readFileSync(path.join(root, "test/providers/fake-dialer/adapter.sql"), "utf8"));
    await sql`insert into public.teams (name) values (${teamName})`;
    await sql`insert into auth.users (id, email) values (${repId}, ${repEmail})`;
    await sql`update public.profiles set team_id = (select id from public.teams where name = ${teamName}),
                phoneburner_user_id = ${`${run}-pbrep`} where id = ${repId}`;
    await sql`insert into public.contacts (id, sourceco_contact_id, team_id, first_name)
              values (${contactId}, ${sc}, (select id from public.teams where name = ${teamName}), 'Fake')`;
    await sql`insert into public.contacts (id, team_id, first_name, phone, phone_e164, phone_status, phone_normalized_from)
              values (${phoneContactId}, (select id from public.teams where name = ${teamName}), 'ByPhone', ${phone}, ${phone}, 'valid', ${phone})`;
    server = await startFunctionsServer({
      databaseUrl: url!, env: { FAKE_DIALER_WEBHOOK_TOKENS: `fake-token-old-77aa,${TOKEN}`, FAKE_DIALER_WEBHOOK_LOG: "off" },
      extraFunctionDirs: ["test/providers"],
    });
    worker = await startWorker({ databaseUrl: url!, concurrency: 2, logger: workerLogger("error") });
  });

  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    if (sql) {
      await sql`delete from public.tasks where contact_id in (${contactId}, ${phoneContactId})`;
      await sql`delete from public.contact_activities where contact_id in (${contactId}, ${phoneContactId})
                   or dedupe_key like ${"%" + run + "%"}`;
      await sql`delete from public.phoneburner_webhooks_log where event_id like ${run + "%"}`;
      await sql`delete from public.phoneburner_sessions where phoneburner_session_id like ${run + "%"}`;
      await sql`delete from dialbridge.webhook_events where provider = 'fake_dialer'`;
      await sql`delete from dialbridge.webhook_rejections where provider = 'fake_dialer'`;
      await sql`delete from dialbridge.webhook_providers where provider = 'fake_dialer'`;
      await sql`delete from dialbridge.source_systems where source_system = 'fake_dialer'`;
      await sql`drop schema if exists fake_dialer cascade`;
      await sql`delete from public.contacts where id in (${contactId}, ${phoneContactId})`;
      await sql`delete from auth.users where id = ${repId}`;
      await sql`delete from public.teams where name = ${teamName}`;
      await sql.end({ timeout: 5 });
    }
  });

  it("needs nothing in the shared code: no function, job, migration or schema file names it", () => {
    let out = "";
    try {
      out = execFileSync("git", ["grep", "-l", "-i", "-E", "fake[_-]dialer", "--", "functions", "jobs", "sql", "supabase", "reports"], { cwd: root, encoding: "utf8" });
    } catch (e) {
      if ((e as { status?: number }).status !== 1) throw e; // 1: nothing found
    }
    expect(out.split("\n").filter(Boolean)).toEqual([]);
  }, 30_000);

  it("turns a call's events, in any order and delivered twice, into one activity with its statistics", async () => {
    const call = `${run}-call-1`;
    const base = { contact_ref: sc, campaign: `${run}-camp` };
    const finished = { ...base, id: `${run}-e2`, type: "call.finished", occurred_at: at(240),
      call: { id: call, to: "+12125550000", agent_email: repEmail, started_at: at(0), answered_at: at(20), ended_at: at(240), result: "answered" } };
    const started = { ...base, id: `${run}-e1`, type: "call.started", occurred_at: at(0),
      call: { id: call, to: "+12125550000", agent_email: repEmail, started_at: at(0) } };
    const disposed = { ...base, id: `${run}-e3`, type: "call.dispositioned", occurred_at: at(300),
      call: { id: call }, disposition: { label: "Interested", note: "wants the teaser", callback_at: at(86_400) } };

    // the end first, then the start, then the disposition; the end delivered twice
    expect(await post(finished)).toEqual({ status: 200, body: { status: "accepted", event_id: `${run}-e2` } });
    expect(await post(finished)).toEqual({ status: 200, body: { status: "duplicate", event_id: `${run}-e2` } });
    expect((await post(started)).body.status).toBe("accepted");
    expect((await post(disposed)).body.status).toBe("accepted");
    expect(await settled(`${run}-e1`, `${run}-e2`, `${run}-e3`)).toEqual(["success", "success", "success"]);
    const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events where provider = 'fake_dialer' and provider_call_id = ${call}`;
    expect(n).toBe(3);

    const [{ code }] = await sql`select phoneburner_disposition_code as code from dialbridge.find_disposition_mapping(null, 'Interested')`;
    const rows = await sql`
      select source_system, activity_type, contact_id, matching_status, user_id, call_started_at, call_connected_at,
             call_ended_at, call_duration_seconds, talk_time_seconds, call_outcome, disposition_code, disposition_label,
             disposition_notes, details ->> 'provider_call_id' as provider_call_id
        from public.contact_activities where dedupe_key = ${`fake_dialer:call:${call}`}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      source_system: "fake_dialer", activity_type: "call_completed", contact_id: contactId, matching_status: "matched",
      user_id: repId, call_started_at: new Date(at(0)), call_connected_at: new Date(at(20)), call_ended_at: new Date(at(240)),
      call_duration_seconds: 240, talk_time_seconds: 220, call_outcome: "connected", disposition_code: code,
      disposition_label: "Interested", disposition_notes: "wants the teaser", provider_call_id: call,
    });
    const [c] = await sql`select total_call_attempts, total_calls_connected, total_talk_time_seconds from public.contacts where id = ${contactId}`;
    expect(c).toEqual({ total_call_attempts: 1, total_calls_connected: 1, total_talk_time_seconds: 220 });
    // the callback the rep scheduled on it: on the call's one row, and the rep's task at that time
    const cb = await sql`select activity_type, callback_scheduled_date from public.contact_activities
                          where details ->> 'provider_call_id' = ${call}`;
    expect(cb).toEqual([{ activity_type: "call_completed", callback_scheduled_date: new Date(at(86_400)) }]);
    const tasks = await sql`select assigned_to_user_id, due_at from public.tasks
                             where contact_id = ${contactId} and source = 'callback' and source_activity_id = (select id from public.contact_activities
                                   where dedupe_key = ${`fake_dialer:call:${call}`})`;
    expect(tasks).toEqual([{ assigned_to_user_id: repId, due_at: new Date(at(86_400)) }]);
  });

  it("matches a call by the number dialled when it carries no contact of ours, and keeps it unmatched when nobody has the number", async () => {
    const byPhone = { id: `${run}-p1`, type: "call.finished", occurred_at: at(600),
      call: { id: `${run}-call-p`, to: phone, agent_email: repEmail, started_at: at(560), ended_at: at(600), result: "no_answer" } };
    const nobody = { id: `${run}-u1`, type: "call.finished", occurred_at: at(700),
      call: { id: `${run}-call-u`, to: "+19995550123", started_at: at(690), ended_at: at(700), result: "busy" } };
    await post(byPhone);
    await post(nobody);
    expect(await settled(`${run}-p1`, `${run}-u1`)).toEqual(["success", "success"]);
    const [p] = await sql`select contact_id, matching_status, call_outcome from public.contact_activities where dedupe_key = ${`fake_dialer:call:${run}-call-p`}`;
    expect(p).toEqual({ contact_id: phoneContactId, matching_status: "matched", call_outcome: "no_answer" });
    const [u] = await sql`select contact_id, matching_status, call_outcome from public.contact_activities where dedupe_key = ${`fake_dialer:call:${run}-call-u`}`;
    expect(u).toEqual({ contact_id: null, matching_status: "unmatched", call_outcome: "busy" });
  });

  it("adds up with a PhoneBurner call on the same contact: statistics, the timeline and a recount agree", async () => {
    const pbCall = `${run}-pb-call`;
    await sql`select * from dialbridge.receive_phoneburner_event('call.ended', ${sql.json({
      event_id: `${run}-pb-e`, call_id: pbCall, timestamp: at(3_600), contact_id: `${run}-pb`,
      custom_fields: { sourceco_contact_id: sc },
      call_summary: { started_at: at(3_500), ended_at: at(3_600), total_duration_seconds: 100, talk_duration_seconds: 80, outcome: "completed" },
    })}::jsonb, null, 200, 'hmac', null, null, null)`;
    await waitFor(async () => (await sql`select processing_status from public.phoneburner_webhooks_log where event_id = ${`${run}-pb-e`}`)[0]
      ?.processing_status === "success" ? true : undefined);
    const [c] = await sql`select total_call_attempts, total_calls_connected, total_talk_time_seconds from public.contacts where id = ${contactId}`;
    expect(c).toEqual({ total_call_attempts: 2, total_calls_connected: 2, total_talk_time_seconds: 300 });
    const timeline = await sql`select source_system, item_type from reports.contact_timeline
                                where contact_id = ${contactId} and item_type = 'call' order by occurred_at`;
    expect(timeline.map((t) => t.source_system)).toEqual(["fake_dialer", "phoneburner"]);
    const drift = await sql`select * from dialbridge.recompute_contact_call_stats() r where r.contact_id = ${contactId}`;
    expect(drift).toEqual([]);
    const [{ score }] = await sql`select public.calculate_contact_engagement_score(${contactId}::uuid) as score`;
    const [{ single }] = await sql`select public.calculate_contact_engagement_score(${phoneContactId}::uuid) as single`;
    expect(score).toBeGreaterThan(single); // two connected calls and a disposition, against one unanswered call
  });

  it("refuses what it cannot trust, counts it, stores nothing; skips what it does not project; fails what it never can", async () => {
    expect((await post({ id: `${run}-x1`, type: "call.finished" }, { token: null })).status).toBe(401);
    expect((await post({ id: `${run}-x2`, type: "call.finished" }, { token: "stolen" })).status).toBe(401);
    expect((await post("{not json", {})).status).toBe(400);
    expect((await post({ id: `${run}-x3`, type: 42 }, {})).status).toBe(400);
    const rejected = await sql`select reason, sum(rejection_count)::int as n from dialbridge.webhook_rejections
                                where provider = 'fake_dialer' group by 1 order by 1`;
    expect(rejected).toEqual([
      { reason: "bad_token", n: 1 }, { reason: "invalid_envelope", n: 1 }, { reason: "malformed_body", n: 1 }, { reason: "missing_auth", n: 1 },
    ]);
    expect(await statusOf(`${run}-x1`)).toBeUndefined();

    await post({ id: `${run}-k1`, type: "agent.status", occurred_at: at(800) });
    await post({ id: `${run}-k2`, type: "ping", occurred_at: at(800) });
    await post({ id: `${run}-k3`, type: "call.finished", occurred_at: at(800), call: { id: `${run}-call-k`, result: "exploded" } });
    expect(await settled(`${run}-k1`, `${run}-k2`, `${run}-k3`)).toEqual(["skipped", "success", "failed"]);
    const [f] = await sql`select state, error_code from dialbridge.webhook_failures where provider = 'fake_dialer' and event_id = ${`${run}-k3`}`;
    expect(f).toEqual({ state: "failed", error_code: "DB061" });
  });

  it("replays its events with npm run replay -- --provider, changing nothing already right", async () => {
    await worker?.stop(); // the replay tool works with no worker running
    worker = undefined;
    const before = await sql`select dedupe_key, updated_at from public.contact_activities where source_system = 'fake_dialer'
                               and dedupe_key like ${"%" + run + "%"} order by 1`;
    const [stats] = await sql`select total_call_attempts, total_talk_time_seconds, updated_at from public.contacts where id = ${contactId}`;
    const result = await replay(url!, { provider: "fake_dialer", statuses: null, since: new Date(Date.now() - 600_000), dryRun: false });
    expect(result.reset).toBeGreaterThanOrEqual(8);
    expect(result.byStatus).toMatchObject({ failed: 1, skipped: 1 });
    expect(result.byStatus.success).toBe(result.reset - 2);
    const after = await sql`select dedupe_key, updated_at from public.contact_activities where source_system = 'fake_dialer'
                              and dedupe_key like ${"%" + run + "%"} order by 1`;
    expect(after).toEqual(before);
    expect((await sql`select total_call_attempts, total_talk_time_seconds, updated_at from public.contacts where id = ${contactId}`)[0]).toEqual(stats);
    await expect(replay(url!, { provider: "no_such_dialer", statuses: null, dryRun: true })).rejects.toThrow(/unknown provider "no_such_dialer"/);
  });
});
