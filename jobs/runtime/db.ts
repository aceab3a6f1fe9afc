/**
 * The database connection of the Node runtime (worker, replay) — and of the local tooling, which takes it
 * from here (supabase/local/db.ts re-exports it): production code never imports development tooling.
 */
import postgres from "postgres";
import { Logger } from "graphile-worker";

/** A quiet postgres.js client (notices off: migrations re-run emit many harmless "already exists"). */
export function connect(url: string, opts: postgres.Options<Record<string, never>> = {}) {
  return postgres(url, { onnotice: () => {}, max: 4, ...opts });
}

/** graphile-worker's logger, keeping only warnings and errors. */
export function quietLogger(): Logger {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") console.error(`[worker] ${level}: ${message}`);
  });
}
