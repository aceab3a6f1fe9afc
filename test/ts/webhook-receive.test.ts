/**
 * Receiving PhoneBurner events end to end: the real functions server (Deno) against the test database.
 * Every fixture is signed or tokened and posted verbatim, exactly as its sender would; the assertions
 * read the database. Processing is another suite's business: here an event must be stored once, with the
 * right identity and ids, and queued.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { connect, root } from "../../supabase/local/db.ts";
import { freePort, startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";
import { signBody } from "../../functions/_shared/signature.ts";

const DB_URL = process.env.TEST_DATABASE_URL!;
const FIXTURES = path.join(root, "test/fixtures/phoneburner");
const OLD_SECRET = "whsec-old-7d1f0c3a9b";
const NEW_SECRET = "whsec-new-42e8aa61c5";
const OLD_TOKEN = "tok-old-2b5e9c";
const NEW_TOKEN = "tok-new-8f41d7";
const JOB = "phoneburner_webhooks_log__process";

interface Fixture {
  file: string;
  source: string;
  inferable?: boolean;
  post: { auth: "hmac" | "softphone" | "token"; contentType: string; headers?: Record<string, string>; query?: Record<string, string> };
  expect: {
    event_type: string;
    event_id?: string;
    event_id_rule?: "digest";
    call_id: string | null;
    contact_id: string | null;
    sourceco_contact_id: string | null;
    user_id: string | null;
    session_id: string | null;
    event_at: string | null;
    envelope?: Record<string, unknown>;
  };
}

const manifest: { fixtures: Fixture[] } = JSON.parse(readFileSync(path.join(FIXTURES, "manifest.json"), "utf8"));
const body = (f: Fixture) => readFileSync(path.join(FIXTURES, f.file), "utf8");

const sql = connect(DB_URL, { max: 2 });
let server: FunctionsServer;
const logs: string[] = [];
const createdIds = new Set<string>();

/** Posts a body the way its sender does: HMAC header, softphone header or URL token. */
async function post(
  raw: string | Uint8Array<ArrayBuffer>,
  opts: {
    auth?: "hmac" | "softphone" | "token" | "none";
    secret?: string;
    token?: string;
    contentType?: string;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    prefix?: boolean;
    base?: string;
  } = {},
) {
  const auth = opts.auth ?? "hmac";
  const url = new URL(`${opts.base ?? server.url}/phoneburner-webhook`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { "Content-Type": opts.contentType ?? "application/json", ...opts.headers };
  const bytes: Uint8Array<ArrayBuffer> = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  if (auth === "hmac" || auth === "softphone") {
    const signature = await signBody(opts.secret ?? NEW_SECRET, bytes);
    const value = opts.prefix === false ? signature.slice("sha256=".length) : signature;
    headers[auth === "hmac" ? "X-Phoneburner-Signature" : "X-PB-Signature"] = value;
  }
  if (auth === "token") url.searchParams.set("token", opts.token ?? NEW_TOKEN);
  const res = await fetch(url, { method: "POST", headers, body: bytes });
  const answer = await res.json() as { status?: string; event_id?: string; error?: string };
  if (answer.event_id) createdIds.add(answer.event_id);
  return { status: res.status, body: answer, headers: res.headers };
}

async function logRows(eventId: string) {
  return await sql`
    select id, event_id, event_type, payload, envelope, payload_size_bytes, phoneburner_call_id, phoneburner_contact_id,
           sourceco_contact_id, phoneburner_user_id, phoneburner_session_id, event_at, processing_status, auth_method,
           signature_valid, ip_address, user_agent
      from public.phoneburner_webhooks_log where event_id = ${eventId}`;
}

async function rejections(reason: string): Promise<number> {
  const [r] = await sql`select coalesce(sum(rejection_count), 0)::int as n from public.phoneburner_webhook_rejections where reason = ${reason}`;
  return r.n;
}

async function countByPayload(raw: string): Promise<number> {
  const [r] = await sql`select count(*)::int as n from public.phoneburner_webhooks_log where payload = ${raw}::jsonb`;
  return r.n;
}

const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  server = await startFunctionsServer({
    databaseUrl: DB_URL,
    env: {
      PHONEBURNER_WEBHOOK_SECRETS: `${OLD_SECRET}, ${NEW_SECRET}`,
      PHONEBURNER_WEBHOOK_TOKENS: `${OLD_TOKEN},${NEW_TOKEN}`,
      PHONEBURNER_WEBHOOK_LOG: "all",
    },
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await server?.stop();
  if (createdIds.size > 0) {
    await sql`delete from public.phoneburner_webhooks_log where event_id in ${sql([...createdIds])}`;
  }
  // the coalesced job this suite queued, unless other pending events still need it
  await sql`select graphile_worker.remove_job(${JOB})
             where not exists (select 1 from public.phoneburner_webhooks_log where processing_status = 'pending')`;
  await sql.end();
});

describe("every provider event, posted verbatim", () => {
  it.each(manifest.fixtures.map((f) => [f.file, f] as const))("%s is stored once, with its identity and ids, and queued", async (_file, f) => {
    const raw = body(f);
    const e = f.expect;
    // a fixture may share its event_id with another one (seed 000 and seed 001 Appendix C do): start clean
    if (e.event_id) await sql`delete from public.phoneburner_webhooks_log where event_id = ${e.event_id}`;
    await sql`select graphile_worker.remove_job(${JOB})`;

    const first = await post(raw, f.post);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.status).toBe("accepted");
    if (e.event_id) expect(first.body.event_id).toBe(e.event_id);
    else expect(first.body.event_id).toMatch(new RegExp(`^${e.event_type.replace(".", "\\.")}:sha256:[0-9a-f]{64}$`));
    const eventId = first.body.event_id!;

    const [row] = await logRows(eventId);
    expect(row).toBeDefined();
    expect(row.event_type).toBe(e.event_type);
    expect({
      call_id: row.phoneburner_call_id, contact_id: row.phoneburner_contact_id, sourceco_contact_id: row.sourceco_contact_id,
      user_id: row.phoneburner_user_id, session_id: row.phoneburner_session_id,
      event_at: row.event_at ? new Date(row.event_at).toISOString() : null,
    }).toEqual({
      call_id: e.call_id, contact_id: e.contact_id, sourceco_contact_id: e.sourceco_contact_id, user_id: e.user_id,
      session_id: e.session_id, event_at: e.event_at ? new Date(e.event_at).toISOString() : null,
    });
    expect(row.processing_status).toBe("pending");
    expect(row.payload_size_bytes).toBe(Buffer.byteLength(raw));
    expect(row.auth_method).toBe({ hmac: "hmac", softphone: "softphone_hmac", token: "url_token" }[f.post.auth]);
    expect(row.envelope).toEqual(e.envelope ?? null);
    if (f.post.contentType === "application/json" && !e.envelope) {
      expect(row.payload).toEqual(JSON.parse(raw)); // stored as sent
    }
    if (e.event_id_rule === "digest") {
      const [d] = await sql`select encode(sha256(convert_to(payload::text, 'UTF8')), 'hex') as h from public.phoneburner_webhooks_log where event_id = ${eventId}`;
      expect(eventId).toBe(`${e.event_type}:sha256:${d.h}`);
    }

    const [job] = await sql`select task_identifier, locked_at, run_at <= now() as due from graphile_worker.jobs where key = ${JOB}`;
    expect(job).toMatchObject({ task_identifier: JOB, locked_at: null, due: true });

    const again = await post(raw, f.post);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: "duplicate", event_id: eventId });
    expect(await logRows(eventId)).toHaveLength(1);
  });

  it("the form-encoded api_calldone is stored as the nested JSON its PHP-style keys describe", async () => {
    const f = manifest.fixtures.find((x) => x.file.endsWith(".form-urlencoded.txt"))!;
    await sql`delete from public.phoneburner_webhooks_log where event_id = ${f.expect.event_id!}`;
    const res = await post(body(f), f.post);
    expect([200]).toContain(res.status);
    const [row] = await logRows(f.expect.event_id!);
    expect(row.payload.status).toBe("No Answer");
    expect(row.payload.contact).toMatchObject({ user_id: "55501299", first_name: "Maria" });
    expect(row.payload.typed_custom_fields).toEqual([{ type: "1", name: "SourceCo ID", value: "0b9e7c55-6a1d-4f3e-8c2b-5d4e3f2a1b0c" }]);
    expect(row.payload.call_notes).toEqual([""]);
  });

  it("real dial-session callbacks registered without ?type= are recognised by their fields", async () => {
    for (const f of manifest.fixtures.filter((x) => x.inferable)) {
      const raw = body(f);
      if (f.expect.event_id) await sql`delete from public.phoneburner_webhooks_log where event_id = ${f.expect.event_id}`;
      else await sql`delete from public.phoneburner_webhooks_log where payload = ${raw}::jsonb`;
      const res = await post(raw, { ...f.post, query: {} });
      expect(res.status, f.file).toBe(200);
      const [row] = await logRows(res.body.event_id!);
      expect(row.event_type, f.file).toBe(f.expect.event_type);
    }
  });

  it("the provider's event_id is the identity: Appendix C's call.started after seed 000's is a duplicate", async () => {
    const seed000 = manifest.fixtures.find((x) => x.file === "seed-000/call.started.json")!;
    const appendixC = manifest.fixtures.find((x) => x.file === "seed-001-appendix-c/call.started.json")!;
    await sql`delete from public.phoneburner_webhooks_log where event_id = 'evt_call_started_789'`;
    expect((await post(body(seed000), seed000.post)).body.status).toBe("accepted");
    expect((await post(body(appendixC), appendixC.post)).body).toEqual({ status: "duplicate", event_id: "evt_call_started_789" });
    const rows = await logRows("evt_call_started_789");
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toEqual(JSON.parse(body(seed000)));
  });
});

