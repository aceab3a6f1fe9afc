/**
 * `npm run demo`: a whole calling day, end to end, on this machine — nobody is called.
 *
 *   1. a fresh database (a scratch database on DATABASE_URL's server, else embedded PostgreSQL in a new
 *      directory under .data/), migrated, with the demo data (two teams, reps, ~320 buyers and sellers); numbers
 *      normalised with libphonenumber as they enter;
 *   2. the PhoneBurner sandbox, the edge functions and the worker, wired as `npm start` wires them;
 *   3. each rep previews a list (exclusions by reason) and pushes it through the push function with
 *      their own JWT — real PhoneBurner style, callbacks pointing at our webhook with its URL token;
 *   4. the sandbox dials every session from 09:00 Eastern: real-shaped callbacks, realistic outcomes and
 *      dispositions, a few calls lost on the way;
 *   5. the worker ingests them (contact_activities, tasks, suppressions), the daily reconciliation runs,
 *      and the day is summarised per rep, with the calls that never reached us;
 *   6. an afternoon power-dialing campaign of three reps through the VoIPStudio sandbox: each rep goes
 *      available, the worker dials the queue's next contact with their own token, the per-leg webhooks
 *      become calls and activities, the reps disposition them and go available again; the campaign and
 *      the seed's /analytics are printed;
 *   7. an evening voice-agent campaign through the Bolna sandbox: a rep's AI agent calls owners, Bolna's
 *      POSTs (shuffled, some twice) become calls, activities and charges, and each transcript is analysed
 *      twice (the offline analyser, or OpenAI when OPENAI_API_KEY is set); reports.voice_agent_kpis and the
 *      lead analyses are printed.
 *
 *   npm run demo [-- --keep] [--drop-rate 0.03] [--seed 20261121] [--seed-contract]
 *
 * --keep leaves everything running (Ctrl-C stops it) and prints where to look.
 */
import path from "node:path";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { DEFAULT_ADMIN_URL, connect, createDatabase, dropDatabase, openReplayWindow, prepareDatabase, root } from "./db.ts";
import { loadDemoData, DEMO_USERS } from "./demo-data.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { freePort, startFunctionsServer } from "./functions-server.ts";
import { dialOnSandbox, sandboxEnv, startPhoneBurnerSandbox } from "./phoneburner-sandbox.ts";
import { startVoipStudioSandbox } from "./voipstudio-sandbox.ts";
import { startBolnaSandbox } from "./bolna-sandbox.ts";
import { prng } from "./prng.ts";
import { loadEnv } from "./env.ts";
import { startWorker } from "../../jobs/worker.ts";
import { DEV_JWT_SECRET, userJwt } from "../../functions/_shared/jwt.ts";
import { normalizeRows, type PendingPhone } from "../../functions/_shared/phone.ts";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[i + 1] : fallback;
};

const KEEP = flag("keep");
const DROP_RATE = Number(value("drop-rate", "0.03"));
const SEED = Number(value("seed", "20261121"));
const STYLE = flag("seed-contract") ? "seed" : "dialsession";

const say = (line = "") => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Today at 09:00 in New York, as an ISO time. */
function nineAmEastern(): string {
  const now = new Date();
  const ny = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  for (const offset of ["-05:00", "-04:00"]) {
    const t = new Date(`${ny}T09:00:00${offset}`);
    const check = new Intl.DateTimeFormat("en-GB", { timeZone: "America/New_York", hour: "2-digit", hourCycle: "h23" }).format(t);
    if (check === "09") return t.toISOString();
  }
  return now.toISOString();
}

