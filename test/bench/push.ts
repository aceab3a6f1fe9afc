/**
 * `npm run bench:push` — how fast a rep sees the preview, and what dialbridge adds to a push, against
 * limits measured in the same run.
 *
 *   preview          public.preview_push as the rep (role authenticated + JWT claims: RLS applies) over
 *                    500 and 10,000 of the team's contacts, in a database that also holds another team's
 *                    10,000, with every kind of exclusion present. Beside it: the bare RLS read of the same
 *                    rows. Target: 10,000 contacts < 1 s.
 *   push             N contacts (default 1,500: 3 batches) through the real push function and the worker
 *                    into the PhoneBurner sandbox, from the request until the run is done.
 *   sandbox (bare)   the same number of contacts POSTed straight to the sandbox as dial sessions of 500,
 *                    one after another, as PhoneBurner's intake allows: the limit. Overhead = (push − bare)
 *                    / push. Target: < 10 %.
 *
 * The sandbox takes in --intake-ms per contact (default 10 ms, a fifth of real PhoneBurner's 50–90 ms so
 * the run stays short; the share shrinks as intake slows, so the absolute time dialbridge adds is printed
 * too). Bounded so it stays short on a shared 2-core machine:
 *
 *   npm run bench:push -- [--contacts=1500] [--intake-ms=10] [--runs=5] [--keep]
 */
import { randomBytes } from "node:crypto";
import { run as runWorker } from "graphile-worker";
import { DEFAULT_ADMIN_URL, createDatabase, dropDatabase, prepareDatabase, quietLogger } from "../../supabase/local/db.ts";
import { startHarness } from "../fixtures/phoneburner-push/harness.ts";
import { taskList } from "../../jobs/tasks/index.ts";

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const CONTACTS = opt("contacts", 1500);
const INTAKE_MS = opt("intake-ms", 10);
const RUNS = opt("runs", 5);
const KEEP = argv.includes("--keep");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

