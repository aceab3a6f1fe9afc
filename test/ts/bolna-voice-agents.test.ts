/**
 * Bolna.ai voice-agent calls end to end: a local Bolna (supabase/local/bolna-sandbox.ts) places calls and POSTs
 * the whole execution object on every status change — duplicated and shuffled — to the real bolna-webhook
 * (functions server, Deno), the worker processes them through the shared pipeline and analyses each transcript
 * twice with the real OpenAI client against a local stand-in of the Responses API
 * (supabase/local/openai-standin.ts). Checked: one call row per execution with the seed's lifecycle, durations
 * and one charge; one activity; the individual and complete analyses with their model, prompt and tokens; a
 * second call to the same number updating the complete row; an unusable answer failing visibly and a replay
 * fixing it; the offline analyser without a key; tokens and source addresses refused; the KPIs.
 * The clock: the run's wall clock; event times come from the sandbox as they happen.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, workerLogger, type StartedWorker } from "../../jobs/worker.ts";
import { startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";
import { startBolnaSandbox, type RunningBolnaSandbox } from "../../supabase/local/bolna-sandbox.ts";
import { startOpenAIStandin, type RunningOpenAIStandin } from "../../supabase/local/openai-standin.ts";
import { waitFor } from "../fixtures/wait.ts";

const url = process.env.TEST_DATABASE_URL;
const run = `b${randomUUID().slice(0, 8)}`;
const TOKEN = `bolna-${run}-secret`;
const OLD_TOKEN = `bolna-${run}-old`;


const ENV_KEYS = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_INDIVIDUAL_PROMPT_ID", "OPENAI_COMPLETE_PROMPT_ID",
  "OPENAI_PROMPT_VERSION", "OPENAI_RETRY_BASE_MS", "OPENAI_TIMEOUT"];

describe.skipIf(!url)("Bolna voice agents: sandbox → bolna-webhook → pipeline → call, activity, credits → analyses", () => {
  let sql: postgres.Sql;
  let server: FunctionsServer;
  let sandbox: RunningBolnaSandbox;
  let openai: RunningOpenAIStandin;
  let worker: StartedWorker | undefined;
  const saved: Record<string, string | undefined> = {};
  const teamName = `bolna ${run}`;
  const user = { id: randomUUID(), email: `${run}@bolna.test` };
  const agentId = `agent-${run}`;
  const phone = (n: number) => `+1415556${String(1000 + n).padStart(4, "0")}`;

  const placeCall = async (to: string) => {
    const res = await fetch(`${sandbox.url}/call`, {
      method: "POST", headers: { Authorization: "Bearer bolna-api-key", "Content-Type": "application/json" },
      body: JSON.stringify({ agent_id: agentId, recipient_phone_number: to }),
    });
    return (await res.json() as { execution_id: string }).execution_id;
  };
  const settled = async () => {
    await sandbox.idle();
    await waitFor(async () => {
      const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events where provider = 'bolna' and processing_status in ('pending', 'processing')`;
      const [{ j }] = await sql`select count(*)::int as j from graphile_worker.jobs where task_identifier in ('transcripts__analyze', 'webhook_events__process')
                                  and (attempts = 0 or locked_at is not null)`;
      return n === 0 && j === 0;
    });
  };
  const post = (body: unknown, headers: Record<string, string>, query = "") =>
    fetch(`${server.url}/bolna-webhook${query}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    sql = postgres(url!, { max: 4, onnotice: () => {} });
    const [{ id: teamId }] = await sql`insert into public.teams (name) values (${teamName}) returning id`;
    await sql`insert into auth.users (id, email) values (${user.id}, ${user.email})`;
    await sql`update public.profiles set team_id = ${teamId}, display_name = 'Ann Agent-Owner' where id = ${user.id}`;
    await sql`insert into public.voice_agents (user_id, bolna_agent_id, name) values (${user.id}, ${agentId}, 'Ava')`;
    await sql`select public.grant_credits(${user.id}::uuid, 100, 'trial')`;
    openai = await startOpenAIStandin();
    sandbox = await startBolnaSandbox({ webhookToken: TOKEN, duplicateRate: 0.5, shuffle: true, stepMs: 10, talkMs: 20, completedAfterMs: 60, seed: 21 });
    server = await startFunctionsServer({
      databaseUrl: url!,
      env: { BOLNA_WEBHOOK_TOKENS: `${OLD_TOKEN},${TOKEN}`, BOLNA_WEBHOOK_LOG: "off" },
    });
    sandbox.configure({ webhookUrl: `${server.url}/bolna-webhook` });
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    Object.assign(process.env, {
      OPENAI_API_KEY: "sk-standin", OPENAI_BASE_URL: openai.url, OPENAI_INDIVIDUAL_PROMPT_ID: "pmpt_individual_test",
      OPENAI_COMPLETE_PROMPT_ID: "pmpt_complete_test", OPENAI_PROMPT_VERSION: "7", OPENAI_RETRY_BASE_MS: "10", OPENAI_TIMEOUT: "3000",
    });
    worker = await startWorker({ databaseUrl: url!, concurrency: 2, logger: workerLogger(process.env.BOLNA_DEBUG ? "info" : "error") });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    await sandbox?.stop();
    await openai?.stop();
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    if (sql) {
      const team = sql`(select id from public.teams where name = ${teamName})`;
      await sql`delete from public.calls where user_id = ${user.id}`;
      await sql`delete from public.credit_ledger where user_id = ${user.id}`;
      await sql`delete from public.contact_activities where team_id = ${team} or dedupe_key like 'bolna:call:%'`;
      await sql`delete from dialbridge.webhook_events where provider = 'bolna'`;
      await sql`delete from public.contacts where team_id = ${team}`;
      await sql`delete from auth.users where id = ${user.id}`;
      await sql`delete from public.teams where name = ${teamName}`;
      await sql.end({ timeout: 5 });
    }
  });

  it("an answered call: one row through its five POSTs (shuffled, duplicated), charged once, analysed twice by OpenAI", async () => {
    sandbox.setOutcome(phone(1), "answered");
    const x = await placeCall(phone(1));
    await settled();
    const [call] = await sql`select c.*, k.phone_e164 as contact_phone, a.call_outcome, a.talk_time_seconds, a.user_id as activity_user
                               from public.calls c join public.contacts k on k.id = c.contact_id
                               join public.contact_activities a on a.id = c.contact_activity_id
                              where c.bolna_execution_id = ${x}`;
    const seconds = sandbox.executions.find((e) => e.id === x)!.seconds;
    expect(call).toMatchObject({
      call_lifecycle_status: "completed", status: "completed", bolna_status: "completed", user_id: user.id, phone_number: phone(1),
      duration_seconds: Math.ceil(seconds), duration_minutes: Math.ceil(Math.ceil(seconds) / 60),
      credits_used: Math.ceil(Math.ceil(seconds) / 60), hangup_by: "Callee", contact_phone: phone(1),
      call_outcome: "connected", talk_time_seconds: Math.ceil(seconds), activity_user: user.id,
    });
    expect(call.recording_url).toMatch(new RegExp(`/recordings/${x}\\.mp3$`));
    expect(Number(call.metadata.raw_conversation_duration)).toBe(seconds);
    const ledger = await sql`select amount from public.credit_ledger where call_id = ${call.id}`;
    expect(ledger.map((l) => l.amount)).toEqual([-call.credits_used]);
    expect(sandbox.delivered.filter((d) => d.id === x).length).toBeGreaterThan(5); // duplicates were delivered

    const analyses = await sql`select analysis_type, analyzer, model, prompt_id, prompt_version, total_tokens > 0 as tokens,
                                      previous_calls_analyzed, latest_call_id, lead_status_tag, phone_number
                                 from public.lead_analytics where call_id = ${call.id} or latest_call_id = ${call.id} order by analysis_type`;
    expect(analyses).toEqual([
      { analysis_type: "complete", analyzer: "openai", model: "gpt-4o-2024-08-06", prompt_id: "pmpt_complete_test", prompt_version: "7",
        tokens: true, previous_calls_analyzed: 1, latest_call_id: call.id, lead_status_tag: expect.any(String), phone_number: phone(1) },
      { analysis_type: "individual", analyzer: "openai", model: "gpt-4o-2024-08-06", prompt_id: "pmpt_individual_test", prompt_version: "7",
        tokens: true, previous_calls_analyzed: 0, latest_call_id: null, lead_status_tag: expect.any(String), phone_number: null },
    ]);
    const [t] = await sql`select analysis_status from public.transcripts where call_id = ${call.id}`;
    expect(t.analysis_status).toBe("completed");
    // what OpenAI was sent: the prompt ids, structured output, the transcript — never anything else of the platform
    const sent = openai.requests.slice(-2);
    expect(sent.map((r) => (r.prompt as { id: string }).id)).toEqual(["pmpt_individual_test", "pmpt_complete_test"]);
    expect(sent[0].text).toMatchObject({ format: { type: "json_schema", strict: true } });
    expect(JSON.stringify(sent[0].input)).toContain(sandbox.executions.find((e) => e.id === x)!.transcript.split("\n")[1].slice(6, 40));
  }, 60_000);

  it("a second call to the same number updates the one complete analysis; unanswered calls cost nothing", async () => {
    sandbox.setOutcome(phone(1), "answered");
    sandbox.setOutcome(phone(2), "no-answer");
    sandbox.setOutcome(phone(3), "busy");
    const [x1, x2, x3] = [await placeCall(phone(1)), await placeCall(phone(2)), await placeCall(phone(3))];
    await settled();
    const [complete] = await sql`select count(*)::int as n, max(previous_calls_analyzed) as calls,
                                        max(latest_call_id::text) = (select id::text from public.calls where bolna_execution_id = ${x1}) as latest
                                   from public.lead_analytics where analysis_type = 'complete' and user_id = ${user.id} and phone_number = ${phone(1)}`;
    expect(complete).toEqual({ n: 1, calls: 2, latest: true });
    const rows = await sql`select bolna_execution_id as x, call_lifecycle_status, status, credits_used, hangup_reason
                             from public.calls where bolna_execution_id in (${x2}, ${x3}) order by call_lifecycle_status`;
    expect(rows).toEqual([
      { x: x3, call_lifecycle_status: "busy", status: "failed", credits_used: 0, hangup_reason: "Call recipient was busy" },
      { x: x2, call_lifecycle_status: "no-answer", status: "failed", credits_used: 0, hangup_reason: "Call recipient rejected" },
    ]);
    const [kpi] = await sql`select sum(calls)::int as calls, sum(missed_calls)::int as missed, sum(connected_calls)::int as connected
                              from reports.voice_agent_kpis where user_id = ${user.id}`;
    expect(kpi).toEqual({ calls: 4, missed: 2, connected: 2 });
    const [credits] = await sql`select balance from reports.voice_agent_credits where user_id = ${user.id}`;
    const [{ used }] = await sql`select sum(credits_used)::int as used from public.calls where user_id = ${user.id}`;
    expect(credits.balance).toBe(100 - used);
  }, 60_000);

  it("an answer outside the schema is asked for again once, then fails visibly; a replay analyses it", async () => {
    sandbox.setOutcome(phone(4), "answered");
    openai.next("malformed", "invalid");
    const x = await placeCall(phone(4));
    await settled();
    const [t] = await sql`select t.analysis_status, t.analysis_error, c.id from public.transcripts t join public.calls c on c.id = t.call_id
                           where c.bolna_execution_id = ${x}`;
    expect(t.analysis_status).toBe("failed");
    expect(t.analysis_error).toMatch(/unusable twice.*schema/);
    expect((await sql`select count(*)::int as n from public.lead_analytics where call_id = ${t.id}`)[0].n).toBe(0);
    const [{ n }] = await sql`select dialbridge.requeue_transcript_analyses() as n`;
    expect(n).toBe(1);
    await settled();
    const [after] = await sql`select analysis_status from public.transcripts where call_id = ${t.id}`;
    expect(after.analysis_status).toBe("completed");
    expect((await sql`select count(*)::int as n from public.lead_analytics where call_id = ${t.id}`)[0].n).toBe(1);
  }, 60_000);

  it("rate limits are waited out; without an OpenAI key the offline analyser fills the same schema, labelled", async () => {
    sandbox.setOutcome(phone(5), "answered");
    openai.next("429", "500");
    const x5 = await placeCall(phone(5));
    await settled();
    const [a5] = await sql`select la.analyzer from public.lead_analytics la join public.calls c on c.id = la.call_id where c.bolna_execution_id = ${x5}`;
    expect(a5.analyzer).toBe("openai");

    delete process.env.OPENAI_API_KEY;
    try {
      sandbox.setOutcome(phone(6), "answered");
      const x6 = await placeCall(phone(6));
      await settled();
      const rows = await sql`select la.analysis_type, la.analyzer, la.model, la.total_tokens, la.total_score between 0 and 100 as scored
                               from public.lead_analytics la join public.calls c on c.id = coalesce(la.call_id, la.latest_call_id)
                              where c.bolna_execution_id = ${x6} order by la.analysis_type`;
      expect(rows).toEqual([
        { analysis_type: "complete", analyzer: "heuristic", model: "heuristic-v1", total_tokens: null, scored: true },
        { analysis_type: "individual", analyzer: "heuristic", model: "heuristic-v1", total_tokens: null, scored: true },
      ]);
    } finally {
      process.env.OPENAI_API_KEY = "sk-standin";
    }
  }, 60_000);

  it("takes events only with the platform's token (two during a rotation), stores nothing otherwise", async () => {
    const event = { id: `${run}-auth`, agent_id: agentId, status: "initiated", telephony_data: { to_number: phone(7) } };
    expect((await post(event, {})).status).toBe(401);
    expect((await post(event, { "X-Bolna-Token": "wrong" })).status).toBe(401);
    expect((await post(event, { "X-Bolna-Token": OLD_TOKEN })).status).toBe(200);
    const dup = await post(event, { Authorization: `Bearer ${TOKEN}` });
    expect(await dup.json()).toMatchObject({ status: "duplicate" });
    expect((await post(event, {}, `?token=${encodeURIComponent(TOKEN)}`)).status).toBe(200);
    expect((await post({ ...event, status: "teleported" }, { "X-Bolna-Token": TOKEN })).status).toBe(400);
    expect((await post({ status: "ringing" }, { "X-Bolna-Token": TOKEN })).status).toBe(400);
    const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events where provider = 'bolna' and provider_call_id = ${`${run}-auth`}`;
    expect(n).toBe(1);
  }, 30_000);
});
