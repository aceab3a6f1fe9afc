/**
 * The webhook's own connection pool. Unlike the shared db() it keeps prepared statements on: postgres.js
 * sends an unprepared parameterised query in two round trips (describe, then execute), a prepared one in
 * a single round trip — and the webhook makes one query per event. SUPABASE_DB_URL is a session-level
 * connection; behind a transaction-mode pooler that cannot keep prepared statements, set
 * PHONEBURNER_WEBHOOK_DB_PREPARE=false. Pool size: PHONEBURNER_WEBHOOK_DB_POOL_MAX (default 5).
 */
import postgres from "postgres";

let client: postgres.Sql | undefined;

export function webhookDb(): postgres.Sql {
  if (!client) {
    const url = Deno.env.get("SUPABASE_DB_URL") ?? Deno.env.get("DATABASE_URL");
    if (!url) throw new Error("SUPABASE_DB_URL is not set");
    client = postgres(url, {
      max: Number(Deno.env.get("PHONEBURNER_WEBHOOK_DB_POOL_MAX") ?? 5),
      prepare: (Deno.env.get("PHONEBURNER_WEBHOOK_DB_PREPARE") ?? "true").toLowerCase() !== "false",
      idle_timeout: 30,
      connect_timeout: 5,
      onnotice: () => {},
      connection: { application_name: "phoneburner-webhook" },
    });
  }
  return client;
}
