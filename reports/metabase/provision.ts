/**
 * `npm run reports:provision -- --url https://metabase.example.com`: creates or updates, through Metabase's
 * REST API, everything an analyst needs — the database connection (the read-only reporting role), a
 * collection, the questions (reports/metabase/questions/*.sql, described in content.json) and the
 * dashboards (content.json). Safe to run again: everything is found by name, changed only when it differs
 * from the files, and a second run with nothing changed creates and updates nothing.
 *
 * API used (Metabase docs/api): POST /api/session · GET|POST /api/database · PUT /api/database/:id ·
 * POST /api/database/:id/sync_schema · GET|POST /api/collection · GET /api/collection/:id/items ·
 * GET|POST /api/card · PUT /api/card/:id · POST /api/dashboard · GET|PUT /api/dashboard/:id (dashcards).
 *
 * Options (flags, else environment):
 *   --url              METABASE_URL            Metabase base URL
 *   --api-key          METABASE_API_KEY        an API key (Metabase ≥ 49), or:
 *   --user/--password  METABASE_USER/PASSWORD  an admin's sign-in (a session is opened)
 *   --database         METABASE_DATABASE       name of the database in Metabase (default "dialbridge")
 *   --collection       METABASE_COLLECTION     collection name (default: content.json)
 *   --db-host --db-port --db-name --db-user --db-password --db-ssl
 *                      METABASE_DB_HOST, _PORT, _NAME, _USER, _PASSWORD, _SSL
 *                      how Metabase connects to Postgres: a login role granted dialbridge_metabase
 *                      (README). Needed to create the connection; when given for an existing one, a
 *                      connection whose host, port, database, user, SSL or schema filter differ is updated.
 * Secrets are never printed.
 */
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------------
// Content: content.json + questions/*.sql
// ---------------------------------------------------------------------------------------------------
const TemplateTag = z.object({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), display_name: z.string().min(1), type: z.enum(["text", "number", "date"]) });
const Card = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
  display: z.enum(["table", "line", "bar", "row", "pie", "scalar", "area", "combo"]),
  visualization_settings: z.record(z.unknown()).default({}),
  template_tags: z.array(TemplateTag).default([]),
});
const Dashboard = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
  parameters: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), slug: z.string().min(1), type: z.string().min(1) })).default([]),
  cards: z.array(z.object({
    card: z.string(),
    row: z.number().int().min(0), col: z.number().int().min(0).max(23),
    size_x: z.number().int().min(1).max(24), size_y: z.number().int().min(1),
    parameter_mappings: z.array(z.object({ parameter: z.string(), tag: z.string() })).default([]),
  })).min(1),
});
export const Content = z.object({
  collection: z.object({ name: z.string().min(1), description: z.string().min(1) }),
  cards: z.array(Card).min(1),
  dashboards: z.array(Dashboard),
}).superRefine((c, ctx) => {
  const slugs = new Set(c.cards.map((x) => x.slug));
  if (slugs.size !== c.cards.length) ctx.addIssue({ code: "custom", message: "card slugs must be unique" });
  for (const d of c.dashboards) {
    const params = new Set(d.parameters.map((p) => p.id));
    for (const dc of d.cards) {
      const card = c.cards.find((x) => x.slug === dc.card);
      if (!card) ctx.addIssue({ code: "custom", message: `dashboard ${d.slug}: unknown card ${dc.card}` });
      for (const m of dc.parameter_mappings) {
        if (!params.has(m.parameter)) ctx.addIssue({ code: "custom", message: `dashboard ${d.slug}: unknown parameter ${m.parameter}` });
        if (card && !card.template_tags.some((t) => t.name === m.tag)) ctx.addIssue({ code: "custom", message: `dashboard ${d.slug}: card ${dc.card} has no tag ${m.tag}` });
      }
    }
  }
});
export type ContentT = z.infer<typeof Content> & { sql: Record<string, string> };

export async function loadContent(dir = here): Promise<ContentT> {
  const content = Content.parse(JSON.parse(await readFile(path.join(dir, "content.json"), "utf8")));
  const sql: Record<string, string> = {};
  for (const card of content.cards) {
    sql[card.slug] = (await readFile(path.join(dir, "questions", `${card.slug}.sql`), "utf8")).trim();
    for (const tag of card.template_tags) {
      if (!sql[card.slug].includes(`{{${tag.name}}}`)) throw new Error(`question ${card.slug}: template tag {{${tag.name}}} is not in its SQL`);
    }
  }
  return { ...content, sql };
}

