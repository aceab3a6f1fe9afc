/**
 * `npm run db:diff`: the migration a change of the declarative source needs.
 *
 *   1. edit sql/schema/<domain>/<object>.sql (the current definition of that object)
 *   2. npm run db:diff -- --write <name>   → sql/migrations/<timestamp>_<name>.sql, drafted by migra from
 *      the difference between the migrations' database and the source's (print only: leave out --write)
 *   3. read the draft: make it re-runnable and safe on SourceCo's data (`if not exists`, NOT VALID checks,
 *      no drops of user data), as every migration here is
 *   4. npm run db:dump (rewrites sql/schema/ in canonical form), then npm test, which fails unless the
 *      source and the migrations give the same catalog
 *
 * migra (@pgkit/migra) compares the two databases; privileges are included. Hand-written migrations stay
 * allowed: then run step 4 alone.
 */
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_ADMIN_URL, bin, createDatabase, dropDatabase, migrationsDir, prepareDatabase, preparePlatform, run } from "./db.ts";
import { dumpSchema } from "./schema-dump.ts";
import { canonicalSource, loadSource } from "./schema-source.ts";

const args = process.argv.slice(2);
const writeAt = args.indexOf("--write");
const name = writeAt >= 0 ? args[writeAt + 1] : undefined;
if (writeAt >= 0 && !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("usage: npm run db:diff [-- --write <name_in_snake_case>]");
  process.exit(2);
}

const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
const tag = randomBytes(4).toString("hex");
// migrations → their schema after the loader's round trip (so PostgreSQL's deparsing cannot show up as a
// difference; see canonicalSource), compared with the source as it is now
const names = ["migrations", "canonical", "source"].map((n) => `dialbridge_diff_${tag}_${n}`);
const [migratedUrl, fromUrl, toUrl] = await Promise.all(names.map((n) => createDatabase(adminUrl, n)));
try {
  await Promise.all([prepareDatabase(migratedUrl), preparePlatform(fromUrl), preparePlatform(toUrl)]);
  await canonicalSource(migratedUrl, fromUrl, dumpSchema);
  await loadSource(toUrl);
  const { code, out } = await run(bin("migra"), [
    fromUrl, toUrl, "--unsafe", "--with-privileges", "--exclude-schema", "auth", "graphile_worker",
  ]);
  const statements = out.split("\n").filter((l) => !/^(WARNING: Creating a duplicate|\s+at )/.test(l)).join("\n").trim();
  if (code !== 0 && code !== 2) throw new Error(`migra failed:\n${out}`);
  if (!statements) {
    console.log("-- sql/schema and the migrations agree: no migration needed");
  } else if (name) {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const file = path.join(migrationsDir, `${stamp}_${name}.sql`);
    await writeFile(file, `-- migrate:up\n-- Drafted by npm run db:diff from sql/schema/: review before committing.\n\n${statements}\n\n-- migrate:down\n`);
    console.log(`written: ${path.relative(process.cwd(), file)}`);
  } else {
    console.log(statements);
  }
} finally {
  await Promise.all(names.map((n) => dropDatabase(adminUrl, n)));
}
