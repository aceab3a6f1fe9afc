/**
 * `npm run sandbox`: a local PhoneBurner for both API styles (sandbox/server.ts) that can also dial
 * (sandbox/dialer.ts). `npm start` runs it when no PhoneBurner is configured (PHONEBURNER_API_BASE
 * unset); the tests and the push bench start their own.
 *
 *   npm run sandbox                         serve on 127.0.0.1:54330, any token accepted (dev mode)
 *   npm run sandbox -- --port 6000 --intake-ms 60 --token tok_sarah --return-session-id
 *   npm run sandbox -- dial [--url http://127.0.0.1:54330] [--session <id>] [--drop-rate 0.05] [--seed 7]
 *                                           play the calls of a running sandbox's sessions
 *
 * Point dialbridge at it with PHONEBURNER_API_BASE=<url>/rest/1 (PHONEBURNER_SEED_API_BASE=<url>/v2 for
 * the seed contract). Seed-style events are signed with the first PHONEBURNER_WEBHOOK_SECRETS entry.
 */
import path from "node:path";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { SANDBOX_DEFAULTS, startSandboxServer as startServer, type RunningSandbox, type SandboxOptions } from "./sandbox/server.ts";
import { dialSessions } from "./sandbox/dialer.ts";
import type { Service, StartContext } from "./service.ts";
import { DEV_JWT_SECRET } from "../../functions/_shared/jwt.ts";
import { connect, openReplayWindow } from "./db.ts";
import { exportVars, firstOf, startOnPort } from "./sandbox/local-service.ts";

export type { RunningSandbox, SandboxOptions };
export type { DialRequest, DialResult } from "./sandbox/dialer.ts";

export const DEFAULT_SANDBOX_PORT = 54330;

/** Starts the sandbox server with its dialer (POST /__sandbox/dial plays the sessions' calls). */
export function startSandboxServer(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  return startServer({ dial: dialSessions, ...opts });
}

/** The same; the name the rest of the project uses. */
export const startPhoneBurnerSandbox = startSandboxServer;

/** The variables that point dialbridge (functions and worker) at a sandbox. */
export function sandboxEnv(url: string): Record<string, string> {
  return {
    PHONEBURNER_API_BASE: `${url}/rest/1`,
    PHONEBURNER_SEED_API_BASE: `${url}/v2`,
    PHONEBURNER_OAUTH_BASE: `${url}/oauth`,
  };
}

/** Plays calls on a running sandbox through its control API. */
export async function dialOnSandbox(url: string, req: import("./sandbox/dialer.ts").DialRequest) {
  const res = await fetch(`${url}/__sandbox/dial`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(req),
  });
  if (!res.ok) throw new Error(`sandbox dial failed: ${res.status}`);
  return await res.json() as import("./sandbox/dialer.ts").DialResult;
}

/**
 * `npm start`'s PhoneBurner: when PHONEBURNER_API_BASE is not set, a sandbox on PHONEBURNER_SANDBOX_PORT
 * (54330) accepting any token; the functions and the in-process worker are pointed at it. It also fills
 * in what a local push needs when unset: a webhook token for the callback URLs, the callback base URL
 * (the local functions server) and the dev JWT secret. Place it before the functions service.
 */
