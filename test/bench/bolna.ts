/**
 * `npm run bench:bolna` — Bolna.ai voice-agent calls under load, against the PhoneBurner ingest path measured
 * in the same run, in a database of its own.
 *
 *   webhooks   answered calls' five POSTs each (the whole execution object, 1.5–2 KB), sent by 16 senders
 *              through the real bolna-webhook while the real worker processes them (contacts created, the
 *              shared projection, the calls rows, the charges): POSTs per second end to end, first POST → last
 *              event processed. Baseline: the same number of PhoneBurner events (seed-000 call.ended, signed)
 *              through phoneburner-webhook and the same worker. Ratio = Bolna ÷ PhoneBurner.
 *   analyses   transcripts analysed by the worker's transcripts__analyze with the real OpenAI client against
 *              the local stand-in (two Responses API requests each: individual, then the history): analyses
 *              per second, queued → all completed. Printed beside the PhoneBurner events/s of the same run.
 *
 *   npm run bench:bolna -- [--calls=400] [--analyses=200] [--senders=16]
 */
import http from "node:http";
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { DEFAULT_ADMIN_URL, createDatabase, dropDatabase, openReplayWindow, prepareDatabase } from "../../supabase/local/db.ts";
import { startFunctionsServer } from "../../supabase/local/functions-server.ts";
import { startOpenAIStandin } from "../../supabase/local/openai-standin.ts";
import { SAMPLE_TRANSCRIPTS } from "../../supabase/local/bolna-sandbox.ts";
import { startWorker, workerLogger } from "../../jobs/worker.ts";
import { signBody } from "../../functions/_shared/signature.ts";
import { postRaw, seedEventBody } from "./ingest.ts";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CALLS = opt("calls", 400);
const ANALYSES = opt("analyses", 200);
const SENDERS = opt("senders", 16);

/** The five POSTs of an answered call (seed 004), times relative to t0. */
function execution(id: string, agent: string, phone: string, t0: number, transcript: string | null): string[] {
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  const post = (status: string, s: number, extra: Record<string, unknown> = {}, tel: Record<string, unknown> = {}) => JSON.stringify({
    id, agent_id: agent, status, created_at: at(0), updated_at: at(s), conversation_duration: 0, transcript: null, summary: null,
    extracted_data: null, total_cost: 0, cost_breakdown: { llm: 0, network: 0, platform: 0, synthesizer: 0, transcriber: 0 },
    user_number: phone, agent_number: "+15550100000", answered_by_voice_mail: false, error_message: null, ...extra,
    telephony_data: { duration: "0", to_number: phone, from_number: "+15550100000", recording_url: null, hosted_telephony: true,
      provider_call_id: `CA${id.replace(/-/g, "")}`, call_type: "outbound", provider: "twilio", hangup_by: null, hangup_reason: null,
      hangup_provider_code: null, ring_duration: null, ...tel },
  });
  const talk = { conversation_duration: 87.4, transcript, summary: "The agent spoke with the owner about selling." };
  const hang = { hangup_by: "Callee", hangup_reason: "Call recipient hung up", hangup_provider_code: 4000 };
  return [post("initiated", 0), post("ringing", 2), post("in-progress", 5), post("call-disconnected", 93, talk, hang),
    post("completed", 800, { ...talk, total_cost: 0.13 }, { ...hang, duration: "88", recording_url: `https://rec.example.test/${id}.mp3` })];
}

