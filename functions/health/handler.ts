/**
 * GET /functions/v1/health: is dialbridge working? For uptime monitors and `npm start`.
 *
 *   200 {status: "ok" | "degraded", database, migrations, worker}   the database answered; "degraded" when
 *       no worker has beaten in the last 150 s (see dialbridge.health() for every field)
 *   503 {status: "down", database: {ok: false, error}}              the database did not answer in time
 *
 * No personal data: versions, counts and times only. Public (verify_jwt = false in supabase/config.toml).
 */
import { db } from "../_shared/db.ts";
import { json, preflight } from "../_shared/http.ts";

/** How long the database may take before the platform is reported down. */
const TIMEOUT_MS = Number(Deno.env.get("DIALBRIDGE_HEALTH_TIMEOUT_MS") ?? 3000);

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== "GET" && req.method !== "HEAD") {
    return json({ error: "Method not allowed: use GET" }, 405, { Allow: "GET, HEAD, OPTIONS" });
  }
  const noStore = { "Cache-Control": "no-store" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const health = await Promise.race([
      db()`select dialbridge.health() as health`.then((rows) => rows[0].health as Record<string, unknown>),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return json(health, 200, noStore);
  } catch (e) {
    // The reason without connection details: the error class and Postgres' SQLSTATE when there is one.
    const code = (e as { code?: string }).code;
    const reason = e instanceof Error && e.message.startsWith("no answer within") ? e.message
      : code ? `database error ${code}` : "database unreachable";
    console.error(`[health] down: ${reason}`);
    return json({ status: "down", database: { ok: false, error: reason } }, 503, noStore);
  } finally {
    clearTimeout(timer);
  }
}
