/**
 * Predictive dialing end to end: the real worker runs the campaign's pacer (dialer_campaigns__pace → the same
 * decide() as npm run bench:pacing), which places contact-first calls through the real VoIPStudio client to
 * a local VoIPStudio whose call queue bridges answered people to free reps (supabase/local/voipstudio-sandbox.ts);
 * the per-leg webhooks go through the real functions server and the shared pipeline. Checked: the pacer
 * dials more lines than free reps once the campaign has history (and only one per rep without it), the
 * person a rep took gets that rep on the call log and the activity, people nobody took in 2 s are recorded as
 * abandoned with the safe-harbor message and count against the 30-day cap, are not called again by a
 * predictive campaign within the cooldown, and with the cap used up the pacer falls back to power dialing.
 * The clock: the run's wall clock; the campaign's history is placed before it, relative to now().
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, workerLogger, type StartedWorker } from "../../jobs/worker.ts";
import { startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";
import { startVoipStudioSandbox, type RunningVoipStudioSandbox } from "../../supabase/local/voipstudio-sandbox.ts";
import { daytimeZone } from "../fixtures/zones.ts";
import { waitFor } from "../fixtures/wait.ts";

const url = process.env.TEST_DATABASE_URL;
const run = `p${randomUUID().slice(0, 8)}`;
const CREDS = "voipstudio:predictive-9f8a";


describe.skipIf(!url)("predictive dialing: pacer → contact-first calls → the queue bridges or abandons → the cap", () => {
  let sql: postgres.Sql;
  let server: FunctionsServer;
  let sandbox: RunningVoipStudioSandbox;
  let worker: StartedWorker | undefined;
  const teamName = `predictive ${run}`;
  const owner = { id: randomUUID(), email: `${run}-owner@pd.test`, vsUser: `${run}-owner`, token: `${run}-tok` };
  const rep = { id: randomUUID(), email: `${run}-rep@pd.test`, vsUser: `${run}-rep` };
  const queue = `${run}-queue`;
  const phone = (n: number) => `+1646556${String(1000 + n).padStart(4, "0")}`;
  const dayZone = daytimeZone();
  let campaignId = "";
  let dropId = "";
  const contactIds: string[] = [];

  const settled = async () => {
    await sandbox.idle();
    await waitFor(async () => {
      const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events
                                 where provider = 'voipstudio' and processing_status in ('pending', 'processing')`;
      return n === 0;
    });
  };
  /** The database's clock now: decisions after it are this test's. */
  const dbNow = async () => (await sql`select clock_timestamp() as t`)[0].t as Date;
  const setAgent = (state: string) =>
    sql`select public.set_agent_availability(${state}, ${state === "offline" ? null : campaignId}::uuid, ${rep.id}::uuid)`;

  beforeAll(async () => {
    sql = postgres(url!, { max: 4, onnotice: () => {} });
    const [{ id: teamId }] = await sql`insert into public.teams (name) values (${teamName}) returning id`;
    for (const u of [owner, rep]) {
      await sql`insert into auth.users (id, email) values (${u.id}, ${u.email})`;
      await sql`update public.profiles set team_id = ${teamId}, display_name = ${u.email.split("@")[0]} where id = ${u.id}`;
    }
    await sql`insert into public.voipstudio_credentials (user_id, voipstudio_user_id, api_token) values (${owner.id}, ${owner.vsUser}, ${owner.token})`;
    await sql`insert into public.voipstudio_credentials (user_id, voipstudio_user_id) values (${rep.id}, ${rep.vsUser})`;
    [{ id: dropId }] = await sql`insert into public.voicemail_drops (team_id, user_id, name, audio_url)
      values (${teamId}, ${owner.id}, 'Safe harbor', 'https://audio.example.test/safe-harbor.mp3') returning id`;
    [{ id: campaignId }] = await sql`insert into public.dialer_campaigns (user_id, team_id, name, type, status, dial_queue, safe_harbor_drop_id,
                                       active_hours, timezone, max_lines, abandon_cooldown_seconds)
      values (${owner.id}, ${teamId}, 'Owners, predictive', 'predictive', 'draft', ${queue}, ${dropId},
              '{"start": "00:00", "end": "24:00"}', ${dayZone}, 6, 86400) returning id`;
    await sql`insert into public.dialer_campaign_agents (campaign_id, user_id) values (${campaignId}, ${rep.id})`;
    for (let i = 0; i < 8; i++) {
      const [{ id }] = await sql`insert into public.contacts (team_id, first_name, last_name, phone, phone_e164, phone_status, phone_normalized_from, timezone)
        values (${teamId}, ${"Owner " + i}, 'Predictive', ${phone(i)}, ${phone(i)}, 'valid', ${phone(i)}, ${dayZone}) returning id`;
      contactIds.push(id);
    }
    await sql`insert into public.campaign_contacts (campaign_id, contact_id, phone_number, first_name, last_name)
      select ${campaignId}::uuid, k.id, k.phone_e164, k.first_name, k.last_name from public.contacts k
       where k.id in ${sql(contactIds)} order by k.first_name`;

    sandbox = await startVoipStudioSandbox({ webhookCredentials: CREDS, ringMs: 40, talkMs: 60, agentAnswerMs: 10,
      agentWrapMs: 60_000, queues: { [queue]: [rep.vsUser] }, seed: 5 });
    sandbox.registerToken(owner.token, owner.vsUser);
    server = await startFunctionsServer({
      databaseUrl: url!,
      env: { VOIPSTUDIO_API_BASE: sandbox.url, VOIPSTUDIO_WEBHOOK_CREDENTIALS: CREDS, VOIPSTUDIO_WEBHOOK_LOG: "off" },
    });
    sandbox.configure({ webhookUrl: `${server.url}/voipstudio-webhook` });
    process.env.VOIPSTUDIO_API_BASE = sandbox.url;
    process.env.VOIPSTUDIO_RETRY_BASE_MS = "20";
    process.env.DIALER_PACE_TICK_MS = "300";
    worker = await startWorker({ databaseUrl: url!, concurrency: 2, logger: workerLogger(process.env.VS_DEBUG ? "info" : "error") });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    await sandbox?.stop();
    delete process.env.DIALER_PACE_TICK_MS;
    if (sql) {
      const team = sql`(select id from public.teams where name = ${teamName})`;
      await sql`delete from public.dialer_agent_states where user_id in ${sql([owner.id, rep.id])}`;
      await sql`delete from public.dialer_campaigns where team_id = ${team}`;
      await sql`delete from public.call_logs where team_id = ${team} or user_id in ${sql([owner.id, rep.id])}`;
      await sql`delete from public.voicemail_drops where team_id = ${team}`;
      await sql`delete from public.tasks where contact_id in (select id from public.contacts where team_id = ${team})`;
      await sql`delete from public.contact_activities where team_id = ${team} or dedupe_key like 'voipstudio:%'`;
      await sql`delete from dialbridge.webhook_events where provider = 'voipstudio'`;
      await sql`delete from public.contacts where team_id = ${team}`;
      await sql`delete from auth.users where id in ${sql([owner.id, rep.id])}`;
      await sql`delete from public.teams where name = ${teamName}`;
      await sql.end({ timeout: 5 });
    }
  });

  it("without history the pacer dials one line per free rep (power), and the rep takes the person who answers", async () => {
    sandbox.setOutcome(phone(0), "answered");
    await sql`update public.dialer_campaigns set status = 'active' where id = ${campaignId}`;
    await setAgent("available");
    const state = await waitFor(async () => {
      const [p] = await sql`select mode, free_reps, lines_started from reports.dialer_pacing where campaign_id = ${campaignId} and lines_started > 0`;
      return p;
    });
    expect(state).toMatchObject({ mode: "power", free_reps: 1, lines_started: 1 });
    await setAgent("paused"); // the rep stops taking calls: nothing more is dialled
    await settled();
    const calls = sandbox.calls.filter((c) => c.queue === queue);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ to: phone(0).slice(1), agent: rep.vsUser, from: queue });
    const [log] = await sql`select l.status, l.user_id, l.origination, l.answered_by, l.abandoned, l.agent_connected_at > l.answered_at as bridged,
                                   a.user_id as activity_rep, cc.status as cc_status
                              from public.call_logs l join public.contact_activities a on a.id = l.contact_activity_id
                              join public.campaign_contacts cc on cc.id = l.campaign_contact_id
                             where l.call_id = ${calls[0].id}`;
    expect(log).toMatchObject({ status: "completed", user_id: rep.id, origination: "contact_first", answered_by: "human",
      abandoned: false, bridged: true, activity_rep: rep.id, cc_status: "completed" });
  }, 60_000);

  it("with history it dials ahead of the free reps; people nobody took in 2 s are abandoned, heard the safe-harbor message and rest", async () => {
    // the campaign's history (relative to now): 600 dials in the last hours, 30 answered by people (5 %) —
    // where one free rep makes the pacer start two lines
    await sql`insert into public.call_logs (team_id, campaign_id, to_number, status, origination, answered_by, started_at, answered_at, ended_at, duration)
      select (select id from public.teams where name = ${teamName}), ${campaignId}::uuid, '+16465550000',
             case when g % 20 = 0 then 'completed' else 'no-answer' end, 'contact_first', case when g % 20 = 0 then 'human' end,
             now() - interval '5 hours' + g * interval '20 seconds',
             case when g % 20 = 0 then now() - interval '5 hours' + g * interval '20 seconds' + interval '9 seconds' end,
             now() - interval '5 hours' + g * interval '20 seconds' + interval '60 seconds', case when g % 20 = 0 then 50 else 0 end
        from generate_series(1, 600) g`;
    for (let i = 1; i < 8; i++) sandbox.setOutcome(phone(i), "answered");
    const before = sandbox.calls.length;
    resetSandboxAgent();
    const since = await dbNow();
    await setAgent("available");
    const state = await waitFor(async () => {
      const [p] = await sql`select mode, free_reps, lines_started from reports.dialer_pacing
                             where campaign_id = ${campaignId} and decided_at > ${since} and lines_started > 1`;
      return p;
    });
    expect(state.mode).toMatch(/predictive|full/);
    await setAgent("paused");
    await settled();
    const placed = sandbox.calls.slice(before);
    expect(placed.length).toBeGreaterThan(1);
    const bridged = placed.filter((c) => c.agent), abandoned = placed.filter((c) => c.abandoned);
    expect(bridged).toHaveLength(1); // one rep, busy for the rest of the burst
    expect(abandoned.length).toBe(placed.length - 1);
    expect(abandoned.every((c) => c.safeHarborMessage === "https://audio.example.test/safe-harbor.mp3")).toBe(true);

    const logs = await sql`select l.call_id, l.abandoned, l.abandoned_at - l.answered_at as waited, l.safe_harbor_drop_id, l.user_id,
                                  cc.status as cc_status
                             from public.call_logs l join public.campaign_contacts cc on cc.id = l.campaign_contact_id
                            where l.call_id in ${sql(placed.map((c) => c.id))}`;
    expect(logs).toHaveLength(placed.length);
    for (const l of logs) {
      const isAbandoned = abandoned.some((c) => c.id === l.call_id);
      expect(l.abandoned).toBe(isAbandoned);
      if (isAbandoned) {
        expect(l).toMatchObject({ safe_harbor_drop_id: dropId, user_id: null, cc_status: "failed" });
        expect(l.waited).toBe("00:00:02");
      } else {
        expect(l).toMatchObject({ user_id: rep.id, cc_status: "completed" });
      }
    }
    const [{ uses }] = await sql`select usage_count as uses from public.voicemail_drops where id = ${dropId}`;
    expect(uses).toBe(abandoned.length);
    const [stats] = await sql`select (s ->> 'windowAbandoned')::int as abandoned from dialbridge.pacing_stats(${campaignId}::uuid) s`;
    expect(stats.abandoned).toBe(abandoned.length);
    const [report] = await sql`select abandoned_calls::int, at_cap from reports.dialer_abandonment_30d where campaign_id = ${campaignId}`;
    expect(report).toMatchObject({ abandoned_calls: abandoned.length, at_cap: true });

    // the abandoned contacts rest: a predictive campaign does not hand them out within the cooldown
    await sql`update public.campaign_contacts set next_attempt_at = null where campaign_id = ${campaignId}`;
    const offered = await sql`select contact_id from public.next_contact_to_dial(${campaignId}::uuid, ${owner.id}::uuid) where contact_id is not null`;
    const abandonedContacts = (await sql`select contact_id from public.call_logs where abandoned and campaign_id = ${campaignId}`).map((r) => r.contact_id);
    for (const o of offered) expect(abandonedContacts).not.toContain(o.contact_id);
    await sql`update public.campaign_contacts set status = 'pending', reserved_by = null, reserved_at = null, reserved_until = null,
                reserved_from_status = null where campaign_id = ${campaignId} and status = 'calling'`;
  }, 90_000);

  it("with the 30-day cap used up, the pacer goes back to one line per free rep", async () => {
    resetSandboxAgent();
    const before = sandbox.calls.length;
    const since = await dbNow();
    await setAgent("available");
    const state = await waitFor(async () => {
      const [p] = await sql`select mode, free_reps, lines_started, allowed_abandon_pct from reports.dialer_pacing
                             where campaign_id = ${campaignId} and decided_at > ${since} and free_reps = 1`;
      return p?.lines_started > 0 ? p : undefined;
    });
    expect(state).toMatchObject({ mode: "power", lines_started: 1 });
    expect(Number(state.allowed_abandon_pct)).toBe(0);
    await setAgent("offline");
    await settled();
    expect(sandbox.calls.length - before).toBe(1);
  }, 60_000);

  /** The sandbox's queue forgets the rep's wrap-up (they said they are available). */
  function resetSandboxAgent() {
    sandbox.resetAgents();
  }
});