async function sendAll(url: URL, bodies: string[], headers: (i: number) => Record<string, string>): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
  let next = 0;
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const res = await postRaw(agent, url, bodies[i], headers(i));
      if (res.code !== 200) throw new Error(`${url.pathname} answered ${res.code}: ${res.body.slice(0, 120)}`);
    }
  }));
  agent.destroy();
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const dbName = `dialbridge_bench_bolna_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  const dbUrl = await createDatabase(adminUrl, dbName);
  const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
  const token = `bench-${randomBytes(6).toString("hex")}`, secret = `bench-secret-${randomBytes(6).toString("hex")}`;
  const standin = await startOpenAIStandin();
  const saved = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL };
  try {
    await prepareDatabase(dbUrl);
    await openReplayWindow(dbUrl); // the PhoneBurner baseline posts the dated seed fixture
    console.log(`\nbench:bolna  (${CALLS} calls × 5 POSTs, ${ANALYSES} analyses, ${SENDERS} senders)\n`);
    const [{ id: team }] = await sql`insert into public.teams (name) values ('bench voice') returning id`;
    const users = Array.from({ length: 8 }, () => randomUUID());
    for (const [i, u] of users.entries()) {
      await sql`insert into auth.users (id, email) values (${u}, ${`voice${i}@bench.test`})`;
      await sql`update public.profiles set team_id = ${team} where id = ${u}`;
      await sql`insert into public.voice_agents (user_id, bolna_agent_id) values (${u}, ${`bench-agent-${i}`})`;
    }
    const server = await startFunctionsServer({ databaseUrl: dbUrl, env: {
      BOLNA_WEBHOOK_TOKENS: token, BOLNA_WEBHOOK_LOG: "off", PHONEBURNER_WEBHOOK_SECRETS: secret, PHONEBURNER_WEBHOOK_LOG: "off" } });
    const t0 = Date.now() - 3_600_000;
    let worker = await startWorker({ databaseUrl: dbUrl, concurrency: 2, logger: workerLogger("error") });
    try {
      // warm-up (not measured): a few calls of each path
      const warm = Array.from({ length: 10 }, (_, c) => execution(`warm-${c}`, "bench-agent-0", `+1415550${String(9000 + c)}`, t0, null)).flat();
      await sendAll(new URL(`${server.url}/bolna-webhook`), warm, () => ({ "x-bolna-token": token }));
      const warmPb = Array.from({ length: 50 }, (_, i) => seedEventBody(i, `warm${randomBytes(2).toString("hex")}`));
      const warmSigs = await Promise.all(warmPb.map((b) => signBody(secret, b)));
      await sendAll(new URL(`${server.url}/phoneburner-webhook`), warmPb, (i) => ({ "x-phoneburner-signature": warmSigs[i] }));
      await waitFor(async () => (await sql`select count(*)::int as n from dialbridge.webhook_inbox where processing_status in ('pending', 'processing')`)[0].n === 0, 120);

      // ------------------------------------------------------------ Bolna POSTs end to end
      const bodies = Array.from({ length: CALLS }, (_, c) =>
        execution(randomUUID(), `bench-agent-${c % users.length}`, `+1415${String(2000000 + c).padStart(7, "0")}`, t0 + c * 1000, null)).flat();
      const b0 = Date.now();
      await sendAll(new URL(`${server.url}/bolna-webhook`), bodies, () => ({ "x-bolna-token": token }));
      const bAccepted = Date.now();
      await waitFor(async () => (await sql`select count(*)::int as n from dialbridge.webhook_events where provider = 'bolna' and processing_status in ('pending', 'processing')`)[0].n === 0, 600);
      const bolnaRate = bodies.length / ((Date.now() - b0) / 1000);
      const [bc] = await sql`select count(*)::int as calls, count(*) filter (where call_lifecycle_status = 'completed')::int as completed,
                                    (select count(*)::int from public.credit_ledger where kind = 'call') as charges,
                                    (select count(*)::int from public.contact_activities where dedupe_key like 'bolna:call:%') as activities
                               from public.calls`;

      // ------------------------------------------------------------ PhoneBurner, the same number of events
      const run = randomBytes(3).toString("hex");
      const pb = Array.from({ length: bodies.length }, (_, i) => seedEventBody(i, run));
      const sigs = await Promise.all(pb.map((b) => signBody(secret, b)));
      const p0 = Date.now();
      await sendAll(new URL(`${server.url}/phoneburner-webhook`), pb, (i) => ({ "x-phoneburner-signature": sigs[i] }));
      const pAccepted = Date.now();
      await waitFor(async () => (await sql`select count(*)::int as n from public.phoneburner_webhooks_log where processing_status in ('pending', 'processing')`)[0].n === 0, 600);
      const pbRate = pb.length / ((Date.now() - p0) / 1000);

      console.log("  webhooks end to end (first POST → last processed)       events/s   accepting took");
      console.log(`  bolna-webhook → worker → calls, charges, activities   ${bolnaRate.toFixed(0).padStart(9)}   ${((bAccepted - b0) / 1000).toFixed(1)} s` +
        `   (${bodies.length} POSTs → ${bc.calls} calls, ${bc.completed} completed, ${bc.charges} charges, ${bc.activities} activities)`);
      console.log(`  baseline: phoneburner-webhook → worker (call.ended)   ${pbRate.toFixed(0).padStart(9)}   ${((pAccepted - p0) / 1000).toFixed(1)} s`);
      console.log(`  ratio Bolna ÷ PhoneBurner: ${(bolnaRate / pbRate).toFixed(2)}×  (a Bolna POST also creates contacts, derives its call from every POST of the execution and charges it)`);

      // ------------------------------------------------------------ analyses against the stand-in
      await worker.stop();
      const ab = Array.from({ length: ANALYSES }, (_, c) =>
        execution(randomUUID(), `bench-agent-${c % users.length}`, `+1628${String(3000000 + (c % 50)).padStart(7, "0")}`,
          t0 + c * 1000, SAMPLE_TRANSCRIPTS[c % SAMPLE_TRANSCRIPTS.length])).flat();
      await sendAll(new URL(`${server.url}/bolna-webhook`), ab, () => ({ "x-bolna-token": token }));
      // the events processed without the worker (not measured): the analyses wait in the queue
      await waitFor(async () => {
        await sql`select * from dialbridge.process_webhook_events('bolna', 500, now())`;
        return (await sql`select count(*)::int as n from dialbridge.webhook_events where provider = 'bolna' and processing_status in ('pending', 'processing')`)[0].n === 0;
      }, 600);
      Object.assign(process.env, { OPENAI_API_KEY: "sk-bench", OPENAI_BASE_URL: standin.url });
      const [{ queued }] = await sql`select count(*)::int as queued from graphile_worker.jobs where task_identifier = 'transcripts__analyze'`;
      const a0 = Date.now();
      worker = await startWorker({ databaseUrl: dbUrl, concurrency: 2, logger: workerLogger("error") });
      await waitFor(async () => (await sql`select count(*)::int as n from public.transcripts where analysis_status in ('pending', 'processing')`)[0].n === 0, 600);
      const aRate = queued / ((Date.now() - a0) / 1000);
      const [ac] = await sql`select count(*) filter (where analysis_type = 'individual')::int as individual,
                                    count(*) filter (where analysis_type = 'complete')::int as complete,
                                    (select count(*)::int from public.transcripts where analysis_status = 'failed') as failed from public.lead_analytics`;
      console.log("\n  analyses (transcripts__analyze, OpenAI client → stand-in)     analyses/s");
      console.log(`  individual + complete per transcript                        ${aRate.toFixed(1).padStart(9)}   (${queued} transcripts → ${ac.individual} individual, ` +
        `${ac.complete} complete rows, ${ac.failed} failed; ${standin.requests.length} Responses API requests)`);
      console.log(`  ratio analyses/s ÷ PhoneBurner events/s: ${(aRate / pbRate).toFixed(3)}  (each analysis is two HTTP round trips and three transactions)`);
    } finally {
      await worker.stop();
      await server.stop();
    }
  } finally {
    if (saved.key === undefined) delete process.env.OPENAI_API_KEY; else process.env.OPENAI_API_KEY = saved.key;
    if (saved.base === undefined) delete process.env.OPENAI_BASE_URL; else process.env.OPENAI_BASE_URL = saved.base;
    await standin.stop();
    await sql.end({ timeout: 2 });
    await dropDatabase(adminUrl, dbName);
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
