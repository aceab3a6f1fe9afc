/**
 * SourceCo's frontend, played as it runs: its edge-function calls through supabase-js `functions.invoke`
 * (the functions `npm start` serves, against the PhoneBurner sandbox), PhoneBurner's dial-session callbacks
 * posted the way PhoneBurner posts them (URL token, form or JSON), and its screens' reads and writes run as
 * the signed-in rep the way PostgREST runs them (`set local role authenticated` + `request.jwt.claims`),
 * with the exact selects of shared/docs/sourceco-frontend-reads.md. One clock: t0, taken once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, FunctionsHttpError, type SupabaseClient } from "@supabase/supabase-js";
import { runOnce } from "graphile-worker";
import type postgres from "postgres";
import { taskList } from "../../jobs/tasks/index.ts";
import { startHarness, type Harness, type Rep } from "../fixtures/phoneburner-push/harness.ts";
import { quietLogger } from "../../supabase/local/db.ts";

const t0 = Date.now();
let h: Harness;
let rep: Rep;
let admin: Rep;
let rival: Rep;

beforeAll(async () => {
  h = await startHarness({ tag: "sourceco_fe" });
  rep = await h.rep("rep");
  admin = await h.rep("admin", { withToken: false });
  const rivalTeam = (await h.sql`insert into public.teams (name) values (${h.tag + "_rival"}) returning id`)[0].id as string;
  rival = await h.rep("rep", { team: rivalTeam });
  h.applyEnvToProcess();
});

afterAll(async () => {
  if (!h) return;
  await h.sql`delete from public.teams where name = ${h.tag + "_rival"}`.catch(() => {});
  await h.cleanup();
});

/** The frontend's supabase client, signed in as a user. */
function browser(user: Rep): SupabaseClient {
  return createClient(h.functions.url.replace(/\/functions\/v1\/?$/, ""), "anon-key-not-checked-locally", {
    global: { headers: { Authorization: `Bearer ${user.jwt}` } },
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/** A screen's query as PostgREST runs it for the signed-in user. */
async function asUser<T>(user: Rep, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return await h.sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: user.id, role: "authenticated", email: user.email })}, true)`;
    await tx`set local role authenticated`;
    return await fn(tx);
  }) as T;
}

/** PhoneBurner's time format in the account's zone (America/New_York). */
function pbTime(ms: number): string {
  const p = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(new Date(ms));
  const g = (t: string) => p.find((x) => x.type === t)!.value;
  return `${g("year")}-${g("month")}-${g("day")} ${g("hour")}:${g("minute")}:${g("second")}`;
}

async function work() {
  await runOnce({ connectionString: process.env.TEST_DATABASE_URL!, taskList, logger: quietLogger() });
}

/** A body as PhoneBurner form-encodes it (PHP style: agent[user_id]=…, call_notes[]=…). */
function phpForm(value: unknown, prefix = "", out = new URLSearchParams()): URLSearchParams {
  if (Array.isArray(value)) value.forEach((v) => phpForm(v, `${prefix}[]`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) phpForm(v, prefix ? `${prefix}[${k}]` : k, out);
  } else out.append(prefix, value === null || value === undefined ? "" : String(value));
  return out;
}

async function callback(type: string, body: Record<string, unknown>, form = false) {
  const url = `${h.functions.url}/phoneburner-webhook?token=${encodeURIComponent(h.env.PHONEBURNER_WEBHOOK_TOKENS)}&type=${type}`;
  const res = form
    ? await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: phpForm(body).toString() })
    : await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return res.status;
}

describe("SourceCo's settings screen", () => {
  it("saves the rep's token with its upsert on user_id, lists the connected reps, and disconnects", async () => {
    const me = await h.rep("rep", { withToken: false });
    // use-phoneburner-users.ts: .upsert({...}, { onConflict: 'user_id' }) — twice, as a rep re-saving does
    for (const token of ["pb-manual-1", "pb-manual-2"]) {
      await asUser(me, (tx) => tx`
        insert into public.phoneburner_oauth_tokens (user_id, access_token, refresh_token, display_name, is_manual_token, expires_at, updated_at)
        select user_id, access_token, refresh_token, display_name, is_manual_token, expires_at, updated_at
          from json_populate_recordset(null::public.phoneburner_oauth_tokens, ${JSON.stringify([{ user_id: me.id, access_token: token,
            refresh_token: "", display_name: "Me at PB", is_manual_token: true, expires_at: "2099-01-01T00:00:00.000Z",
            updated_at: new Date(t0).toISOString() }])}::text::json)
        on conflict (user_id) do update set user_id = excluded.user_id, access_token = excluded.access_token,
          refresh_token = excluded.refresh_token, display_name = excluded.display_name, is_manual_token = excluded.is_manual_token,
          expires_at = excluded.expires_at, updated_at = excluded.updated_at`);
    }
    const [cred] = await h.sql`select access_token from dialbridge.phoneburner_credentials(${me.id})`;
    expect(cred.access_token).toBe("pb-manual-2");
    const listed = await asUser(me, (tx) => tx`select user_id::text, display_name, is_manual_token from public.get_phoneburner_connected_users()`);
    expect(listed).toContainEqual({ user_id: me.id, display_name: "Me at PB", is_manual_token: true });
    const fallback = await asUser(me, (tx) => tx`
      select id, user_id, display_name, phoneburner_user_email, expires_at, updated_at from public.phoneburner_oauth_tokens`);
    expect(fallback).toHaveLength(1);
    const tokenColumn = await asUser(me, (tx) => tx`select access_token from public.phoneburner_oauth_tokens`);
    expect(tokenColumn).toEqual([{ access_token: "[encrypted]" }]);
    await asUser(me, (tx) => tx`delete from public.phoneburner_oauth_tokens where user_id = ${me.id}`);
    expect(await h.sql`select 1 from dialbridge.phoneburner_credentials(${me.id})`).toHaveLength(0);
  });
});

describe("SourceCo's push modal", () => {
  it("pushes through functions.invoke and gets the one-time link to open, in one dial session", async () => {
    const ids = await h.contacts(3);
    const { data, error } = await browser(rep).functions.invoke("phoneburner-push-contacts", {
      body: { entity_type: "contacts", entity_ids: ids, session_name: "Frontend list", skip_recent_days: 7 },
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ success: true, contacts_added: 3, contacts_excluded: 0 });
    expect(data.redirect_url).toMatch(/sso_key_login/); // window.open(r.redirect_url) when success && contacts_added > 0
    const state = await h.sandboxState();
    const sessions = state.sessions.filter((s: any) => s.owner_user_id === rep.phoneburnerUserId && s.name === "Frontend list");
    expect(sessions.map((s: any) => s.contact_ids.length)).toEqual([3]);
  });

  it("reads the frontend's messages from error.context on a failure", async () => {
    const client = browser(rep);
    const none = await client.functions.invoke("phoneburner-push-contacts", { body: { entity_type: "buyers", entity_ids: [] } });
    expect(none.error).toBeInstanceOf(FunctionsHttpError);
    expect((none.error as FunctionsHttpError).context.status).toBe(400);
    const missing = await client.functions.invoke("phoneburner-push-contacts", {
      body: { entity_type: "buyers", entity_ids: ["9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"] } });
    expect(await (missing.error as FunctionsHttpError).context.json()).toMatchObject({ error: "No contacts found for the given entities" });
    const notConnected = await browser(admin).functions.invoke("phoneburner-push-contacts", {
      body: { entity_type: "contacts", entity_ids: await h.contacts(1) } });
    const body = await (notConnected.error as FunctionsHttpError).context.json();
    expect(body.error).toContain("PhoneBurner not connected");
    expect(body.code).toBe("PB_NOT_CONNECTED");
    const unknownField = await client.functions.invoke("phoneburner-push-contacts", {
      body: { entity_type: "contacts", entity_ids: await h.contacts(1), inline_contacts: [{ phone: "+12125550199", favourite_colour: "blue" }] } });
    expect((await (unknownField.error as FunctionsHttpError).context.json()).error).toMatch(/favourite_colour/);
  });

  it("dials a buyer firm's contacts (entity_type buyers) and ClickToDialPhone's inline contact with its deal anchors", async () => {
    const buyerId = "5d7a3a6e-1c2b-4e8f-9a10-0b1c2d3e4f50";
    const ids = await h.contacts(2);
    await h.sql`update public.contacts set remarketing_buyer_id = ${buyerId} where id = any(${ids}::uuid[])`;
    const { data } = await browser(rep).functions.invoke("phoneburner-push-contacts", {
      body: { entity_type: "buyers", entity_ids: [buyerId], session_name: "Buyer firm" } });
    expect(data).toMatchObject({ success: true, contacts_added: 2 });
    const listingId = "6e8b4b7f-2d3c-4f90-8b21-1c2d3e4f5a61";
    const inline = await browser(rep).functions.invoke("phoneburner-push-contacts", {
      body: { entity_type: "listings", entity_ids: [], session_name: "Quick dial",
              inline_contacts: [{ phone: "(646) 555-0142", name: "Dana Owner", email: `dana.${h.tag}@example.test`,
                                  company: "Owner Co", listing_id: listingId }] } });
    expect(inline.data).toMatchObject({ success: true, contacts_added: 1 });
    const [c] = await h.sql`select listing_id::text from public.contacts where email = ${`dana.${h.tag}@example.test`}`;
    expect(c.listing_id).toBe(listingId);
  });
});

describe("PhoneBurner's callbacks and SourceCo's screens", () => {
  let contactId: string;
  let sourcecoId: string;

  beforeAll(async () => {
    [contactId] = await h.contacts(1);
    const [c] = await h.sql`select sourceco_contact_id, phone_e164 from public.contacts where id = ${contactId}`;
    sourcecoId = c.sourceco_contact_id;
    await h.sql`update public.contacts set email = ${`dana.${h.tag}.calls@example.test`} where id = ${contactId}`;
    await h.sql`update public.contacts set listing_id = '7f9c5c80-3e4d-4a01-9c32-2d3e4f5a6b72' where id = ${contactId}`;
    const callId = 880000 + Math.floor(Math.random() * 100000);
    const agent = { user_id: Number(rep.phoneburnerUserId), first_name: "Rep", last_name: "One", email: rep.email };
    const contact = { user_id: 55500000 + (callId % 1000), phone: String(c.phone_e164).slice(2), first_name: "First1",
                      last_name: "Last1", primary_email: "someone@example.test", notes: "Met at the conference." };
    const start = t0 - 30 * 60_000;
    expect(await callback("api_callbegin", { call_id: callId, ds_id: 991, start_time: pbTime(start), agent, contact,
      custom_fields: { "SourceCo ID": sourcecoId } })).toBe(200);
    // the call ends, the rep sets "Call Back" with a follow-up — delivered by an intermediary that wraps
    // PhoneBurner's body with the call's transcript
    expect(await callback("api_calldone", { body: { call_id: String(callId), ds_id: "991", status: "Call Back", duration: "185",
      start_time: pbTime(start), end_time: pbTime(start + 185_000), connected: "1", direction: "outbound",
      recording_url: `https://www.phoneburner.com/index/recording/${callId}`,
      recording_url_public: `https://www.phoneburner.com/public/recording/${callId}?key=k`,
      call_notes: ["Wants the teaser next week."], follow_up: pbTime(t0 + 3 * 86_400_000),
      agent, contact, custom_fields: { "SourceCo ID": sourcecoId } },
      Transcript: "Rep: Hi Dana. Buyer: Send me the teaser next week.", status: "completed" })).toBe(200);
    // a second call of the same contact, posted as a form as PhoneBurner does, not connected
    expect(await callback("api_calldone", { call_id: String(callId + 1), ds_id: "991", status: "No Answer", duration: "30",
      start_time: pbTime(start - 86_400_000), end_time: pbTime(start - 86_400_000 + 30_000), connected: "0",
      call_notes: [""], agent, contact, custom_fields: { "SourceCo ID": sourcecoId } }, true)).toBe(200);
    await work();
  });

  it("CallActivityList's select: one row per call, with every column it reads and the callback on it", async () => {
    const rows = await asUser(rep, (tx) => tx`
      select id, activity_type, call_started_at, call_ended_at, call_duration_seconds, talk_time_seconds, call_outcome,
             call_connected, call_direction, disposition_code, disposition_label, disposition_notes, callback_scheduled_date,
             recording_url, recording_url_public, call_transcript, phoneburner_status, contact_notes, contact_email,
             user_name, remarketing_buyer_id, listing_id, valuation_lead_id, ai_summary, source_system, matching_status
        from public.contact_activities where contact_id = ${contactId} order by call_started_at desc`);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ activity_type: "call_completed", call_connected: false, phoneburner_status: "No Answer" });
    expect(rows[0]).toMatchObject({
      activity_type: "call_completed", call_connected: true, call_direction: "outbound", phoneburner_status: "Call Back",
      call_transcript: "Rep: Hi Dana. Buyer: Send me the teaser next week.", contact_notes: "Met at the conference.",
      listing_id: "7f9c5c80-3e4d-4a01-9c32-2d3e4f5a6b72", source_system: "phoneburner", matching_status: "matched",
    });
    expect(rows[0].recording_url_public).toMatch(/public\/recording/);
    expect(rows[0].callback_scheduled_date).toBeInstanceOf(Date);
  });

  it("the dashboards count the call once, as calls and as connected", async () => {
    const [counts] = await asUser(rep, (tx) => tx`
      select count(*) filter (where activity_type in ('call_attempt', 'call_completed'))::int as calls,
             count(*) filter (where call_connected or call_outcome = 'dispositioned')::int as connected
        from public.contact_activities where contact_id = ${contactId}`);
    expect(counts).toEqual({ calls: 2, connected: 1 });
    const [stats] = await asUser(rep, (tx) => tx`select public.get_remarketing_dashboard_stats(${new Date(t0 - 86_400_000)}) -> 'cards' as cards`);
    expect(stats.cards.calls_made).toBeGreaterThanOrEqual(1);
  });

  it("the contact timeline reads unified_contact_timeline with the metadata keys it maps", async () => {
    const rows = await asUser(rep, (tx) => tx`
      select event_type, title, direction, metadata from public.unified_contact_timeline
       where contact_id = ${contactId} and source = 'phoneburner' order by event_at desc`);
    expect(rows).toHaveLength(2);
    expect(rows[0].metadata).toMatchObject({ call_connected: true, phoneburner_status: "Call Back", contact_notes: "Met at the conference." });
    expect(rows[0].metadata.callback_scheduled_date).toBeTruthy();
  });

  it("generate-call-summary summarises the call and caches it in ai_summary", async () => {
    const [a] = await h.sql`select id from public.contact_activities where contact_id = ${contactId} and call_transcript is not null`;
    const { data, error } = await browser(rep).functions.invoke("generate-call-summary", {
      body: { contact_activity_id: a.id, disposition: "Call Back" } });
    expect(error).toBeNull();
    expect(typeof data.summary).toBe("string");
    expect(data.summary.length).toBeGreaterThan(10);
    const again = await browser(rep).functions.invoke("generate-call-summary", { body: { contact_activity_id: a.id } });
    expect(again.data).toMatchObject({ summary: data.summary, cached: true });
    const other = await browser(rival).functions.invoke("generate-call-summary", { body: { contact_activity_id: a.id } });
    expect(other.error).toBeInstanceOf(FunctionsHttpError);
  });

  it("the system test runner's calls answer without a network failure", async () => {
    const ping = await browser(admin).functions.invoke("phoneburner-webhook", { body: {} });
    expect(ping.error === null || ping.error instanceof FunctionsHttpError).toBe(true);
    const sync = await browser(admin).functions.invoke("sync-phoneburner-transcripts", { body: { limit: 1 } });
    expect(sync.error).toBeNull();
    expect(sync.data).toHaveProperty("synced");
    for (const table of ["contact_activities", "phoneburner_oauth_tokens", "phoneburner_webhooks_log", "phoneburner_sessions", "disposition_mappings"]) {
      await expect(asUser(admin, (tx) => tx.unsafe(`select id from public.${table} limit 1`))).resolves.toBeDefined();
    }
  });

  it("the manual call log inserts as sent and is the rep's own, linked to the contact by e-mail", async () => {
    const [c] = await h.sql`select email from public.contacts where id = ${contactId}`;
    await asUser(rep, (tx) => tx`
      insert into public.contact_activities (activity_type, source_system, contact_email, call_outcome, disposition_notes,
                                             call_started_at, listing_id)
      values ('call_completed', 'manual', ${c.email}, 'callback', 'Logged by hand', ${new Date(t0 - 5 * 60_000)},
              '7f9c5c80-3e4d-4a01-9c32-2d3e4f5a6b72')`);
    const [row] = await asUser(rep, (tx) => tx`
      select user_id::text, contact_id::text, call_outcome, details ->> 'outcome_sent' as sent
        from public.contact_activities where source_system = 'manual' and contact_id = ${contactId}`);
    expect(row).toEqual({ user_id: rep.id, contact_id: contactId, call_outcome: "connected", sent: "callback" });
  });

  it("a callback without SourceCo's id, for a contact just pushed, finds it by a number of contact.phones[]", async () => {
    const [id] = await h.contacts(1, { areaCode: "862" });
    const { data } = await browser(rep).functions.invoke("phoneburner-push-contacts", {
      body: { entity_type: "contacts", entity_ids: [id], session_name: "Phones only" } });
    expect(data).toMatchObject({ success: true, contacts_added: 1 });
    const [c] = await h.sql`select phone_e164 from public.contacts where id = ${id}`;
    const callId = 770000 + Math.floor(Math.random() * 100000);
    const start = t0 - 10 * 60_000;
    expect(await callback("api_calldone", { call_id: callId, ds_id: 770000 + (callId % 1000), status: "Left Message", duration: 40,
      start_time: pbTime(start), end_time: pbTime(start + 40_000), connected: "0",
      agent: { user_id: Number(rep.phoneburnerUserId), email: rep.email },
      contact: { user_id: 66600000 + (callId % 1000), phones: [{ number: String(c.phone_e164).slice(2), type: "Office", is_primary: "1" }] } }))
      .toBe(200);
    await work();
    const rows = await asUser(rep, (tx) => tx`select contact_id::text, matching_status from public.contact_activities
                                                where phoneburner_call_id = ${String(callId)}`);
    expect(rows).toEqual([{ contact_id: id, matching_status: "matched" }]);
  });

  it("another team's rep reads none of it", async () => {
    const rows = await asUser(rival, (tx) => tx`select 1 from public.contact_activities where contact_id = ${contactId}`);
    expect(rows).toHaveLength(0);
    const timeline = await asUser(rival, (tx) => tx`select 1 from public.unified_contact_timeline where contact_id = ${contactId}`);
    expect(timeline).toHaveLength(0);
  });
});
