/**
 * `npm run bench:reports`: reporting at volume. In a scratch database it loads 1,000,000 calls (plus
 * callbacks) generated in SQL, builds the roll-ups from them, and prints — from this one run — the
 * roll-up reports beside seed 000's own queries on the raw table, with the ratio.
 *
 *   rep performance, last 30 days   seed query 1 on contact_activities  vs  reports.rep_leaderboard_30d
 *   campaign comparison, 90 days    seed query 3 (its counters computed from contact_activities)
 *                                                                         vs  reports.campaign_comparison_90d
 *
 * Target (issue 5): each roll-up query under 100 ms and at least 20× faster than the seed's query.
 * The reports run as the Metabase role (dialbridge_metabase: RLS applies, every team) and as a rep through
 * PostgREST's role and JWT claims (their team only). Also printed: the cost of the roll-up triggers per
 * ingested call, and a full recompute check of the roll-ups against the raw rows.
 *
 *   npm run bench:reports [-- --calls=1000000] [--keep] [--no-check]
 *   DATABASE_URL   server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { randomBytes } from "node:crypto";
import { connect, createDatabase, dropDatabase, prepareDatabase, DEFAULT_ADMIN_URL } from "../../supabase/local/db.ts";

const args = process.argv.slice(2);
const CALLS = Number(args.find((a) => a.startsWith("--calls="))?.slice(8) ?? 1_000_000);
const KEEP = args.includes("--keep");
const CHECK = !args.includes("--no-check");
const RUNS = 7;
const TARGET_MS = 100;
const TARGET_RATIO = 20;

const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
const dbName = `dialbridge_bench_reports_${randomBytes(3).toString("hex")}`;

const REPS = 60;
const TEAMS = 3;
const CONTACTS = 100_000;
const CALLS_PER_SESSION = 500;
const SESSIONS = Math.max(1, Math.ceil(CALLS / CALLS_PER_SESSION));

type Sql = ReturnType<typeof connect>;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  const r = await f();
  console.log(`# ${label}: ${(ms(t) / 1000).toFixed(1)} s`);
  return r;
}

/** Median of RUNS timed executions after one warm-up, inside a transaction as `role` (with JWT claims). */
async function measure(sql: Sql, query: string, as: { role?: string; claims?: string } = {}): Promise<{ median: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i <= RUNS; i++) {
    await sql.begin(async (tx) => {
      if (as.claims) await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [as.claims]);
      if (as.role) await tx.unsafe(`set local role ${as.role}`);
      const t = process.hrtime.bigint();
      const result = await tx.unsafe(query);
      const elapsed = ms(t);
      rows = result.length;
      if (i > 0) times.push(elapsed);
    });
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], rows };
}

// Seed 000, sample query 1, verbatim (its `users` join is not used by it).
const SEED_QUERY_1 = `
WITH rep_stats AS (
    SELECT ca.user_id, ca.user_name,
        COUNT(*) FILTER (WHERE ca.activity_type = 'call_attempt') AS total_dials,
        COUNT(*) FILTER (WHERE ca.call_connected_at IS NOT NULL) AS total_connections,
        COUNT(DISTINCT ca.contact_id) AS unique_contacts_reached,
        SUM(ca.talk_time_seconds) FILTER (WHERE ca.talk_time_seconds IS NOT NULL) AS total_talk_time_seconds,
        AVG(ca.talk_time_seconds) FILTER (WHERE ca.talk_time_seconds IS NOT NULL) AS avg_talk_time_seconds,
        COUNT(*) FILTER (WHERE ca.disposition_code IN ('INTERESTED', 'MEETING_SET', 'HOT_LEAD')) AS qualified_leads,
        COUNT(*) FILTER (WHERE ca.disposition_code = 'MEETING_SET') AS meetings_scheduled
    FROM contact_activities ca
    WHERE ca.call_started_at >= NOW() - INTERVAL '30 days' AND ca.user_id IS NOT NULL
    GROUP BY ca.user_id, ca.user_name
)
SELECT user_name AS "Rep Name", total_dials AS "Total Dials", total_connections AS "Connections",
    ROUND((total_connections::decimal / NULLIF(total_dials, 0)) * 100, 1) AS "Connection Rate %",
    ROUND(total_talk_time_seconds / 3600.0, 1) AS "Total Talk Time (Hours)",
    ROUND(avg_talk_time_seconds / 60.0, 1) AS "Avg Talk Time (Min)",
    qualified_leads AS "Qualified Leads", meetings_scheduled AS "Meetings Set",
    ROUND((qualified_leads::decimal / NULLIF(total_connections, 0)) * 100, 1) AS "Qualification Rate %"
FROM rep_stats ORDER BY total_connections DESC`;

