/**
 * `npm run replay -- [--provider P] [--since T] [--until T] [--status S] [--event-type X] [--dry-run]`
 *
 * Reprocesses a provider's stored events: puts the matching events back to pending (fresh retry budget,
 * dialbridge.reset_webhook_events_for_replay) and processes them with the same SQL the worker runs
 * (dialbridge.process_webhook_events). Safe for any event:
 * processing the same event again changes nothing, so a replay after a fix (a disposition mapping added,
 * the disposition engine deployed, a bug fixed) only writes what the fix changes.
 *
 *   --provider P     phoneburner (default), or any provider registered in dialbridge.webhook_providers
 *   --since T        received at or after T: an ISO time ("2026-02-23", "2026-02-23T10:00Z") or an age
 *                    ("30m", "24h", "7d")
 *   --until T        received before T (same forms)
 *   --status S       failed (default), success, skipped, pending, or any; repeat or comma-separate
 *   --event-type X   one event type (api_calldone, disposition.set, …)
 *   --dry-run        count what would be replayed, change nothing
 *
 * Prints counts only (events carry personal data). Exit code 1 when replayed events still fail.
 * Needs DATABASE_URL (environment or .env).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { connect } from "./runtime/db.ts";
import { loadEnv, redactUrl } from "./runtime/env.ts";
import { processDueEvents } from "./webhook-processing.ts";

const STATUSES = ["failed", "success", "skipped", "pending", "processing", "duplicate"];

export interface ReplayOptions {
  /** Default phoneburner. */
  provider?: string;
  since?: Date;
  until?: Date;
  statuses: string[] | null;
  eventType?: string;
  dryRun: boolean;
}

/** An ISO time or an age like 30m / 24h / 7d (relative to now). */
export function parseTime(value: string, now = new Date()): Date {
  const age = /^(\d+)\s*([mhd])$/i.exec(value.trim());
  if (age) {
    const ms = Number(age[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[age[2].toLowerCase() as "m" | "h" | "d"];
    return new Date(now.getTime() - ms);
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new Error(`not a time: "${value}" (use an ISO time such as 2026-02-23T10:00Z, or an age such as 24h)`);
  return new Date(t);
}

export function parseArgs(argv: string[], now = new Date()): ReplayOptions {
  const opts: ReplayOptions = { provider: "phoneburner", statuses: ["failed"], dryRun: false };
  let statuses: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--provider": {
        const p = value();
        if (!/^[a-z][a-z0-9_]{1,39}$/.test(p)) throw new Error(`not a provider name: "${p}"`);
        opts.provider = p;
        break;
      }
      case "--since": opts.since = parseTime(value(), now); break;
      case "--until": opts.until = parseTime(value(), now); break;
      case "--status": (statuses ??= []).push(...value().split(",").map((s) => s.trim()).filter(Boolean)); break;
      case "--event-type": opts.eventType = value(); break;
      case "--dry-run": opts.dryRun = true; break;
      case "--help": case "-h": throw new Error("help");
      default: throw new Error(`unknown argument "${arg}"`);
    }
  }
  if (statuses) {
    if (statuses.includes("any")) opts.statuses = null;
    else {
      const unknown = statuses.filter((s) => !STATUSES.includes(s));
      if (unknown.length) throw new Error(`unknown status ${unknown.join(", ")} (use ${STATUSES.join(", ")} or any)`);
      opts.statuses = [...new Set(statuses)];
    }
  }
  return opts;
}

export interface ReplayResult {
  matched: number;
  reset: number;
  processed: { claimed: number; succeeded: number; skipped: number; retrying: number; failed: number; batches: number };
  /** final status of the replayed events */
  byStatus: Record<string, number>;
}

