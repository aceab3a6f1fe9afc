/**
 * The pieces the push is built from, each against what it will meet: the PhoneBurner client reading real-
 * shaped answers (test/fixtures/phoneburner-push, errors inside HTTP 200 included), the backoff schedule,
 * the callback URLs, Supabase JWT verification, and phone normalisation (libphonenumber: never guessed).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { root } from "../../supabase/local/db.ts";
import {
  bulkContacts, createDialSession, dialSessionCallbacks, findDialSession, listUpdatedContacts, phoneburnerTime,
  PhoneBurnerError, retryAfterMs, type PhoneBurnerEndpoints,
} from "../../functions/_shared/phoneburner/api.ts";
import { backoffMs } from "../../functions/_shared/phoneburner/push-executor.ts";
import { DEV_JWT_SECRET, JwtError, signJwt, userJwt, verifyJwt } from "../../functions/_shared/jwt.ts";
import { normalizePhone } from "../../functions/_shared/phone.ts";
import { reconciledContact } from "../../jobs/tasks/contacts__reconcile_phoneburner.ts";

const DIR = path.join(root, "test/fixtures/phoneburner-push");
interface FixtureCase {
  file: string;
  call: "createDialSession" | "bulkContacts";
  http: { status: number; headers?: Record<string, string> };
  expect: Record<string, any>;
}
const manifest: { fixtures: FixtureCase[] } = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8"));
const cases: [string, FixtureCase][] = manifest.fixtures.map((f) => [`${f.file} (HTTP ${f.http.status})`, f]);

function endpoints(status: number, body: string, headers: Record<string, string> = {}, seen: string[] = []): PhoneBurnerEndpoints {
  return {
    restBase: "https://pb.test/rest/1", seedBase: "https://pb.test/v2", oauthBase: "https://pb.test/oauth", timeoutMs: 2000,
    fetch: (async (url: string | URL) => {
      seen.push(String(url));
      return new Response(body, { status, headers: { "Content-Type": "application/json", ...headers } });
    }) as typeof fetch,
  };
}

describe("the PhoneBurner client reads every answer of the fixtures", () => {
  it.each(cases)("%s", async (_name, f) => {
    const ep = endpoints(f.http.status, readFileSync(path.join(DIR, f.file), "utf8"), f.http.headers);
    const contacts = [{ first_name: "A" }, { first_name: "B" }, { first_name: "C" }];
    const call = () => f.call === "createDialSession"
      ? createDialSession(ep, "tok", { contacts })
      : bulkContacts(ep, "tok", { contacts }, "key-1");
    if (f.expect.ok) {
      const r: any = await call();
      if (f.call === "createDialSession") {
        expect(r).toEqual({ redirectUrl: f.expect.redirectUrl, sessionId: f.expect.sessionId });
      } else {
        expect(r.sessionId).toBe(f.expect.sessionId);
        expect(r.contacts.map((c: any) => c.status)).toEqual(f.expect.statuses);
        if (f.expect.ids) expect(r.contacts.map((c: any) => c.phoneburnerContactId)).toEqual(f.expect.ids);
        if (f.expect.failures) {
          expect(r.contacts.filter((c: any) => c.status === "failed").map((c: any) => ({ index: c.index, field: c.field, error: c.error })))
            .toEqual(f.expect.failures);
        }
      }
    } else {
      const e = await call().then(() => null, (err) => err);
      expect(e).toBeInstanceOf(PhoneBurnerError);
      expect(e.kind).toBe(f.expect.kind);
      if (f.expect.code) expect(e.code).toBe(f.expect.code);
      if (f.expect.retryAfterMs !== undefined) expect(e.retryAfterMs).toBe(f.expect.retryAfterMs);
      if (f.expect.contactErrors) expect(e.contactErrors).toEqual(f.expect.contactErrors);
      // messages carry PhoneBurner's words, never the request
      expect(e.message).not.toMatch(/first_name|"A"/);
    }
  });

  it("finds a session by the key in its custom_data", async () => {
    const ep = endpoints(200, readFileSync(path.join(DIR, "dialsession.list.json"), "utf8"));
    expect(await findDialSession(ep, "tok", "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f:1", new Date()))
      .toEqual({ sessionId: "4455667", redirectUrl: null });
    expect(await findDialSession(ep, "tok", "another-key:1", new Date())).toBeNull();
  });

  it("reads changed contacts with the updated_from time in the account's zone", async () => {
    const seen: string[] = [];
    const ep = endpoints(200, readFileSync(path.join(DIR, "contacts.updated.json"), "utf8"), {}, seen);
    const page = await listUpdatedContacts(ep, "tok", new Date("2026-11-20T14:00:00Z"), 1, "America/New_York");
    expect(decodeURIComponent(seen[0])).toContain("updated_from=2026-11-20 09:00:00");
    expect(reconciledContact(page.contacts[0])).toMatchObject({
      phoneburner_contact_id: "55501234", sourceco_contact_id: "sc_buyer_789", modified_at: "2026-11-20 09:15:00",
      email: "john.smith@heritagecap.example", phone_e164: "+12125559999", company: "Heritage Capital Partners",
      title: "Senior Managing Director",
    });
  });

  it("turns a timeout into a retryable, ambiguous error (PhoneBurner may still be working)", async () => {
    const ep: PhoneBurnerEndpoints = {
      restBase: "https://pb.test/rest/1", seedBase: "https://pb.test/v2", oauthBase: "https://pb.test/oauth", timeoutMs: 50,
      fetch: ((_u: string, init: RequestInit) => new Promise((_, reject) => {
        init.signal!.addEventListener("abort", () => reject(Object.assign(new Error("timed out"), { name: "TimeoutError" })));
      })) as unknown as typeof fetch,
    };
    const e = await createDialSession(ep, "tok", { contacts: [] }).catch((x) => x);
    expect([e.kind, e.code, e.retryable, e.ambiguous]).toEqual(["timeout", "PB_TIMEOUT", true, true]);
  });

  it("reads Retry-After as seconds or an HTTP date, and a body's retry_after_seconds", () => {
    expect(retryAfterMs("2", null)).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 10, 20, 12, 0, 30)).toUTCString(), null, Date.UTC(2026, 10, 20, 12, 0, 0))).toBe(30000);
    expect(retryAfterMs(null, { retry_after_seconds: 60 })).toBe(60000);
    expect(retryAfterMs(null, {})).toBeUndefined();
  });
});

describe("retries", () => {
  it("back off 1, 2, 4, 8, 16 s with ±20 % jitter", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
      const ms = backoffMs(attempt, 1000, () => r);
      const base = 1000 * 2 ** (attempt - 1);
      return ms >= base * 0.8 && ms <= base * 1.2;
    }));
  });
});

describe("callbacks", () => {
  it("point at the webhook with the URL token and the callback type, for the three dial-session events", () => {
    expect(dialSessionCallbacks("https://abc.supabase.co/functions/v1/", "t0k/+")).toEqual([
      { callback_type: "api_contact_displayed", callback: "https://abc.supabase.co/functions/v1/phoneburner-webhook?token=t0k%2F%2B&type=api_contact_displayed" },
      { callback_type: "api_callbegin", callback: "https://abc.supabase.co/functions/v1/phoneburner-webhook?token=t0k%2F%2B&type=api_callbegin" },
      { callback_type: "api_calldone", callback: "https://abc.supabase.co/functions/v1/phoneburner-webhook?token=t0k%2F%2B&type=api_calldone" },
    ]);
  });

  it("read PhoneBurner's zone-less times in the account's zone", () => {
    expect(phoneburnerTime(new Date("2026-07-01T16:00:00Z"), "America/New_York")).toBe("2026-07-01 12:00:00");
    expect(phoneburnerTime(new Date("2026-12-01T16:00:00Z"), "America/Denver")).toBe("2026-12-01 09:00:00");
  });
});

describe("Supabase JWTs", () => {
  it("accept a signed-in user's token and refuse forged, expired and alg-none ones", async () => {
    const token = await userJwt("3f6c1a2b-4d5e-4f60-8a7b-9c0d1e2f3a4b", DEV_JWT_SECRET);
    expect((await verifyJwt(token, DEV_JWT_SECRET)).sub).toBe("3f6c1a2b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    await expect(verifyJwt(token, "another-secret-of-at-least-32-characters")).rejects.toThrow(/bad signature/);
    const expired = await signJwt({ sub: "x", role: "authenticated", exp: Math.floor(Date.now() / 1000) - 3600 }, DEV_JWT_SECRET);
    await expect(verifyJwt(expired, DEV_JWT_SECRET)).rejects.toThrow(/expired/);
    const [, payload] = token.split(".");
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${payload}.`;
    await expect(verifyJwt(none, DEV_JWT_SECRET)).rejects.toBeInstanceOf(JwtError);
    await expect(verifyJwt("not a token", DEV_JWT_SECRET)).rejects.toThrow(/malformed/);
  });

  it("accept ES256 and RS256 tokens of a project with asymmetric signing keys, through its JWKS", async () => {
    const http = await import("node:http");
    const b64 = (x: unknown) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x)).toString("base64url");
    const ec = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const rsa = await crypto.subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "verify"]);
    const rotated = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const jwk = async (k: CryptoKeyPair, kid: string, alg: string) => ({ ...(await crypto.subtle.exportKey("jwk", k.publicKey)), kid, alg, use: "sig" });
    let published = [await jwk(ec, "ec-1", "ES256"), await jwk(rsa, "rsa-1", "RS256")];
    let fetches = 0;
    const server = http.createServer((_req, res) => { fetches++; res.setHeader("Content-Type", "application/json"); res.end(JSON.stringify({ keys: published })); });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/auth/v1/.well-known/jwks.json`;
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: "3f6c1a2b-4d5e-4f60-8a7b-9c0d1e2f3a4b", role: "authenticated", aud: "authenticated", exp: now + 3600 };
    const sign = async (alg: string, kid: string, key: CryptoKey, body: object = claims) => {
      const input = `${b64({ alg, kid, typ: "JWT" })}.${b64(body)}`;
      const params = alg === "ES256" ? { name: "ECDSA", hash: "SHA-256" } : { name: "RSASSA-PKCS1-v1_5" };
      const sig = new Uint8Array(await crypto.subtle.sign(params, key, new TextEncoder().encode(input)));
      return `${input}.${Buffer.from(sig).toString("base64url")}`;
    };
    try {
      expect((await verifyJwt(await sign("ES256", "ec-1", ec.privateKey), { jwksUrl })).sub).toBe(claims.sub);
      expect((await verifyJwt(await sign("RS256", "rsa-1", rsa.privateKey), { jwksUrl })).sub).toBe(claims.sub);
      // a token signed by a key that is not the project's
      await expect(verifyJwt(await sign("ES256", "ec-1", rotated.privateKey), { jwksUrl })).rejects.toThrow(/bad signature/);
      // a key rotated in after the keys were cached: fetched again, once, by its new kid
      published = [...published, await jwk(rotated, "ec-2", "ES256")];
      const before = fetches;
      expect((await verifyJwt(await sign("ES256", "ec-2", rotated.privateKey), { jwksUrl })).sub).toBe(claims.sub);
      expect(fetches).toBe(before + 1);
      await expect(verifyJwt(await sign("ES256", "nobody", ec.privateKey), { jwksUrl })).rejects.toThrow(/unknown signing key/);
      await expect(verifyJwt(await sign("ES256", "ec-1", ec.privateKey, { ...claims, exp: now - 3600 }), { jwksUrl })).rejects.toThrow(/expired/);
      // an HS256 token is not accepted on the strength of the JWKS alone
      await expect(verifyJwt(await userJwt(claims.sub, DEV_JWT_SECRET), { jwksUrl })).rejects.toThrow(/no JWT secret/);
      // and an asymmetric token needs the JWKS configured
      await expect(verifyJwt(await sign("ES256", "ec-1", ec.privateKey), { secret: DEV_JWT_SECRET })).rejects.toThrow(/no signing keys/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe("phone numbers", () => {
  it.each([
    ["(212) 555-0123", null, "+12125550123", "valid"],
    ["+1-212-555-0123 ext. 12", "US", "+12125550123", "valid"],
    ["020 7946 0958", "United Kingdom", "+442079460958", "valid"],
    ["+15550123", null, null, "invalid"],
    ["555-CALL-ME", null, null, "invalid"],
    ["12345", "US", null, "invalid"],
    ["   ", null, null, "missing"],
  ])("%s (country %s) → %s, %s", (raw, country, e164, status) => {
    expect(normalizePhone(raw, country)).toEqual({ phone_e164: e164, phone_status: status });
  });

  it("never guesses: a number is valid only as libphonenumber reads it, and then always in E.164", () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (raw) => {
      const n = normalizePhone(raw);
      return n.phone_status === "valid" ? /^\+[1-9]\d{6,14}$/.test(n.phone_e164!) : n.phone_e164 === null;
    }));
  });
});
