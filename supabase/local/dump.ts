/** `npm run db:dump`: rewrites sql/schema.sql from the migrations, applied to a scratch database. */
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_ADMIN_URL, createDatabase, dropDatabase, prepareDatabase, root } from "./db.ts";
import { dumpSchema } from "./schema-dump.ts";

const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
const name = `dialbridge_dump_${randomBytes(4).toString("hex")}`;
const url = await createDatabase(adminUrl, name);
try {
  await prepareDatabase(url);
  await writeFile(path.join(root, "sql/schema.sql"), await dumpSchema(url));
  console.log("sql/schema.sql written");
} finally {
  await dropDatabase(adminUrl, name);
}
