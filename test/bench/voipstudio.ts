/**
 * `npm run bench:voipstudio` — the VoIPStudio dialer under load, against baselines measured in the same run.
 *
 *   queue      public.next_contact_to_dial with 100,000 queued contacts spread over many time zones (a third
 *              of them outside their calling hours now) and 20 agents asking at once, each on its own
 *              connection as itself (role authenticated + JWT claims): reservations per second, p50/p99, and
 *              the checks that matter — zero double reservations, zero out-of-hours picks.
 *              Baseline: the queue's own function (its installed source) with FOR UPDATE instead of FOR UPDATE
 *              SKIP LOCKED (every agent queues behind the first row), on an identical campaign. Ratio = queue ÷
 *              baseline.
 *   webhooks   VoIPStudio legs (6 per call) POSTed by 16 senders through the real voipstudio-webhook and
 *              processed by the real worker: legs per second end to end (first POST → last leg projected).
 *              Baseline: the same number of rows inserted straight into dialbridge.webhook_events by 16
 *              connections (the storage floor). Ratio = legs/s ÷ bare inserts/s.
 *
 *   npm run bench:voipstudio -- [--contacts=100000] [--agents=20] [--seconds=8] [--calls=400]
 */
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { DEFAULT_ADMIN_URL, createDatabase, dropDatabase, prepareDatabase } from "../../supabase/local/db.ts";
import { startFunctionsServer } from "../../supabase/local/functions-server.ts";
import { startWorker, workerLogger } from "../../jobs/worker.ts";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CONTACTS = opt("contacts", 100_000);
const AGENTS = opt("agents", 20);
const SECONDS = opt("seconds", 8);
const CALLS = opt("calls", 400);
const CREDS = `bench:${randomBytes(6).toString("hex")}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function main() {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const dbName = `dialbridge_bench_vs_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  const dbUrl = await createDatabase(adminUrl, dbName);
  const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
  const conns: postgres.Sql[] = [];
  try {
    await prepareDatabase(dbUrl);
    const t0 = new Date();
    console.log(`\nbench:voipstudio  (${CONTACTS.toLocaleString("en-US")} contacts, ${AGENTS} agents, ${SECONDS} s per run)\n`);

    // ------------------------------------------------------------------ data
    const [{ id: team }] = await sql`insert into public.teams (name) values ('bench dialer') returning id`;
    const agents = Array.from({ length: AGENTS }, () => randomUUID());
    for (const [i, id] of agents.entries()) {
      await sql`insert into auth.users (id, email) values (${id}, ${`agent${i}@bench.test`})`;
      await sql`update public.profiles set team_id = ${team} where id = ${id}`;
    }
    const zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage",
      "Pacific/Honolulu", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo"];
    await sql`
      insert into public.contacts (team_id, first_name, phone, phone_e164, phone_status, phone_normalized_from, timezone, state)
      select ${team}, 'B' || g, p, p, 'valid', p, (${zones}::text[])[1 + g % ${zones.length}], null
        from generate_series(1, ${CONTACTS}) g, lateral (select '+1' || (2000000000 + g)::text as p) x`;
    const campaign = async (name: string) => {
      const [{ id }] = await sql`insert into public.dialer_campaigns (user_id, name, status, type, active_hours)
                                 values (${agents[0]}, ${name}, 'active', 'power', '{}') returning id`;
      await sql`insert into public.campaign_contacts (campaign_id, contact_id, phone_number)
                select ${id}, c.id, c.phone_e164 from public.contacts c where c.team_id = ${team} order by c.id`;
      await sql`insert into public.dialer_campaign_agents (campaign_id, user_id) select ${id}, a from unnest(${agents.slice(1)}::uuid[]) a`;
      return id as string;
    };
    const load0 = Date.now();
    const baselineCampaign = await campaign("baseline");
    const queueCampaign = await campaign("queue");
    await sql`analyze`;
    const [{ callable }] = await sql`select count(*)::int as callable from public.campaign_contacts cc
      where cc.campaign_id = ${queueCampaign} and dialbridge.is_callable_at(cc.time_zones, cc.calling_state, '{}', 'America/New_York', ${t0})`;
    console.log(`  loaded ${CONTACTS.toLocaleString("en-US")} contacts into 2 campaigns in ${((Date.now() - load0) / 1000).toFixed(1)} s; ` +
      `${callable.toLocaleString("en-US")} callable at this moment`);

    // the baseline: the queue itself (public.next_contact_to_dial, its source as installed) with every
    // FOR UPDATE SKIP LOCKED turned into FOR UPDATE: agents wait for each other's rows instead of passing them
    const [{ def }] = await sql`select pg_get_functiondef('public.next_contact_to_dial(uuid, uuid, timestamptz)'::regprocedure) as def`;
    const locking = String(def).replace("public.next_contact_to_dial(", "bench.next_contact_to_dial_locking(").replace(/\bskip locked\b/gi, "");
    if (/skip locked/i.test(locking) || locking === def) throw new Error("could not derive the baseline from the queue's source");
    await sql.unsafe(`create schema if not exists bench; grant usage on schema bench to authenticated;`);
    await sql.unsafe(locking);
    await sql.unsafe(`grant execute on function bench.next_contact_to_dial_locking(uuid, uuid, timestamptz) to authenticated;`);

    for (let i = 0; i < AGENTS; i++) conns.push(postgres(dbUrl, { max: 1, onnotice: () => {} }));
    const drive = async (fn: (i: number, tx: postgres.TransactionSql) => Promise<string | null>) => {
      const latencies: number[] = [];
      const got: string[] = [];
      const deadline = Date.now() + SECONDS * 1000;
      const started = Date.now();
      await Promise.all(conns.map(async (c, i) => {
        while (Date.now() < deadline) {
          const s = performance.now();
          const id = await c.begin(async (tx) => {
            await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: agents[i], role: "authenticated" })}, true),
                            set_config('role', 'authenticated', true)`;
            return fn(i, tx);
          }) as string | null;
          latencies.push(performance.now() - s);
          if (!id) break;
          got.push(id);
        }
      }));
      return { latencies, got, seconds: (Date.now() - started) / 1000 };
    };

    const base = await drive(async (_i, tx) => (await tx`select campaign_contact_id as id from bench.next_contact_to_dial_locking(${baselineCampaign}, null, ${t0})`)[0].id);
    // the baseline's reservations leave the way (the queue keeps a contact out of two campaigns' hands)
    await sql`update public.campaign_contacts set status = 'pending', reserved_by = null, reserved_at = null, reserved_until = null,
                reserved_from_status = null where campaign_id = ${baselineCampaign}`;
    const q = await drive(async (_i, tx) => (await tx`select campaign_contact_id as id from public.next_contact_to_dial(${queueCampaign}, null, ${t0})`)[0].id);

    const [check] = await sql`
      select count(*)::int as reserved,
             count(distinct cc.contact_id)::int as contacts,
             count(*) filter (where not dialbridge.is_callable_at(cc.time_zones, cc.calling_state, '{}', 'America/New_York', ${t0}))::int as out_of_hours
        from public.campaign_contacts cc where cc.id = any(${q.got}::uuid[])`;
    const doubles = q.got.length - new Set(q.got).size + (check.reserved - check.contacts);
    const rate = (r: { got: string[]; seconds: number }) => r.got.length / r.seconds;
    console.log("\n  queue (20 agents at once)            reservations/s     p50       p99");
    console.log(`  next_contact_to_dial (SKIP LOCKED)   ${rate(q).toFixed(0).padStart(10)}  ${pct(q.latencies, 50).toFixed(1).padStart(7)} ms ${pct(q.latencies, 99).toFixed(1).padStart(7)} ms`);
    console.log(`  the same without SKIP LOCKED         ${rate(base).toFixed(0).padStart(10)}  ${pct(base.latencies, 50).toFixed(1).padStart(7)} ms ${pct(base.latencies, 99).toFixed(1).padStart(7)} ms`);
    console.log(`  ratio queue ÷ baseline: ${(rate(q) / rate(base)).toFixed(2)}×   reservations ${q.got.length}, ` +
      `double reservations ${doubles}, out-of-hours picks ${check.out_of_hours} (target: 0 and 0: ${doubles === 0 && check.out_of_hours === 0 ? "met" : "MISSED"})`);

    // ------------------------------------------------------------------ webhooks end to end
    const server = await startFunctionsServer({ databaseUrl: dbUrl, env: { VOIPSTUDIO_WEBHOOK_CREDENTIALS: CREDS, VOIPSTUDIO_WEBHOOK_LOG: "off" } });
    const worker = await startWorker({ databaseUrl: dbUrl, concurrency: 2, logger: workerLogger("error") });
    try {
      const auth = `Basic ${Buffer.from(CREDS).toString("base64")}`;
      const legs: Record<string, unknown>[] = [];
      const at = (ms: number) => new Date(t0.getTime() - 3_600_000 + ms).toISOString();
      for (let c = 0; c < CALLS; c++) {
        const root = `bench-${c}`, t = c * 1000, dst = String(2000000000 + 1 + c);
        const base = { root_call_id: root, src: "101", direction: "outbound" };
        legs.push(
          { id: `${root}-1`, event_name: "call.ringing", event_time: at(t), call_id: `${root}-a`, final: false, dst: "101", state: "RINGING", start_time: at(t), ...base },
          { id: `${root}-2`, event_name: "call.connected", event_time: at(t + 2000), call_id: `${root}-a`, final: false, dst: "101", state: "CONNECTED", ...base },
          { id: `${root}-3`, event_name: "call.ringing", event_time: at(t + 3000), call_id: `${root}-b`, final: true, dst: `1${dst}`, state: "RINGING", start_time: at(t + 3000), ...base },
          { id: `${root}-4`, event_name: "call.connected", event_time: at(t + 9000), call_id: `${root}-b`, final: true, dst: `1${dst}`, state: "CONNECTED", connected_at: at(t + 9000), ...base },
          { id: `${root}-5`, event_name: "call.ended", event_time: at(t + 99000), call_id: `${root}-b`, final: true, dst: `1${dst}`, state: "HANGUP", duration: 90, connected_at: at(t + 9000), ...base },
          { id: `${root}-6`, event_name: "call.ended", event_time: at(t + 100000), call_id: `${root}-a`, final: false, dst: "101", state: "HANGUP", duration: 98, ...base },
        );
      }
      let next = 0;
      const started = Date.now();
      await Promise.all(Array.from({ length: 16 }, async () => {
        for (let i = next++; i < legs.length; i = next++) {
          const res = await fetch(`${server.url}/voipstudio-webhook`, { method: "POST", headers: { Authorization: auth, "Content-Type": "application/json" }, body: JSON.stringify(legs[i]) });
          await res.text();
          if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
        }
      }));
      for (;;) {
        const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events where provider = 'voipstudio' and processing_status in ('pending', 'processing')`;
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const e2e = legs.length / ((Date.now() - started) / 1000);
      const [{ calls }] = await sql`select count(*)::int as calls from public.contact_activities where dedupe_key like 'voipstudio:call:bench-%'`;
      // baseline: the same rows inserted straight into the inbox by 16 connections
      const bare = Array.from({ length: 16 }, () => postgres(dbUrl, { max: 1, onnotice: () => {} }));
      let k = 0;
      const b0 = Date.now();
      await Promise.all(bare.map(async (c) => {
        for (let i = k++; i < legs.length; i = k++) {
          await c`insert into dialbridge.webhook_events (provider, event_id, event_type, payload, payload_size_bytes, processing_status, received_at)
                  values ('voipstudio', ${"bare-" + i}, 'call.ringing', ${c.json(legs[i] as never)}, 200, 'skipped', now())`;
        }
      }));
      const bareRate = legs.length / ((Date.now() - b0) / 1000);
      await Promise.all(bare.map((c) => c.end({ timeout: 2 })));
      console.log("\n  webhooks                                   legs/s");
      console.log(`  voipstudio-webhook → worker → activities  ${e2e.toFixed(0).padStart(7)}   (${legs.length} legs, ${CALLS} calls → ${calls} activities)`);
      console.log(`  baseline: bare insert into the inbox      ${bareRate.toFixed(0).padStart(7)}`);
      console.log(`  ratio end to end ÷ bare insert: ${(e2e / bareRate).toFixed(2)}`);
    } finally {
      await worker.stop();
      await server.stop();
    }
  } finally {
    await Promise.all(conns.map((c) => c.end({ timeout: 2 })));
    await sql.end({ timeout: 2 });
    await dropDatabase(adminUrl, dbName);
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