/** Resets the matching events and processes everything due; returns the counts. */
export async function replay(databaseUrl: string, options: ReplayOptions): Promise<ReplayResult> {
  const opts = { ...options, provider: options.provider ?? "phoneburner" };
  const sql = connect(databaseUrl, { max: 1 });
  try {
    const params = [opts.since ?? null, opts.statuses, opts.eventType ?? null, opts.until ?? null] as const;
    const [known] = await sql`select provider from dialbridge.webhook_providers where provider = ${opts.provider}`;
    if (!known) {
      const names = (await sql`select provider from dialbridge.webhook_providers order by 1`).map((r) => r.provider);
      throw new Error(`unknown provider "${opts.provider}" (registered: ${names.join(", ")})`);
    }
    if (opts.dryRun) {
      const [{ n }] = await sql`
        select count(*)::int as n from dialbridge.webhook_inbox l
         where l.provider = ${opts.provider}
           and (${params[0]}::timestamptz is null or l.received_at >= ${params[0]})
           and (${params[3]}::timestamptz is null or l.received_at < ${params[3]})
           and (${params[1]}::text[] is null or l.processing_status = any (${params[1]}::text[]))
           and (${params[2]}::text is null or l.event_type = ${params[2]})`;
      return { matched: n, reset: 0, processed: { claimed: 0, succeeded: 0, skipped: 0, retrying: 0, failed: 0, batches: 0 }, byStatus: {} };
    }
    const ids = (await sql`
      select id from dialbridge.reset_webhook_events_for_replay(${opts.provider},
        ${params[0]}::timestamptz, ${params[1]}::text[], ${params[2]}::text, ${params[3]}::timestamptz) as r(id)
    `).map((r) => Number(r.id));
    const totals = await processDueEvents(
      async (text, values) => ({ rows: await sql.unsafe(text, values as never[]) as never }),
      { provider: opts.provider, maxRunMs: Number.POSITIVE_INFINITY },
    );
    const byStatus: Record<string, number> = {};
    if (ids.length) {
      for (const r of await sql`
        select processing_status as status, count(*)::int as n from dialbridge.webhook_inbox
         where provider = ${opts.provider} and id = any (${ids}::bigint[]) group by 1 order by 1`) {
        byStatus[r.status] = r.n;
      }
    }
    return {
      matched: ids.length,
      reset: ids.length,
      processed: {
        claimed: totals.claimed, succeeded: totals.succeeded, skipped: totals.skipped, retrying: totals.retrying,
        failed: totals.failed, batches: totals.batches,
      },
      byStatus,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function usage(): string {
  return "usage: npm run replay -- [--provider P] [--since T] [--until T] [--status failed|success|skipped|pending|any] [--event-type X] [--dry-run]";
}

async function main(): Promise<void> {
  loadEnv();
  let opts: ReplayOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(message === "help" ? usage() : `${message}\n${usage()}`);
    process.exit(message === "help" ? 0 : 2);
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: replay needs the database that holds the webhook log (see .env.example).");
    process.exit(2);
  }
  const filter = [
    `provider ${opts.provider}`,
    `status ${opts.statuses ? opts.statuses.join(",") : "any"}`,
    opts.since && `received since ${opts.since.toISOString()}`,
    opts.until && `before ${opts.until.toISOString()}`,
    opts.eventType && `type ${opts.eventType}`,
  ].filter(Boolean).join(", ");
  console.log(`replay on ${redactUrl(databaseUrl)}: ${filter}`);
  const result = await replay(databaseUrl, opts);
  if (opts.dryRun) {
    console.log(`dry run: ${result.matched} events would be replayed`);
    return;
  }
  console.log(`reset to pending: ${result.reset}`);
  console.log(
    `processed: ${result.processed.claimed} events in ${Math.max(result.processed.batches - 1, 0)} batches ` +
      `(${result.processed.succeeded} success, ${result.processed.skipped} skipped, ${result.processed.retrying} to retry, ` +
      `${result.processed.failed} failed)`,
  );
  const statuses = Object.entries(result.byStatus).map(([s, n]) => `${s} ${n}`).join(", ");
  console.log(`replayed events now: ${statuses || "none"}`);
  const bad = (result.byStatus.failed ?? 0) + (result.byStatus.pending ?? 0);
  if (bad > 0) {
    console.log(`failed or retrying events: select * from dialbridge.webhook_failures where provider = '${opts.provider}';`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