export const phoneburnerSandboxService: Service = {
  name: "phoneburner sandbox",
  async start(ctx: StartContext) {
    if (ctx.env.PHONEBURNER_API_BASE) {
      ctx.summary.push(["phoneburner", `${ctx.env.PHONEBURNER_API_BASE} (PHONEBURNER_API_BASE)`]);
      return;
    }
    const secret = firstOf(ctx.env.PHONEBURNER_WEBHOOK_SECRETS) ?? undefined;
    const options = { acceptAnyToken: true, webhookSecret: secret, intakeMsPerContact: Number(ctx.env.PHONEBURNER_SANDBOX_INTAKE_MS || 20) };
    // the default port taken (another npm start?): any free port will do; a port asked for is an error
    const sb: RunningSandbox = await startOnPort(ctx.env.PHONEBURNER_SANDBOX_PORT, DEFAULT_SANDBOX_PORT,
      (port) => startSandboxServer({ ...options, port }));
    const vars: Record<string, string> = { ...sandboxEnv(sb.url) };
    if (!ctx.env.PHONEBURNER_WEBHOOK_TOKENS) vars.PHONEBURNER_WEBHOOK_TOKENS = `local_${randomBytes(16).toString("hex")}`;
    if (!ctx.env.PHONEBURNER_CALLBACK_BASE_URL && !ctx.env.SUPABASE_URL) {
      vars.PHONEBURNER_CALLBACK_BASE_URL = `http://127.0.0.1:${ctx.env.FUNCTIONS_PORT || 54321}/functions/v1`;
    }
    if (!ctx.env.SUPABASE_JWT_SECRET) vars.SUPABASE_JWT_SECRET = DEV_JWT_SECRET;
    exportVars(ctx, vars);
    // the demo reps of npm start's own database get a token, so they can push right away
    let tokens = 0;
    if (ctx.embedded && ctx.databaseUrl) {
      // the sandbox plays a session's calls forward from now: in seed style its signed events run hours ahead,
      // which the replay window (5 minutes ahead) would refuse — allowed a day ahead in npm start's own database
      await openReplayWindow(ctx.databaseUrl, "3 days", "1 day");
      const sql = connect(ctx.databaseUrl, { max: 1 });
      try {
        const rows = await sql`
          insert into public.phoneburner_oauth_tokens (user_id, access_token, display_name)
          select p.id, 'sandbox_' || p.id, p.display_name from public.profiles p
           where p.role in ('rep', 'manager') and p.is_active and p.phoneburner_user_id is not null
          on conflict (user_id) do nothing
          returning user_id`;
        tokens = rows.length;
        // Each demo rep's token is that rep's PhoneBurner account: the sandbox reports their calls as
        // agent.user_id = profiles.phoneburner_user_id, so calls are attributed to the rep and a pushed
        // session links to PhoneBurner's id (the sandbox is in memory: register them on every start).
        const members = await sql`
          select c.access_token, p.phoneburner_user_id, p.display_name, p.email
            from public.phoneburner_oauth_tokens t
            join public.profiles p on p.id = t.user_id
           cross join lateral dialbridge.phoneburner_credentials(t.user_id) c
           where c.access_token like 'sandbox\_%' and p.phoneburner_user_id is not null`;
        for (const m of members) {
          const [first, ...rest] = String(m.display_name ?? "").split(" ");
          const res = await fetch(`${sb.url}/__sandbox/tokens`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ token: m.access_token, user_id: m.phoneburner_user_id, first_name: first || null,
                                   last_name: rest.join(" ") || null, email: m.email }),
          });
          if (!res.ok) throw new Error(`sandbox refused a demo rep's token: ${res.status}`);
        }
      } finally {
        await sql.end();
      }
    }
    ctx.summary.push(["phoneburner", `sandbox at ${sb.url} (any token${tokens ? `; ${tokens} demo reps connected` : ""}; ` +
      "dial with `npm run sandbox -- dial`)"]);
    return sb;
  },
};

// ---------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------

function args(argv: string[]) {
  const out: Record<string, string | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) continue;
    const key = a.slice(2);
    const next = argv[i + 1];
    const value = next !== undefined && !next.startsWith("--") ? (i++, next) : true;
    if (key === "token") out.token = [...((out.token as string[]) ?? []), String(value)];
    else out[key] = value;
  }
  return out;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === "--help" || argv[0] === "-h") {
    console.log("usage: npm run sandbox [-- --port N --intake-ms N --token T … --return-session-id --webhook-secret S]\n" +
      "       npm run sandbox -- dial [--url U] [--session ID] [--drop-rate R] [--seed N] [--pace-ms N]");
    return;
  }
  if (argv[0] === "dial") {
    const a = args(argv.slice(1));
    const url = String(a.url ?? `http://127.0.0.1:${process.env.PHONEBURNER_SANDBOX_PORT || DEFAULT_SANDBOX_PORT}`);
    const r = await dialOnSandbox(url, {
      session_id: typeof a.session === "string" ? a.session : undefined,
      drop_rate: a["drop-rate"] !== undefined ? Number(a["drop-rate"]) : undefined,
      seed: a.seed !== undefined ? Number(a.seed) : undefined,
      pace_ms: a["pace-ms"] !== undefined ? Number(a["pace-ms"]) : undefined,
    });
    console.log(`dialled ${r.calls} calls in ${r.sessions} session(s): ${r.events_sent} events delivered, ` +
      `${r.events_failed} refused, ${r.calls_lost} calls lost on purpose`);
    console.log(`outcomes: ${Object.entries(r.outcomes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    return;
  }
  const a = args(argv);
  const tokens = Object.fromEntries(((a.token as string[]) ?? []).map((t) => [t, {}]));
  const sb = await startSandboxServer({
    port: Number(a.port ?? process.env.PHONEBURNER_SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT),
    tokens,
    acceptAnyToken: Object.keys(tokens).length === 0,
    intakeMsPerContact: a["intake-ms"] !== undefined ? Number(a["intake-ms"]) : SANDBOX_DEFAULTS.intakeMsPerContact,
    returnSessionId: a["return-session-id"] === true,
    webhookSecret: typeof a["webhook-secret"] === "string" ? a["webhook-secret"]
      : (process.env.PHONEBURNER_WEBHOOK_SECRETS ?? "").split(",")[0] || undefined,
    log: (l) => console.log(l),
  });
  console.log(`PhoneBurner sandbox at ${sb.url} (${Object.keys(tokens).length ? `${Object.keys(tokens).length} token(s)` : "any token"})`);
  for (const [k, v] of Object.entries(sandboxEnv(sb.url))) console.log(`  ${k}=${v}`);
  console.log("Stop with Ctrl-C.");
  const stop = async () => {
    await sb.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