// Seed 000, sample query 3, with the session counters it reads computed from contact_activities (in the
// seed nothing maintains them; here they are the raw-table equivalent of the roll-up).
const SEED_QUERY_3_RAW = `
WITH ps AS (
    SELECT ps.id, ps.session_name, ps.session_type, ps.total_contacts_added, ps.last_activity_at,
        COUNT(ca.id) AS total_dials,
        COUNT(ca.id) FILTER (WHERE ca.call_connected_at IS NOT NULL) AS total_connections,
        COUNT(ca.id) FILTER (WHERE ca.disposition_code IN ('INTERESTED', 'MEETING_SET', 'HOT_LEAD')) AS total_qualified_leads,
        COUNT(ca.id) FILTER (WHERE ca.disposition_code = 'MEETING_SET') AS total_meetings_scheduled,
        COALESCE(SUM(ca.talk_time_seconds), 0) AS total_talk_time_seconds
    FROM phoneburner_sessions ps
    LEFT JOIN contact_activities ca ON ca.phoneburner_session_id = ps.id
    WHERE ps.session_status = 'active' AND ps.started_at >= NOW() - INTERVAL '90 days'
    GROUP BY ps.id
)
SELECT ps.session_name, ps.session_type, ps.total_contacts_added, ps.total_dials, ps.total_connections,
    ROUND((ps.total_connections::decimal / NULLIF(ps.total_dials, 0)) * 100, 1) AS connection_rate_pct,
    ps.total_qualified_leads,
    ROUND((ps.total_qualified_leads::decimal / NULLIF(ps.total_connections, 0)) * 100, 1) AS qualification_rate_pct,
    ps.total_meetings_scheduled, ROUND(ps.total_talk_time_seconds / 3600.0, 1) AS total_talk_hours, ps.last_activity_at
FROM ps ORDER BY ps.last_activity_at DESC`;

const ROLLUP_QUERY_1 = `select * from reports.rep_leaderboard_30d`;
const ROLLUP_QUERY_3 = `select * from reports.campaign_comparison_90d`;