async function main() {
  loadEnv({ quiet: true });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    // ---------------------------------------------------------------------------------------- database
    let dbUrl: string;
    if (process.env.DATABASE_URL) {
      const admin = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
      const name = `dialbridge_demo_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
      dbUrl = await createDatabase(admin, name);
      if (!KEEP) stops.push(() => dropDatabase(admin, name));
      say(`database   ${name} (scratch database on DATABASE_URL's server${KEEP ? ", kept" : ", dropped at the end"})`);
    } else {
      // beside npm start's own data directory (.data/, git-ignored), where embedded PostgreSQL may write
      await mkdir(path.join(root, ".data"), { recursive: true });
      const dir = await mkdtemp(path.join(root, ".data", "demo-"));
      await chmod(dir, 0o755); // initdb may run as another user (embedded-postgres under root)
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), logFile: path.join(dir, "postgres.log"), log: () => {} });
      stops.push(async () => {
        await pg.stop();
        if (!KEEP) await rm(dir, { recursive: true, force: true });
      });
      dbUrl = pg.url;
      say(`database   embedded PostgreSQL in ${dir}`);
    }
    await prepareDatabase(dbUrl);
    // the demo plays a whole calling day (09:00–17:00 New York) in a minute: its signed seed-contract events may
    // be dated hours ahead of now, which the replay window of signed webhooks would refuse
    await openReplayWindow(dbUrl, "3 days", "1 day");
    const demo = await loadDemoData(dbUrl);
    const sql = connect(dbUrl, { max: 4 });
    stops.push(() => sql.end({ timeout: 2 }));
    // numbers enter here: normalised with libphonenumber, unparseable ones flagged
    const pending = await sql<PendingPhone[]>`select id::text, phone, country from public.contacts where phone_status = 'pending'`;
    if (pending.length) await sql`select dialbridge.apply_phone_normalizations(${JSON.stringify(normalizeRows(pending))}::text::jsonb)`;
    say(`demo data  ${demo.teams} teams, ${demo.users} users, ${demo.contacts} contacts (${pending.length} numbers normalised)`);

    // ---------------------------------------------------------------------------------------- services
    const webhookToken = `demo_${randomBytes(12).toString("hex")}`;
    const webhookSecret = `demo_secret_${randomBytes(12).toString("hex")}`;
    const sandbox = await startPhoneBurnerSandbox({ acceptAnyToken: false, intakeMsPerContact: 5, baseLatencyMs: 20, webhookSecret });
    stops.push(() => sandbox.stop());
    const port = await freePort();
    const voipCreds = `demo:${randomBytes(8).toString("hex")}`;
    const voip = await startVoipStudioSandbox({ webhookUrl: `http://127.0.0.1:${port}/functions/v1/voipstudio-webhook`, webhookCredentials: voipCreds,
      answerRate: 0.45, busyRate: 0.08, agentAnswerMs: 40, ringMs: 120, talkMs: 200, talkSeconds: 240, duplicateRate: 0.15, seed: SEED });
    stops.push(() => voip.stop());
    const bolnaToken = `demo_bolna_${randomBytes(8).toString("hex")}`;
    const bolna = await startBolnaSandbox({ webhookUrl: `http://127.0.0.1:${port}/functions/v1/bolna-webhook`, webhookToken: bolnaToken,
      answerRate: 0.6, busyRate: 0.3, stepMs: 30, talkMs: 120, completedAfterMs: 400, duplicateRate: 0.2, shuffle: true, seed: SEED });
    stops.push(() => bolna.stop());
    const env: Record<string, string> = {
      BOLNA_WEBHOOK_TOKENS: bolnaToken,
      BOLNA_WEBHOOK_LOG: "errors",
      VOIPSTUDIO_API_BASE: voip.url,
      VOIPSTUDIO_WEBHOOK_CREDENTIALS: voipCreds,
      VOIPSTUDIO_WEBHOOK_LOG: "errors",
      ...sandboxEnv(sandbox.url),
      SUPABASE_JWT_SECRET: process.env.SUPABASE_JWT_SECRET || DEV_JWT_SECRET,
      PHONEBURNER_WEBHOOK_TOKENS: webhookToken,
      PHONEBURNER_WEBHOOK_SECRETS: webhookSecret,
      PHONEBURNER_CALLBACK_BASE_URL: `http://127.0.0.1:${port}/functions/v1`,
      PHONEBURNER_API_STYLE: STYLE,
      PHONEBURNER_WEBHOOK_LOG: "errors",
    };
    for (const [k, v] of Object.entries(env)) process.env[k] = v;
    const functions = await startFunctionsServer({ databaseUrl: dbUrl, env, port, log: () => {} });
    stops.push(() => functions.stop());
    const worker = await startWorker({ databaseUrl: dbUrl, concurrency: 4 });
    stops.push(() => worker.stop());
    say(`services   sandbox ${sandbox.url}, functions ${functions.url}, worker (4 at once)`);

    // every rep gets a PhoneBurner token the sandbox knows
    const reps = DEMO_USERS.filter((u) => u.role === "rep");
    const ids = new Map<string, string>();
    for (const u of reps) {
      const [{ id }] = await sql`select id from public.profiles where email = ${u.email}`;
      ids.set(u.key, id);
      const token = `demo_pb_${u.key}_${randomBytes(6).toString("hex")}`;
      await sql`insert into public.phoneburner_oauth_tokens (user_id, access_token, display_name) values (${id}, ${token}, ${u.name})
                on conflict (user_id) do update set access_token = excluded.access_token`;
      const [first, ...rest] = u.name.split(" ");
      await fetch(`${sandbox.url}/__sandbox/tokens`, {
        method: "POST", body: JSON.stringify({ token, user_id: u.phoneburnerUserId, email: u.email, first_name: first, last_name: rest.join(" ") }),
      });
    }

    // ---------------------------------------------------------------------------------------- previews and pushes
    say(`\n── 08:45  previews and pushes (${STYLE === "seed" ? "seed contract" : "real PhoneBurner dial sessions"})`);
    const lists: Record<string, Record<string, unknown>> = {
      "east-rep-1": { contact_type: "buyer", buyer_type: ["PE Firm - Lower Middle Market", "PE Firm - Middle Market", "PE Firm"] },
      "east-rep-2": { contact_type: "seller" },
      "east-rep-3": { contact_type: "buyer", buyer_type: ["Family Office", "Independent Sponsor"] },
      "west-rep-1": { contact_type: "buyer" },
      "west-rep-2": { contact_type: "seller" },
    };
    const runs: string[] = [];
    for (const [key, filter] of Object.entries(lists)) {
      const u = reps.find((r) => r.key === key);
      if (!u) continue;
      const userId = ids.get(key)!;
      const preview = await sql.begin(async (tx) => {
        await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: userId, role: "authenticated" })}, true),
                        set_config('role', 'authenticated', true)`;
        const [{ p }] = await tx`select public.preview_push(p_filter => ${JSON.stringify(filter)}::text::jsonb) as p`;
        return p;
      });
      const reasons = (preview.excluded as { label: string; count: number }[]).map((e) => `${e.count} ${e.label.toLowerCase()}`).join(", ");
      say(`${u.name.padEnd(16)} ${preview.suggested_session_name}: ${preview.dialable_label}; ${preview.ready_count} ready, ` +
        `${preview.excluded_count} excluded${reasons ? ` (${reasons})` : ""}; dial time ${preview.estimated_dial_time}`);
      const jwt = await userJwt(userId, env.SUPABASE_JWT_SECRET, { email: u.email });
      const res = await fetch(`${functions.url}/phoneburner-push-contacts`, {
        method: "POST", headers: { Authorization: `Bearer ${jwt}`, "Content-Type": "application/json" },
        body: JSON.stringify({ filter, session: { mode: "new", name: preview.suggested_session_name } }),
      });
      const body = await res.json() as Record<string, any>;
      runs.push(body.run_id);
      say(`${"".padEnd(16)} pushed: HTTP ${res.status}, ${body.contacts_added} added, ${body.contacts_excluded} excluded` +
        (body.redirect_url ? `, sign-in link ${String(body.redirect_url).replace(/key=.*/, "key=…")}` : ""));
    }
    // later batches (if any) are the worker's
    for (let i = 0; i < 100; i++) {
      const [{ open }] = await sql`select count(*)::int as open from public.phoneburner_push_runs where id = any(${runs}::uuid[]) and status in ('queued', 'pushing')`;
      if (open === 0) break;
      await sleep(200);
    }

    // ---------------------------------------------------------------------------------------- the calling day
    say(`\n── 09:00  the sandbox dials every session (${Math.round(DROP_RATE * 100)} % of calls lost on the way)`);
    const dial = await dialOnSandbox(sandbox.url, { seed: SEED, start_at: nineAmEastern(), drop_rate: DROP_RATE });
    say(`${dial.calls} calls in ${dial.sessions} sessions; ${dial.events_sent} events delivered, ${dial.events_failed} refused, ${dial.calls_lost} calls lost`);
    say(`outcomes: ${Object.entries(dial.outcomes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.replace(/_/g, " ")} ${v}`).join(", ")}`);
    for (let i = 0; i < 300; i++) {
      const [{ pending: left }] = await sql`select count(*)::int as pending from public.phoneburner_webhooks_log where processing_status in ('pending', 'processing')`;
      if (left === 0) break;
      await sleep(200);
    }

    // ---------------------------------------------------------------------------------------- reconciliation
    await sql`select graphile_worker.add_job('phoneburner_sessions__reconcile_calls', '{}'::json)`;
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'phoneburner_sessions__reconcile_calls'`;
      if (n === 0) break;
      await sleep(200);
    }

    // ---------------------------------------------------------------------------------------- the day in numbers
    say("\n── 18:00  the day in dialbridge");
    const perRep = await sql`
      select p.display_name as rep,
             count(distinct a.phoneburner_call_id)::int as dials,
             count(distinct a.phoneburner_call_id) filter (where a.call_outcome = 'connected' or a.call_connected_at is not null)::int as connected,
             coalesce(sum(a.talk_time_seconds), 0)::int as talk,
             count(distinct a.phoneburner_call_id) filter (where a.disposition_code in ('INTERESTED', 'MEETING_SET', 'HOT_LEAD'))::int as qualified
        from public.contact_activities a join public.profiles p on p.id = a.user_id
       where a.source_system = 'phoneburner' and a.phoneburner_call_id is not null
         and a.activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set')
       group by p.display_name order by dials desc`;
    for (const r of perRep) {
      say(`${String(r.rep).padEnd(16)} ${String(r.dials).padStart(3)} dials, ${String(r.connected).padStart(3)} connected, ` +
        `${Math.round(r.talk / 60)} min talk, ${r.qualified} qualified`);
    }
    const [t] = await sql`
      select (select count(*)::int from public.tasks where source in ('callback', 'disposition')) as tasks,
             (select count(*)::int from public.suppressions where source = 'disposition') as suppressions,
             (select count(*)::int from public.contact_activities where matching_status = 'unmatched') as unmatched,
             (select coalesce(sum(missing_calls), 0)::int from public.phoneburner_call_drift) as missing,
             (select count(*)::int from public.phoneburner_sessions where phoneburner_session_id not like 'pending:%') as linked,
             (select count(*)::int from public.phoneburner_sessions) as sessions`;
    say(`${t.tasks} follow-up tasks, ${t.suppressions} suppressions from dispositions, ${t.unmatched} unmatched calls`);
    say(`${t.linked} of ${t.sessions} pushed sessions linked to PhoneBurner's id by their calls; ` +
      `drift: ${t.missing} calls PhoneBurner made that never reached us (public.phoneburner_call_drift)`);

    // ---------------------------------------------------------------------------------------- VoIPStudio power hour
    await powerHour(sql, functions.url, voip, env.SUPABASE_JWT_SECRET, say);

    // ---------------------------------------------------------------------------------------- Bolna voice agents
    await voiceAgentEvening(sql, bolna, say);

    if (KEEP) {
      say(`\nkept running:\n  database   ${dbUrl}\n  functions  ${functions.url}\n  sandbox    ${sandbox.url}\nStop with Ctrl-C.`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      });
    }
  } finally {
    await stopAll();
  }
}