describe("identity without an event_id", () => {
  it("uses the X-Phoneburner-Event-ID header", async () => {
    const id = unique("evt_hdr");
    const res = await post(JSON.stringify({ event: "call.ended", call_id: unique("call"), timestamp: "2026-02-23T10:48:54Z" }), {
      headers: { "X-Phoneburner-Event-ID": id },
    });
    expect(res.body).toEqual({ status: "accepted", event_id: id });
  });

  it("falls back to event type + call id, so a resent call event is a duplicate whatever else changed", async () => {
    const callId = unique("call");
    const a = await post(JSON.stringify({ event: "call.connected", call_id: callId, answered_by: "gatekeeper" }));
    const b = await post(JSON.stringify({ answered_by: "gatekeeper", call_id: callId, event: "call.connected", retry: 2 }));
    expect(a.body).toEqual({ status: "accepted", event_id: `call.connected:${callId}` });
    expect(b.body).toEqual({ status: "duplicate", event_id: `call.connected:${callId}` });
  });

  it("digests the payload when there is no call id either: re-serialised, the same event is a duplicate", async () => {
    const contact = unique("pb_contact");
    const compact = JSON.stringify({ event: "contact.updated", timestamp: "2026-02-23T11:05:00Z", contact_id: contact, changes: { title: { old: "A", new: "B" } } });
    const pretty = JSON.stringify({ changes: { title: { new: "B", old: "A" } }, contact_id: contact, timestamp: "2026-02-23T11:05:00Z", event: "contact.updated" }, null, 4);
    const other = JSON.stringify({ event: "contact.updated", timestamp: "2026-02-23T11:05:00Z", contact_id: contact, changes: { title: { old: "B", new: "C" } } });
    const a = await post(compact);
    const b = await post(pretty);
    const c = await post(other);
    expect(a.body.status).toBe("accepted");
    expect(b.body).toEqual({ status: "duplicate", event_id: a.body.event_id });
    expect(c.body.status).toBe("accepted"); // a different change is a different event
    expect(c.body.event_id).not.toBe(a.body.event_id);
  });
});

