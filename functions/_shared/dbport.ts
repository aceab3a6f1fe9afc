/**
 * The one thing the push code needs from a database driver: parameterised text queries and a transaction.
 * The edge function passes postgres.js (Deno), the worker its graphile-worker pg client (Node); the push
 * code is the same for both. JSON goes in as text with an explicit $n::text::jsonb cast in the SQL, uuid arrays
 * as array literals with $n::text::uuid[]: typed text, so neither driver re-encodes the value (postgres.js
 * would JSON-encode a string it sees typed jsonb; pg turns JS arrays into array literals).
 */
import type postgres from "postgres";

export interface Queryable {
  query<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  /** Runs fn inside BEGIN … COMMIT on one connection (ROLLBACK when it throws). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** postgres.js (the edge functions' client). */
export function fromPostgresJs(sql: postgres.Sql): Database {
  const wrap = (s: postgres.Sql | postgres.TransactionSql): Queryable => ({
    query: async <T>(text: string, params: unknown[] = []) => (await s.unsafe(text, params as never[])) as unknown as T[],
  });
  return {
    ...wrap(sql),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => sql.begin((tx) => fn(wrap(tx))) as Promise<T>,
  };
}

/** node-postgres style clients (graphile-worker's helpers.withPgClient). */
export interface PgLikeClient {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

export function fromPgClient(withClient: <T>(fn: (client: PgLikeClient) => Promise<T>) => Promise<T>): Database {
  return {
    query: <T>(text: string, params: unknown[] = []) => withClient(async (c) => (await c.query(text, params)).rows as T[]),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => withClient(async (c) => {
      await c.query("begin");
      try {
        const out = await fn({ query: async <R>(text: string, params: unknown[] = []) => (await c.query(text, params)).rows as R[] });
        await c.query("commit");
        return out;
      } catch (e) {
        await c.query("rollback").catch(() => {});
        throw e;
      }
    }),
  };
}

/** A uuid[] parameter as an array literal (both drivers; cast with $n::text::uuid[]). */
export function uuidArray(ids: string[]): string {
  return `{${ids.join(",")}}`;
}
