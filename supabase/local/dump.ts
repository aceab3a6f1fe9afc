/**
 * `npm run db:dump`: rewrites the declarative source sql/schema/ from the migrations, applied to a scratch
 * database (supabase/local/schema-source.ts says how it is laid out).
 */
import { randomBytes } from "node:crypto";
import { DEFAULT_ADMIN_URL, createDatabase, dropDatabase, prepareDatabase, preparePlatform } from "./db.ts";
import { dumpSchema } from "./schema-dump.ts";
import { canonicalSource, writeSource } from "./schema-source.ts";

const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
const name = `dialbridge_dump_${randomBytes(4).toString("hex")}`;
const url = await createDatabase(adminUrl, name);
const scratch = await createDatabase(adminUrl, `${name}_canonical`);
try {
  await prepareDatabase(url);
  await preparePlatform(scratch);
  const files = await canonicalSource(url, scratch, dumpSchema);
  await writeSource(files);
  console.log(`sql/schema/ written: ${files.size} files`);
} finally {
  await dropDatabase(adminUrl, name);
  await dropDatabase(adminUrl, `${name}_canonical`);
}