async function main() {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const dbName = `dialbridge_bench_push_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  const dbUrl = await createDatabase(adminUrl, dbName);
  process.env.TEST_DATABASE_URL = dbUrl;
  let h: Awaited<ReturnType<typeof startHarness>> | undefined;
  try {
    await prepareDatabase(dbUrl);
    h = await startHarness({
      tag: "bench", sandbox: { intakeMsPerContact: INTAKE_MS, baseLatencyMs: 0 },
      env: { PHONEBURNER_TIMEOUT_MS: "60000", PHONEBURNER_RETRY_BASE_MS: "1000" },
    });
    h.applyEnvToProcess();
    const rep = await h.rep("rep");
    const sql = h.sql;

    // ------------------------------------------------------------------ data: every kind of exclusion
    const ids = await h.contacts(10_000);
    const [{ id: otherTeam }] = await sql`insert into public.teams (name) values (${`bench_other_${randomBytes(3).toString("hex")}`}) returning id`;
    await h.contacts(10_000, { teamId: otherTeam });
    await sql`update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested'
               where id = any(${ids.filter((_, i) => i % 97 === 0)}::uuid[])`;
    await sql`insert into public.suppressions (contact_id, team_id, suppression_type, reason, source, expires_at)
              select id, ${h.teamId}, 'internal', 'not_interested', 'manual', now() + interval '300 days'
                from unnest(${ids.filter((_, i) => i % 89 === 1)}::uuid[]) id`;
    await sql`update public.contacts set last_call_attempt_at = now() - interval '2 days' where id = any(${ids.filter((_, i) => i % 10 === 2)}::uuid[])`;
    await sql`update public.contacts set phone_number_invalid = true, phone_number_invalid_reason = 'disconnected'
               where id = any(${ids.filter((_, i) => i % 101 === 3)}::uuid[])`;
    await sql`update public.contacts c set email = d.email from public.contacts d
               where c.id = any(${ids.filter((_, i) => i % 53 === 4)}::uuid[]) and d.id = ${ids[0]}`;
    await sql`analyze`;

    const asRep = async <T>(fn: (tx: any) => Promise<T>) => sql.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: rep.id, role: "authenticated" })}, true),
                      set_config('role', 'authenticated', true)`;
      return fn(tx);
    }) as Promise<T>;

    console.log(`\nbench:push  (sandbox intake ${INTAKE_MS} ms/contact; ${RUNS} runs each, medians)\n`);
    const lines: string[] = [];
    let preview10k = Infinity;
    for (const n of [500, 10_000]) {
      const list = `{${ids.slice(0, n).join(",")}}`;
      const preview: number[] = [];
      const raw: number[] = [];
      let ready = 0;
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        const [{ p }] = await asRep<{ p: { ready_count: number } }[]>((tx) => tx`select public.preview_push(${list}::text::uuid[]) as p`);
        preview.push(performance.now() - t);
        ready = p.ready_count;
        t = performance.now();
        await asRep((tx) => tx`select count(*) from public.contacts where id = any(${list}::text::uuid[])`);
        raw.push(performance.now() - t);
      }
      if (n === 10_000) preview10k = median(preview);
      lines.push(`preview ${String(n).padStart(6)} contacts   ${fmt(median(preview)).padStart(8)}   (${ready} ready; bare RLS read of the rows ${fmt(median(raw))})` +
        (n === 10_000 ? `   target < 1 s: ${mark(median(preview) < 1000)}` : ""));
      console.log(lines[lines.length - 1]);
    }

    // ------------------------------------------------------------------ bare sandbox accept rate
    const batches = Math.ceil(CONTACTS / 500);
    const contact = (i: number) => ({
      first_name: `First${i}`, last_name: `Last${i}`, phone: `+1646${String(3_000_000 + i).padStart(7, "0")}`,
      email: `bare${i}@example.test`, company: "Heritage Capital Partners", title: "Partner", city: "New York", state: "NY",
      external_crm_data: [{ crm_id: `bare_${i}`, crm_name: "sourceco" }],
      custom_fields: [{ name: "SourceCo ID", value: `bare_${i}`, type: 1 }, { name: "Buyer Type", value: "PE Firm", type: 1 },
        { name: "AUM", value: "$500M", type: 1 }, { name: "Target Sectors", value: "Business Services, Healthcare IT", type: 1 }],
    });
    let t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      const size = Math.min(500, CONTACTS - b * 500);
      const res = await fetch(`${h.sandbox.url}/rest/1/dialsession`, {
        method: "POST", headers: { Authorization: `Bearer ${rep.token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: `bare ${b}`, contacts: Array.from({ length: size }, (_, i) => contact(b * 500 + i)),
          custom_data: { request_id: `bare:${b}` }, callbacks: [] }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`sandbox answered ${res.status}`);
    }
    const bare = performance.now() - t0;

    // ------------------------------------------------------------------ push through dialbridge
    const pushIds = ids.filter((_, i) => i % 97 !== 0 && i % 89 !== 1 && i % 10 !== 2 && i % 101 !== 3 && i % 53 !== 4).slice(0, CONTACTS);
    const worker = await runWorker({ connectionString: dbUrl, taskList, concurrency: 2, logger: quietLogger(), noHandleSignals: true, pollInterval: 100 });
    t0 = performance.now();
    if (process.env.BENCH_PUSH_TRACE) console.log(`push requested at ${new Date().toISOString()}`);
    const answer = await h.push(rep, { contact_ids: pushIds, session: { mode: "new", name: "Bench push" } });
    if (process.env.BENCH_PUSH_TRACE) console.log(`function answered at ${new Date().toISOString()}`);
    if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    for (;;) {
      const [r] = await sql`select status, contacts_added from public.phoneburner_push_runs where id = ${answer.body.run_id}`;
      if (!["queued", "pushing"].includes(r.status)) {
        if (r.status !== "succeeded") throw new Error(`push ended ${r.status}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const ours = performance.now() - t0;
    await worker.stop();
    if (process.env.BENCH_PUSH_TRACE) {
      const reqs = (await h.sandboxRequests()).filter((r: any) => r.method === "POST" && r.path === "/rest/1/dialsession" && r.requestKey?.startsWith(answer.body.request_id));
      const batchRows = await sql`select b.batch_no, b.started_at, b.finished_at from public.phoneburner_push_batches b
                                   join public.phoneburner_push_runs r on r.id = b.run_id where r.id = ${answer.body.run_id} order by batch_no`;
      console.log(JSON.stringify({ reqs: reqs.map((r: any) => r.at), batches: batchRows }, null, 1));
    }

    const perSec = (ms: number) => `${Math.round(pushIds.length / (ms / 1000))} contacts/s`;
    const overhead = ((ours - bare) / ours) * 100;
    console.log(`push    ${String(pushIds.length).padStart(6)} contacts   ${fmt(ours).padStart(8)}   ${perSec(ours)} (${batches} batches, function + worker)`);
    console.log(`sandbox ${String(pushIds.length).padStart(6)} contacts   ${fmt(bare).padStart(8)}   ${perSec(bare)} (bare accept rate, same batches)`);
    console.log(`overhead                   ${overhead.toFixed(1).padStart(6)} %   of the push time   target < 10 %: ${mark(overhead < 10)}` +
      `   (dialbridge adds ${fmt(ours - bare)}: ${fmt((ours - bare) / batches)} per batch of 500)`);
    console.log(`\npreview of 10,000 contacts: ${fmt(preview10k)} (${mark(preview10k < 1000)}); dialbridge's share of a push: ${overhead.toFixed(1)} % (${mark(overhead < 10)})`);
  } finally {
    await h?.cleanup().catch(() => {});
    if (KEEP) console.log(`# kept database ${dbUrl}`);
    else await dropDatabase(adminUrl, dbName).catch(() => {});
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
