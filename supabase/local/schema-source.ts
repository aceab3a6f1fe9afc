/**
 * sql/schema/: the declarative source — the current definition of every database object dialbridge owns,
 * one file per object (a table with its columns, constraints, indexes, triggers, policies, grants and
 * comments; a function with all its overloads; a view; a type), in a folder per domain, in PostgreSQL's
 * own canonical form (what pg_dump writes).
 *
 *   npm run db:dump    rewrites sql/schema/ from the migrations (applied to a scratch database)
 *   npm test           loads sql/schema/ into an empty database and fails unless its catalog is the
 *                      migrations' catalog, object for object
 *
 * Folders: anything named for a provider (phoneburner_…) sits in that provider's folder, anything named for
 * dispositions or suppressions in theirs, everything else in the domain of the migration that first
 * created it. The loader (loadSource) runs every statement in one
 * transaction, retrying what waits on an object defined in another file until nothing is left, so files
 * need no order among themselves.
 */
import { readdir, readFile, rm, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type postgres from "postgres";
import { connect, root, migrationsDir } from "./db.ts";

export const sourceDir = path.join(root, "sql/schema");

/** Domain folders by the migration (file name after its timestamp) that first created an object. */
const MIGRATION_DOMAINS: [RegExp, string][] = [
  [/foundation_people/, "people"],
  [/foundation_contacts/, "contacts"],
  [/foundation_calling|call_statistics/, "calling"],
  [/worker_heartbeat|health/, "platform"],
  [/webhook_receive|ingest_|callbacks_and_contact_changes|provider_neutral_pipeline|replay_window|webhook_log_/, "ingest"],
  [/disposition/, "dispositions"],
  [/suppression/, "compliance"],
  [/push_/, "push"],
  [/reports_|rollup_rules/, "reports"],
  [/dialer|predictive_/, "dialer"],
  [/bolna/, "bolna"],
  [/sourceco_/, "sourceco"],
];
/** Objects named for a provider live in its folder, whatever migration made them. */
const PROVIDERS = ["phoneburner", "voipstudio", "bolna"];
/** Then objects named for a domain live in it: a mapping or suppression table is looked for there. */
const NAME_DOMAINS: [RegExp, string][] = [[/disposition/, "dispositions"], [/suppression|do_not_call|dnc/, "compliance"], [/^add_to_/, "reports"]];

// ---------------------------------------------------------------------------------------------------
// SQL text → statements
// ---------------------------------------------------------------------------------------------------

/**
 * Splits SQL text into statements at top-level semicolons: quoted strings ('…', E'…'), quoted identifiers,
 * dollar-quoted bodies ($$…$$, $tag$…$tag$), SQL-standard bodies (BEGIN ATOMIC … END) and comments are
 * kept whole. Comment-only pieces are dropped.
 */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  let atomicDepth = 0;
  let sawBegin = false;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === "-" && text[i + 1] === "-") {
      const e = text.indexOf("\n", i);
      i = e < 0 ? n : e + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === "/" && text[i + 1] === "*") { depth++; i += 2; }
        else if (text[i] === "*" && text[i + 1] === "/") { depth--; i += 2; }
        else i++;
      }
    } else if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(text[i - 1]) && !/[A-Za-z0-9_]/.test(text[i - 2] ?? "");
      i++;
      while (i < n) {
        if (escapes && text[i] === "\\") { i += 2; continue; }
        if (text[i] === "'") {
          if (text[i + 1] === "'") { i += 2; continue; }
          break;
        }
        i++;
      }
      i++;
    } else if (c === '"') {
      i++;
      while (i < n && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
      i++;
    } else if (c === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (m && !/[A-Za-z0-9_]/.test(text[i - 1] ?? "")) {
        const end = text.indexOf(m[0], i + m[0].length);
        i = end < 0 ? n : end + m[0].length;
      } else i++;
    } else if (c === ";" && atomicDepth === 0) {
      out.push(text.slice(start, i + 1));
      i++;
      start = i;
      sawBegin = false;
    } else if (/[A-Za-z_]/.test(c) && !/[A-Za-z0-9_$]/.test(text[i - 1] ?? "")) {
      // SQL-standard function bodies (BEGIN ATOMIC … END) hold semicolons: inside one, CASE … END nests
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i, i + 64))![0].toUpperCase();
      if (atomicDepth === 0 && word === "BEGIN") sawBegin = true;
      else if (atomicDepth === 0 && sawBegin && word === "ATOMIC") atomicDepth = 1;
      else if (atomicDepth > 0 && word === "CASE") atomicDepth++;
      else if (atomicDepth > 0 && word === "END") atomicDepth--;
      else sawBegin = false;
      i += word.length;
    } else i++;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => stripComments(s).trim() !== "");
}

function stripComments(s: string): string {
  return s.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}

// ---------------------------------------------------------------------------------------------------
// pg_dump → one file per object
// ---------------------------------------------------------------------------------------------------

interface Entry { name: string; type: string; schema: string; body: string }

