/**
 * Pushing into PhoneBurner end to end: the real push function (Deno) against the test database and the
 * PhoneBurner sandbox. A 500-contact list lands in one dial session exactly once — also when the first
 * attempt times out or PhoneBurner answers 429 twice; excluded contacts never reach PhoneBurner; a legal
 * do-not-call contact cannot be pushed by any request shape, override or role; SourceCo's request shape
 * gets SourceCo's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receivedKeys, startHarness, type Harness, type Rep } from "../fixtures/phoneburner-push/harness.ts";

let h: Harness;
let rep: Rep;
let admin: Rep;

beforeAll(async () => {
  h = await startHarness({ tag: "push_e2e" });
  rep = await h.rep("rep");
  admin = await h.rep("admin", { team: null });
});

afterAll(async () => {
  await h?.cleanup();
});

async function keysOf(ids: string[]): Promise<string[]> {
  const rows = await h.sql`select sourceco_contact_id from public.contacts where id = any(${ids}::uuid[])`;
  return rows.map((r) => r.sourceco_contact_id as string);
}

async function dialSessions() {
  const state = await h.sandboxState();
  return state.sessions.filter((s: any) => s.owner_user_id === rep.phoneburnerUserId);
}

describe("a 500-contact push", () => {
  it("lands in one dial session, once, with the rep's sign-in link, the session and the push log recorded", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(500);
    const answer = await h.push(rep, { contact_ids: ids, session: { mode: "new", name: "PE Buyers - 500" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, status: "succeeded", contacts_added: 500, contacts_excluded: 0 });
    expect(answer.body.redirect_url).toMatch(/\/index\/sso_key_login\?key=/);

    const sessions = await dialSessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].name).toBe("PE Buyers - 500");
    expect(sessions[0].contact_ids).toHaveLength(500);
    expect(sessions[0].custom_data.request_id).toBe(`${answer.body.request_id}:1`);
    expect(sessions[0].callbacks).toBe(3);

    const [run] = await h.sql`select status, contacts_added, session_id, batches_done from public.phoneburner_push_runs where id = ${answer.body.run_id}`;
    expect(run).toMatchObject({ status: "succeeded", contacts_added: 500, batches_done: 1 });
    const [members] = await h.sql`select count(*)::int as n from public.phoneburner_session_contacts where session_id = ${run.session_id}`;
    expect(members.n).toBe(500);
    const [synced] = await h.sql`select count(*)::int as n from public.contacts where id = any(${ids}::uuid[]) and phoneburner_last_sync_at is not null`;
    expect(synced.n).toBe(500);
    const [log] = await h.sql`select contacts_pushed, pushed_by_user_id from public.phoneburner_push_log where run_id = ${answer.body.run_id}`;
    expect(log).toMatchObject({ contacts_pushed: 500, pushed_by_user_id: rep.id });
  });

  it("lands once even when the first attempt times out: the session is looked up by its key, not created again", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(500);
    // the first dial session takes 3.5 s (> the 3 s timeout) and is still created by the sandbox
    await h.faults({ slow: { count: 1, delay_ms: 3500 } });
    const answer = await h.push(rep, { contact_ids: ids });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, status: "succeeded", contacts_added: 500 });
    await new Promise((r) => setTimeout(r, 1500)); // anything still in flight lands in the sandbox
    const sessions = await dialSessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].contact_ids).toHaveLength(500);
    const writes = (await h.sandboxRequests()).filter((r) => r.method === "POST" && r.path === "/rest/1/dialsession");
    expect(writes).toHaveLength(1);
    // and PhoneBurner's id came with the lookup
    expect(answer.body.phoneburner_session_id).toBe(sessions[0].id);
  });

  it("lands once when PhoneBurner answers 429 twice, honouring Retry-After", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(500);
    await h.faults({ rate_limit: { count: 2, retry_after_seconds: 1 } });
    const started = Date.now();
    const answer = await h.push(rep, { contact_ids: ids });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, contacts_added: 500 });
    const writes = (await h.sandboxRequests()).filter((r) => r.method === "POST" && r.path === "/rest/1/dialsession");
    expect(writes.map((w) => w.status)).toEqual([429, 429, 201]);
    const gaps = writes.slice(1).map((w, i) => Date.parse(w.at) - Date.parse(writes[i].at));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(await dialSessions()).toHaveLength(1);
  });

  it("fails visibly when PhoneBurner keeps failing: the error is on the run and in the answer", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(3);
    await h.faults({ server_error: { count: 10 } });
    const answer = await h.push(rep, { contact_ids: ids });
    expect(answer.status).toBe(502);
    expect(answer.body.success).toBe(false);
    expect(answer.body.error).toMatch(/PhoneBurner API error/);
    const [run] = await h.sql`select status, error_code, contacts_failed from public.phoneburner_push_runs where id = ${answer.body.run_id}`;
    expect(run.status).toBe("failed");
    expect(run.error_code).toMatch(/^PB_/);
    expect(run.contacts_failed).toBe(3);
    await h.faults({ server_error: { count: 0 } });
  });
});

describe("exclusions", () => {
  it("never reach PhoneBurner, in either API style", async () => {
    for (const style of ["dialsession", "seed"] as const) {
      await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
      const ids = await h.contacts(20);
      const [dnc, suppressed, recent, invalid] = ids;
      await h.sql`update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = ${dnc}`;
      await h.sql`insert into public.suppressions (contact_id, team_id, suppression_type, reason, source, expires_at)
                  values (${suppressed}, ${h.teamId}, 'internal', 'not_interested', 'manual', now() + interval '90 days')`;
      await h.sql`update public.contacts set last_call_attempt_at = now() - interval '1 day' where id = ${recent}`;
      await h.sql`update public.contacts set phone_number_invalid = true, phone_number_invalid_reason = 'disconnected' where id = ${invalid}`;
      const answer = await h.push(rep, { contact_ids: ids, api_style: style });
      expect(answer.status).toBe(200);
      expect(answer.body.contacts_added).toBe(16);
      expect(answer.body.contacts_excluded).toBe(4);
      const received = receivedKeys(await h.sandboxState());
      const excludedKeys = await keysOf([dnc, suppressed, recent, invalid]);
      for (const k of excludedKeys) expect(received.has(k)).toBe(false);
      expect(received.size).toBe(16);
    }
  });
});

describe("legal do-not-call", () => {
  let dnc: string;
  let dncKey: string;
  let clean: string[];

  beforeAll(async () => {
    clean = await h.contacts(3);
    [dnc] = await h.contacts(1);
    await h.sql`update public.contacts set do_not_call = true, do_not_call_reason = 'user_requested' where id = ${dnc}`;
    [dncKey] = await keysOf([dnc]);
  });

  async function neverReached() {
    expect(receivedKeys(await h.sandboxState()).has(dncKey)).toBe(false);
  }

  it("is refused when overridden, whoever asks", async () => {
    const override = { overrides: [{ contact_id: dnc, reason: "The CEO says it is fine" }] };
    const asRep = await h.push(rep, { contact_ids: [...clean, dnc], options: override });
    expect(asRep.status).toBe(422);
    expect(asRep.body.code).toBe("LEGAL_DNC");
    const asAdmin = await h.push(admin, { contact_ids: [dnc], options: override, target_user_id: rep.id });
    expect(asAdmin.status).toBe(422);
    await neverReached();
  });

  it("is excluded from SourceCo's request shape, by id and by inline number", async () => {
    const byId = await h.push(rep, { entity_type: "contacts", entity_ids: [dnc, ...clean], session_name: "SourceCo push" });
    expect(byId.status).toBe(200);
    expect(byId.body.exclusions.map((e: any) => e.reason)).toEqual(["Legal do-not-call: Requested removal"]);
    const [{ phone }] = await h.sql`select phone from public.contacts where id = ${dnc}`;
    const inline = await h.push(rep, { inline_contacts: [{ phone: phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3"), name: "Same Person" }] });
    expect(inline.status).toBe(200);
    expect(inline.body).toMatchObject({ success: false, contacts_added: 0, contacts_excluded: 1 });
    expect(inline.body.exclusions[0].reason).toMatch(/^Legal do-not-call/);
    await neverReached();
  });

  it("is excluded when an admin pushes for a rep, and when the number is do-not-call on another row", async () => {
    const [fresh] = await h.contacts(1);
    const asAdmin = await h.push(admin, { contact_ids: [dnc, fresh], target_user_id: rep.id });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.contacts_excluded).toBe(1);
    const [{ phone }] = await h.sql`select phone from public.contacts where id = ${dnc}`;
    const [{ id: twin }] = await h.sql`
      insert into public.contacts (team_id, first_name, last_name, phone, phone_e164, phone_status, phone_normalized_from)
      values (${h.teamId}, 'Twin', 'Row', ${phone}, ${phone}, 'valid', ${phone}) returning id`;
    const answer = await h.push(rep, { contact_ids: [twin] });
    expect(answer.body.success).toBe(false);
    expect(answer.body.exclusions[0].reason_code).toBe("legal_dnc");
    await neverReached();
  });
});

describe("SourceCo's request shape", () => {
  it("gets SourceCo's answer", async () => {
    const ids = await h.contacts(4);
    await h.sql`update public.contacts set last_call_attempt_at = now() - interval '3 days' where id = ${ids[3]}`;
    const keys = await keysOf(ids);
    const [recent] = await h.sql`select first_name, last_name from public.contacts where id = ${ids[3]}`;
    const answer = await h.push(rep, { entity_type: "buyer_contacts", entity_ids: keys, session_name: "Legacy push", skip_recent_days: 7 });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expect.objectContaining({
      success: true,
      request_id: expect.any(String),
      redirect_url: expect.stringMatching(/^http/),
      contacts_added: 3,
      contacts_excluded: 1,
      exclusions: [expect.objectContaining({ name: `${recent.first_name} ${recent.last_name}`, reason: "Recently contacted: Called 3 days ago" })],
    }));
    const sessions = await dialSessions();
    expect(sessions.some((s: any) => s.name === "Legacy push" && s.contact_ids.length === 3)).toBe(true);
  });

  it("answers SourceCo's errors: no token, no contacts, no entities, unsupported types, no JWT", async () => {
    const noToken = await h.rep("rep", { withToken: false });
    const a = await h.push(noToken, { entity_ids: ["x"] });
    expect(a).toMatchObject({ status: 400, body: { code: "PB_NOT_CONNECTED" } });
    const b = await h.push(rep, { entity_type: "contacts", entity_ids: ["sc_does_not_exist"] });
    expect(b).toMatchObject({ status: 404, body: { error: "No contacts found for the given entities" } });
    const c = await h.push(rep, { entity_type: "contacts", entity_ids: [] });
    expect(c).toMatchObject({ status: 400, body: { error: "No entities provided" } });
    // buyer firms and valuation leads resolve through the contacts' anchors: none here → the frontend's 404
    const d = await h.push(rep, { entity_type: "buyers", entity_ids: [crypto.randomUUID()] });
    expect(d).toMatchObject({ status: 404, body: { error: "No contacts found for the given entities" } });
    const d2 = await h.push(rep, { entity_type: "leads", entity_ids: ["lead_1"] });
    expect(d2.status).toBe(400);
    expect(d2.body.error).toMatch(/leads ids must be uuids/);
    // a field the push does not keep is refused by name, never stripped
    const d3 = await h.push(rep, { inline_contacts: [{ phone: "+12125550100", favourite_colour: "blue" }] });
    expect(d3.status).toBe(400);
    expect(d3.body.error).toMatch(/favourite_colour/);
    const e = await h.push(null, { entity_ids: ["x"] });
    expect(e).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    const forged = { ...rep, jwt: rep.jwt.slice(0, -4) + "AAAA" };
    expect((await h.push(forged, { entity_ids: ["x"] })).status).toBe(401);
  });
});

describe("idempotency of the request", () => {
  it("answers a repeated request_id with the same run instead of pushing again", async () => {
    await fetch(`${h.sandbox.url}/__sandbox/reset`, { method: "POST" });
    const ids = await h.contacts(5);
    const first = await h.push(rep, { contact_ids: ids }, { "Idempotency-Key": `same-${h.tag}` });
    const second = await h.push(rep, { contact_ids: ids }, { "Idempotency-Key": `same-${h.tag}` });
    expect(second.body.run_id).toBe(first.body.run_id);
    expect(second.body.replayed).toBe(true);
    expect(second.body.redirect_url).toBe(first.body.redirect_url);
    expect(await dialSessions()).toHaveLength(1);
  });
});