describe("authentication", () => {
  const event = () => JSON.stringify({ event: "call.started", event_id: unique("evt_auth"), call: { id: unique("call") } });

  it("accepts both rotated secrets, with or without the sha256= prefix", async () => {
    for (const [secret, prefix] of [[OLD_SECRET, true], [NEW_SECRET, false]] as const) {
      const raw = event();
      const res = await post(raw, { secret, prefix });
      expect(res.body.status, `${secret} prefix=${prefix}`).toBe("accepted");
    }
  });

  it("accepts both rotated URL tokens for dial-session callbacks", async () => {
    for (const token of [OLD_TOKEN, NEW_TOKEN]) {
      const raw = JSON.stringify({ call_id: unique("9876"), ds_id: 1, status: "No Answer", connected: "0" });
      const res = await post(raw, { auth: "token", token, query: { type: "api_calldone" } });
      expect(res.body.status, token).toBe("accepted");
    }
  });

  it("accepts softphone_call_done signed with either secret in X-PB-Signature", async () => {
    for (const secret of [OLD_SECRET, NEW_SECRET]) {
      const raw = JSON.stringify({ call_id: unique("sp"), status: "Left Message", duration: 12 });
      const res = await post(raw, { auth: "softphone", secret });
      expect(res.status).toBe(200);
      expect((await logRows(res.body.event_id!))[0]).toMatchObject({ event_type: "softphone_call_done", auth_method: "softphone_hmac", signature_valid: true });
    }
  });

  const refused: [string, string, (raw: string) => Promise<{ status: number; body: { error?: string } }>][] = [
    ["a signature made with an unknown secret", "bad_signature", (raw) => post(raw, { secret: "whsec-someone-else" })],
    ["a signature of a different body", "bad_signature", async (raw) => {
      const url = `${server.url}/phoneburner-webhook`;
      const res = await fetch(url, { method: "POST", body: raw, headers: { "X-Phoneburner-Signature": await signBody(NEW_SECRET, raw + " ") } });
      return { status: res.status, body: await res.json() };
    }],
    ["a malformed signature", "bad_signature", async (raw) => {
      const res = await fetch(`${server.url}/phoneburner-webhook`, { method: "POST", body: raw, headers: { "X-Phoneburner-Signature": "sha256=abc123..." } });
      return { status: res.status, body: await res.json() };
    }],
    ["a wrong URL token", "bad_token", (raw) => post(raw, { auth: "token", token: "tok-guess", query: { type: "api_calldone" } })],
    ["no signature and no token", "missing_auth", (raw) => post(raw, { auth: "none" })],
    ["a valid URL token on a seed-contract event (those must be signed)", "auth_not_accepted_for_event", (raw) => post(raw, { auth: "token" })],
  ];

  it.each(refused)("refuses %s with 401, stores nothing and counts it", async (_label, reason, send) => {
    const raw = event();
    const eventId = JSON.parse(raw).event_id;
    const before = await rejections(reason);
    const res = await send(raw);
    expect(res.status).toBe(401);
    expect(res.body.error).toBeTruthy();
    expect(await logRows(eventId)).toHaveLength(0);
    expect(await countByPayload(raw)).toBe(0);
    expect(await rejections(reason)).toBe(before + 1);
  });
});

