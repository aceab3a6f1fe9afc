/**
 * The worker's half of a push: one dial session per push (real PhoneBurner, up to 2,500 contacts) that is
 * too long to take in while the rep waits, batches after the first when a push is split (batch_size, or
 * beyond the session limit: one session per batch; the seed contract 500 per request into one session), batches the function handed over while the
 * rep's account was busy, a batch whose sender died after PhoneBurner took it (resumed by the cron sweep
 * and found by its key, never sent twice), and phone numbers typed in the browser normalised by the job
 * the contacts trigger queues.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { taskList } from "../../jobs/tasks/index.ts";
import { startHarness, type Harness, type Rep } from "../fixtures/phoneburner-push/harness.ts";
import { quietLogger } from "../../supabase/local/db.ts";

let h: Harness;
let rep: Rep;

beforeAll(async () => {
  h = await startHarness({ tag: "push_worker", env: { PHONEBURNER_LEASE_WAIT_MS: "300", PHONEBURNER_INTAKE_MS_PER_CONTACT: "100" } });
  rep = await h.rep("rep");
  h.applyEnvToProcess();
});

afterAll(async () => {
  await h?.cleanup();
});

async function work() {
  await runOnce({ connectionString: process.env.TEST_DATABASE_URL!, taskList, logger: quietLogger() });
}

async function run(id: string) {
  const [r] = await h.sql`select status, stage, contacts_ready, contacts_added, contacts_done, batches_total, batches_done, error
                            from public.phoneburner_push_runs where id = ${id}`;
  return r;
}

async function repSessions() {
  const state = await h.sandboxState();
  return state.sessions.filter((s: any) => s.owner_user_id === rep.phoneburnerUserId);
}

describe("a 1,200-contact push", () => {
  it("is one dial session (real PhoneBurner); too long to take in while the rep waits, the worker sends it", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(1200);
    // PhoneBurner takes ~100 ms a contact here: 1,200 need about 2 minutes, more than the function's 110 s
    const answer = await h.push(rep, { contact_ids: ids, session: { mode: "new", name: "Big list" } });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ success: true, status: "queued", progress: { done: 0, total: 1200, batches_done: 0, batches_total: 1 } });
    expect(answer.body.stage_detail ?? answer.body.message ?? "").toMatch(/about 13\d s to take in 1200 contacts|background/);

    await work();
    expect(await run(answer.body.run_id)).toMatchObject({ status: "succeeded", stage: "done", contacts_added: 1200, batches_total: 1, batches_done: 1 });
    const sessions = await repSessions();
    expect(sessions.map((s: any) => [s.name, s.contact_ids.length])).toEqual([["Big list", 1200]]);
    // one request, with a wait sized to the list (not the 3 s per-request timeout of this harness)
    const posts = (await h.sandboxRequests()).filter((r: any) => r.method === "POST" && /\/dialsession$/.test(r.path));
    expect(posts).toHaveLength(1);
  });

  it("splits only when asked to (batch_size) or beyond the session limit: one dial session per batch, named (n/N)", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(1200);
    const answer = await h.push(rep, { contact_ids: ids, session: { mode: "new", name: "Big list" }, options: { batch_size: 500 } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, status: "pushing", progress: { done: 500, total: 1200, batches_done: 1, batches_total: 3 } });
    expect(answer.body.redirect_url).toMatch(/sso_key_login/);

    await work();
    expect(await run(answer.body.run_id)).toMatchObject({ status: "succeeded", stage: "done", contacts_added: 1200, batches_done: 3 });
    const sessions = await repSessions();
    expect(sessions.map((s: any) => [s.name, s.contact_ids.length]).sort()).toEqual([
      ["Big list (1/3)", 500], ["Big list (2/3)", 500], ["Big list (3/3)", 200]]);
    const [{ n }] = await h.sql`select count(*)::int as n from public.phoneburner_sessions s
                                 join public.phoneburner_push_batches b on b.session_id = s.id
                                 join public.phoneburner_push_runs r on r.id = b.run_id where r.id = ${answer.body.run_id}`;
    expect(n).toBe(3);
  });

  it("goes into one session in the seed contract, the later batches added to the first one's session", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(1200);
    const answer = await h.push(rep, { contact_ids: ids, api_style: "seed", session: { mode: "new", name: "Seed list" } });
    expect(answer.status).toBe(200);
    await work();
    expect(await run(answer.body.run_id)).toMatchObject({ status: "succeeded", contacts_added: 1200 });
    const sessions = await repSessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].contact_ids).toHaveLength(1200);
    const [{ n, total }] = await h.sql`
      select count(*)::int as n, max(s.total_contacts_added)::int as total from public.phoneburner_sessions s
       where s.id = (select session_id from public.phoneburner_push_runs where id = ${answer.body.run_id})`;
    expect([n, total]).toEqual([1, 1200]);
  });
});

describe("a busy account", () => {
  it("makes the function hand the batch to the worker (202), which sends it once the account is free", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(10);
    await h.sql`insert into dialbridge.phoneburner_account_leases (user_id, holder, expires_at)
                values (${rep.id}, 'another-push', now() + interval '1 minute')`;
    const answer = await h.push(rep, { contact_ids: ids });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ success: true, status: "queued", stage: "waiting_to_retry", redirect_url: null });
    expect(await repSessions()).toHaveLength(0);

    await h.sql`delete from dialbridge.phoneburner_account_leases where user_id = ${rep.id}`;
    await work();
    expect(await run(answer.body.run_id)).toMatchObject({ status: "succeeded", contacts_added: 10 });
    expect(await repSessions()).toHaveLength(1);
  });
});

describe("a sender that died after PhoneBurner took the batch", () => {
  it("is resumed by the sweep, and the session is found by its key instead of created again", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(7);
    // the push is handed to the worker (account busy), then its job is lost
    await h.sql`insert into dialbridge.phoneburner_account_leases (user_id, holder, expires_at)
                values (${rep.id}, 'another-push', now() + interval '1 minute')`;
    const answer = await h.push(rep, { contact_ids: ids });
    await h.sql`delete from dialbridge.phoneburner_account_leases where user_id = ${rep.id}`;
    const [batch] = await h.sql`select id, request_key from public.phoneburner_push_batches where run_id = ${answer.body.run_id}`;
    await h.sql`delete from graphile_worker._private_jobs where key = ${"phoneburner_push_batch:" + batch.id}`;

    // … a sender had claimed it and PhoneBurner created the session, then the sender died
    await h.sql`select dialbridge.claim_push_batch(${batch.id}, 'function:dead')`;
    const created = await fetch(`${h.sandbox.url}/rest/1/dialsession`, {
      method: "POST", headers: { Authorization: `Bearer ${rep.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "x", contacts: [{ first_name: "A", last_name: "B", phone: "+12125550111" }], custom_data: { request_id: batch.request_key } }),
    });
    expect(created.status).toBe(201);

    await work(); // nothing queued: the run is stalled
    expect((await run(answer.body.run_id)).status).toBe("pushing");
    // the cron sweep (here: anything not moving for 0 s, instead of 3 minutes)
    const [{ n }] = await h.sql`select dialbridge.resume_stalled_push_batches(interval '0 seconds') as n`;
    expect(n).toBeGreaterThanOrEqual(1);
    await work();
    expect(await run(answer.body.run_id)).toMatchObject({ status: "succeeded" });
    expect(await repSessions()).toHaveLength(1);
    const writes = (await h.sandboxRequests()).filter((r) => r.method === "POST" && r.path === "/rest/1/dialsession");
    expect(writes).toHaveLength(1);
  });
});

describe("phone numbers typed in the browser", () => {
  it("are normalised by the queued job; unparseable ones are flagged", async () => {
    const rows = await h.sql`
      insert into public.contacts (team_id, first_name, last_name, phone, country)
      values (${h.teamId}, 'Typed', 'Us', '(415) 555-0142', 'USA'), (${h.teamId}, 'Typed', 'Uk', '020 7946 0958', 'United Kingdom'),
             (${h.teamId}, 'Typed', 'Bad', '555-CALL-ME', null)
      returning id, phone_status`;
    expect(rows.map((r) => r.phone_status)).toEqual(["pending", "pending", "pending"]);
    await work();
    const after = await h.sql`select last_name, phone_e164, phone_status, phone_number_invalid_reason from public.contacts
                               where id = any(${rows.map((r) => r.id)}::uuid[]) order by last_name`;
    expect(after.map((r) => [r.last_name, r.phone_e164, r.phone_status, r.phone_number_invalid_reason])).toEqual([
      ["Bad", null, "invalid", "unparseable"],
      ["Uk", "+442079460958", "valid", null],
      ["Us", "+14155550142", "valid", null],
    ]);
  });
});

describe("do-not-call after a push", () => {
  it("reaches the rep's live session: the contact is flagged and taken out of PhoneBurner, and the compliance view empties", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(3);
    const answer = await h.push(rep, { contact_ids: ids, session: { mode: "new", name: "DNC list" } });
    expect(answer.status).toBe(200);
    // PhoneBurner's ids of the contacts, as the reconciliation stores them
    const state = await h.sandboxState();
    const [sc] = await h.sql`select sourceco_contact_id from public.contacts where id = ${ids[1]}`;
    const pb = state.contacts.find((c: any) => c.crm_keys.includes(`sourceco:${sc.sourceco_contact_id}`)
      || c.custom_fields?.["SourceCo ID"] === sc.sourceco_contact_id);
    expect(pb).toBeTruthy();
    await h.sql`update public.contacts set phoneburner_contact_id = ${pb.id} where id = ${ids[1]}`;

    // the contact asks not to be called again
    await h.sql`insert into public.suppressions (contact_id, team_id, suppression_type, reason, source)
                values (${ids[1]}, ${h.teamId}, 'legal', 'Asked not to be called', 'manual')`;
    const before = await h.sql`select contact_id::text, reason from reports.dnc_dialable_in_sessions where contact_id = ${ids[1]}`;
    expect(before).toEqual([{ contact_id: ids[1], reason: "sending to PhoneBurner (attempt 1)" }]);

    await work();
    const [p] = await h.sql`select status, actions, attempts from public.phoneburner_dnc_propagations where contact_id = ${ids[1]}`;
    expect(p.status).toBe("done");
    expect(Object.keys(p.actions).sort()).toEqual(["flagged", "removed"]);
    const after = await h.sandboxState();
    const gone = after.contacts.find((c: any) => c.id === pb.id);
    expect(gone).toMatchObject({ trashed: true, custom_fields: expect.objectContaining({ "Do Not Call": "Yes" }) });
    const session = after.sessions.find((s: any) => s.owner_user_id === rep.phoneburnerUserId && s.name === "DNC list");
    expect(session.contact_ids).not.toContain(pb.id);
    expect(session.contact_ids).toHaveLength(2);
    const [m] = await h.sql`select state from public.phoneburner_session_contacts where contact_id = ${ids[1]}`;
    expect(m.state).toBe("removed");
    expect(await h.sql`select 1 from reports.dnc_dialable_in_sessions where contact_id = ${ids[1]}`).toHaveLength(0);
    // the flag went as form fields (PhoneBurner's contact endpoints lose JSON fields)
    const writes = (await h.sandboxRequests()).filter((r: any) => r.path === `/rest/1/contacts/${pb.id}`);
    expect(writes.map((w: any) => [w.method, w.status])).toEqual([["PUT", 200], ["DELETE", 200]]);
  });
});

describe("SourceCo edits of a pushed contact", () => {
  async function syncNow() {
    await h.sql`select graphile_worker.add_job('contacts__sync_to_phoneburner', '{}'::json)`;
    await work();
  }
  async function pbContactOf(contactId: string) {
    const [sc] = await h.sql`select sourceco_contact_id from public.contacts where id = ${contactId}`;
    const state = await h.sandboxState();
    return state.contacts.find((c: any) => c.crm_keys.includes(`sourceco:${sc.sourceco_contact_id}`));
  }

  it("reach PhoneBurner in the next batch, field by field, never over a newer PhoneBurner change", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(2);
    const answer = await h.push(rep, { contact_ids: ids, session: { mode: "new", name: "Edits" } });
    expect(answer.status).toBe(200);
    const pb = await pbContactOf(ids[0]);
    await h.sql`update public.contacts set phoneburner_contact_id = ${pb.id} where id = ${ids[0]}`;
    // nothing edited yet: nothing is sent
    await syncNow();
    expect((await h.sandboxRequests()).filter((r: any) => r.method === "PUT")).toHaveLength(0);

    // PhoneBurner: the rep fixes the title there (not received by dialbridge yet); the company was changed there
    // long ago (received: in the audit, older than SourceCo's edit); the city was changed there after SourceCo's edit
    await fetch(`${h.sandbox.url}/__sandbox/contacts/${pb.id}`, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Managing Partner" }) });
    await h.sql`update public.contacts set first_name = 'Jonathan', company = 'Heritage Capital II', city = 'Boston',
                       call_talking_points = 'Ask about the Q3 close', title = 'Partner' where id = ${ids[0]}`;
    await h.sql`insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system, changed_at)
                values (${ids[0]}, ${h.teamId}, 'company', 'Firm 1', 'Heritage Cap', 'phoneburner', now() - interval '1 day'),
                       (${ids[0]}, ${h.teamId}, 'city', null, 'Cambridge', 'phoneburner', now() + interval '1 second')`;
    await syncNow();

    const after = await pbContactOf(ids[0]);
    expect(after).toMatchObject({ first_name: "Jonathan", company: "Heritage Capital II" });
    expect(after.title).toBe("Managing Partner");              // changed in PhoneBurner after what we knew: kept
    expect(after.city).not.toBe("Boston");                      // PhoneBurner's change is newer (audit): not overwritten
    expect(after.custom_fields["Talking Points"]).toBe("Ask about the Q3 close");
    const puts = (await h.sandboxRequests()).filter((r: any) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    const [y] = await h.sql`select status, fields_sent, held_back from dialbridge.phoneburner_contact_syncs where contact_id = ${ids[0]}`;
    expect(y.status).toBe("synced");
    expect(y.fields_sent).toMatchObject({ first_name: "Jonathan", company: "Heritage Capital II" });
    expect(y.held_back).toEqual({ title: "phoneburner_newer", city: "phoneburner_newer" });
    // the other contact was not edited: not touched
    expect(await h.sql`select 1 from dialbridge.phoneburner_contact_syncs where contact_id = ${ids[1]}`).toHaveLength(0);

    // the next batch has nothing new to send
    await syncNow();
    expect((await h.sandboxRequests()).filter((r: any) => r.method === "PUT")).toHaveLength(1);
  });
});
