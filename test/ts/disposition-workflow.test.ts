/**
 * A disposition's workflow end to end through graphile-worker: dialbridge.apply_disposition queues the
 * job (once per call), the worker runs jobs/tasks/contacts__run_disposition_workflow.ts from the real task
 * list, and the run is recorded. A malformed job fails with a clear error and no personal data in it.
 */
import { randomUUID } from "node:crypto";
import { Logger, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../supabase/local/db.ts";
import { taskList } from "../../jobs/tasks/index.ts";

const url = process.env.TEST_DATABASE_URL!;
const TASK = "contacts__run_disposition_workflow";

describe("disposition workflows run through the worker", () => {
  const sql = connect(url, { max: 2 });
  const tag = randomUUID().slice(0, 8);
  let teamId: string;
  let repId: string;
  let contactId: string;
  let activityId: string;

  /** Runs only this task's queued jobs (other tests' jobs stay where they are). */
  const work = () => runOnce({
    connectionString: url,
    taskList: { [TASK]: taskList[TASK] },
    logger: new Logger(() => () => {}),   // the malformed job's expected failure stays out of the output
  });

  beforeAll(async () => {
    [{ id: teamId }] = await sql`insert into public.teams (name) values (${"workflow-test-" + tag}) returning id`;
    [{ id: repId }] = await sql`insert into auth.users (email) values (${`rep-${tag}@sourceco.test`}) returning id`;
    await sql`update public.profiles set team_id = ${teamId}, role = 'rep', display_name = 'Sarah Johnson' where id = ${repId}`;
    [{ id: contactId }] = await sql`
      insert into public.contacts (team_id, owner_id, first_name, last_name, email, phone, company)
      values (${teamId}, ${repId}, 'John', 'Smith', ${`jsmith-${tag}@heritagecap.com`}, '+12125550123',
              'Heritage Capital Partners')
      returning id`;
    [{ id: activityId }] = await sql`
      insert into public.contact_activities (contact_id, user_id, team_id, activity_type, source_system, dedupe_key,
        call_started_at, call_ended_at, disposition_code, disposition_label, disposition_notes, disposition_set_at,
        phoneburner_call_id)
      values (${contactId}, ${repId}, ${teamId}, 'disposition_set', 'phoneburner', ${"test:workflow:" + tag},
        '2026-02-23T10:45:00Z', '2026-02-23T10:48:54Z', 'INTERESTED', 'Interested - Send Information',
        'Wants memo on current collision repair platform deal.', '2026-02-23T10:49:05Z', ${"call_" + tag})
      returning id`;
  });

  afterAll(async () => {
    await sql`delete from graphile_worker._private_jobs where key = ${`${TASK}:${activityId}`}`;
    await sql`delete from public.workflow_runs where contact_id = ${contactId}`;
    await sql`delete from public.tasks where contact_id = ${contactId}`;
    await sql`delete from public.contact_activities where contact_id = ${contactId}`;
    await sql`delete from public.contacts where id = ${contactId}`;
    await sql`delete from auth.users where id = ${repId}`;
    await sql`delete from public.teams where id = ${teamId}`;
    await sql.end();
  });

  it("is registered in the worker's task list", () => {
    expect(typeof taskList[TASK]).toBe("function");
  });

  it("queues one job per call however often the disposition is applied, and the worker records the run", async () => {
    for (let i = 0; i < 3; i++) await sql`select dialbridge.apply_disposition(${activityId})`;
    const jobs = await sql`select count(*)::int as n from graphile_worker.jobs where key = ${`${TASK}:${activityId}`}`;
    expect(jobs[0].n).toBe(1);
    const [queued] = await sql`select id, status from public.workflow_runs where source_activity_id = ${activityId}`;
    expect(queued.status).toBe("queued");

    await work();

    const runs = await sql`
      select workflow_name, status, processed_at is not null as processed, result
        from public.workflow_runs where source_activity_id = ${activityId}`;
    expect(runs).toEqual([{
      workflow_name: "send_deal_memo", status: "recorded", processed: true,
      result: expect.objectContaining({ delivered: false }),
    }]);
    const left = await sql`select count(*)::int as n from graphile_worker.jobs where key = ${`${TASK}:${activityId}`}`;
    expect(left[0].n).toBe(0);

    // the job is gone; applying the same disposition again never queues it a second time
    await sql`select dialbridge.apply_disposition(${activityId})`;
    await sql`update public.contact_activities set disposition_notes = disposition_notes || ' Friday.' where id = ${activityId}`;
    await sql`select dialbridge.apply_disposition(${activityId})`;
    const again = await sql`select count(*)::int as n from graphile_worker.jobs where key = ${`${TASK}:${activityId}`}`;
    expect(again[0].n).toBe(0);
  });

  it("fails a malformed job with a clear error that carries no personal data", async () => {
    const key = `${TASK}:malformed-${tag}`;
    await sql`
      select graphile_worker.add_job(${TASK}, ${sql.json({ run_id: "not-a-uuid", workflow_name: "send_deal_memo",
        contact_id: null, activity_id: null, email: "jsmith@heritagecap.com" })}::json, job_key => ${key}, max_attempts => 1)`;
    await work();
    const [job] = await sql`select attempts, last_error from graphile_worker.jobs where key = ${key}`;
    expect(job.attempts).toBe(1);
    expect(job.last_error).toContain("invalid payload: run_id");
    expect(job.last_error).not.toContain("heritagecap");
    await sql`delete from graphile_worker._private_jobs where key = ${key}`;
  });
});
