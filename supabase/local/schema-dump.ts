/**
 * The schema as pg_dump writes it: what the declarative source sql/schema/ is split from (npm run db:dump)
 * and what npm test compares when it checks the source against the migrations.
 *
 * The dump covers what dialbridge owns: the Supabase shim (auth) and graphile-worker's schema are left
 * out, and so is the migrations bookkeeping table.
 */
import { run } from "./db.ts";

export async function dumpSchema(url: string): Promise<string> {
  const { code, out } = await run("pg_dump", [
    "--schema-only", "--no-owner",
    "--exclude-schema=auth", "--exclude-schema=graphile_worker", "--exclude-table=public.schema_migrations",
    "--dbname", url,
  ]);
  if (code !== 0) throw new Error(`pg_dump failed:\n${out}`);
  return normalise(out);
}

function normalise(dump: string): string {
  return dump
    .split("\n")
    // version banners and psql meta-commands differ between pg_dump builds; the schema does not
    .filter((l) => !/^-- Dumped (from|by) /.test(l) && !/^\\(un)?restrict /.test(l))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim() + "\n";
}