// ---------------------------------------------------------------------------------------------------
// A small Metabase client
// ---------------------------------------------------------------------------------------------------
type Json = any;

export class MetabaseError extends Error {
  constructor(readonly method: string, readonly path: string, readonly status: number, body: string) {
    super(`Metabase ${method} ${path} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export class Metabase {
  private headers: Record<string, string>;
  constructor(readonly baseUrl: string, auth: { apiKey: string } | { sessionId: string }) {
    this.headers = "apiKey" in auth ? { "x-api-key": auth.apiKey } : { "X-Metabase-Session": auth.sessionId };
  }

  static async signIn(baseUrl: string, username: string, password: string): Promise<Metabase> {
    const res = await fetch(new URL("/api/session", baseUrl), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new MetabaseError("POST", "/api/session", res.status, res.status === 401 ? "bad credentials" : await res.text());
    const body = await res.json() as { id?: string };
    if (!body.id) throw new Error("Metabase POST /api/session answered without a session id");
    return new Metabase(baseUrl, { sessionId: body.id });
  }

  async request(method: string, apiPath: string, body?: unknown): Promise<Json> {
    const res = await fetch(new URL(apiPath, this.baseUrl), {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new MetabaseError(method, apiPath, res.status, text);
    return text ? JSON.parse(text) : null;
  }
}

/** Lists come bare (older Metabase) or as {data: [...]} (newer). */
function list(x: Json): Json[] {
  return Array.isArray(x) ? x : Array.isArray(x?.data) ? x.data : [];
}

function stableUuid(seed: string): string {
  const h = createHash("sha256").update(`dialbridge-metabase:${seed}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x && typeof x === "object") {
    return `{${Object.keys(x as object).sort().filter((k) => (x as any)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((x as any)[k])}`).join(",")}}`;
  }
  return JSON.stringify(x ?? null);
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

// ---------------------------------------------------------------------------------------------------
// Provisioning
// ---------------------------------------------------------------------------------------------------
export interface DbConnection {
  host: string; port: number; dbname: string; user: string; password?: string; ssl: boolean;
}

export interface ProvisionOptions {
  url: string;
  apiKey?: string;
  user?: string;
  password?: string;
  databaseName?: string;
  collectionName?: string;
  connection?: DbConnection;
  content?: ContentT;
  log?: (line: string) => void;
}

export interface ProvisionSummary {
  created: { database: number; collection: number; cards: number; dashboards: number };
  updated: { database: number; cards: number; dashboards: number };
  unchanged: { cards: number; dashboards: number };
  databaseId: number;
  collectionId: number;
  cardIds: Record<string, number>;
  dashboardIds: Record<string, number>;
}

function connectionDetails(c: DbConnection) {
  return {
    host: c.host, port: c.port, dbname: c.dbname, user: c.user, ...(c.password ? { password: c.password } : {}),
    ssl: c.ssl, ...(c.ssl ? { "ssl-mode": "require" } : {}),
    // Metabase syncs and offers only the reports schema (the role can read nothing else anyway)
    "schema-filters-type": "inclusion", "schema-filters-patterns": "reports",
    "tunnel-enabled": false,
  };
}

export async function provision(o: ProvisionOptions): Promise<ProvisionSummary> {
  const log = o.log ?? ((l: string) => console.log(l));
  const content = o.content ?? await loadContent();
  const mb = o.apiKey ? new Metabase(o.url, { apiKey: o.apiKey })
    : o.user && o.password ? await Metabase.signIn(o.url, o.user, o.password)
    : (() => { throw new Error("give --api-key, or --user and --password (an admin of the Metabase instance)"); })();
  const s: ProvisionSummary = {
    created: { database: 0, collection: 0, cards: 0, dashboards: 0 },
    updated: { database: 0, cards: 0, dashboards: 0 },
    unchanged: { cards: 0, dashboards: 0 },
    databaseId: 0, collectionId: 0, cardIds: {}, dashboardIds: {},
  };

  // 1. The database connection
  const dbName = o.databaseName ?? "dialbridge";
  let db = list(await mb.request("GET", "/api/database")).find((d) => d.name === dbName);
  if (!db) {
    if (!o.connection?.password) {
      throw new Error(`Metabase has no database "${dbName}": give the connection (--db-host, --db-port, --db-name, --db-user, --db-password) of a login role granted dialbridge_metabase`);
    }
    db = await mb.request("POST", "/api/database", {
      engine: "postgres", name: dbName, details: connectionDetails(o.connection), is_full_sync: true, auto_run_queries: true,
    });
    s.created.database++;
    await mb.request("POST", `/api/database/${db.id}/sync_schema`);
    log(`created the database connection "${dbName}" (user ${o.connection.user}, schema reports)`);
  } else if (o.connection) {
    const want = connectionDetails(o.connection);
    const current = (await mb.request("GET", `/api/database/${db.id}`)).details ?? {};
    const keys = ["host", "port", "dbname", "user", "ssl", "schema-filters-type", "schema-filters-patterns"] as const;
    const differs = keys.filter((k) => String(current[k] ?? "") !== String((want as any)[k] ?? ""));
    if (differs.length > 0) {
      await mb.request("PUT", `/api/database/${db.id}`, { details: want });
      await mb.request("POST", `/api/database/${db.id}/sync_schema`);
      s.updated.database++;
      log(`updated the database connection "${dbName}" (${differs.join(", ")})`);
    }
  }
  s.databaseId = db.id;

  // 2. The collection
  const collectionName = o.collectionName ?? content.collection.name;
  let collection = list(await mb.request("GET", "/api/collection"))
    .find((c) => c.name === collectionName && !c.archived && typeof c.id === "number" && !c.personal_owner_id);
  if (!collection) {
    collection = await mb.request("POST", "/api/collection", { name: collectionName, description: content.collection.description });
    s.created.collection++;
    log(`created the collection "${collectionName}"`);
  }
  s.collectionId = collection.id;

  // 3. The questions
  const cardsHere = list(await mb.request("GET", `/api/collection/${collection.id}/items?models=card`));
  for (const card of content.cards) {
    const desired = {
      name: card.name,
      description: card.description,
      display: card.display,
      visualization_settings: card.visualization_settings,
      collection_id: collection.id,
      dataset_query: {
        type: "native",
        database: db.id,
        native: {
          query: content.sql[card.slug],
          "template-tags": Object.fromEntries(card.template_tags.map((t) => [t.name, {
            id: stableUuid(`${card.slug}:${t.name}`), name: t.name, "display-name": t.display_name, type: t.type, required: false,
          }])),
        },
      },
    };
    const found = cardsHere.find((c) => c.name === card.name && (c.model ?? "card") === "card");
    if (!found) {
      const created = await mb.request("POST", "/api/card", desired);
      s.cardIds[card.slug] = created.id;
      s.created.cards++;
      log(`created the question "${card.name}"`);
      continue;
    }
    s.cardIds[card.slug] = found.id;
    const current = await mb.request("GET", `/api/card/${found.id}`);
    const currentTags = current.dataset_query?.native?.["template-tags"] ?? {};
    const unchanged = current.description === desired.description && current.display === desired.display
      && same(current.visualization_settings ?? {}, desired.visualization_settings)
      && current.collection_id === collection.id && current.dataset_query?.type === "native"
      && current.dataset_query?.database === db.id && current.dataset_query?.native?.query === desired.dataset_query.native.query
      && same(Object.values(currentTags).map((t: any) => [t.name, t["display-name"], t.type]).sort(),
              card.template_tags.map((t) => [t.name, t.display_name, t.type]).sort());
    if (unchanged) { s.unchanged.cards++; continue; }
    await mb.request("PUT", `/api/card/${found.id}`, desired);
    s.updated.cards++;
    log(`updated the question "${card.name}"`);
  }

  // 4. The dashboards
  const dashboardsHere = list(await mb.request("GET", `/api/collection/${collection.id}/items?models=dashboard`));
  for (const dash of content.dashboards) {
    const parameters = dash.parameters.map((p) => ({ ...p, sectionId: "string" }));
    let found = dashboardsHere.find((d) => d.name === dash.name && (d.model ?? "dashboard") === "dashboard");
    let isNew = false;
    if (!found) {
      found = await mb.request("POST", "/api/dashboard", {
        name: dash.name, description: dash.description, collection_id: collection.id, parameters,
      });
      isNew = true;
      s.created.dashboards++;
      log(`created the dashboard "${dash.name}"`);
    }
    s.dashboardIds[dash.slug] = found.id;
    const current = await mb.request("GET", `/api/dashboard/${found.id}`);
    const existing: Json[] = current.dashcards ?? current.ordered_cards ?? [];
    const used = new Set<number>();
    let next = -1;
    const dashcards = dash.cards.map((dc) => {
      const cardId = s.cardIds[dc.card];
      const match = existing.find((e) => e.card_id === cardId && !used.has(e.id));
      const id = match ? match.id : next--;
      if (match) used.add(match.id);
      return {
        id, card_id: cardId, row: dc.row, col: dc.col, size_x: dc.size_x, size_y: dc.size_y,
        parameter_mappings: dc.parameter_mappings.map((m) => ({
          parameter_id: m.parameter, card_id: cardId, target: ["variable", ["template-tag", m.tag]],
        })),
        visualization_settings: match?.visualization_settings ?? {},
        series: [],
      };
    });
    const shape = (cards: Json[]) => cards.map((c) => [c.card_id, c.row, c.col, c.size_x, c.size_y,
      (c.parameter_mappings ?? []).map((m: Json) => [m.parameter_id, m.card_id, m.target])]).sort((a, b) => canonical(a) < canonical(b) ? -1 : 1);
    const sameCards = same(shape(existing), shape(dashcards));
    const sameMeta = current.description === dash.description
      && same((current.parameters ?? []).map((p: Json) => [p.id, p.name, p.slug, p.type]), parameters.map((p) => [p.id, p.name, p.slug, p.type]));
    if (sameCards && sameMeta) {
      if (!isNew) s.unchanged.dashboards++;
      continue;
    }
    await mb.request("PUT", `/api/dashboard/${found.id}`, { description: dash.description, parameters, dashcards });
    if (!isNew) {
      s.updated.dashboards++;
      log(`updated the dashboard "${dash.name}"`);
    }
  }

  log(`Metabase: database ${s.created.database ? "created" : s.updated.database ? "updated" : "unchanged"}, ` +
      `collection ${s.created.collection ? "created" : "unchanged"}, questions ${s.created.cards} created / ` +
      `${s.updated.cards} updated / ${s.unchanged.cards} unchanged, dashboards ${s.created.dashboards} created / ` +
      `${s.updated.dashboards} updated / ${s.unchanged.dashboards} unchanged`);
  return s;
}

// ---------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ProvisionOptions {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument: ${a}`);
    const [k, inline] = a.slice(2).split("=", 2);
    if (inline !== undefined) flags[k] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags[k] = argv[++i];
    else flags[k] = "true";
  }
  const known = ["url", "api-key", "user", "password", "database", "collection", "db-host", "db-port", "db-name",
                 "db-user", "db-password", "db-ssl"];
  for (const k of Object.keys(flags)) if (!known.includes(k)) throw new Error(`unknown option --${k}`);
  const get = (flag: string, variable: string) => flags[flag] ?? env[variable] ?? undefined;
  const url = get("url", "METABASE_URL");
  if (!url) throw new Error("give --url (or METABASE_URL): the Metabase base URL");
  const host = get("db-host", "METABASE_DB_HOST");
  const o: ProvisionOptions = {
    url,
    apiKey: get("api-key", "METABASE_API_KEY"),
    user: get("user", "METABASE_USER"),
    password: get("password", "METABASE_PASSWORD"),
    databaseName: get("database", "METABASE_DATABASE"),
    collectionName: get("collection", "METABASE_COLLECTION"),
  };
  if (host) {
    const port = Number(get("db-port", "METABASE_DB_PORT") ?? 5432);
    const user = get("db-user", "METABASE_DB_USER");
    if (!Number.isInteger(port) || port <= 0) throw new Error("--db-port must be a port number");
    if (!user) throw new Error("give --db-user: a login role granted dialbridge_metabase");
    o.connection = {
      host, port, dbname: get("db-name", "METABASE_DB_NAME") ?? "postgres", user,
      password: get("db-password", "METABASE_DB_PASSWORD"),
      ssl: (get("db-ssl", "METABASE_DB_SSL") ?? "true") !== "false",
    };
  }
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await provision(parseArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