async function load(sql: Sql) {
  await sql.unsafe(`set session_replication_role = replica`); // bulk load: no triggers, no FK checks
  await sql.unsafe(`insert into public.teams (name) select 'Bench team ' || t from generate_series(1, ${TEAMS}) t`);
  await sql.unsafe(`
    with u as (
      insert into auth.users (email) select 'bench-rep-' || r || '@example.com' from generate_series(0, ${REPS - 1}) r
      returning id, email)
    insert into public.profiles (id, email, display_name, role, team_id)
    select u.id, u.email, 'Rep ' || split_part(split_part(u.email, '-', 3), '@', 1), 'rep',
           (select id from public.teams where name = 'Bench team ' || (split_part(split_part(u.email, '-', 3), '@', 1)::int % ${TEAMS} + 1))
      from u`);
  await sql.unsafe(`
    insert into public.contacts (first_name, last_name, company, team_id, contact_type, list_source, industry, state, phone)
    select 'First' || i, 'Last' || i, 'Company ' || (i % 5000),
           (select id from public.teams where name = 'Bench team ' || (i % ${TEAMS} + 1)),
           case when i % 10 < 7 then 'buyer' else 'seller' end,
           (array['SourceCo Remarketing', 'Conference', 'Referral', 'Inbound', 'Purchased list', 'Deal flow'])[i % 6 + 1],
           (array['Healthcare', 'Software', 'Business Services', 'Manufacturing', 'Auto Aftermarket', 'Consumer',
                  'Industrial', 'Financial Services', 'Education', 'Logistics', 'Construction', 'Energy'])[i % 12 + 1],
           (array['NY', 'CA', 'TX', 'FL', 'IL', 'MA', 'NC', 'GA', 'WA', 'CO', 'OH', 'PA', 'NJ', 'AZ', 'MI'])[i % 15 + 1],
           '+1212555' || lpad((i % 10000)::text, 4, '0')
      from generate_series(0, ${CONTACTS - 1}) i`);
  // Sessions spread over the last year, one team each; 500 calls each over about four days, by three of its reps.
  await sql.unsafe(`
    insert into public.phoneburner_sessions (phoneburner_session_id, session_name, session_type, contact_type,
           target_industry, session_status, started_at, last_activity_at, created_by_user_id, team_id, total_contacts_added)
    select 'bench-ds-' || s, 'Bench session ' || s,
           (array['buyer_outreach', 'seller_prospecting', 'callback_followup', 'reactivation'])[s % 4 + 1],
           (array['buyer', 'seller', 'mixed'])[s % 3 + 1],
           (array['Healthcare', 'Software', 'Business Services', 'Manufacturing'])[s % 4 + 1],
           case when s % 5 = 0 then 'completed' else 'active' end,
           now() - interval '369 days' + s * interval '${(364 / SESSIONS).toFixed(6)} days',
           now() - interval '369 days' + s * interval '${(364 / SESSIONS).toFixed(6)} days' + interval '100 hours',
           (select array_agg(p.id order by p.email) from public.profiles p where p.email like 'bench-rep-%')
             [(s % ${TEAMS} + ${TEAMS} * ((s * 7) % ${REPS / TEAMS})) + 1],
           (select id from public.teams where name = 'Bench team ' || (s % ${TEAMS} + 1)),
           ${CALLS_PER_SESSION}
      from generate_series(0, ${SESSIONS - 1}) s`);
  await timed(`generated ${CALLS.toLocaleString("en-US")} calls`, () => sql.unsafe(`
    with reps as (select array_agg(p.id order by p.email) as ids, array_agg(p.team_id order by p.email) as teams,
                         array_agg(p.display_name order by p.email) as names
                    from public.profiles p where p.email like 'bench-rep-%'),
         contacts as (select array_agg(c.id order by c.first_name) as ids from public.contacts c),
         sessions as (select array_agg(s.id order by s.phoneburner_session_id) as ids,
                             array_agg(s.started_at order by s.phoneburner_session_id) as starts
                        from public.phoneburner_sessions s),
         g as (
           select i, (i - 1) / ${CALLS_PER_SESSION} as s,
                  -- three reps of the session's team
                  ((i - 1) / ${CALLS_PER_SESSION}) % ${TEAMS} + ${TEAMS} * (((((i - 1) / ${CALLS_PER_SESSION}) * 7) + i % 3) % ${REPS / TEAMS}) as rep,
                  (i::bigint * 2654435761) % 100 as h, (i::bigint * 40503) % 97 as h2
             from generate_series(1, ${CALLS}) i)
    insert into public.contact_activities (contact_id, user_id, team_id, phoneburner_session_id, activity_type,
           source_system, matching_status, dedupe_key, call_started_at, call_connected_at, call_ended_at,
           call_duration_seconds, talk_time_seconds, call_outcome, answered_by, disposition_code, disposition_label,
           disposition_set_at, user_name, phoneburner_call_id)
    select contacts.ids[(g.i::bigint * 7919) % ${CONTACTS} + 1], reps.ids[g.rep + 1], reps.teams[g.rep + 1],
           sessions.ids[g.s + 1],
           case when x.code is not null then 'disposition_set' else 'call_completed' end,
           'phoneburner', 'matched', 'bench:call:' || g.i,
           x.started, case when x.outcome = 'connected' then x.started + interval '12 seconds' end,
           x.started + make_interval(secs => x.talk + 15),
           x.talk + 15, case when x.outcome = 'connected' then x.talk end, x.outcome,
           case when x.outcome = 'connected' then case when g.h2 < 70 then 'decision_maker' else 'gatekeeper' end
                when x.outcome = 'voicemail' then 'voicemail' end,
           x.code, x.code, case when x.code is not null then x.started + make_interval(secs => x.talk + 30) end,
           reps.names[g.rep + 1], 'bench-call-' || g.i
      from g cross join reps cross join contacts cross join sessions
     cross join lateral (
       select sessions.starts[g.s + 1] + ((g.i - 1) % ${CALLS_PER_SESSION}) * interval '12 minutes' + (g.h2 * interval '5 seconds') as started,
              case when g.h < 32 then 'connected' when g.h < 62 then 'no_answer' when g.h < 72 then 'busy'
                   when g.h < 92 then 'voicemail' else 'failed' end as outcome,
              case when g.h < 32 then 30 + (g.i::bigint * 31) % 400 else 0 end as talk,
              case when g.h < 32 then (array['INTERESTED', 'MEETING_SET', 'NOT_INTERESTED', 'NOT_A_FIT', 'CALLBACK_REQUESTED',
                                             'HOT_LEAD', 'NOT_NOW', 'GATEKEEPER', 'REFERRAL_PROVIDED', 'WEIRD_OUTCOME'])[g.h2 % 10 + 1]
                   when g.h < 62 and g.h2 % 2 = 0 then 'NO_ANSWER'
                   when g.h >= 72 and g.h < 92 then 'LEFT_VOICEMAIL' end as code) x`));
  await timed("generated callbacks", () => sql.unsafe(`
    insert into public.contact_activities (contact_id, user_id, team_id, phoneburner_session_id, activity_type,
           source_system, matching_status, dedupe_key, callback_scheduled_date, user_name, created_at)
    select a.contact_id, a.user_id, a.team_id, a.phoneburner_session_id, 'callback_scheduled', 'phoneburner', 'matched',
           'bench:callback:' || a.phoneburner_call_id, a.call_started_at + interval '30 days', a.user_name,
           a.disposition_set_at
      from public.contact_activities a
     where a.disposition_code = 'CALLBACK_REQUESTED'`));
  await sql.unsafe(`set session_replication_role = origin`);
  await timed("roll-ups built from the raw rows (dialbridge.rebuild_rollups)", () => sql.unsafe(`select dialbridge.rebuild_rollups()`));
  await timed("vacuum analyze", () => sql.unsafe(`vacuum analyze`));
}

