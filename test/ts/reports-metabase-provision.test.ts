/**
 * Metabase as code: `npm run reports:provision` against a local stand-in of Metabase's REST API that
 * checks every request body against the shapes Metabase documents (docs/api: session, database,
 * collection, card, dashboard — PUT /api/dashboard/:id with dashcards) and keeps state like Metabase. The
 * first run creates the connection, the collection, every question and dashboard; a second run creates and
 * updates nothing; an analyst's edit is put back; a moved database is updated. And every question's SQL
 * runs against the real schema as the read-only Metabase role.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadContent, parseArgs, provision, type ContentT, type DbConnection } from "../../reports/metabase/provision.ts";
import { connect } from "../../supabase/local/db.ts";

// ---------------------------------------------------------------------------------------------------
// The documented request shapes (Metabase docs/api/*.md: "PARAMS")
// ---------------------------------------------------------------------------------------------------
const nonBlank = z.string().trim().min(1);
const posInt = z.number().int().positive();
const map = z.record(z.unknown());
const parameter = z.object({ id: nonBlank, type: nonBlank }).passthrough();
const templateTag = z.object({
  id: nonBlank, name: nonBlank, "display-name": nonBlank,
  type: z.enum(["text", "number", "date", "dimension", "snippet", "card", "temporal-unit"]),
  required: z.boolean().optional(),
}).strict();
const nativeQuery = z.object({
  type: z.literal("native"),
  database: posInt,
  native: z.object({ query: nonBlank, "template-tags": z.record(templateTag).optional() }).strict(),
}).strict();
const booleanish = z.union([z.boolean(), z.enum(["true", "false"])]);

const shapes = {
  "POST /api/session": z.object({ username: nonBlank, password: nonBlank }).strict(),
  "POST /api/database": z.object({
    engine: z.enum(["postgres", "h2", "mysql", "redshift", "snowflake", "bigquery-cloud-sdk"]),
    name: nonBlank,
    details: z.object({
      host: nonBlank, port: posInt, dbname: nonBlank, user: nonBlank, password: z.string().optional(),
      ssl: z.boolean().optional(), "ssl-mode": z.enum(["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]).optional(),
      "schema-filters-type": z.enum(["inclusion", "exclusion", "all"]).optional(),
      "schema-filters-patterns": z.string().optional(), "tunnel-enabled": z.boolean().optional(),
    }).strict(),
    is_full_sync: booleanish.nullish(), auto_run_queries: z.boolean().nullish(), schedules: map.nullish(),
    cache_ttl: posInt.nullish(), is_on_demand: booleanish.nullish(), connection_source: z.enum(["admin", "setup"]).nullish(),
  }).strict(),
  "PUT /api/database/:id": z.object({
    engine: nonBlank.nullish(), schedules: map.nullish(), refingerprint: z.boolean().nullish(), points_of_interest: z.string().nullish(),
    description: z.string().nullish(), auto_run_queries: z.boolean().nullish(), name: nonBlank.nullish(), settings: map.nullish(),
    caveats: z.string().nullish(), is_full_sync: booleanish.nullish(), cache_ttl: posInt.nullish(), details: map.nullish(),
    is_on_demand: booleanish.nullish(),
  }).strict(),
  "POST /api/collection": z.object({
    name: nonBlank, description: nonBlank.nullish(), parent_id: posInt.nullish(), namespace: nonBlank.nullish(),
    authority_level: z.literal("official").nullish(),
  }).strict(),
  "POST /api/card": z.object({
    visualization_settings: map, parameters: z.array(parameter).nullish(), dataset: z.boolean().nullish(),
    description: nonBlank.nullish(), collection_position: posInt.nullish(), result_metadata: z.array(map).nullish(),
    collection_id: posInt.nullish(), name: nonBlank, type: z.enum(["model", "question"]).nullish(), cache_ttl: posInt.nullish(),
    dataset_query: nativeQuery, parameter_mappings: z.array(z.object({ parameter_id: nonBlank, target: z.unknown() }).passthrough()).nullish(),
    display: nonBlank,
  }).strict(),
  "PUT /api/card/:id": z.object({
    collection_preview: z.boolean().nullish(), visualization_settings: map.nullish(), parameters: z.array(parameter).nullish(),
    dataset: z.boolean().nullish(), description: z.string().nullish(), archived: z.boolean().nullish(),
    collection_position: posInt.nullish(), result_metadata: z.array(map).nullish(), enable_embedding: z.boolean().nullish(),
    collection_id: posInt.nullish(), name: nonBlank.nullish(), type: z.enum(["model", "question"]).nullish(),
    embedding_params: map.nullish(), cache_ttl: posInt.nullish(), dataset_query: nativeQuery.nullish(), display: nonBlank.nullish(),
  }).strict(),
  "POST /api/dashboard": z.object({
    name: nonBlank, description: z.string().nullish(), parameters: z.array(parameter).nullish(), cache_ttl: posInt.nullish(),
    collection_id: posInt.nullish(), collection_position: posInt.nullish(),
  }).strict(),
  "PUT /api/dashboard/:id": z.object({
    parameters: z.array(parameter).nullish(), points_of_interest: z.string().nullish(), description: z.string().nullish(),
    archived: z.boolean().nullish(),
    dashcards: z.array(z.object({
      id: z.number().int().refine((n) => n !== 0), card_id: posInt.nullable(), row: z.number().int().min(0),
      col: z.number().int().min(0), size_x: posInt, size_y: posInt,
      parameter_mappings: z.array(z.object({ parameter_id: nonBlank, card_id: posInt, target: z.array(z.unknown()) }).strict()).nullish(),
      visualization_settings: map.nullish(), series: z.array(map).nullish(), dashboard_tab_id: z.number().int().nullish(),
    }).strict()).refine((cards) => new Set(cards.map((c) => c.id)).size === cards.length, "value must be seq of maps in which ids are unique").nullish(),
    collection_position: posInt.nullish(), tabs: z.array(map).nullish(), show_in_getting_started: z.boolean().nullish(),
    enable_embedding: z.boolean().nullish(), collection_id: posInt.nullish(), name: nonBlank.nullish(),
    width: z.enum(["fixed", "full"]).nullish(), caveats: z.string().nullish(), embedding_params: map.nullish(),
    cache_ttl: posInt.nullish(), position: posInt.nullish(),
  }).strict(),
} as const;

// ---------------------------------------------------------------------------------------------------
// The stand-in
// ---------------------------------------------------------------------------------------------------
interface StandIn {
  url: string;
  apiKey: string;
  user: { username: string; password: string };
  state: { databases: any[]; collections: any[]; cards: any[]; dashboards: any[] };
  requests: { method: string; route: string; status: number }[];
  violations: string[];
  stop(): Promise<void>;
}

async function startStandIn(): Promise<StandIn> {
  const apiKey = `mb_${randomUUID()}`;
  const user = { username: "admin@sourceco.example", password: "correct horse" };
  const sessions = new Set<string>();
  const state = { databases: [] as any[], collections: [] as any[], cards: [] as any[], dashboards: [] as any[] };
  const requests: StandIn["requests"] = [];
  const violations: string[] = [];
  let nextId = 1;
  let nextDashcard = 1;

  const routes: [string, RegExp, (m: RegExpMatchArray, body: any, q: URLSearchParams) => [number, any]][] = [
    ["POST", /^\/api\/session$/, (_m, body) => {
      if (body.username !== user.username || body.password !== user.password) return [401, { errors: { password: "did not match" } }];
      const id = randomUUID();
      sessions.add(id);
      return [200, { id }];
    }],
    ["GET", /^\/api\/database$/, () => [200, { data: state.databases.map(publicDb), total: state.databases.length }]],
    ["POST", /^\/api\/database$/, (_m, body) => {
      const db = { id: nextId++, name: body.name, engine: body.engine, details: body.details, is_full_sync: true, syncs: 0 };
      state.databases.push(db);
      return [200, publicDb(db)];
    }],
    ["GET", /^\/api\/database\/(\d+)$/, (m) => found(state.databases.find((d) => d.id === Number(m[1])), publicDb)],
    ["PUT", /^\/api\/database\/(\d+)$/, (m, body) => {
      const db = state.databases.find((d) => d.id === Number(m[1]));
      if (!db) return [404, "Not found."];
      if (body.details) db.details = { ...db.details, ...body.details };
      if (body.name) db.name = body.name;
      return [200, publicDb(db)];
    }],
    ["POST", /^\/api\/database\/(\d+)\/sync_schema$/, (m) => {
      const db = state.databases.find((d) => d.id === Number(m[1]));
      if (!db) return [404, "Not found."];
      db.syncs++;
      return [200, { status: "ok" }];
    }],
    ["GET", /^\/api\/collection$/, () => [200, [{ id: "root", name: "Our analytics" }, ...state.collections]]],
    ["POST", /^\/api\/collection$/, (_m, body) => {
      const c = { id: nextId++, name: body.name, description: body.description ?? null, archived: false, personal_owner_id: null };
      state.collections.push(c);
      return [200, c];
    }],
    ["GET", /^\/api\/collection\/(\d+)\/items$/, (m, _b, q) => {
      const models = q.getAll("models");
      if (models.some((x) => !["dashboard", "dataset", "no_models", "timeline", "snippet", "collection", "pulse", "card"].includes(x))) {
        return [400, { errors: { models: "nullable vector of enum" } }];
      }
      const id = Number(m[1]);
      const items = [
        ...state.cards.filter((c) => c.collection_id === id && !c.archived).map((c) => ({ id: c.id, name: c.name, model: "card" })),
        ...state.dashboards.filter((d) => d.collection_id === id && !d.archived).map((d) => ({ id: d.id, name: d.name, model: "dashboard" })),
      ].filter((i) => models.length === 0 || models.includes(i.model));
      return [200, { data: items, total: items.length, models }];
    }],
    ["POST", /^\/api\/card$/, (_m, body) => {
      const card = { id: nextId++, archived: false, ...body };
      state.cards.push(card);
      return [200, card];
    }],
    ["GET", /^\/api\/card\/(\d+)$/, (m) => found(state.cards.find((c) => c.id === Number(m[1])))],
    ["PUT", /^\/api\/card\/(\d+)$/, (m, body) => {
      const card = state.cards.find((c) => c.id === Number(m[1]));
      if (!card) return [404, "Not found."];
      Object.assign(card, body);
      return [200, card];
    }],
    ["POST", /^\/api\/dashboard$/, (_m, body) => {
      const d = { id: nextId++, archived: false, dashcards: [], parameters: [], ...body };
      state.dashboards.push(d);
      return [200, d];
    }],
    ["GET", /^\/api\/dashboard\/(\d+)$/, (m) => found(state.dashboards.find((d) => d.id === Number(m[1])))],
    ["PUT", /^\/api\/dashboard\/(\d+)$/, (m, body) => {
      const d = state.dashboards.find((x) => x.id === Number(m[1]));
      if (!d) return [404, "Not found."];
      const { dashcards, ...rest } = body;
      Object.assign(d, rest);
      if (dashcards) {
        for (const dc of dashcards) {
          if (dc.id > 0 && !d.dashcards.some((e: any) => e.id === dc.id)) return [400, { message: `dashcard ${dc.id} is not on dashboard ${d.id}` }];
          if (dc.card_id !== null && !state.cards.some((c) => c.id === dc.card_id)) return [400, { message: `no card ${dc.card_id}` }];
        }
        d.dashcards = dashcards.map((dc: any) => ({ ...dc, id: dc.id < 0 ? nextDashcard++ : dc.id, dashboard_id: d.id }));
      }
      return [200, d];
    }],
  ];

  function publicDb(db: any) {
    const { password: _secret, ...details } = db.details ?? {};
    return { id: db.id, name: db.name, engine: db.engine, details: { ...details, password: "**MetabasePass**" } };
  }
  function found(x: any, f: (x: any) => any = (y) => y): [number, any] {
    return x ? [200, f(x)] : [404, "Not found."];
  }

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/plain" : "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    for (const [method, pattern, handle] of routes) {
      const m = url.pathname.match(pattern);
      if (!m || method !== req.method) continue;
      const route = `${method} ${pattern.source.replace(/\\\//g, "/").replace("^", "").replace("$", "").replace(/\(\\d\+\)/g, ":id")}`;
      const authed = req.headers["x-api-key"] === apiKey || sessions.has(String(req.headers["x-metabase-session"] ?? ""));
      if (route !== "POST /api/session" && !authed) {
        requests.push({ method, route, status: 401 });
        return send(401, "Unauthenticated");
      }
      let body: any = undefined;
      if (method === "POST" || method === "PUT") {
        if (raw && !String(req.headers["content-type"] ?? "").includes("application/json")) {
          violations.push(`${route}: body sent without Content-Type application/json`);
        }
        try { body = raw ? JSON.parse(raw) : {}; } catch { violations.push(`${route}: body is not JSON`); return send(400, "bad json"); }
        const schema = (shapes as Record<string, z.ZodTypeAny>)[route];
        if (schema) {
          const parsed = schema.safeParse(body);
          if (!parsed.success) {
            violations.push(`${route}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
            requests.push({ method, route, status: 400 });
            return send(400, { errors: parsed.error.flatten() });
          }
        } else if (raw && raw !== "{}" && !route.endsWith("/sync_schema")) {
          violations.push(`${route}: no documented body`);
        }
      }
      const [status, answer] = handle(m, body, url.searchParams);
      requests.push({ method, route, status });
      return send(status, answer);
    }
    violations.push(`${req.method} ${url.pathname}: not a Metabase endpoint`);
    send(404, "Not found.");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKey, user, state, requests, violations,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------------------------------------------
let mb: StandIn;
let content: ContentT;
const connection: DbConnection = { host: "db.example.supabase.co", port: 5432, dbname: "postgres", user: "metabase_reader", password: "s3cret-reader", ssl: true };
const quiet = { log: () => {} };
const writes = (from: number) => mb.requests.slice(from).filter((r) => r.method !== "GET" && r.route !== "POST /api/session");

beforeAll(async () => {
  mb = await startStandIn();
  content = await loadContent();
});
afterAll(async () => {
  await mb?.stop();
});

describe("reports:provision against Metabase", () => {
  it("creates the read-only connection, the collection, every question and every dashboard, each request in its documented shape", async () => {
    const s = await provision({ url: mb.url, apiKey: mb.apiKey, connection, content, ...quiet });
    expect(mb.violations).toEqual([]);
    expect(s.created).toEqual({ database: 1, collection: 1, cards: content.cards.length, dashboards: content.dashboards.length });

    const [db] = mb.state.databases;
    expect(db).toMatchObject({ name: "dialbridge", engine: "postgres", syncs: 1 });
    expect(db.details).toMatchObject({ host: "db.example.supabase.co", user: "metabase_reader", ssl: true,
      "schema-filters-type": "inclusion", "schema-filters-patterns": "reports" });
    expect(mb.state.collections.map((c) => c.name)).toEqual(["dialbridge"]);
    expect(mb.state.cards.map((c) => c.name).sort()).toEqual(content.cards.map((c) => c.name).sort());
    for (const card of mb.state.cards) {
      expect(card.collection_id).toBe(s.collectionId);
      expect(card.dataset_query.database).toBe(db.id);
      expect(card.dataset_query.native.query).toMatch(/from reports\./);
    }
    const scorecard = mb.state.dashboards.find((d) => d.name === "Rep scorecard");
    expect(scorecard.parameters).toEqual([expect.objectContaining({ id: "rep", slug: "rep", type: "string/=" })]);
    expect(scorecard.dashcards).toHaveLength(2);
    expect(scorecard.dashcards[0].parameter_mappings).toEqual([
      { parameter_id: "rep", card_id: s.cardIds["rep-scorecard"], target: ["variable", ["template-tag", "rep"]] }]);
    const pipeline = mb.state.dashboards.find((d) => d.name === "Pipeline health");
    expect(pipeline.dashcards.map((dc: any) => dc.card_id)).toEqual(
      ["pipeline-alerts-firing", "pipeline-health", "unmapped-dispositions", "unmatched-activities", "success-metrics"].map((x) => s.cardIds[x]));
  });

  it("run again, it creates nothing and changes nothing", async () => {
    const before = mb.requests.length;
    const counts = { cards: mb.state.cards.length, dashboards: mb.state.dashboards.length, dashcards: mb.state.dashboards.flatMap((d) => d.dashcards).length };
    const s = await provision({ url: mb.url, apiKey: mb.apiKey, connection, content, ...quiet });
    expect(writes(before)).toEqual([]);
    expect(s.created).toEqual({ database: 0, collection: 0, cards: 0, dashboards: 0 });
    expect(s.updated).toEqual({ database: 0, cards: 0, dashboards: 0 });
    expect(s.unchanged).toEqual({ cards: content.cards.length, dashboards: content.dashboards.length });
    expect({ cards: mb.state.cards.length, dashboards: mb.state.dashboards.length, dashcards: mb.state.dashboards.flatMap((d) => d.dashcards).length }).toEqual(counts);
    expect(mb.violations).toEqual([]);
  });

  it("puts back a question an analyst edited and a dashboard card moved, keeping the dashcard's identity", async () => {
    const card = mb.state.cards.find((c) => c.name === "Rep leaderboard (last 30 days)");
    card.dataset_query = { ...card.dataset_query, native: { ...card.dataset_query.native, query: "select 1" } };
    const board = mb.state.dashboards.find((d) => d.name === "Rep leaderboard");
    const dashcardId = board.dashcards[0].id;
    board.dashcards[0].row = 40;
    const before = mb.requests.length;
    const s = await provision({ url: mb.url, apiKey: mb.apiKey, content, ...quiet });
    expect(writes(before).map((r) => r.route)).toEqual(["PUT /api/card/:id", "PUT /api/dashboard/:id"]);
    expect(s.updated).toEqual({ database: 0, cards: 1, dashboards: 1 });
    expect(card.dataset_query.native.query).toBe(content.sql["rep-leaderboard-30d"]);
    expect(board.dashcards[0]).toMatchObject({ id: dashcardId, row: 0 });
    expect(mb.violations).toEqual([]);
  });

  it("updates the connection when the database moved, and signs in with a user and password", async () => {
    const before = mb.requests.length;
    const s = await provision({ url: mb.url, user: mb.user.username, password: mb.user.password,
      connection: { ...connection, host: "aws-0-us-east-1.pooler.supabase.com", port: 5432 }, content, ...quiet });
    expect(s.updated.database).toBe(1);
    expect(mb.requests.slice(before).map((r) => r.route)).toContain("POST /api/session");
    expect(mb.state.databases[0].details.host).toBe("aws-0-us-east-1.pooler.supabase.com");
    expect(mb.state.databases[0].syncs).toBe(2);
    expect(mb.violations).toEqual([]);
  });

  it("refuses bad credentials and a missing connection with a clear message, creating nothing", async () => {
    await expect(provision({ url: mb.url, user: mb.user.username, password: "wrong", content, ...quiet }))
      .rejects.toThrow(/POST \/api\/session answered 401/);
    const other = await startStandIn();
    try {
      await expect(provision({ url: other.url, apiKey: other.apiKey, content, ...quiet }))
        .rejects.toThrow(/no database "dialbridge": give the connection/);
      expect(other.state.collections).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it("reads its options from flags or the environment, never guessing", () => {
    expect(parseArgs(["--url", "https://mb.example", "--api-key=k", "--db-host", "h", "--db-user", "metabase_reader",
      "--db-password", "p", "--db-ssl", "false"], {})).toMatchObject({
      url: "https://mb.example", apiKey: "k",
      connection: { host: "h", port: 5432, dbname: "postgres", user: "metabase_reader", password: "p", ssl: false },
    });
    const fromEnv = parseArgs([], { METABASE_URL: "https://env.example", METABASE_USER: "u", METABASE_PASSWORD: "p" });
    expect(fromEnv).toMatchObject({ url: "https://env.example", user: "u", password: "p" });
    expect(fromEnv.connection).toBeUndefined();
    expect(() => parseArgs(["--url", "x", "--colection", "typo"], {})).toThrow(/unknown option --colection/);
    expect(() => parseArgs([], {})).toThrow(/give --url/);
  });
});

describe("the questions", () => {
  it("every question's SQL runs against the reports schema as the read-only Metabase role", async () => {
    const sql = connect(process.env.TEST_DATABASE_URL!, { max: 1 });
    try {
      for (const card of content.cards) {
        // Metabase drops an optional [[ … ]] clause whose variable is empty
        const query = content.sql[card.slug].replace(/\[\[[\s\S]*?\]\]/g, "");
        expect(query, card.slug).not.toMatch(/\{\{/);
        await sql.begin(async (tx) => {
          await tx.unsafe("set local role dialbridge_metabase");
          await expect(tx.unsafe(`${query} limit 0`).then(() => "ran"), card.slug).resolves.toBe("ran");
        });
      }
    } finally {
      await sql.end();
    }
  });
});
