/**
 * The queueing protocol under real concurrency: receivers that find the coalesced job queued skip
 * add_job (no hot row), and the batch processor's barrier makes sure none of their events is missed.
 * Concurrent receivers race a worker that behaves like graphile-worker (locks the due job with
 * FOR UPDATE SKIP LOCKED, runs batches until one claims nothing, deletes the job); at the end every
 * event must have been processed — none left pending without a job to process it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../supabase/local/db.ts";

const DB_URL = process.env.TEST_DATABASE_URL!;
const JOB = "phoneburner_webhooks_log__process";
const admin = connect(DB_URL, { max: 1 });
const receivers = connect(DB_URL, { max: 8 });
const worker = connect(DB_URL, { max: 1 });
const prefix = `evt_race_${Date.now().toString(36)}_`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await admin`select graphile_worker.remove_job(${JOB})`;
});

afterAll(async () => {
  await admin`delete from public.phoneburner_webhooks_log where event_id like ${prefix + "%"}`;
  await admin`select graphile_worker.remove_job(${JOB})
               where not exists (select 1 from public.phoneburner_webhooks_log where processing_status = 'pending')`;
  await Promise.all([admin.end(), receivers.end(), worker.end()]);
});

/** One job run, like graphile-worker: lock the due job, batch until empty, complete (delete) it. */
async function runOneJob(batch: number): Promise<{ ran: boolean; processed: number }> {
  const [job] = await worker`
    update graphile_worker._private_jobs j set locked_at = now(), locked_by = 'race-test'
     where j.id = (select id from graphile_worker._private_jobs
                    where key = ${JOB} and locked_at is null and run_at <= now()
                    order by id limit 1 for update skip locked)
    returning j.id`;
  if (!job) return { ran: false, processed: 0 };
  let processed = 0;
  for (;;) {
    const n = await worker.begin(async (tx) => {
      await tx`select dialbridge.await_phoneburner_receivers()`;
      const rows = await tx`
        update public.phoneburner_webhooks_log set processing_status = 'success'
         where id in (select id from public.phoneburner_webhooks_log
                       where processing_status = 'pending' and event_id like ${prefix + "%"}
                       order by id limit ${batch} for update skip locked)
        returning id`;
      return rows.length;
    });
    processed += n;
    if (n === 0) break;
  }
  await worker`delete from graphile_worker._private_jobs where id = ${job.id}`;
  return { ran: true, processed };
}

describe("queueing without a hot row", () => {
  it("the shipped processor waits for receivers, so receivers may skip re-queueing", async () => {
    const [{ ok }] = await admin`select dialbridge.phoneburner_processor_awaits_receivers() as ok`;
    expect(ok).toBe(true);
  });

  it("no event is missed when receivers race the worker", async () => {
    // bursts of concurrent events; after each burst the worker drains the queue, and then every event of
    // the burst must have been processed — a missed wake-up shows as an event left pending with no job
    const rounds = 100;
    const perRound = 4;
    let running = true;
    let jobsRun = 0;
    let processed = 0;
    async function workerLoop() {
      while (running) {
        const r = await runOneJob(1 + Math.floor(Math.random() * 3));
        if (r.ran) {
          jobsRun++;
          processed += r.processed;
        } else await sleep(Math.random() * 2);
      }
    }
    async function receive(id: string) {
      // a commit that takes a while (a slow WAL flush): the window in which a worker could start the job
      // and finish its last batch before this event is visible
      return await receivers.begin(async (tx) => {
        const [r] = await tx`
          select status from dialbridge.receive_phoneburner_event('call.ended',
            ${JSON.stringify({ event: "call.ended", event_id: id })}::text::jsonb, null, 40, 'hmac', null, null, null)`;
        await tx`select pg_sleep(${Math.random() * 0.004})`;
        return r.status;
      });
    }
    async function drained() {
      for (let i = 0; i < 500; i++) {
        const [{ n }] = await admin`select count(*)::int as n from graphile_worker.jobs where key = ${JOB} or locked_by = 'race-test'`;
        if (n === 0) return;
        await sleep(2);
      }
      throw new Error("the worker did not drain the queue");
    }
    const work = workerLoop();
    let stranded = 0;
    for (let round = 0; round < rounds; round++) {
      const ids = Array.from({ length: perRound }, (_, k) => `${prefix}${round}_${k}`);
      const statuses = await Promise.all(ids.map(receive));
      expect(statuses.every((st) => st === "accepted")).toBe(true);
      await drained();
      const [{ pending }] = await admin`
        select count(*)::int as pending from public.phoneburner_webhooks_log
         where event_id = any(${ids}) and processing_status = 'pending'`;
      if (pending > 0) {
        stranded += pending;
        await admin`update public.phoneburner_webhooks_log set processing_status = 'success' where event_id = any(${ids})`;
      }
    }
    running = false;
    await work;

    expect(stranded).toBe(0);
    expect(processed).toBe(rounds * perRound);
    expect(jobsRun).toBeGreaterThanOrEqual(rounds); // the worker started jobs while events were arriving
  });
});
