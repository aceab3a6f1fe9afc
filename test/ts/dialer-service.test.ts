/**
 * The frontend's typed client (supabase/client/dialer-service.ts) against what `npm start` runs: supabase-js
 * functions.invoke → the functions server (Deno) → the database as the signed-in user, with the worker and
 * a local VoIPStudio. Every method of seed 003's service answers in the seed's shapes, and errors arrive as
 * DialerServiceError with the API's status and code. The clock: the wall clock of the run.
 */
import { randomUUID } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDialerService, DialerServiceError, type DialerService } from "../../supabase/client/dialer-service.ts";
import { startWorker, workerLogger, type StartedWorker } from "../../jobs/worker.ts";
import { startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";
import { startVoipStudioSandbox, type RunningVoipStudioSandbox } from "../../supabase/local/voipstudio-sandbox.ts";
import { DEV_JWT_SECRET, userJwt } from "../../functions/_shared/jwt.ts";
import { daytimeZone } from "../fixtures/zones.ts";

const url = process.env.TEST_DATABASE_URL;
const run = `c${randomUUID().slice(0, 8)}`;

describe.skipIf(!url)("dialer-service, the frontend's client", () => {
  let sql: postgres.Sql;
  let server: FunctionsServer;
  let sandbox: RunningVoipStudioSandbox;
  let worker: StartedWorker | undefined;
  let dialer: DialerService;
  const rep = { id: randomUUID(), email: `${run}@client.test` };
  const teamName = `client ${run}`;
  const dayZone = daytimeZone();

  beforeAll(async () => {
    sql = postgres(url!, { max: 2, onnotice: () => {} });
    await sql`insert into public.teams (name) values (${teamName})`;
    await sql`insert into auth.users (id, email) values (${rep.id}, ${rep.email})`;
    await sql`update public.profiles set team_id = (select id from public.teams where name = ${teamName}) where id = ${rep.id}`;
    await sql`insert into public.voipstudio_credentials (user_id, voipstudio_user_id, api_token) values (${rep.id}, ${run + "-vs"}, ${run + "-tok"})`;
    sandbox = await startVoipStudioSandbox({ webhookCredentials: "vs:client-pass", ringMs: 20, talkMs: 20, agentAnswerMs: 5 });
    sandbox.registerToken(`${run}-tok`, `${run}-vs`);
    server = await startFunctionsServer({ databaseUrl: url!, env: {
      VOIPSTUDIO_API_BASE: sandbox.url, VOIPSTUDIO_WEBHOOK_CREDENTIALS: "vs:client-pass", VOIPSTUDIO_WEBHOOK_LOG: "off", SUPABASE_JWT_SECRET: DEV_JWT_SECRET,
    } });
    sandbox.configure({ webhookUrl: `${server.url}/voipstudio-webhook` });
    worker = await startWorker({ databaseUrl: url!, concurrency: 1, logger: workerLogger("error") });
    const jwt = await userJwt(rep.id, DEV_JWT_SECRET, { email: rep.email });
    const supabase = createClient(server.url.replace(/\/functions\/v1\/?$/, ""), "anon-key-not-used-here", {
      global: { headers: { Authorization: `Bearer ${jwt}` } }, auth: { persistSession: false, autoRefreshToken: false },
    });
    dialer = createDialerService(supabase);
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    await sandbox?.stop();
    if (sql) {
      const team = sql`(select id from public.teams where name = ${teamName})`;
      await sql`delete from public.dialer_campaigns where team_id = ${team}`;
      await sql`delete from public.call_logs where user_id = ${rep.id}`;
      await sql`delete from public.tasks where contact_id in (select id from public.contacts where team_id = ${team})`;
      await sql`delete from public.contact_activities where team_id = ${team}`;
      await sql`delete from public.suppressions where team_id = ${team} and suppression_type <> 'legal'`;
      await sql`delete from public.contacts where team_id = ${team}`;
      await sql`delete from auth.users where id = ${rep.id}`;
      await sql`delete from public.teams where name = ${teamName}`;
      await sql.end({ timeout: 5 });
    }
  });

  it("creates, lists, changes and deletes campaigns and their contacts", async () => {
    const { campaign } = await dialer.createCampaign({ name: "Client campaign", type: "manual", active_hours: { start: "00:00", end: "24:00" } });
    expect(campaign).toMatchObject({ name: "Client campaign", type: "manual", status: "draft", max_attempts: 3, timezone: "America/New_York" });
    expect((await dialer.updateCampaign(campaign.id, { status: "active" })).campaign.status).toBe("active");
    expect((await dialer.getCampaigns({ status: "active" })).campaigns.map((c) => c.id)).toEqual([campaign.id]);
    expect((await dialer.getCampaign(campaign.id)).campaign.id).toBe(campaign.id);
    const added = await dialer.addCampaignContacts(campaign.id, [
      { phone_number: "+16465558101", first_name: "Cli", last_name: "Ent" }, { phone_number: "oops" }]);
    expect(added.added).toBe(1);
    expect(added.excluded).toEqual([expect.objectContaining({ index: 1, reason: "invalid_phone" })]);
    await sql`update public.contacts set timezone = ${dayZone} where phone = '+16465558101'`;
    const { contacts } = await dialer.getCampaignContacts(campaign.id, { status: "pending" });
    expect(contacts).toHaveLength(1);
    expect((await dialer.getCampaign(campaign.id)).campaign.stats).toMatchObject({ total: 1, pending: 1 });

    // a call, its disposition, the call list, analytics
    sandbox.setOutcome("+16465558101", "answered");
    const made = await dialer.makeCall({ campaignId: campaign.id, campaignContactId: contacts[0].id });
    expect(made).toMatchObject({ success: true, call: { status: "initiated", campaign_id: campaign.id } });
    await sandbox.idle();
    await expect.poll(async () => (await dialer.getCall(made.call.id)).call.status, { timeout: 20_000 }).toBe("completed");
    const { call } = await dialer.getCall(made.call.id);
    expect(call.voip_status).toMatchObject({ id: made.callId });
    expect((await dialer.updateCall(made.call.id, { notes: "Wants the memo" })).call.notes).toBe("Wants the memo");
    const { disposition } = await dialer.createDisposition({ call_id: made.call.id, disposition: "interested", notes: "Send the memo" });
    expect(disposition).toMatchObject({ call_id: made.call.id, disposition: "interested" });
    expect((await dialer.getDispositions({ call_id: made.call.id })).dispositions).toHaveLength(1);
    const calls = await dialer.getCalls({ status: "completed", limit: 10 });
    expect(calls.total).toBe(1);
    expect(calls.calls[0].id).toBe(made.call.id);
    const { analytics } = await dialer.getAnalytics({ campaign_id: campaign.id });
    expect(analytics.overview).toMatchObject({ totalCalls: 1, answeredCalls: 1, completedCalls: 1 });
    expect(analytics.distribution.byHour).toHaveLength(24);

    // errors carry the API's status and code
    const refused = await dialer.makeCall({ to: "not a number" }).catch((e) => e);
    expect(refused).toBeInstanceOf(DialerServiceError);
    expect(refused).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    const missing = await dialer.getCall(randomUUID()).catch((e) => e);
    expect(missing).toMatchObject({ status: 404, code: "NOT_FOUND" });

    expect((await dialer.deleteCall(made.call.id)).success).toBe(true);
    expect((await dialer.deleteCampaign(campaign.id)).success).toBe(true);
    expect((await dialer.getCampaigns()).campaigns).toEqual([]);
  }, 60_000);
});
