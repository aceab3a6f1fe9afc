/**
 * After the push: the sandbox dials the pushed sessions and PhoneBurner's callbacks (real shapes, URL
 * token; seed shapes, signed) reach the real webhook; the projection records the calls against the pushed
 * contacts and gives the pushed session PhoneBurner's id; the daily reconciliation finds the calls that
 * never arrived and the contacts changed in PhoneBurner; callback follow-through pushes the day's
 * callbacks into the rep's "Callbacks" session.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { taskList } from "../../jobs/tasks/index.ts";
import { quietLogger } from "../../supabase/local/db.ts";
import { dialOnSandbox } from "../../supabase/local/phoneburner-sandbox.ts";
import { startHarness, type Harness, type Rep } from "../fixtures/phoneburner-push/harness.ts";

let h: Harness;
let rep: Rep;

beforeAll(async () => {
  h = await startHarness({ tag: "push_dial", functionsUrlAsCallback: true });
  rep = await h.rep("rep");
  h.applyEnvToProcess();
});

afterAll(async () => {
  await h?.cleanup();
});

/** The projection, as the worker runs it, until nothing is pending. */
async function project() {
  for (let i = 0; i < 50; i++) {
    const [r] = await h.sql`select * from dialbridge.process_phoneburner_webhooks(200)`;
    if (!r || r.claimed === 0) return;
  }
}

async function job(task: string) {
  await h.sql`select graphile_worker.add_job(${task}, '{}'::json)`;
  await runOnce({ connectionString: process.env.TEST_DATABASE_URL!, taskList, logger: quietLogger() });
}

describe("a pushed session dialed in PhoneBurner", () => {
  let runId: string;
  let pbSession: string;
  let ids: string[];
  let lost = 0;

  beforeAll(async () => {
    ids = await h.contacts(30);
    const answer = await h.push(rep, { contact_ids: ids, session: { mode: "new", name: "Dial day" } });
    expect(answer.status).toBe(200);
    runId = answer.body.run_id;
    const state = await h.sandboxState();
    pbSession = state.sessions.find((s: any) => s.custom_data.request_id?.startsWith(answer.body.request_id)).id;
  });

  it("sends real callbacks that the webhook accepts and the projection records against the pushed contacts, in the pushed session", async () => {
    const dial = await dialOnSandbox(h.sandbox.url, { session_id: pbSession, drop_rate: 0.2, seed: 11 });
    expect(dial.calls).toBe(30);
    expect(dial.events_failed).toBe(0);
    expect(dial.calls_lost).toBeGreaterThan(0);
    lost = dial.calls_lost;
    await project();

    const [session] = await h.sql`select s.phoneburner_session_id, s.total_dials from public.phoneburner_sessions s
                                   join public.phoneburner_push_runs r on r.session_id = s.id where r.id = ${runId}`;
    expect(session.phoneburner_session_id).toBe(pbSession);
    const [calls] = await h.sql`
      select count(*)::int as n, count(*) filter (where a.contact_id = any(${ids}::uuid[]))::int as matched
        from public.contact_activities a join public.phoneburner_sessions s on s.id = a.phoneburner_session_id
       where s.phoneburner_session_id = ${pbSession} and a.phoneburner_call_id is not null`;
    expect(calls.n).toBe(30 - lost);
    expect(calls.matched).toBe(30 - lost);
  });

  it("shows in the drift view the calls that never reached us", async () => {
    await job("phoneburner_sessions__reconcile_calls");
    const [drift] = await h.sql`select provider_calls, recorded_calls, missing_calls from public.phoneburner_call_drift
                                 where phoneburner_session_id = ${pbSession}`;
    expect(drift).toEqual({ provider_calls: 30, recorded_calls: 30 - lost, missing_calls: lost });
  });
});