/** Per-call cost of the roll-up triggers: single-row inserts with them, then without them. */
async function triggerCost(sql: Sql) {
  const n = 1000;
  const insert = (offset: number) => `
    insert into public.contact_activities (contact_id, user_id, team_id, phoneburner_session_id, activity_type,
           matching_status, dedupe_key, call_started_at, call_connected_at, call_duration_seconds, talk_time_seconds,
           call_outcome, answered_by, disposition_code, disposition_label, disposition_set_at)
    select c.id, p.id, p.team_id, s.id, 'disposition_set', 'matched', 'bench:single:' || $1, now(), now(), 200, 185,
           'connected', 'decision_maker', 'INTERESTED', 'Interested', now()
      from (select id from public.contacts order by id offset ($1::int % 1000) limit 1) c,
           (select id, team_id from public.profiles where email like 'bench-rep-%' order by email offset ($1::int % ${REPS}) limit 1) p,
           (select id from public.phoneburner_sessions order by phoneburner_session_id desc offset ($1::int % 20) limit 1) s
    -- ${offset}`;
  const run = async (label: string, offset: number) => {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await sql.unsafe(insert(offset), [String(offset + i)]);
    const per = ms(t) / n;
    console.log(`# ${label}: ${per.toFixed(2)} ms per call (${n} single-row inserts)`);
    return per;
  };
  const withTriggers = await run("ingest with the roll-up triggers", 0);
  await sql.unsafe(`delete from public.contact_activities where dedupe_key like 'bench:single:%'`);
  // the same without them; their rows are removed without them too, so the roll-ups stay exact
  await sql.unsafe(`alter table public.contact_activities disable trigger _500_rollups_insert`);
  await sql.unsafe(`alter table public.contact_activities disable trigger _500_rollups_delete`);
  const without = await run("ingest without them", 1_000_000);
  await sql.unsafe(`delete from public.contact_activities where dedupe_key like 'bench:single:%'`);
  await sql.unsafe(`alter table public.contact_activities enable trigger _500_rollups_insert`);
  await sql.unsafe(`alter table public.contact_activities enable trigger _500_rollups_delete`);
  return withTriggers - without;
}

