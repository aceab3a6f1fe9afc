/**
 * The reporting jobs, run by graphile-worker against the real database: contacts__score (after each call,
 * nightly, after a mapping edit, or for given contacts) recomputes scores, explanations and best times as of one time;
 * contact_activities__check_rollups finds a roll-up that drifted and repairs it. Bad payloads fail the job
 * with a clear error and change nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { taskList } from "../../jobs/tasks/index.ts";
import { connect, quietLogger } from "../../supabase/local/db.ts";

const url = process.env.TEST_DATABASE_URL!;
const sql = connect(url, { max: 2 });
const tag = randomUUID().slice(0, 8);
const team = `Jobs team ${tag}`;
let teamId: string;
let repId: string;
let contacts: string[];

async function work() {
  await runOnce({ connectionString: url, taskList, logger: quietLogger() });
}

async function addJob(identifier: string, payload: unknown, jobKey?: string) {
  await sql`select graphile_worker.add_job(${identifier}, ${sql.json(payload as any)}::json, job_key := ${jobKey ?? null})`;
}

/** graphile_worker.jobs is a view: jobs are removed through its API. */
async function removeJobs(where: string) {
  await sql.unsafe(`select graphile_worker.complete_jobs(array(select id from graphile_worker.jobs where ${where}))`);
}

async function scoreOf(id: string) {
  const [r] = await sql`select c.call_engagement_score as score, c.days_since_last_engaged_call as days, s.as_of, s.breakdown
                          from public.contacts c left join dialbridge.contact_scores s on s.contact_id = c.id where c.id = ${id}`;
  return r;
}

beforeAll(async () => {
  [{ id: teamId }] = await sql`insert into public.teams (name) values (${team}) returning id`;
  [{ id: repId }] = await sql`insert into auth.users (email) values (${`rep-${tag}@jobs.test`}) returning id`;
  await sql`update public.profiles set team_id = ${teamId}, display_name = 'Jo' where id = ${repId}`;
  contacts = (await sql`insert into public.contacts (team_id, first_name, last_name, contact_type)
                        select ${teamId}, 'Job' || g, 'Contact', 'buyer' from generate_series(1, 3) g returning id`).map((r) => r.id);
  // each contact: one engaged call 20 days ago (connected, 4 minutes, interested)
  for (const [i, id] of contacts.entries()) {
    await sql`insert into public.contact_activities (contact_id, user_id, team_id, activity_type, matching_status, dedupe_key,
                call_started_at, call_connected_at, talk_time_seconds, call_duration_seconds, call_outcome, answered_by,
                disposition_code, disposition_set_at)
              values (${id}, ${repId}, ${teamId}, 'disposition_set', 'matched', ${`test:jobs:${tag}:${i}`},
                now() - interval '20 days', now() - interval '20 days', 240, 250, 'connected', 'decision_maker',
                'INTERESTED', now() - interval '20 days')`;
  }
});

afterAll(async () => {
  await sql`delete from public.contact_activities where dedupe_key like ${`test:jobs:${tag}:%`}`;
  await sql`delete from public.contacts where team_id = ${teamId}`;
  await sql`delete from auth.users where id = ${repId}`;
  await sql`delete from public.teams where id = ${teamId}`;
  await removeJobs("task_identifier in ('contacts__score', 'contact_activities__check_rollups')");
  await sql.end();
});

