/**
 * The webhook's pure parts, without a server: form bodies as PHP-built senders mean them, the {body}
 * wrapper, signature headers, what a real callback is when nothing names it, and jsonb's one refusal.
 */
import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_MEMBERS, nestFormEntries, parseBody, postgresSafeJson, shapeProblem } from "../../functions/_shared/webhook/body.ts";
import { inferCallbackType } from "../../functions/phoneburner-webhook/event.ts";
import { HmacVerifier, parseList, parseSignatureHeader, signBody, TokenVerifier, timingSafeEqual } from "../../functions/_shared/signature.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("form bodies", () => {
  it("nests PHP-style keys: [] appends, 0..n-1 become arrays, the rest objects", () => {
    const form = new URLSearchParams(
      "call_id=9&contact[user_id]=55&call_notes[]=first&call_notes[]=second" +
        "&typed_custom_fields[0][name]=SourceCo+ID&typed_custom_fields[0][value]=abc&custom_fields[SourceCo ID]=abc",
    );
    expect(nestFormEntries(form)).toEqual({
      call_id: "9",
      contact: { user_id: "55" },
      call_notes: ["first", "second"],
      typed_custom_fields: [{ name: "SourceCo ID", value: "abc" }],
      custom_fields: { "SourceCo ID": "abc" },
    });
  });

  it("ignores keys that would reach Object.prototype", () => {
    const out = nestFormEntries(new URLSearchParams("__proto__[polluted]=1&a[constructor][prototype][x]=1&ok=1"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out).toEqual({ ok: "1", a: {} });
  });

  it("a form posted without its content type is still read as a form", async () => {
    const parsed = await parseBody(bytes("call_id=9&status=No+Answer"), "text/plain");
    expect(parsed).toMatchObject({ ok: true, format: "form", payload: { call_id: "9", status: "No Answer" } });
  });

  it("JSON posted with a form content type is read as JSON", async () => {
    const parsed = await parseBody(bytes('{"call_id": 9}'), "application/x-www-form-urlencoded");
    expect(parsed).toMatchObject({ ok: true, format: "json", payload: { call_id: 9 } });
  });
});

describe("the {body} wrapper", () => {
  it("unwraps an object body and keeps the wrapper's other fields apart", async () => {
    const parsed = await parseBody(bytes('{"body": {"call_id": 1, "status": "Interested"}, "Transcript": "t", "status": 200}'), "application/json");
    expect(parsed).toMatchObject({ ok: true, payload: { call_id: 1, status: "Interested" }, envelope: { Transcript: "t", status: 200 } });
  });

  it("unwraps a body sent as a JSON string", async () => {
    const parsed = await parseBody(bytes(JSON.stringify({ body: JSON.stringify({ event: "call.ended", event_id: "e1" }) })), "application/json");
    expect(parsed).toMatchObject({ ok: true, payload: { event: "call.ended", event_id: "e1" }, envelope: null });
  });

  it("never unwraps an event that merely has a body field", async () => {
    const raw = '{"event": "contact.updated", "event_id": "e2", "body": {"note": "x"}}';
    const parsed = await parseBody(bytes(raw), "application/json");
    expect(parsed).toMatchObject({ ok: true, payload: JSON.parse(raw), payloadText: raw, envelope: null });
  });

  it("refuses a wrapper whose body is not an object", async () => {
    expect(await parseBody(bytes('{"body": [1, 2]}'), "application/json")).toMatchObject({ ok: false });
  });
});

describe("bodies too deep or too wide for the database", () => {
  const nested = (levels: number) => `{"event": "x", "v": ${"[".repeat(levels - 1)}${"]".repeat(levels - 1)}}`;
  it("accepts 64 levels and refuses 65 (400), whether sent as JSON or inside a {body} string", async () => {
    expect(MAX_DEPTH).toBe(64);
    expect((await parseBody(bytes(nested(64)), "application/json")).ok).toBe(true);
    expect(await parseBody(bytes(nested(65)), "application/json")).toMatchObject({ ok: false, status: 400 });
    const wrapped = JSON.stringify({ body: nested(65), status: "done" });
    expect(await parseBody(bytes(wrapped), "application/json")).toMatchObject({ ok: false, status: 400 });
  });
  it("counts keys and elements across the whole body: 50,000 pass, one more is 413", () => {
    expect(shapeProblem({ a: Array.from({ length: MAX_MEMBERS - 1 }, () => 1) })).toBeNull();
    expect(shapeProblem({ a: Array.from({ length: MAX_MEMBERS }, () => 1) })).toMatchObject({ status: 413 });
  });
  it("never recurses: a million levels are measured without exhausting the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(shapeProblem(deep)).toMatchObject({ status: 400 });
  });
});

describe("jsonb's one refusal", () => {
  it("an escaped NUL becomes U+FFFD; an escaped backslash followed by u0000 is text and stays", () => {
    expect(JSON.parse(postgresSafeJson('{"a": "x\\u0000y"}')).a).toBe("x\ufffdy");
    expect(postgresSafeJson('{"a": "x\\\\u0000y"}')).toBe('{"a": "x\\\\u0000y"}');
    expect(JSON.parse(postgresSafeJson('{"a": "x\\\\\\u0000y"}')).a).toBe("x\\\ufffdy");
  });
});

describe("signatures and tokens", () => {
  it("reads hex with or without sha256=, any case; anything else is no signature", () => {
    const hex = "ab".repeat(32);
    expect(parseSignatureHeader(hex)).toHaveLength(32);
    expect(parseSignatureHeader(`SHA256=${hex.toUpperCase()}`)).toHaveLength(32);
    expect(parseSignatureHeader("sha256=abc123...")).toBeNull();
    expect(parseSignatureHeader(hex + "00")).toBeNull();
    expect(parseSignatureHeader(null)).toBeNull();
  });

  it("accepts a signature under any listed secret and nothing else", async () => {
    const body = bytes('{"event":"call.ended"}');
    const v = new HmacVerifier(parseList(" old , new ,, old"));
    expect(v.size).toBe(2);
    expect(await v.verify(body, await signBody("old", body))).toBe(true);
    expect(await v.verify(body, await signBody("new", body))).toBe(true);
    expect(await v.verify(body, await signBody("other", body))).toBe(false);
    expect(await v.verify(bytes('{"event":"call.ended" }'), await signBody("new", body))).toBe(false);
  });

  it("accepts any listed token and nothing else, and compares equal-length bytes only", async () => {
    const t = new TokenVerifier(["tok-a", "tok-b"]);
    expect(await t.verify("tok-b")).toBe(true);
    expect(await t.verify("tok-c")).toBe(false);
    expect(await t.verify("")).toBe(false);
    expect(timingSafeEqual(bytes("ab"), bytes("abc"))).toBe(false);
  });
});

describe("a real dial-session callback nobody named", () => {
  it.each([
    [{ call_id: 1, status: "Interested", connected: "1" }, "api_calldone"],
    [{ call_id: 1, duration: 0 }, "api_calldone"],
    [{ call_id: 1, start_time: "2026-02-23 10:45:00" }, "api_callbegin"],
    [{ contact_user_id: 5, external_crm_data: [] }, "api_contact_displayed"],
    [{ hello: "world" }, null],
  ] as const)("%j is %s", (payload, type) => {
    expect(inferCallbackType(payload as Record<string, unknown>)).toBe(type);
  });
});