/**
 * The evening: one rep's Bolna voice agent calls twelve sellers (some twice): each call's POSTs arrive
 * shuffled and some twice; the worker turns them into calls, activities and charges and analyses every
 * transcript twice.
 */
async function voiceAgentEvening(sql: ReturnType<typeof connect>, bolna: Awaited<ReturnType<typeof startBolnaSandbox>>,
  say: (line?: string) => void) {
  say("\n── and an evening voice-agent campaign through Bolna.ai (sandbox)");
  const rep = DEMO_USERS.find((u) => u.role === "rep")!;
  const [{ id: userId }] = await sql`select id from public.profiles where email = ${rep.email}`;
  await sql`insert into public.voice_agents (user_id, bolna_agent_id, name) values (${userId}, 'demo-agent-ava', 'Ava (seller outreach)')
            on conflict (bolna_agent_id) do nothing`;
  await sql`select public.grant_credits(${userId}::uuid, 60, 'demo trial credits')`;
  const sellers = await sql<{ phone: string }[]>`select phone_e164 as phone from public.contacts
    where team_id = (select team_id from public.profiles where id = ${userId}) and phone_status = 'valid' order by id limit 12`;
  const numbers = [...sellers.map((r) => r.phone), ...sellers.slice(0, 4).map((r) => r.phone)];
  for (const to of numbers) {
    await fetch(`${bolna.url}/call`, { method: "POST", headers: { Authorization: "Bearer demo", "Content-Type": "application/json" },
      body: JSON.stringify({ agent_id: "demo-agent-ava", recipient_phone_number: to }) });
  }
  await bolna.idle();
  for (let i = 0; i < 600; i++) {
    const [{ n }] = await sql`select (select count(*) from dialbridge.webhook_events where provider = 'bolna' and processing_status in ('pending', 'processing'))
                                   + (select count(*) from public.transcripts where analysis_status in ('pending', 'processing')) as n`;
    if (Number(n) === 0) break;
    await sleep(100);
  }
  const [k] = await sql`select sum(calls)::int as calls, sum(connected_calls)::int as connected, sum(missed_calls)::int as missed,
                               sum(credits_used)::int as credits, round(avg(avg_conversation_seconds)) as talk
                          from reports.voice_agent_kpis where user_id = ${userId}`;
  const [b] = await sql`select balance from public.credit_balances where user_id = ${userId}`;
  say(`${numbers.length} calls placed, ${bolna.delivered.length} POSTs delivered (shuffled, some twice): ${k.calls} calls, ` +
    `${k.connected} answered, ${k.missed} missed; ${k.credits} credits charged once each (balance ${b.balance}); ~${k.talk} s per conversation`);
  const leads = await sql`select la.phone_number, la.lead_status_tag, la.total_score, la.previous_calls_analyzed, la.analyzer
                            from public.lead_analytics la where la.user_id = ${userId} and la.analysis_type = 'complete'
                           order by la.total_score desc, la.phone_number limit 5`;
  const [a] = await sql`select individual_analyses, complete_analyses, failed_analyses from reports.lead_analysis_counts where user_id = ${userId}`;
  say(`analyses: ${a?.individual_analyses ?? 0} individual, ${a?.complete_analyses ?? 0} complete (one per number), ${a?.failed_analyses ?? 0} failed — the hottest leads:`);
  for (const l of leads) say(`  ${l.phone_number}  ${String(l.lead_status_tag).padEnd(5)} ${String(l.total_score).padStart(3)}/100  over ${l.previous_calls_analyzed} call(s)  (${l.analyzer})`);
}

