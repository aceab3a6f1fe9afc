/**
 * The signed-in user of a request: its Supabase JWT verified (HS256 with SUPABASE_JWT_SECRET, or the
 * project's JWKS for asymmetric keys), role authenticated, a uuid subject. The functions acting as a user
 * share it; the database then applies RLS as through PostgREST (functions/_shared/push.ts asUser).
 */
import { json } from "./http.ts";
import { bearerToken, JwtError, verifyJwt } from "./jwt.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type UserClaims = Record<string, unknown> & { sub: string; role: "authenticated" };

/** The request's user claims, or the answer to give (401, or 500 when the function is not configured). */
export async function authenticateUser(req: Request, functionName: string, label = functionName): Promise<UserClaims | Response> {
  const supabaseUrl = Deno.env.get("SUPABASE_URL")?.replace(/\/+$/, "");
  const keys = {
    secret: Deno.env.get("SUPABASE_JWT_SECRET") || undefined,
    jwksUrl: Deno.env.get("SUPABASE_JWKS_URL") || (supabaseUrl ? `${supabaseUrl}/auth/v1/.well-known/jwks.json` : undefined),
  };
  if (!keys.secret && !keys.jwksUrl) {
    console.log(`[${functionName}] neither SUPABASE_JWT_SECRET nor SUPABASE_URL / SUPABASE_JWKS_URL is set: refusing every request`);
    return json({ error: `The ${label} function is not configured (SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL)` }, 500);
  }
  const token = bearerToken(req);
  if (!token) return json({ error: "Unauthorized" }, 401);
  let claims: Record<string, unknown>;
  try {
    claims = await verifyJwt(token, keys);
  } catch (e) {
    return json({ error: "Unauthorized", detail: e instanceof JwtError ? e.message : "invalid token" }, 401);
  }
  if (claims.role !== "authenticated" || typeof claims.sub !== "string" || !UUID.test(claims.sub)) {
    return json({ error: "Unauthorized", detail: "a signed-in user's token is required" }, 401);
  }
  return claims as UserClaims;
}