describe("contacts__score", () => {
  it("scores each contact after its call is recorded: the call marks it and queues the rescoring job", async () => {
    const marked = await sql`select contact_id from dialbridge.contacts_to_score where contact_id = any (${contacts}::uuid[])`;
    expect(marked).toHaveLength(3);
    const [job] = await sql`select id from graphile_worker.jobs where key = 'contacts__score:marked'`;
    expect(job).toBeDefined();
    await work();
    // 50 + 20 (1 of 1 connected) + 15 (4:00 talk) + 25 (INTERESTED); engaged 20 days ago: no recency penalty
    for (const id of contacts) expect(await scoreOf(id)).toMatchObject({ score: 100, days: 20 });
    expect(await sql`select 1 from dialbridge.contacts_to_score where contact_id = any (${contacts}::uuid[])`).toHaveLength(0);
  });

  it("nightly, rescores every contact: a stale score is put right", async () => {
    await sql`update public.contacts set call_engagement_score = 3, days_since_last_engaged_call = 999 where id = ${contacts[1]}`;
    const started = new Date();
    await addJob("contacts__score", { _cron: { ts: new Date().toISOString() } }, "contacts__score:all");
    await work();
    expect(await scoreOf(contacts[1])).toMatchObject({ score: 100, days: 20 });
    const [{ refreshed }] = await sql`select max(refreshed_at) as refreshed from dialbridge.call_hour_stats`;
    expect(refreshed.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
  });

  it("for given contacts, as of a later time: recency moves, and only those contacts change", async () => {
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString();
    await addJob("contacts__score", { contact_ids: [contacts[0]], as_of: later });
    await work();
    // 60 days since the engaged call: −5 (raw 105, clamped to 100)
    const first = await scoreOf(contacts[0]);
    expect(first).toMatchObject({ score: 100, days: 60 });
    expect(first.breakdown).toMatchObject({ raw_score: 105, recency: { days_since_last_engaged_call: 60, points: -5 } });
    expect(first.as_of.toISOString()).toBe(later);
    expect(await scoreOf(contacts[2])).toMatchObject({ score: 100, days: 20 });
  });

  it("after an admin edits a mapping, the queued rescoring applies the new delta", async () => {
    const [{ old }] = await sql`select engagement_score_delta as old from public.disposition_mappings where phoneburner_disposition_code = 'INTERESTED'`;
    try {
      await sql`update public.disposition_mappings set engagement_score_delta = -30 where phoneburner_disposition_code = 'INTERESTED'`;
      const [job] = await sql`select id from graphile_worker.jobs where key = 'contacts__score:all'`;
      expect(job).toBeDefined(); // queued by the trigger, a minute out (debounced)
      await sql`select graphile_worker.reschedule_jobs(array[${job.id}]::bigint[], run_at := now())`;
      await work();
      // 50 + 20 + 15 − 30
      expect(await scoreOf(contacts[2])).toMatchObject({ score: 55, days: 20 });
    } finally {
      await sql`update public.disposition_mappings set engagement_score_delta = ${old} where phoneburner_disposition_code = 'INTERESTED'`;
      await removeJobs("key = 'contacts__score:all'");
      await sql`select dialbridge.score_contacts(${contacts}::uuid[], now())`;
    }
  });

  it("a bad payload fails the job with a clear error and changes nothing", async () => {
    await sql`update public.contacts set call_engagement_score = 7 where id = ${contacts[2]}`;
    await addJob("contacts__score", { contact_ids: ["not-a-uuid"] });
    await work();
    const [job] = await sql`select last_error from graphile_worker.jobs
                             where task_identifier = 'contacts__score' order by id desc limit 1`;
    expect(job.last_error).toMatch(/contacts__score: invalid payload: contact_ids\.0 Invalid uuid/);
    expect((await scoreOf(contacts[2])).score).toBe(7);
    await removeJobs("task_identifier = 'contacts__score'");
    await sql`select dialbridge.score_contacts(${contacts}::uuid[], now())`;
  });
});

describe("rescoring while calls are being recorded", () => {
  it("never deadlocks with the writers and leaves every contact scored as a recompute says", async () => {
    const writers = connect(url, { max: 3 });
    const scorer = connect(url, { max: 1 });
    const ids = (await sql`insert into public.contacts (team_id, first_name, last_name)
                           select ${teamId}, 'Busy' || g, 'Contact' from generate_series(1, 12) g returning id`).map((r) => r.id as string);
    try {
      let writing = true;
      // three writers record calls for random subsets of the contacts, in random order, many per statement
      const write = async (w: number) => {
        for (let round = 0; round < 15; round++) {
          const picked = ids.filter(() => Math.random() < 0.5).sort(() => Math.random() - 0.5);
          await writers`insert into public.contact_activities (contact_id, user_id, team_id, activity_type, matching_status, dedupe_key,
                          call_started_at, talk_time_seconds, call_duration_seconds, call_outcome, disposition_code, disposition_set_at)
                        select x.id, ${repId}, ${teamId}, 'disposition_set', 'matched', ${`test:jobs:${tag}:busy:${w}:${round}:`} || x.n,
                               now() - interval '1 day', 150, 160, case when x.n % 2 = 0 then 'connected' else 'no_answer' end,
                               case when x.n % 3 = 0 then 'INTERESTED' else 'NOT_INTERESTED' end, now() - interval '1 day'
                          from unnest(${picked}::uuid[]) with ordinality as x(id, n)`;
        }
      };
      const score = async () => {
        let scored = 0;
        while (writing) scored += (await scorer`select dialbridge.score_marked_contacts(3) as n`)[0].n;
        return scored;
      };
      const scoring = score();
      await Promise.all([0, 1, 2].map(write)); // a deadlock would reject here (40P01) or in the scorer
      writing = false;
      expect(await scoring).toBeGreaterThan(0);
      while ((await scorer`select dialbridge.score_marked_contacts(100) as n`)[0].n > 0);
      expect(await sql`select 1 from dialbridge.contacts_to_score where contact_id = any (${ids}::uuid[])`).toHaveLength(0);
      const wrong = await sql`select c.id from public.contacts c
                               where c.id = any (${ids}::uuid[])
                                 and c.call_engagement_score is distinct from
                                     (dialbridge.engagement_score_breakdown(c.id, now()) ->> 'score')::int`;
      expect(wrong).toHaveLength(0);
    } finally {
      await sql`delete from public.contact_activities where dedupe_key like ${`test:jobs:${tag}:busy:%`}`;
      await sql`delete from public.contacts where id = any (${ids}::uuid[])`;
      await writers.end();
      await scorer.end();
    }
  });
});

describe("contact_activities__check_rollups", () => {
  it("finds a roll-up that drifted and repairs it", async () => {
    await sql`update dialbridge.rep_day_totals set calls = calls + 5 where team_id = ${teamId}`;
    const drift = await sql`select rollup from dialbridge.recompute_rollups(false) where differences > 0`;
    expect(drift.map((r) => r.rollup)).toEqual(["rep_day_totals"]);
    await addJob("contact_activities__check_rollups", {});
    await work();
    const after = await sql`select sum(differences)::int as n from dialbridge.recompute_rollups(false)`;
    expect(after[0].n).toBe(0);
    const [{ calls }] = await sql`select sum(calls)::int as calls from dialbridge.rep_day_totals where team_id = ${teamId}`;
    expect(calls).toBe(3);
  });
});