/**
 * The afternoon: three East reps power-dial one VoIPStudio campaign. The demo puts the campaign's
 * contacts in a zone where it is mid-afternoon now, so the legal window lets the demo run at any hour.
 */
async function powerHour(sql: ReturnType<typeof connect>, functionsUrl: string, voip: Awaited<ReturnType<typeof startVoipStudioSandbox>>,
  jwtSecret: string, say: (line?: string) => void) {
  say("\n── and an afternoon power hour through VoIPStudio (sandbox): three reps, one campaign");
  const rand = prng(SEED + 3);
  const keys = ["east-rep-1", "east-rep-2", "east-rep-3"];
  const reps = await Promise.all(keys.map(async (key) => {
    const u = DEMO_USERS.find((d) => d.key === key)!;
    const [{ id }] = await sql`select id from public.profiles where email = ${u.email}`;
    const token = `demo_vs_${key}_${randomBytes(6).toString("hex")}`;
    await sql`insert into public.voipstudio_credentials (user_id, voipstudio_user_id, api_token) values (${id}, ${"77" + u.phoneburnerUserId}, ${token})
              on conflict (user_id) do update set api_token = excluded.api_token, voipstudio_user_id = excluded.voipstudio_user_id`;
    voip.registerToken(token, `77${u.phoneburnerUserId}`);
    return { key, name: u.name, id, jwt: await userJwt(id, jwtSecret, { email: u.email }) };
  }));
  const api = async (rep: typeof reps[number], method: string, path: string, body?: unknown) => {
    const res = await fetch(`${functionsUrl}/dialer-api${path}`, {
      method, headers: { Authorization: `Bearer ${rep.jwt}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return await res.json() as Record<string, any>;
  };
  const { campaign } = await api(reps[0], "POST", "/campaigns", {
    name: "Afternoon power hour", type: "power", status: "active", max_attempts: 2, retry_interval: 7200,
    script: "Hi, this is {{rep}} from SourceCo — we have a deal that fits your criteria…", active_hours: { start: "09:00", end: "18:00" },
  });
  for (const r of reps.slice(1)) await sql`insert into public.dialer_campaign_agents (campaign_id, user_id) values (${campaign.id}, ${r.id})`;
  const pool = await sql`select c.id from public.contacts c join public.teams t on t.id = c.team_id
                          where t.name = 'Coverage East' and c.phone_status = 'valid' and not c.do_not_call order by c.id limit 30`;
  const added = await api(reps[0], "POST", `/campaigns/${campaign.id}/contacts`, { contacts: pool.map((c) => ({ contact_id: c.id })) });
  const reasons = (added.excluded as { label: string }[]).reduce<Record<string, number>>((m, e) => ({ ...m, [e.label]: (m[e.label] ?? 0) + 1 }), {});
  say(`campaign "${campaign.name}": ${added.added} contacts added, ${added.excluded.length} excluded` +
    (added.excluded.length ? ` (${Object.entries(reasons).map(([k, v]) => `${v} ${k.toLowerCase()}`).join(", ")})` : ""));
  const afternoon = (() => {
    const zones = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Pacific/Auckland", "America/Sao_Paulo", "Pacific/Honolulu"];
    const hour = (z: string) => Number(new Intl.DateTimeFormat("en-US", { timeZone: z, hour: "numeric", hourCycle: "h23" }).format(new Date()));
    return zones.find((z) => hour(z) >= 12 && hour(z) < 16) ?? zones.find((z) => hour(z) >= 10 && hour(z) < 17) ?? "America/New_York";
  })();
  await sql`update public.contacts set timezone = ${afternoon}
             where id in (select contact_id from public.campaign_contacts where campaign_id = ${campaign.id})`;
  say(`(demo: the campaign's contacts are placed in ${afternoon}, where it is afternoon now, so the legal window allows the calls)`);

  const dispositions = ["interested", "not-interested", "callback", "voicemail", "qualified", "not-qualified"] as const;
  const lastDone = new Map<string, string>();
  for (const r of reps) await api(r, "POST", "/agent/availability", { state: "available", campaign_id: campaign.id });
  for (let round = 0; round < 400; round++) {
    await sleep(100);
    const states = await sql`select s.user_id, s.state, s.current_call_id, l.status from public.dialer_agent_states s
                               left join public.call_logs l on l.id = s.current_call_id where s.user_id in ${sql(reps.map((r) => r.id))}`;
    for (const st of states) {
      const rep = reps.find((r) => r.id === st.user_id)!;
      if (st.state !== "wrap_up" || !st.current_call_id || lastDone.get(rep.id) === st.current_call_id) continue;
      lastDone.set(rep.id, st.current_call_id);
      if (st.status === "completed") {
        const d = dispositions[Math.floor(rand.next() * dispositions.length)];
        await api(rep, "POST", "/dispositions", { call_id: st.current_call_id, disposition: d,
          follow_up_date: d === "callback" ? new Date(Date.now() + 2 * 86_400_000).toISOString() : undefined });
      }
      await api(rep, "POST", "/agent/availability", { state: "available", campaign_id: campaign.id });
    }
    const [{ left }] = await sql`select count(*)::int as left from public.campaign_contacts
                                  where campaign_id = ${campaign.id} and (status = 'pending' or status = 'calling')`;
    if (left === 0) break;
  }
  for (const r of reps) await api(r, "POST", "/agent/availability", { state: "offline" });
  await voip.idle();
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await sql`select count(*)::int as n from dialbridge.webhook_events where provider = 'voipstudio' and processing_status in ('pending', 'processing')`;
    if (n === 0) break;
    await sleep(200);
  }
  const perRep = await sql`select p.display_name as rep, count(*)::int as calls, count(l.answered_at)::int as answered,
                                  count(d.id)::int as dispositioned
                             from public.call_logs l join public.profiles p on p.id = l.user_id
                             left join lateral (select x.id from public.call_dispositions x where x.call_id = l.id limit 1) d on true
                            where l.campaign_id = ${campaign.id} group by p.display_name order by calls desc`;
  for (const r of perRep) say(`${String(r.rep).padEnd(16)} ${String(r.calls).padStart(3)} calls, ${String(r.answered).padStart(3)} answered, ${r.dispositioned} dispositioned`);
  const [{ stats }] = await sql`select stats from public.dialer_campaigns where id = ${campaign.id}`;
  say(`campaign: ${stats.completed} completed, ${stats.failed} to retry, ${stats.callback} callbacks, ${stats.do_not_call} do-not-call of ${stats.total}`);
  const a = (await api(reps[0], "GET", `/analytics?campaign_id=${campaign.id}`)).analytics.overview;
  say(`/analytics: ${a.totalCalls} calls, answer rate ${a.answerRate} %, avg ${a.avgDuration} s; ` +
    `${voip.delivered.length} VoIPStudio webhooks delivered (some twice), every call one activity`);
}

main().then(() => process.exit(0), (e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