describe("bad input", () => {
  it.each([
    ["not JSON", "{\"event\": \"call.started\", ", "malformed_body"],
    ["a JSON array", "[{\"event\": \"call.started\"}]", "malformed_body"],
    ["an empty body", "", "malformed_body"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "malformed_body"],
    ["an event_id that is an object", JSON.stringify({ event: "call.started", event_id: { id: 1 } }), "invalid_envelope"],
    ["an event name that is not a name", JSON.stringify({ event: "call started!", event_id: "x" }), "invalid_envelope"],
    ["an event whose type cannot be told", JSON.stringify({ hello: "world" }), "invalid_envelope"],
    // under 1 MiB but 100,000 levels deep: PostgreSQL's jsonb would exhaust its stack and the sender retry forever
    ["a signed body nested 100,000 levels", `{"event": "call.ended", "event_id": "deep", "x": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`, "malformed_body"],
  ] as const)("%s → 400 with a clear error, counted, nothing stored", async (_label, raw, reason) => {
    const before = await rejections(reason);
    const [{ n: logBefore }] = await sql`select count(*)::int as n from public.phoneburner_webhooks_log`;
    const res = await post(raw);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/\w+/);
    expect(await rejections(reason)).toBe(before + 1);
    const [{ n: logAfter }] = await sql`select count(*)::int as n from public.phoneburner_webhooks_log`;
    expect(logAfter).toBe(logBefore);
  });

  it("a body over 1 MiB → 413 (declared length), counted, nothing stored", async () => {
    const before = await rejections("too_large");
    const raw = JSON.stringify({ event: "call.ended", event_id: unique("evt_big"), padding: "x".repeat(1024 * 1024) });
    const res = await post(raw);
    expect(res.status).toBe(413);
    expect(await rejections("too_large")).toBe(before + 1);
    expect(await logRows(JSON.parse(raw).event_id)).toHaveLength(0);
  });

  it("a streamed body over 1 MiB without Content-Length → 413, the server stopping at the limit", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 512) return controller.close(); // 32 MiB if it were all read
        sent++;
        controller.enqueue(chunk);
      },
    });
    const ip = "198.51.100.213"; // its own rejection bucket
    const res = await fetch(`${server.url}/phoneburner-webhook`, {
      method: "POST", body: stream, duplex: "half",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": ip, "X-Phoneburner-Event-Type": "contact.updated" },
    } as RequestInit & { duplex: "half" });
    expect(res.status).toBe(413);
    // what the server counted before it stopped reading: past the limit by at most a read's worth
    const [bucket] = await sql`select max_payload_size_bytes as size, event_type_hint from public.phoneburner_webhook_rejections
                                where reason = 'too_large' and ip_address = ${ip}::inet`;
    expect(bucket.event_type_hint).toBe("contact.updated");
    expect(bucket.size).toBeGreaterThan(1024 * 1024);
    expect(bucket.size).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it("a form whose key nests 100 levels deep → 400 saying so, counted", async () => {
    const before = await rejections("malformed_body");
    const res = await post("event=call.ended&event_id=deepform&a" + "[b]".repeat(100) + "=1", { contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/nests deeper than 64 levels/);
    expect(await rejections("malformed_body")).toBe(before + 1);
  });

  it("a body under 1 MiB with more than 50,000 keys and elements → 413, counted, nothing stored", async () => {
    const before = await rejections("too_large");
    const raw = JSON.stringify({ event: "call.ended", event_id: unique("evt_wide"), list: Array.from({ length: 60_000 }, () => 0) });
    expect(raw.length).toBeLessThan(1024 * 1024);
    const res = await post(raw);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/more than 50000 keys/);
    expect(await rejections("too_large")).toBe(before + 1);
    expect(await logRows(JSON.parse(raw).event_id)).toHaveLength(0);
  });

  it("a body of exactly 1 MiB is accepted", async () => {
    const id = unique("evt_limit");
    const head = JSON.stringify({ event: "call.ended", event_id: id, padding: "" });
    const raw = head.replace('"padding":""', `"padding":"${"y".repeat(1024 * 1024 - head.length)}"`);
    expect(Buffer.byteLength(raw)).toBe(1024 * 1024);
    const res = await post(raw);
    expect(res.body).toEqual({ status: "accepted", event_id: id });
  });

  it("a \\u0000 in a string is stored (as U+FFFD) rather than refused", async () => {
    const id = unique("evt_nul");
    const res = await post(`{"event":"disposition.set","event_id":"${id}","disposition":{"notes":"a\\u0000b"}}`);
    expect(res.body).toEqual({ status: "accepted", event_id: id });
    expect((await logRows(id))[0].payload.disposition.notes).toBe("a\ufffdb");
  });

  it("anything but POST → 405", async () => {
    const res = await fetch(`${server.url}/phoneburner-webhook`);
    expect(res.status).toBe(405);
  });
});