/** pg_dump's table of contents: each item's `-- Name: …; Type: …; Schema: …` header and its statements. */
function entries(dump: string): Entry[] {
  const out: Entry[] = [];
  const re = /^--\n-- (?:Data for )?Name: (.*?); Type: (.*?); Schema: (.*?); Owner: .*\n--\n/gm;
  const heads = [...dump.matchAll(re)];
  heads.forEach((h, k) => {
    const from = h.index! + h[0].length;
    const to = k + 1 < heads.length ? heads[k + 1].index! : dump.length;
    // the session settings pg_dump writes between items (SET default_tablespace …) belong to no object
    const body = dump.slice(from, to).replace(/^SET [a-z_]+ = .*;$/gm, "").trim();
    out.push({ name: h[1], type: h[2], schema: h[3] === "-" ? "" : h[3], body });
  });
  return out;
}

/**
 * The object an entry belongs to: [schema, name] of its table, view, function, type or schema.
 * `indexTables` collects the table of each index and identity sequence as their entries go by.
 */
function ownerOf(e: Entry, indexTables: Map<string, string>): [string, string] | null {
  const first = (s: string) => s.split(" ")[0].replace(/\(.*$/, "");
  const unq = (s: string) => s.replace(/^"(.*)"$/, "$1");
  switch (e.type) {
    case "SCHEMA": case "EXTENSION": return ["", "schemas"];
    case "DEFAULT ACL": return null; // the platform's (Supabase's default privileges), not dialbridge's
    case "TABLE": case "VIEW": case "MATERIALIZED VIEW": case "TYPE": case "DOMAIN": case "FUNCTION":
    case "PROCEDURE": case "AGGREGATE":
      return [e.schema, unq(first(e.name))];
    case "SEQUENCE": {
      const m = /ALTER TABLE (?:ONLY )?([^\s.]+)\.("[^"]+"|\S+) ALTER COLUMN/.exec(e.body);
      if (m) indexTables.set(`${e.schema}.${e.name}`, unq(m[2]));
      return m ? [m[1], unq(m[2])] : [e.schema, unq(first(e.name))];
    }
    case "SEQUENCE OWNED BY": {
      const m = /OWNED BY ([^\s.]+)\.("[^"]+"|[^\s.]+)\./.exec(e.body);
      return m ? [m[1], unq(m[2])] : [e.schema, unq(first(e.name))];
    }
    case "INDEX": {
      const m = /ON (?:ONLY )?([^\s.]+)\.("[^"]+"|\S+) USING/.exec(e.body);
      if (m) indexTables.set(`${e.schema}.${e.name}`, unq(m[2]));
      return m ? [m[1], unq(m[2])] : null;
    }
    case "CONSTRAINT": case "FK CONSTRAINT": case "CHECK CONSTRAINT": case "TRIGGER": case "POLICY":
    case "ROW SECURITY": case "DEFAULT": case "RULE":
      return [e.schema, unq(first(e.name))];
    case "COMMENT": case "ACL": {
      const m = /^(COLUMN|TABLE|VIEW|MATERIALIZED VIEW|FUNCTION|PROCEDURE|TYPE|DOMAIN|SEQUENCE|SCHEMA|EXTENSION|INDEX|CONSTRAINT|TRIGGER|POLICY|RULE) (.*)$/.exec(e.name);
      if (!m) return null;
      const [, kind, rest] = m;
      if (kind === "SCHEMA" || kind === "EXTENSION") return ["", "schemas"];
      if (kind === "COLUMN") return [e.schema, unq(rest.replace(/\.[^.]+$/, ""))];
      if (kind === "CONSTRAINT" || kind === "TRIGGER" || kind === "POLICY" || kind === "RULE") {
        return [e.schema, unq(rest.replace(/^.* ON /, ""))];
      }
      if (kind === "INDEX" || kind === "SEQUENCE") {
        const t = indexTables.get(`${e.schema}.${rest}`);
        if (t) return [e.schema, t];
        if (kind === "INDEX") return null;
      }
      return [e.schema, unq(first(rest))];
    }
    default:
      return null;
  }
}

/** Where each object was first created, by the migrations' own text. */
function domainOf(schema: string, name: string, migrations: [string, string][]): string {
  if (name === "schemas") return "platform";
  const provider = PROVIDERS.find((p) => name.includes(p));
  if (provider) return provider;
  const named = NAME_DOMAINS.find(([r]) => r.test(name));
  if (named) return named[1];
  const id = `${schema}\\.(?:"${name}"|${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})(?![A-Za-z0-9_])`;
  const re = new RegExp(`create\\s+(?:or\\s+replace\\s+)?(?:table|view|materialized\\s+view|function|procedure|type|domain|sequence)\\s+(?:if\\s+not\\s+exists\\s+)?${id}`, "i");
  for (const [file, text] of migrations) {
    if (re.test(text)) return MIGRATION_DOMAINS.find(([r]) => r.test(file))?.[1] ?? "platform";
  }
  return "platform";
}

/** The declarative source for a schema dump: relative path under sql/schema → file text. */
export async function splitDump(dump: string): Promise<Map<string, string>> {
  const migrations: [string, string][] = [];
  for (const f of (await readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort()) {
    migrations.push([f, await readFile(path.join(migrationsDir, f), "utf8")]);
  }
  const indexTables = new Map<string, string>();
  const files = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const e of entries(dump)) {
    const owner = ownerOf(e, indexTables);
    if (!owner) {
      if (e.type !== "DEFAULT ACL") unplaced.push(`${e.type} ${e.name}`);
      continue;
    }
    const [schema, name] = owner;
    const base = (schema === "" ? name : `${schema}.${name}`).replace(/[^A-Za-z0-9_.-]+/g, "_");
    const file = `${domainOf(schema, name, migrations)}/${base}.sql`;
    if (!files.has(file)) files.set(file, []);
    files.get(file)!.push(e.body);
  }
  if (unplaced.length) throw new Error(`pg_dump items with no object to file them under: ${unplaced.join(", ")}`);
  const out = new Map<string, string>();
  for (const [file, bodies] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    out.set(file, bodies.join("\n\n") + "\n");
  }
  return out;
}

/** Replaces sql/schema/ with `files` (sql/schema/README.md stays). */
export async function writeSource(files: Map<string, string>): Promise<void> {
  for (const name of await readdir(sourceDir).catch(() => [] as string[])) {
    if (name !== "README.md") await rm(path.join(sourceDir, name), { recursive: true, force: true });
  }
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(sourceDir, file)), { recursive: true });
    await writeFile(path.join(sourceDir, file), text);
  }
}

