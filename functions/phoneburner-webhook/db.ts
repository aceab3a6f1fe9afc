/**
 * The webhook's own connection pool. Unlike the shared db() it keeps prepared statements on: postgres.js
 * sends an unprepared parameterised query in two round trips (describe, then execute), a prepared one in
 * a single round trip — and the webhook makes one query per event. SUPABASE_DB_URL is a session-level
 * connection; behind a transaction-mode pooler that cannot keep prepared statements, set
 * PHONEBURNER_WEBHOOK_DB_PREPARE=false. Pool size: PHONEBURNER_WEBHOOK_DB_POOL_MAX (default 5).
 */
import type postgres from "postgres";
import { createDbClient } from "../_shared/db.ts";

let client: postgres.Sql | undefined;

export function webhookDb(): postgres.Sql {
  client ??= createDbClient({
    max: Number(Deno.env.get("PHONEBURNER_WEBHOOK_DB_POOL_MAX") ?? 5),
    prepare: (Deno.env.get("PHONEBURNER_WEBHOOK_DB_PREPARE") ?? "true").toLowerCase() !== "false",
    applicationName: "phoneburner-webhook",
  });
  return client;
}
