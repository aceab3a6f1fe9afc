/**
 * The edge functions' database client. On Supabase, SUPABASE_DB_URL is provided to every function;
 * locally `npm start` and the tests set it. One small pool per isolate; prepared statements off so the
 * same code works through Supabase's transaction pooler.
 */
import postgres from "postgres";

let client: postgres.Sql | undefined;

export function db(): postgres.Sql {
  if (!client) {
    const url = Deno.env.get("SUPABASE_DB_URL") ?? Deno.env.get("DATABASE_URL");
    if (!url) throw new Error("SUPABASE_DB_URL is not set");
    client = postgres(url, {
      max: Number(Deno.env.get("DB_POOL_MAX") ?? 5),
      prepare: false,
      idle_timeout: 30,
      connect_timeout: 5,
      onnotice: () => {},
    });
  }
  return client;
}