async function main() {
  console.log(`# bench:reports — ${CALLS.toLocaleString("en-US")} calls, ${SESSIONS} sessions, ${REPS} reps, ${CONTACTS.toLocaleString("en-US")} contacts`);
  const url = await createDatabase(adminUrl, dbName);
  const sql = connect(url, { max: 1 });
  let failed = false;
  try {
    await prepareDatabase(url);
    await load(sql);
    const [{ rep_claims }] = await sql.unsafe(`
      select json_build_object('sub', id, 'role', 'authenticated')::text as rep_claims
        from public.profiles where email = 'bench-rep-0@example.com'`);

    const rows: { name: string; raw: number; rollup: number; rollupRep: number; rawRows: number; rollRows: number }[] = [];
    for (const [name, raw, rollup] of [
      ["rep performance, last 30 days", SEED_QUERY_1, ROLLUP_QUERY_1],
      ["campaign comparison, last 90 days", SEED_QUERY_3_RAW, ROLLUP_QUERY_3],
    ] as const) {
      const r = await measure(sql, raw);
      const m = await measure(sql, rollup, { role: "dialbridge_metabase" });
      const a = await measure(sql, rollup, { role: "authenticated", claims: rep_claims });
      rows.push({ name, raw: r.median, rollup: m.median, rollupRep: a.median, rawRows: r.rows, rollRows: m.rows });
    }

    console.log("");
    console.log("| report | seed query on contact_activities | roll-up view (Metabase) | ratio | roll-up view (a rep, RLS) | target < 100 ms and ≥ 20× |");
    console.log("| --- | ---: | ---: | ---: | ---: | --- |");
    for (const r of rows) {
      const ratio = r.raw / r.rollup;
      const ok = r.rollup < TARGET_MS && r.rollupRep < TARGET_MS && ratio >= TARGET_RATIO;
      failed ||= !ok;
      console.log(`| ${r.name} | ${r.raw.toFixed(1)} ms (${r.rawRows} rows) | ${r.rollup.toFixed(1)} ms (${r.rollRows} rows) | ${ratio.toFixed(0)}× | ${r.rollupRep.toFixed(1)} ms | ${ok ? "met" : "NOT MET"} |`);
    }
    console.log(`(median of ${RUNS} runs after a warm-up; the seed's query 1 counts dials as activity_type = 'call_attempt' and connections as call_connected_at set, the roll-up counts one dial per call row and connections as call_outcome 'connected', so their numbers differ by design)`);
    console.log("");

    const extra = await triggerCost(sql);
    console.log(`# roll-up triggers add ${extra.toFixed(2)} ms per ingested call (rollups, segment rows, rescoring the contact)`);
    if (CHECK) {
      const diffs = await timed("recompute check of every roll-up against the raw rows", () =>
        sql.unsafe(`select rollup, differences from dialbridge.recompute_rollups(false)`));
      const total = diffs.reduce((s, d) => s + Number(d.differences), 0);
      console.log(`# roll-ups vs recompute: ${total} differing rows`);
      failed ||= total !== 0;
    }
  } finally {
    await sql.end();
    if (KEEP) console.log(`# kept: ${url}`);
    else await dropDatabase(adminUrl, dbName);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
