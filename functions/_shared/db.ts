/**
 * The edge functions' database clients. On Supabase, SUPABASE_DB_URL is provided to every function;
 * locally `npm start` and the tests set it. One small pool per isolate and per purpose.
 */
import postgres from "postgres";

export interface DbClientOptions {
  /** Pool size (connections this isolate may open). */
  max: number;
  /** Prepared statements: one round trip per query instead of two, but not through a transaction pooler. */
  prepare: boolean;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
}

export function createDbClient(opts: DbClientOptions): postgres.Sql {
  const url = Deno.env.get("SUPABASE_DB_URL") ?? Deno.env.get("DATABASE_URL");
  if (!url) throw new Error("SUPABASE_DB_URL is not set");
  return postgres(url, {
    max: opts.max,
    prepare: opts.prepare,
    idle_timeout: 30,
    connect_timeout: 5,
    onnotice: () => {},
    ...(opts.applicationName ? { connection: { application_name: opts.applicationName } } : {}),
  });
}

let client: postgres.Sql | undefined;

/** The shared client: prepared statements off, so it works through Supabase's transaction pooler too. */
export function db(): postgres.Sql {
  client ??= createDbClient({ max: Number(Deno.env.get("DB_POOL_MAX") ?? 5), prepare: false });
  return client;
}
