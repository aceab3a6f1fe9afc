import { writeFile } from "node:fs/promises";
import { DEFAULT_ADMIN_URL, createDatabase, dropDatabase, prepareDatabase, preparePlatform } from "./supabase/local/db.ts";
import { dumpSchema } from "./supabase/local/schema-dump.ts";
import { loadSource } from "./supabase/local/schema-source.ts";
const a = await createDatabase(DEFAULT_ADMIN_URL, "dbg_a"), b = await createDatabase(DEFAULT_ADMIN_URL, "dbg_b");
try {
  await prepareDatabase(a); await preparePlatform(b); await loadSource(b);
  await writeFile("/tmp/a.sql", await dumpSchema(a)); await writeFile("/tmp/b.sql", await dumpSchema(b));
} finally { await dropDatabase(DEFAULT_ADMIN_URL, "dbg_a"); await dropDatabase(DEFAULT_ADMIN_URL, "dbg_b"); }
