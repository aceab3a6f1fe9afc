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