describe("a seed-contract session dialed", () => {
  it("sends signed seed events the webhook accepts", async () => {
    const ids = await h.contacts(8);
    const answer = await h.push(rep, { contact_ids: ids, api_style: "seed", session: { mode: "new", name: "Seed dial" } });
    const dial = await dialOnSandbox(h.sandbox.url, { session_id: answer.body.phoneburner_session_id, seed: 5 });
    expect(dial.calls).toBe(8);
    expect(dial.events_failed).toBe(0);
    await project();
    const [{ n }] = await h.sql`select count(distinct a.contact_id)::int as n from public.contact_activities a
                                 where a.contact_id = any(${ids}::uuid[]) and a.phoneburner_call_id is not null`;
    expect(n).toBe(8);
  });
});

describe("the daily contact reconciliation", () => {
  it("turns a contact edited in PhoneBurner into an audited update of ours, last write wins", async () => {
    const [id] = await h.contacts(1);
    const answer = await h.push(rep, { contact_ids: [id] });
    expect(answer.status).toBe(200);
    const state = await h.sandboxState();
    const [{ sourceco_contact_id: key }] = await h.sql`select sourceco_contact_id from public.contacts where id = ${id}`;
    const pbContact = state.contacts.find((c: any) => c.crm_keys.includes(`sourceco:${key}`));
    await fetch(`${h.sandbox.url}/__sandbox/contacts/${pbContact.id}`, {
      method: "POST", body: JSON.stringify({ title: "Senior Managing Director", email: "new.address@example.test" }),
    });
    await job("contacts__reconcile_phoneburner");
    await project();
    const [c] = await h.sql`select title, email, phoneburner_contact_id from public.contacts where id = ${id}`;
    expect(c).toEqual({ title: "Senior Managing Director", email: "new.address@example.test", phoneburner_contact_id: pbContact.id });
    const audit = await h.sql`select field_name, new_value, applied from public.contact_field_changes
                               where contact_id = ${id} order by field_name`;
    expect(audit.map((a) => [a.field_name, a.new_value, a.applied])).toEqual([
      ["email", "new.address@example.test", true], ["title", "Senior Managing Director", true]]);
    // a second run finds nothing new
    await job("contacts__reconcile_phoneburner");
    const [{ n }] = await h.sql`select count(*)::int as n from public.phoneburner_webhooks_log
                                 where auth_method = 'reconciliation' and phoneburner_contact_id = ${pbContact.id}`;
    expect(n).toBe(1);
  });
});

describe("callback follow-through", () => {
  it("pushes today's callbacks into the rep's Callbacks session, still excluding do-not-call", async () => {
    const [due, dnc] = await h.contacts(2);
    await h.sql`update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = ${dnc}`;
    await h.sql`insert into public.push_settings (team_id, auto_add_callbacks_to_session) values (${h.teamId}, true)
                on conflict (team_id) do update set auto_add_callbacks_to_session = true`;
    await h.sql`insert into public.tasks (contact_id, team_id, assigned_to_user_id, source, task_type, title, due_at)
                select c, ${h.teamId}, ${rep.id}, 'callback', 'call', 'Call back', now() + interval '1 minute'
                  from unnest(array[${due}, ${dnc}]::uuid[]) c`;
    await job("tasks__push_due_callbacks");
    const [runRow] = await h.sql`select id, status, contacts_added, contacts_excluded, request_shape, session_name
                                  from public.phoneburner_push_runs where request_shape = 'callback' and target_user_id = ${rep.id}`;
    expect(runRow).toMatchObject({ status: "succeeded", contacts_added: 1, contacts_excluded: 1, request_shape: "callback" });
    expect(runRow.session_name).toMatch(/^Callbacks - /);
    const [s] = await h.sql`select session_type from public.phoneburner_sessions s
                             join public.phoneburner_push_runs r on r.session_id = s.id where r.id = ${runRow.id}`;
    expect(s.session_type).toBe("callback_followup");
    // the next hourly run adds nothing
    await job("tasks__push_due_callbacks");
    const [{ n }] = await h.sql`select count(*)::int as n from public.phoneburner_push_runs where request_shape = 'callback' and target_user_id = ${rep.id}`;
    expect(n).toBe(1);
  });
});
