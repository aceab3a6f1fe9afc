/**
 * Webhook authentication without timing leaks: HMAC-SHA256 signatures checked with Web Crypto's
 * `verify` (constant time), URL tokens compared as SHA-256 digests with a constant-time loop. Several
 * secrets/tokens may be valid at once (rotation without downtime). Keys are imported once per set of
 * secrets, never per request. Only Web APIs: usable from Deno (edge functions) and Node (tests, bench).
 */

const encoder = new TextEncoder();

/** A comma-separated list from the environment: trimmed, empties dropped, duplicates removed. */
export function parseList(value: string | undefined | null): string[] {
  return [...new Set((value ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
}

/** Hex (64 digits, optionally prefixed `sha256=`) → the 32 signature bytes; null when malformed. */
export function parseSignatureHeader(header: string | null | undefined): Uint8Array<ArrayBuffer> | null {
  if (!header) return null;
  let hex = header.trim();
  if (/^sha256=/i.test(hex)) hex = hex.slice(7).trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Equal-length byte arrays compared in time independent of where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** Verifies `sha256=<hex HMAC-SHA256 of the raw body>` against any of the configured secrets. */
export class HmacVerifier {
  readonly #keys: Promise<CryptoKey[]>;
  readonly size: number;

  constructor(secrets: string[]) {
    this.size = secrets.length;
    this.#keys = Promise.all(secrets.map((secret) =>
      crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"])
    ));
  }

  /** True when the header carries a valid signature of `body` under one of the secrets. */
  async verify(body: Uint8Array<ArrayBuffer>, header: string | null | undefined): Promise<boolean> {
    const signature = parseSignatureHeader(header);
    if (!signature) return false;
    // crypto.subtle.verify compares in constant time; stopping at the first secret that matches tells
    // a caller nothing it does not know (it cannot produce a match without a secret)
    for (const key of await this.#keys) {
      if (await crypto.subtle.verify("HMAC", key, signature, body)) return true;
    }
    return false;
  }
}

/** Compares a presented URL token with the configured ones through their SHA-256 digests. */
export class TokenVerifier {
  readonly #digests: Promise<Uint8Array[]>;
  readonly size: number;

  constructor(tokens: string[]) {
    this.size = tokens.length;
    this.#digests = Promise.all(tokens.map(sha256));
  }

  async verify(token: string | null | undefined): Promise<boolean> {
    if (!token) return false;
    const presented = await sha256(token);
    let valid = false;
    for (const digest of await this.#digests) {
      if (timingSafeEqual(presented, digest)) valid = true;
    }
    return valid;
  }
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** `sha256=<hex>` for a body: what a sender puts in X-Phoneburner-Signature / X-PB-Signature. */
export async function signBody(secret: string, body: Uint8Array<ArrayBuffer> | string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, bytes));
  return "sha256=" + [...mac].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// ---------------------------------------------------------------------------------------------------
// Standard Webhooks (standardwebhooks.com): webhook-id, webhook-timestamp (Unix seconds) and
// webhook-signature ("v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>", space-separated, several
// during a rotation). A secret is `whsec_<base64 key>` or used as its UTF-8 bytes. The timestamp must be
// within the tolerance of now: a captured delivery cannot be replayed later.
// ---------------------------------------------------------------------------------------------------

export const STANDARD_WEBHOOK_TOLERANCE_SECONDS = 300;

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  if (secret.startsWith("whsec_")) {
    try {
      return Uint8Array.from(atob(secret.slice(6)), (c) => c.charCodeAt(0));
    } catch { /* not base64: used as text */ }
  }
  return encoder.encode(secret);
}

export type StandardWebhookResult = { ok: true; id: string; signature: string } | { ok: false; message: string };

export async function verifyStandardWebhook(secrets: string[], headers: Headers, body: Uint8Array<ArrayBuffer>,
  nowSeconds = Math.floor(Date.now() / 1000), tolerance = STANDARD_WEBHOOK_TOLERANCE_SECONDS): Promise<StandardWebhookResult> {
  const id = headers.get("webhook-id")?.trim();
  const ts = headers.get("webhook-timestamp")?.trim();
  const header = headers.get("webhook-signature")?.trim();
  if (!id || !ts || !header) return { ok: false, message: "Standard Webhooks need webhook-id, webhook-timestamp and webhook-signature" };
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, message: "webhook-timestamp must be Unix seconds" };
  if (Math.abs(nowSeconds - Number(ts)) > tolerance) {
    return { ok: false, message: `webhook-timestamp is more than ${tolerance / 60} minutes from now: a delivery is not accepted twice later` };
  }
  const presented = header.split(/\s+/).map((s) => s.split(",")).filter(([v, sig]) => v === "v1" && sig)
    .map(([, sig]) => { try { return Uint8Array.from(atob(sig), (c) => c.charCodeAt(0)); } catch { return null; } })
    .filter((s): s is Uint8Array<ArrayBuffer> => s !== null);
  if (presented.length === 0) return { ok: false, message: "webhook-signature has no v1 signature" };
  const signed = new Uint8Array([...encoder.encode(`${id}.${ts}.`), ...body]);
  for (const secret of secrets) {
    const key = await crypto.subtle.importKey("raw", secretBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    for (const sig of presented) {
      if (await crypto.subtle.verify("HMAC", key, sig, signed)) return { ok: true, id, signature: header };
    }
  }
  return { ok: false, message: "Invalid signature" };
}

/** Signs a body the Standard Webhooks way (tests, benchmarks, senders). */
export async function signStandardWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", secretBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${id}.${timestamp}.${body}`)));
  return `v1,${btoa(String.fromCharCode(...mac))}`;
}