describe("durability", () => {
  it("answers 503 with Retry-After when the database is unreachable, so the sender retries", async () => {
    const down = await startFunctionsServer({
      databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`,
      env: { PHONEBURNER_WEBHOOK_SECRETS: NEW_SECRET, PHONEBURNER_WEBHOOK_LOG: "errors" },
    });
    try {
      const res = await post(JSON.stringify({ event: "call.started", event_id: unique("evt_down") }), { base: down.url });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.body.error).toMatch(/retry/i);
      // rejections still answer (their count is best effort)
      expect((await post("{}", { base: down.url, auth: "none" })).status).toBe(401);
    } finally {
      await down.stop();
    }
  });

  it("records how the event arrived: auth method, signature, client IP and user agent", async () => {
    const raw = JSON.stringify({ event: "call.started", event_id: unique("evt_meta") });
    const res = await post(raw, { headers: { "X-Forwarded-For": "203.0.113.7, 10.0.0.1", "User-Agent": "PhoneBurner-Webhooks/1.0" } });
    const [row] = await logRows(res.body.event_id!);
    expect(row).toMatchObject({ auth_method: "hmac", signature_valid: true, ip_address: "203.0.113.7", user_agent: "PhoneBurner-Webhooks/1.0" });
  });

  it("never writes payload contents to the function's logs", async () => {
    const lines = logs.join("\n");
    expect(lines).toMatch(/"fn":"phoneburner-webhook"/);
    for (const pii of ["John", "Smith", "jsmith@heritagecap.com", "sarah@sourceco.com", "5550123", "+15550123", "collision repair", "Heritage"]) {
      expect(lines, pii).not.toContain(pii);
    }
  });
});
