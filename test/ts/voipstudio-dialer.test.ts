/**
 * The VoIPStudio dialer end to end, through the real functions server (Deno), the real worker and a local
 * VoIPStudio (supabase/local/voipstudio-sandbox.ts) that answers POST /calls as VoIPStudio does and posts
 * one webhook per leg, duplicated and out of order: a campaign is created and filled through the API
 * (with the push's exclusions), the queue hands contacts to agents, click-to-call places calls with each
 * rep's own token, the legs become one call log and one activity, dispositions run through the engine
 * (callback → task and schedule), unanswered calls are retried, and /analytics adds it all up. VoIPStudio's
 * refusals (softphone offline, no CLI prefix, rate limits) and the webhook's credentials are checked too.
 * The clock: the wall clock of the run; event times come from the sandbox as they happen.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, workerLogger, type StartedWorker } from "../../jobs/worker.ts";
import { startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";
import { startVoipStudioSandbox, type RunningVoipStudioSandbox } from "../../supabase/local/voipstudio-sandbox.ts";
import { DEV_JWT_SECRET, userJwt } from "../../functions/_shared/jwt.ts";
import { daytimeZone } from "../fixtures/zones.ts";
import { waitFor } from "../fixtures/wait.ts";

const url = process.env.TEST_DATABASE_URL;
const run = `v${randomUUID().slice(0, 8)}`;
const CREDS_OLD = "voipstudio:old-pass-1d2e";
const CREDS = "voipstudio:new-pass-9f8a";


describe.skipIf(!url)("the VoIPStudio dialer: campaign → queue → call → events → activity → disposition → retry or task → analytics", () => {
  let sql: postgres.Sql;
  let server: FunctionsServer;
  let sandbox: RunningVoipStudioSandbox;
  let worker: StartedWorker | undefined;
  const teamName = `voipstudio ${run}`;
  const reps = [0, 1].map((i) => ({ id: randomUUID(), email: `${run}-rep${i}@vs.test`, vsUser: `${run}-u${i}`, token: `${run}-tok${i}` }));
  const jwt: string[] = [];
  const phone = (n: number) => `+1646555${String(7000 + n).padStart(4, "0")}`;
  let dncContact = "";
  const dayZone = daytimeZone();

  const api = async (who: number, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/dialer-api${path}`, {
      method, headers: { Authorization: `Bearer ${jwt[who]}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() as any };
  };
  const webhook = async (payload: unknown, creds: string | null) => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (creds) headers.Authorization = `Basic ${Buffer.from(creds).toString("base64")}`;
    const res = await fetch(`${server.url}/voipstudio-webhook`, { method: "POST", headers, body: JSON.stringify(payload) });
    return { status: res.status, body: await res.json() as any };
  };
  /** Waits until every webhook the sandbox sent is stored and processed. */
  const settled = async () => {
    await sandbox.idle();
    await waitFor(async () => {
      const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events
                                 where provider = 'voipstudio' and processing_status in ('pending', 'processing')`;
      return n === 0;
    });
  };

  beforeAll(async () => {
    sql = postgres(url!, { max: 4, onnotice: () => {} });
    await sql`insert into public.teams (name) values (${teamName})`;
    for (const r of reps) {
      await sql`insert into auth.users (id, email) values (${r.id}, ${r.email})`;
      await sql`update public.profiles set team_id = (select id from public.teams where name = ${teamName}),
                  display_name = ${r.email.split("@")[0]} where id = ${r.id}`;
      await sql`insert into public.voipstudio_credentials (user_id, voipstudio_user_id, api_token) values (${r.id}, ${r.vsUser}, ${r.token})`;
      jwt.push(await userJwt(r.id, DEV_JWT_SECRET, { email: r.email }));
    }
    // two numbers to dial by hand (in a zone where it is daytime now), one the team marked do-not-call
    for (const n of [50, 51]) {
      await sql`insert into public.contacts (team_id, first_name, phone, phone_e164, phone_status, phone_normalized_from, timezone)
        values ((select id from public.teams where name = ${teamName}), ${"Manual " + n}, ${phone(n)}, ${phone(n)}, 'valid', ${phone(n)}, ${dayZone})`;
    }
    [{ id: dncContact }] = await sql`insert into public.contacts (team_id, first_name, last_name, phone, phone_e164, phone_status, phone_normalized_from, do_not_call, do_not_call_reason)
      values ((select id from public.teams where name = ${teamName}), 'Asked', 'Removal', ${phone(9)}, ${phone(9)}, 'valid', ${phone(9)}, true, 'user_requested')
      returning id`;
    sandbox = await startVoipStudioSandbox({ webhookCredentials: CREDS, duplicateRate: 0.5, shuffle: true, ringMs: 30, talkMs: 40, agentAnswerMs: 10, seed: 11 });
    for (const r of reps) sandbox.registerToken(r.token, r.vsUser);
    server = await startFunctionsServer({
      databaseUrl: url!,
      env: {
        VOIPSTUDIO_API_BASE: sandbox.url, VOIPSTUDIO_WEBHOOK_CREDENTIALS: `${CREDS_OLD},${CREDS}`, VOIPSTUDIO_WEBHOOK_LOG: "off",
        VOIPSTUDIO_RETRY_BASE_MS: "20", SUPABASE_JWT_SECRET: DEV_JWT_SECRET,
      },
    });
    sandbox.configure({ webhookUrl: `${server.url}/voipstudio-webhook` });
    // the worker (this process) talks to the sandbox too: the power dialer
    process.env.VOIPSTUDIO_API_BASE = sandbox.url;
    process.env.VOIPSTUDIO_RETRY_BASE_MS = "20";
    worker = await startWorker({ databaseUrl: url!, concurrency: 2, logger: workerLogger(process.env.VS_DEBUG ? "info" : "error") });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    await sandbox?.stop();
    if (sql) {
      const team = sql`(select id from public.teams where name = ${teamName})`;
      await sql`delete from public.dialer_campaigns where team_id = ${team}`;
      await sql`delete from public.call_logs where team_id = ${team} or user_id in ${sql(reps.map((r) => r.id))}`;
      await sql`delete from public.tasks where contact_id in (select id from public.contacts where team_id = ${team})`;
      await sql`delete from public.suppressions where team_id = ${team} and suppression_type <> 'legal'`;
      await sql`delete from public.contact_activities where team_id = ${team} or dedupe_key like 'voipstudio:%'`;
      await sql`delete from dialbridge.webhook_events where provider = 'voipstudio'`;
      await sql`delete from dialbridge.webhook_rejections where provider = 'voipstudio'`;
      await sql`delete from public.contacts where team_id = ${team}`;
      await sql`delete from auth.users where id in ${sql(reps.map((r) => r.id))}`;
      await sql`delete from public.teams where name = ${teamName}`;
      await sql.end({ timeout: 5 });
    }
  });

  let campaignId = "";

  it("creates a campaign and adds contacts with the push's exclusions, reporting each one and why", async () => {
    const created = await api(0, "POST", "/campaigns", {
      name: "Q1 Outreach", description: "First quarter lead follow-up", type: "power", caller_id: "+19175551234",
      script: "Hello, this is…", max_attempts: 3, retry_interval: 3600, active_hours: { start: "00:00", end: "24:00" },
      timezone: "America/New_York",
    });
    expect(created.status).toBe(201);
    campaignId = created.body.campaign.id;
    expect(created.body.campaign).toMatchObject({ name: "Q1 Outreach", type: "power", status: "draft", max_attempts: 3 });
    expect((await api(0, "PATCH", `/campaigns/${campaignId}`, { status: "active" })).body.campaign.status).toBe("active");
    await sql`insert into public.dialer_campaign_agents (campaign_id, user_id) values (${campaignId}, ${reps[1].id})`;
    const added = await api(0, "POST", `/campaigns/${campaignId}/contacts`, {
      contacts: [
        { phone_number: phone(1), first_name: "Ann", last_name: "Answers", company: "Acme", metadata: { source: "lead-gen" } },
        { phone_number: phone(2), first_name: "Ned", last_name: "Noanswer" },
        { phone_number: phone(3), first_name: "Cal", last_name: "Callback" },
        { phone_number: "12", first_name: "Bad", last_name: "Number" },
        { phone_number: phone(1), first_name: "Ann", last_name: "Again" },
        { phone_number: phone(9), first_name: "Asked", last_name: "Removal" },
      ],
    });
    expect(added.status).toBe(200);
    expect(added.body.excluded.map((e: any) => [e.index, e.reason])).toEqual([[3, "invalid_phone"], [4, "duplicate_in_list"], [5, "legal_dnc"]]);
    expect(added.body.added).toBe(3);
    expect(added.body.excluded.map((e: any) => [e.index, e.reason])).toEqual([[3, "invalid_phone"], [4, "duplicate_in_list"], [5, "legal_dnc"]]);
    await sql`update public.contacts set timezone = ${dayZone}, state = null
               where id in (select contact_id from public.campaign_contacts where campaign_id = ${campaignId})`;
    const listed = await api(1, "GET", `/campaigns/${campaignId}/contacts?status=pending`);
    expect(listed.body.contacts.map((c: any) => c.first_name)).toEqual(["Ann", "Ned", "Cal"]);
    expect((await api(0, "GET", "/campaigns?status=active")).body.campaigns.map((c: any) => c.id)).toEqual([campaignId]);
  }, 30_000);

  it("hands each contact to one agent, places the calls with each rep's token and turns the legs into one call each", async () => {
    sandbox.setOutcome(phone(1), "answered");
    sandbox.setOutcome(phone(2), "no-answer");
    sandbox.setOutcome(phone(3), "answered");
    const handed: Record<string, any> = {};
    for (const [who, name] of [[0, "ann"], [1, "ned"], [0, "cal"]] as const) {
      const next = await api(who, "POST", `/campaigns/${campaignId}/next`);
      expect(next.body.next.queue_status).toBe("reserved");
      const placed = await api(who, "POST", "/calls", { campaignContactId: next.body.next.campaign_contact_id, metadata: { screen: "power" } });
      expect(placed.status).toBe(200);
      expect(placed.body).toMatchObject({ success: true, call: { status: "initiated", user_id: reps[who].id } });
      handed[name] = { ...placed.body, campaignContactId: next.body.next.campaign_contact_id };
      await sandbox.idle();
    }
    expect(new Set(Object.values(handed).map((h) => h.campaignContactId)).size).toBe(3);
    expect(sandbox.calls.map((c) => c.from)).toEqual([reps[0].vsUser, reps[1].vsUser, reps[0].vsUser]);
    expect(sandbox.calls.every((c) => c.callerId === "19175551234")).toBe(true);
    await settled();

    const logs = await sql`select l.call_id, l.status, l.duration, l.answered_at is not null as answered, cc.first_name, cc.status as cc_status,
                                  cc.attempts, cc.next_attempt_at is not null as retry, a.activity_type, a.call_outcome, a.talk_time_seconds
                             from public.call_logs l join public.campaign_contacts cc on cc.id = l.campaign_contact_id
                             join public.contact_activities a on a.id = l.contact_activity_id
                            where l.campaign_id = ${campaignId} order by cc.queue_position`;
    expect(logs.map((l) => ({ ...l }))).toEqual([
      { call_id: handed.ann.callId, status: "completed", duration: 95, answered: true, first_name: "Ann", cc_status: "completed",
        attempts: 1, retry: false, activity_type: "call_completed", call_outcome: "connected", talk_time_seconds: 95 },
      { call_id: handed.ned.callId, status: "no-answer", duration: 0, answered: false, first_name: "Ned", cc_status: "failed",
        attempts: 1, retry: true, activity_type: "call_completed", call_outcome: "no_answer", talk_time_seconds: null },
      { call_id: handed.cal.callId, status: "completed", duration: 95, answered: true, first_name: "Cal", cc_status: "completed",
        attempts: 1, retry: false, activity_type: "call_completed", call_outcome: "connected", talk_time_seconds: 95 },
    ]);
    const [{ activities }] = await sql`select count(*)::int as activities from public.contact_activities where dedupe_key like 'voipstudio:call:%'
                                          and dedupe_key in ${sql(Object.values(handed).map((h) => `voipstudio:call:${h.callId}`))}`;
    expect(activities).toBe(3);
    const roots = Object.values(handed).map((h: any) => String(h.callId));
    const [{ stored }] = await sql`select count(*)::int as stored from dialbridge.webhook_events where provider = 'voipstudio' and provider_call_id in ${sql(roots)}`;
    const sent = sandbox.delivered.filter((d) => roots.some((r) => d.leg.startsWith(r))).length;
    expect(stored).toBe(6 + 5 + 6); // answered: 6 leg events, missed: 5 — each stored once
    expect(sent).toBeGreaterThan(stored); // the sandbox delivered some twice
    const agent = await sql`select state from public.dialer_agent_states where user_id = ${reps[1].id}`;
    expect(agent[0].state).toBe("wrap_up");

    // the live status VoIPStudio reports, with the call log
    const live = await api(0, "GET", `/calls/${handed.ann.call.id}`);
    expect(live.body.call).toMatchObject({ id: handed.ann.call.id, status: "completed", voip_status: { id: handed.ann.callId, state: "HANGUP" } });
    (globalThis as any).__handed = handed;
  }, 60_000);

  it("runs a callback disposition through the engine: the contact is scheduled at its time and the rep gets a task", async () => {
    const handed = (globalThis as any).__handed;
    const followUp = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const created = await api(0, "POST", "/dispositions", { call_id: handed.cal.call.id, disposition: "callback", notes: "Call after the board meeting", follow_up_date: followUp });
    expect(created.status).toBe(201);
    await waitFor(async () => (await sql`select 1 from public.contact_activities where dedupe_key = ${"voipstudio:call:" + handed.cal.callId}
                                           and disposition_code = 'CALLBACK_REQUESTED'`)[0]);
    const [cc] = await sql`select status, next_attempt_at, callback_at from public.campaign_contacts where id = ${handed.cal.campaignContactId}`;
    expect(cc.status).toBe("callback");
    expect(cc.callback_at.toISOString()).toBe(followUp);
    const tasks = await sql`select t.assigned_to_user_id, t.due_at from public.tasks t
                              join public.campaign_contacts cc on cc.contact_id = t.contact_id where cc.id = ${handed.cal.campaignContactId} and t.status = 'open'`;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.assigned_to_user_id === reps[0].id)).toBe(true);
    expect((await api(1, "GET", `/dispositions?call_id=${handed.cal.call.id}`)).body.dispositions.map((d: any) => d.disposition)).toEqual(["callback"]);
    const [contact] = await sql`select c.contact_status, c.total_call_attempts, c.total_calls_connected from public.contacts c
                                  join public.campaign_contacts cc on cc.contact_id = c.id where cc.id = ${handed.cal.campaignContactId}`;
    expect(contact).toMatchObject({ contact_status: "Nurture", total_call_attempts: 1, total_calls_connected: 1 });
  }, 30_000);

  it("answers the seed's /analytics shape from the roll-up", async () => {
    const a = (await api(0, "GET", `/analytics?campaign_id=${campaignId}&time_zone=America/New_York`)).body.analytics;
    expect(a.overview).toEqual({ totalCalls: 3, answeredCalls: 2, completedCalls: 2, failedCalls: 0, busyCalls: 0, noAnswerCalls: 1,
      totalDuration: 190, avgDuration: 95, answerRate: 66.7, completionRate: 66.7 });
    expect(a.distribution.byHour).toHaveLength(24);
    expect(a.distribution.byHour.reduce((s: number, n: number) => s + n, 0)).toBe(3);
    expect(a.distribution.byStatus).toMatchObject({ completed: 2, "no-answer": 1, initiated: 0 });
    expect(a.recentCalls).toHaveLength(3);
    const [{ fixed }] = await sql`select dialbridge.recompute_dialer_call_stats() as fixed`;
    expect(fixed).toBe(0);
  }, 30_000);

  it("power dialing: an agent who goes available gets the next contact dialled for them", async () => {
    const added = await api(0, "POST", `/campaigns/${campaignId}/contacts`, { contacts: [{ phone_number: phone(4), first_name: "Pat", last_name: "Power" }] });
    expect(added.body.added).toBe(1);
    // (a new contact's phone_e164 is normalised later by the worker: find it through its campaign contact)
    await sql`update public.contacts set timezone = ${dayZone}, state = null
               where id in (select contact_id from public.campaign_contacts where phone_number = ${phone(4)})`;
    sandbox.setOutcome(phone(4), "answered");
    const before = sandbox.calls.length;
    const ready = await api(1, "POST", "/agent/availability", { state: "available", campaign_id: campaignId });
    expect(ready.body.agent).toMatchObject({ state: "available", campaign_id: campaignId });
    const call = await waitFor(async () => sandbox.calls.length > before ? sandbox.calls.at(-1) : undefined);
    expect(call).toMatchObject({ from: reps[1].vsUser, to: phone(4).slice(1) });
    await settled();
    const [row] = await sql`select l.status, l.user_id, cc.status as cc_status, s.state
                              from public.call_logs l join public.campaign_contacts cc on cc.id = l.campaign_contact_id
                              join public.dialer_agent_states s on s.user_id = l.user_id
                             where l.call_id = ${call.id}`;
    expect(row).toMatchObject({ status: "completed", user_id: reps[1].id, cc_status: "completed", state: "wrap_up" });
    expect((await api(1, "POST", "/agent/availability", { state: "paused" })).body.agent.state).toBe("paused");
  }, 60_000);

  it("brings recordings from VoIPStudio's call history onto the call log and its activity, and analyses their transcriptions", async () => {
    const handed = (globalThis as any).__handed;
    sandbox.configure({ transcribe: true });
    await sql`select graphile_worker.add_job('call_recordings__sync', '{"hours": 1}'::json)`;
    const rec = await waitFor(async () => (await sql`select r.recording_url, r.duration, l.recording_url as on_log, a.recording_url as on_activity
        from public.call_recordings r join public.call_logs l on l.id = r.call_id
        left join public.contact_activities a on a.id = l.contact_activity_id where l.call_id = ${handed.ann.callId}`)[0]);
    expect(rec.recording_url).toBe(`${sandbox.url}/recordings/${handed.ann.callId}.mp3`);
    expect(rec).toMatchObject({ duration: 95, on_log: rec.recording_url, on_activity: rec.recording_url });
    const [{ missed }] = await sql`select count(*)::int as missed from public.call_recordings r join public.call_logs l on l.id = r.call_id
                                    where l.call_id = ${handed.ned.callId}`;
    expect(missed).toBe(0); // an unanswered call has no recording
    // the transcription goes through the voice agents' analysis (the offline analyser here: no OpenAI key)
    const analysed = await waitFor(async () => (await sql`select la.analysis_type, la.analyzer, la.user_id, r.sentiment, t.analysis_status
        from public.call_logs l join public.lead_analytics la on la.call_log_id = l.id
        join public.transcripts t on t.call_log_id = l.id join public.call_recordings r on r.call_id = l.id
       where l.call_id = ${handed.ann.callId} and t.analysis_status = 'completed'`)[0]);
    expect(analysed).toMatchObject({ analysis_type: "individual", user_id: reps[0].id, sentiment: expect.stringMatching(/positive|neutral|negative/) });
    const [complete] = await sql`select la.previous_calls_analyzed, la.latest_call_log_id = l.id as latest from public.lead_analytics la
        join public.call_logs l on l.call_id = ${handed.ann.callId}
       where la.analysis_type = 'complete' and la.user_id = l.user_id and la.phone_number = l.to_number`;
    expect(complete).toMatchObject({ previous_calls_analyzed: 1, latest: true });
  }, 30_000);

  it("refuses what must not be dialled and says why VoIPStudio could not place a call", async () => {
    const dnc = await api(0, "POST", "/calls", { to: phone(9) });
    expect(dnc.status).toBe(422);
    expect(dnc.body).toMatchObject({ code: "CALL_NOT_ALLOWED", detail: { reason: "do_not_call" } });
    expect(sandbox.calls.some((c) => c.to === phone(9).slice(1))).toBe(false);

    sandbox.configure({ offlineAgents: [reps[1].vsUser] });
    const offline = await api(1, "POST", "/calls", { to: phone(50) });
    expect(offline.status).toBe(409);
    expect(offline.body.code).toBe("SOFTPHONE_OFFLINE");
    const [log] = await sql`select status, error from public.call_logs where user_id = ${reps[1].id} order by created_at desc limit 1`;
    expect(log.status).toBe("canceled");
    expect(log.error).toMatch(/agent_offline/);
    sandbox.configure({ offlineAgents: [], noCliPrefix: true, rateLimitNext: 2 });
    const retried = await api(1, "POST", "/calls", { to: phone(51), from: "+19175550000" });
    expect(retried.status).toBe(200);
    expect(retried.body.droppedCallerId).toBe(true);
    expect(sandbox.calls.at(-1)).toMatchObject({ callerId: null, to: phone(51).slice(1) });
    sandbox.configure({ noCliPrefix: false });
    await settled();
  }, 30_000);

  it("takes webhooks only with the configured Basic credentials (two at once during a rotation)", async () => {
    const event = { id: `${run}-w1`, event_name: "call.ringing", event_time: new Date().toISOString(), call_id: `${run}-leg`,
      root_call_id: `${run}-root`, state: "RINGING", final: false, src: "101", dst: "12125557999" };
    expect((await webhook(event, null)).status).toBe(401);
    expect((await webhook(event, "voipstudio:wrong")).status).toBe(401);
    expect((await webhook(event, CREDS_OLD)).body.status).toBe("accepted");
    expect((await webhook(event, CREDS)).body.status).toBe("duplicate");
    expect((await webhook({ ...event, event_name: "call.teleported" }, CREDS)).status).toBe(400);
    const [{ refused }] = await sql`select coalesce(sum(rejection_count), 0)::int as refused from dialbridge.webhook_rejections where provider = 'voipstudio'`;
    expect(refused).toBeGreaterThanOrEqual(3);
    await settled();
    const [inbound] = await sql`select status, metadata ->> 'created_from' as origin from public.call_logs where call_id = ${run + "-root"}`;
    expect(inbound).toMatchObject({ status: "ringing", origin: "voipstudio_webhooks" });
  }, 30_000);
});
