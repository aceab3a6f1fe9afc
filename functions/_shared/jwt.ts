/**
 * Supabase user JWTs, verified with Web Crypto so the same code runs in the edge runtime (Deno) and in
 * Node (tests, demo, worker).
 *
 * On Supabase, `verify_jwt = true` makes the gateway reject bad tokens before the function runs; the
 * function still verifies the token itself, because it must know the user (sub) and acts as that user in
 * the database. Two kinds of projects:
 *   - legacy JWT secret: HS256 with the project's secret (SUPABASE_JWT_SECRET; `npm start` uses a dev one);
 *   - asymmetric signing keys (new projects): ES256 or RS256, the public keys read from the project's JWKS
 *     (SUPABASE_JWKS_URL, default $SUPABASE_URL/auth/v1/.well-known/jwks.json), cached for ten minutes and
 *     fetched again when a token names a key id not seen yet (key rotation).
 * Any other algorithm (alg none included) is refused, never accepted unchecked.
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

/** Where a token's signature may be checked: the HS256 secret and/or the project's JWKS. */
export interface JwtKeys {
  secret?: string;
  jwksUrl?: string;
}

type Jwk = JsonWebKey & { kid?: string; alg?: string };
const ASYMMETRIC: Record<string, { import: EcKeyImportParams | RsaHashedImportParams; verify: EcdsaParams | AlgorithmIdentifier; kty: string }> = {
  ES256: { import: { name: "ECDSA", namedCurve: "P-256" }, verify: { name: "ECDSA", hash: "SHA-256" }, kty: "EC" },
  RS256: { import: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, verify: { name: "RSASSA-PKCS1-v1_5" }, kty: "RSA" },
};
const JWKS_TTL_MS = 10 * 60_000;
const jwksCache = new Map<string, { at: number; keys: Jwk[] }>();

async function fetchJwks(url: string, force: boolean): Promise<Jwk[]> {
  const cached = jwksCache.get(url);
  if (cached && !force && Date.now() - cached.at < JWKS_TTL_MS) return cached.keys;
  const res = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new JwtError(`signing keys unavailable (${res.status})`);
  const body = await res.json() as { keys?: Jwk[] };
  const keys = Array.isArray(body.keys) ? body.keys : [];
  jwksCache.set(url, { at: Date.now(), keys });
  return keys;
}

async function publicKey(url: string, alg: string, kid: unknown): Promise<CryptoKey> {
  const spec = ASYMMETRIC[alg];
  const find = (keys: Jwk[]) => keys.filter((k) => k.kty === spec.kty && (!k.alg || k.alg === alg))
    .find((k, _i, all) => (typeof kid === "string" ? k.kid === kid : all.length === 1));
  let jwk = find(await fetchJwks(url, false));
  if (!jwk && typeof kid === "string") jwk = find(await fetchJwks(url, true)); // a rotated-in key
  if (!jwk) throw new JwtError("unknown signing key");
  const { kid: _k, alg: _a, key_ops: _o, ...material } = jwk as Jwk & { key_ops?: unknown };
  return await crypto.subtle.importKey("jwk", material, spec.import, false, ["verify"]);
}

/**
 * Verifies a JWT and returns its claims: HS256 with `keys.secret` (a string is taken as the secret), ES256
 * or RS256 with the public keys of `keys.jwksUrl`. Refuses: other algorithms (alg none included), an
 * algorithm whose key is not configured, a bad signature, an expired token or one not valid yet (30 s
 * leeway for clock skew).
 */
export async function verifyJwt(token: string, keys: string | JwtKeys, nowSeconds = Math.floor(Date.now() / 1000)): Promise<JwtClaims> {
  const { secret, jwksUrl } = typeof keys === "string" ? { secret: keys, jwksUrl: undefined } : keys;
  if (!secret && !jwksUrl) throw new JwtError("no JWT secret or signing keys configured");
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("malformed token");
  const header = decodeJson(parts[0]);
  const signed = encoder.encode(`${parts[0]}.${parts[1]}`);
  const signature = base64UrlDecode(parts[2]);
  let ok: boolean;
  if (header.alg === "HS256") {
    if (!secret) throw new JwtError("HS256 token but no JWT secret configured");
    ok = await crypto.subtle.verify("HMAC", await hmacKey(secret), signature, signed);
  } else if (typeof header.alg === "string" && header.alg in ASYMMETRIC) {
    if (!jwksUrl) throw new JwtError(`${header.alg} token but no signing keys (JWKS) configured`);
    ok = await crypto.subtle.verify(ASYMMETRIC[header.alg].verify, await publicKey(jwksUrl, header.alg, header.kid), signature, signed);
  } else {
    throw new JwtError(`unsupported algorithm ${String(header.alg)}`);
  }
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
