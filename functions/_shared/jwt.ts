/**
 * Supabase user JWTs (HS256), verified with Web Crypto so the same code runs in the edge runtime (Deno)
 * and in Node (tests, demo, worker).
 *
 * On Supabase, `verify_jwt = true` makes the gateway reject bad tokens before the function runs; the
 * function still verifies the token itself, because it must know the user (sub) and acts as that user in
 * the database. The secret is the project's JWT secret (SUPABASE_JWT_SECRET). Projects that moved to
 * asymmetric signing keys (ES256/RS256 via JWKS) are not supported here: such a token is refused as
 * "unsupported algorithm", never accepted unchecked.
 */

/** The secret `npm start` and the tests use (the Supabase CLI's well-known local default). Never in production. */
export const DEV_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";

export interface JwtClaims {
  sub?: string;
  role?: string;
  email?: string;
  exp?: number;
  nbf?: number;
  iat?: number;
  aud?: string | string[];
  [claim: string]: unknown;
}

export class JwtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JwtError";
  }
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keyCache.set(secret, key);
  }
  return key;
}

function base64UrlDecode(part: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new JwtError("malformed token");
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((part.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function base64UrlEncode(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeJson(part: string): Record<string, unknown> {
  try {
    const value = JSON.parse(new TextDecoder().decode(base64UrlDecode(part)));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (e) {
    if (e instanceof JwtError) throw e;
  }
  throw new JwtError("malformed token");
}

/**
 * Verifies an HS256 JWT and returns its claims. Refuses: other algorithms (alg none included), a bad
 * signature, an expired token or one not valid yet (30 s leeway for clock skew).
 */
export async function verifyJwt(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<JwtClaims> {
  if (!secret) throw new JwtError("no JWT secret configured");
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("malformed token");
  const header = decodeJson(parts[0]);
  if (header.alg !== "HS256") throw new JwtError(`unsupported algorithm ${String(header.alg)}`);
  const ok = await crypto.subtle.verify("HMAC", await hmacKey(secret), base64UrlDecode(parts[2]),
    encoder.encode(`${parts[0]}.${parts[1]}`));
  if (!ok) throw new JwtError("bad signature");
  const claims = decodeJson(parts[1]) as JwtClaims;
  const leeway = 30;
  if (claims.exp !== undefined && (typeof claims.exp !== "number" || claims.exp + leeway < nowSeconds)) {
    throw new JwtError("token expired");
  }
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf - leeway > nowSeconds)) {
    throw new JwtError("token not valid yet");
  }
  return claims;
}

/** Signs claims as an HS256 JWT (tests, the demo, local tools). */
export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  const header = base64UrlEncode(encoder.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })));
  const payload = base64UrlEncode(encoder.encode(JSON.stringify(claims)));
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`${header}.${payload}`)));
  return `${header}.${payload}.${base64UrlEncode(sig)}`;
}

/** A signed-in user's access token as Supabase issues it (role authenticated, one hour). */
export function userJwt(userId: string, secret: string, opts: { email?: string; ttlSeconds?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({
    sub: userId, role: "authenticated", aud: "authenticated", email: opts.email,
    iat: now, exp: now + (opts.ttlSeconds ?? 3600),
  }, secret);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  return m ? m[1] : null;
}