/** Every .sql file of the source, relative to sql/schema, in name order. */
export async function sourceFiles(dir = sourceDir): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const ent of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, ent.name);
      if (ent.isDirectory()) await walk(full);
      else if (ent.name.endsWith(".sql")) out.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return out;
}

/** The source's files and texts, in name order. */
export async function readSource(dir = sourceDir): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await sourceFiles(dir)) out.set(file, await readFile(path.join(dir, file), "utf8"));
  return out;
}

/**
 * The canonical source for the database at `url` (migrated): its dump, split per object, loaded into a
 * scratch database `scratchUrl` (shim and worker schema only) and dumped again. PostgreSQL's deparsing is
 * not a fixed point the first time (it flattens nested ANDs and names the columns of a UNION's later
 * branches); after one round trip it is, so the source loads to exactly what it says.
 */
export async function canonicalSource(url: string, scratchUrl: string, dump: (url: string) => Promise<string>): Promise<Map<string, string>> {
  await loadSource(scratchUrl, await splitDump(await dump(url)));
  return await splitDump(await dump(scratchUrl));
}

// ---------------------------------------------------------------------------------------------------
// Loading the source
// ---------------------------------------------------------------------------------------------------

/** Supabase's default privileges in schema public (sql/bootstrap/supabase_shim.sql). */
const PLATFORM_DEFAULT_PRIVILEGES = ["tables", "functions", "sequences"];
const API_ROLES = "anon, authenticated, service_role";

/**
 * Loads sql/schema/ into the database at `url` (which has the Supabase shim and graphile-worker's schema,
 * as migrations expect): one transaction; a statement that fails because something it needs is defined in
 * a file not yet loaded is retried after the others, until every statement stands. Like pg_restore,
 * default privileges apply after the objects (the shim's are lifted while loading, then put back), so each
 * object ends with exactly the grants its file states.
 */
export async function loadSource(url: string, source: string | Map<string, string> = sourceDir): Promise<{ statements: number; passes: number }> {
  const files = typeof source === "string" ? await readSource(source) : source;
  const statements: { file: string; sql: string }[] = [];
  for (const [file, text] of files) {
    for (const s of splitStatements(text)) statements.push({ file, sql: s });
  }
  const sql = connect(url, { max: 1 });
  let passes = 0;
  try {
    await sql.begin(async (tx: postgres.TransactionSql) => {
      // the session pg_dump's own output expects
      await tx.unsafe(`set local check_function_bodies = false; set local client_min_messages = warning;
                       set local standard_conforming_strings = on; select pg_catalog.set_config('search_path', '', true)`);
      for (const kind of PLATFORM_DEFAULT_PRIVILEGES) {
        await tx.unsafe(`alter default privileges in schema public revoke all on ${kind} from ${API_ROLES}`);
      }
      let pending = statements;
      while (pending.length) {
        passes++;
        const failed: { file: string; sql: string; error: string }[] = [];
        for (const st of pending) {
          try {
            await tx.savepoint((sp) => sp.unsafe(st.sql));
          } catch (e) {
            failed.push({ ...st, error: (e as Error).message });
          }
        }
        if (failed.length === pending.length) {
          const f = failed[0];
          throw new Error(`sql/schema does not load: ${failed.length} statement(s) fail; first, in ${f.file}: ${f.error}\n${f.sql.slice(0, 300)}`);
        }
        pending = failed;
      }
      for (const kind of PLATFORM_DEFAULT_PRIVILEGES) {
        await tx.unsafe(`alter default privileges in schema public grant all on ${kind} to ${API_ROLES}`);
      }
    });
  } finally {
    await sql.end();
  }
  return { statements: statements.length, passes };
}
