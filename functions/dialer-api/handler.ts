/**
 * /functions/v1/dialer-api/… — seed 003's REST API for the frontend, acting as the signed-in user (every
 * query runs as role authenticated with the user's claims: RLS decides what is seen and changed).
 *
 *   POST   /calls                       click-to-call (as functions/voipstudio-call)
 *   GET    /calls?status&direction&campaign_id&limit=50&offset=0     {calls, total}
 *   GET    /calls/{id}                  {call: {…, voip_status}}  (VoIPStudio's live state, best effort)
 *   PATCH  /calls/{id}                  {status?, notes?, duration?, ended_at?, recording_url?, metadata?}
 *   DELETE /calls/{id}
 *   GET    /campaigns?status&type       {campaigns}
 *   POST   /campaigns                   {name, description?, type, caller_id?, script?, max_attempts?, retry_interval?,
 *                                        active_hours?, timezone?, status?}   → {campaign}
 *   GET    /campaigns/{id}              {campaign}
 *   PATCH  /campaigns/{id}              the same fields → {campaign}
 *   DELETE /campaigns/{id}              (its contacts and queue go with it)
 *   GET    /campaigns/{id}/contacts?status                             {contacts}
 *   POST   /campaigns/{id}/contacts     {contacts: [{phone_number, first_name, last_name, email, company, metadata}]}
 *                                       → {success, added, excluded: [{index, reason, label, detail}], contacts}
 *   POST   /campaigns/{id}/next         the queue: reserve the next contact (public.next_contact_to_dial)
 *   POST   /campaign-contacts/{id}/skip {reason}    preview mode
 *   POST   /agent/availability          {state: available | paused | offline, campaign_id?}
 *   GET    /dispositions?call_id        {dispositions}
 *   POST   /dispositions                {call_id, disposition, notes?, follow_up_date?} → {disposition}
 *   GET    /analytics?start_date&end_date&campaign_id&time_zone            {analytics: …}
 *
 * Errors: {error, code} with 400 / 401 / 403 / 404 / 409 / 413 / 422 (docs/error_codes.md DB070–DB074).
 */
import { z } from "zod";
import { json, preflight } from "../_shared/http.ts";
import { db } from "../_shared/db.ts";
import { type Database, fromPostgresJs, type Queryable } from "../_shared/dbport.ts";
import { asUser } from "../_shared/push.ts";
import { authenticateUser, type UserClaims } from "../_shared/user.ts";
import { DialerRequestError, dialerHttpError, makeCall, makeCallRequest } from "../_shared/dialer.ts";
import { getCall, voipstudioEndpointsFromEnv } from "../_shared/voipstudio/api.ts";

const FUNCTION = "dialer-api";
const log = (line: string) => console.log(`[${FUNCTION}] ${line}`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const campaignFields = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullable(),
  type: z.enum(["manual", "preview", "power", "predictive"]),
  status: z.enum(["draft", "active", "paused", "completed", "archived"]),
  caller_id: z.string().trim().max(32).nullable(),
  script: z.string().max(20000).nullable(),
  max_attempts: z.number().int().min(1).max(50),
  retry_interval: z.number().int().min(0).max(31536000),
  active_hours: z.object({
    start: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/).optional(),
    end: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/).optional(),
    days: z.array(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])).optional(),
  }).strict(),
  timezone: z.string().min(1).max(64),
  reservation_timeout_seconds: z.number().int().min(10).max(3600),
  voicemail_drop_id: z.string().uuid().nullable(),
});
const createCampaign = campaignFields.partial().required({ name: true }).strict();
const updateCampaign = campaignFields.partial().strict();
const updateCall = z.object({
  status: z.enum(["initiated", "ringing", "answered", "completed", "failed", "busy", "no-answer", "canceled"]),
  notes: z.string().max(20000).nullable(),
  duration: z.number().int().min(0),
  ended_at: z.string().datetime({ offset: true }).nullable(),
  recording_url: z.string().url().max(2000).nullable(),
  metadata: z.record(z.unknown()),
}).partial().strict();
const createDisposition = z.object({
  call_id: z.string().uuid(),
  disposition: z.enum(["interested", "not-interested", "callback", "wrong-number", "no-answer", "voicemail", "do-not-call", "qualified", "not-qualified"]),
  notes: z.string().max(20000).nullable().optional(),
  follow_up_date: z.string().datetime({ offset: true }).nullable().optional(),
}).strict();
const addContacts = z.object({
  contacts: z.array(z.record(z.unknown())).max(5000),
  options: z.record(z.unknown()).optional(),
}).strict();

function fail(status: number, error: string, code: string, extra: Record<string, unknown> = {}): Response {
  return json({ error, code, ...extra }, status);
}

function bad(issues: z.ZodIssue[]): Response {
  return fail(400, "Invalid request", "BAD_REQUEST", { issues: issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`) });
}

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 8 * 1024 * 1024) throw new DialerRequestError(413, "Request too large", "TOO_LARGE");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DialerRequestError(400, "The request body must be JSON", "BAD_REQUEST");
  }
}

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new DialerRequestError(400, `${name} must be a non-negative integer`, "BAD_REQUEST");
  return Math.min(n, max);
}

/** An update of the given columns from a validated object: "col = $n" pairs and their values. */
function assignments(fields: Record<string, unknown>, jsonCols: Set<string>, start: number): { sql: string; values: unknown[] } {
  const keys = Object.keys(fields);
  return {
    sql: keys.map((k, i) => `${k} = $${start + i}${jsonCols.has(k) ? "::text::jsonb" : ""}`).join(", "),
    values: keys.map((k) => jsonCols.has(k) ? JSON.stringify(fields[k]) : fields[k]),
  };
}

const one = async (tx: Queryable, sql: string, params: unknown[]) => (await tx.query<{ row: Record<string, unknown> | null }>(sql, params))[0]?.row ?? null;

async function route(req: Request, url: URL, parts: string[], database: Database, claims: UserClaims): Promise<Response> {
  const as = <T>(fn: (tx: Queryable) => Promise<T>) => asUser(database, claims, fn);
  const method = req.method;
  const [resource, id, sub] = parts;
  if (id !== undefined && !UUID.test(id)) return fail(404, "Not found", "NOT_FOUND");

  // ----- calls -----
  if (resource === "calls" && !id && method === "POST") {
    const parsed = makeCallRequest.safeParse(await readJson(req));
    if (!parsed.success) return bad(parsed.error.issues);
    return json(await makeCall(database, claims, parsed.data, voipstudioEndpointsFromEnv((k) => Deno.env.get(k)), log));
  }
  if (resource === "calls" && !id && method === "GET") {
    const limit = intParam(url, "limit", 50, 500), offset = intParam(url, "offset", 0, 1_000_000);
    const status = url.searchParams.get("status"), direction = url.searchParams.get("direction");
    const campaign = url.searchParams.get("campaign_id");
    if (campaign && !UUID.test(campaign)) return fail(400, "campaign_id must be a uuid", "BAD_REQUEST");
    return json(await as(async (tx) => {
      const where = `where ($1::text is null or l.status = $1) and ($2::text is null or l.direction = $2) and ($3::uuid is null or l.campaign_id = $3)`;
      const params = [status, direction, campaign];
      const [{ calls }] = await tx.query<{ calls: unknown[] }>(
        `select coalesce(jsonb_agg(to_jsonb(l) order by coalesce(l.started_at, l.created_at) desc, l.id desc), '[]') as calls
           from (select * from public.call_logs l ${where} order by coalesce(l.started_at, l.created_at) desc, l.id desc limit $4 offset $5) l`,
        [...params, limit, offset]);
      const [{ total }] = await tx.query<{ total: number }>(`select count(*)::int as total from public.call_logs l ${where}`, params);
      return { calls, total };
    }));
  }
  if (resource === "calls" && id && !sub) {
    if (method === "GET") {
      const call = await as((tx) => one(tx, "select to_jsonb(l) as row from public.call_logs l where l.id = $1::uuid", [id]));
      if (!call) return fail(404, "Call not found", "NOT_FOUND");
      let voipStatus: unknown = null;
      if (call.call_id && call.provider === "voipstudio") {
        const [creds] = await database.query<{ api_token: string | null }>(
          "select api_token from dialbridge.voipstudio_credentials_of($1::uuid)", [call.user_id ?? claims.sub]);
        if (creds?.api_token) {
          try {
            voipStatus = await getCall(voipstudioEndpointsFromEnv((k) => Deno.env.get(k)), { token: creds.api_token }, String(call.call_id));
          } catch (e) {
            voipStatus = { error: (e as Error).message };
          }
        }
      }
      return json({ call: { ...call, voip_status: voipStatus } });
    }
    if (method === "PATCH") {
      const parsed = updateCall.safeParse(await readJson(req));
      if (!parsed.success) return bad(parsed.error.issues);
      if (Object.keys(parsed.data).length === 0) return fail(400, "Nothing to update", "BAD_REQUEST");
      const a = assignments(parsed.data, new Set(["metadata"]), 2);
      const call = await as((tx) => one(tx, `update public.call_logs set ${a.sql} where id = $1::uuid returning to_jsonb(call_logs) as row`, [id, ...a.values]));
      return call ? json({ call }) : fail(404, "Call not found", "NOT_FOUND");
    }
    if (method === "DELETE") {
      const gone = await as((tx) => one(tx, "delete from public.call_logs where id = $1::uuid returning to_jsonb(call_logs) as row", [id]));
      return gone ? json({ success: true }) : fail(404, "Call not found", "NOT_FOUND");
    }
  }

  // ----- campaigns -----
  if (resource === "campaigns" && !id && method === "GET") {
    return json(await as(async (tx) => ({
      campaigns: (await tx.query<{ campaigns: unknown[] }>(
        `select coalesce(jsonb_agg(to_jsonb(c) order by c.created_at desc, c.id), '[]') as campaigns from public.dialer_campaigns c
          where ($1::text is null or c.status = $1) and ($2::text is null or c.type = $2)`,
        [url.searchParams.get("status"), url.searchParams.get("type")]))[0].campaigns,
    })));
  }
  if (resource === "campaigns" && !id && method === "POST") {
    const parsed = createCampaign.safeParse(await readJson(req));
    if (!parsed.success) return bad(parsed.error.issues);
    const keys = Object.keys(parsed.data);
    const values = keys.map((k) => k === "active_hours" ? JSON.stringify(parsed.data[k as keyof typeof parsed.data]) : parsed.data[k as keyof typeof parsed.data]);
    const campaign = await as((tx) => one(tx,
      `insert into public.dialer_campaigns (${keys.join(", ")}) values (${keys.map((k, i) => `$${i + 1}${k === "active_hours" ? "::text::jsonb" : ""}`).join(", ")})
       returning to_jsonb(dialer_campaigns) as row`, values));
    return json({ campaign }, 201);
  }
  if (resource === "campaigns" && id && !sub) {
    if (method === "GET") {
      const campaign = await as((tx) => one(tx, "select to_jsonb(c) as row from public.dialer_campaigns c where c.id = $1::uuid", [id]));
      return campaign ? json({ campaign }) : fail(404, "Campaign not found", "NOT_FOUND");
    }
    if (method === "PATCH") {
      const parsed = updateCampaign.safeParse(await readJson(req));
      if (!parsed.success) return bad(parsed.error.issues);
      if (Object.keys(parsed.data).length === 0) return fail(400, "Nothing to update", "BAD_REQUEST");
      const a = assignments(parsed.data, new Set(["active_hours"]), 2);
      const campaign = await as((tx) => one(tx, `update public.dialer_campaigns set ${a.sql} where id = $1::uuid returning to_jsonb(dialer_campaigns) as row`, [id, ...a.values]));
      return campaign ? json({ campaign }) : fail(404, "Campaign not found", "NOT_FOUND");
    }
    if (method === "DELETE") {
      const gone = await as((tx) => one(tx, "delete from public.dialer_campaigns where id = $1::uuid returning to_jsonb(dialer_campaigns) as row", [id]));
      return gone ? json({ success: true }) : fail(404, "Campaign not found", "NOT_FOUND");
    }
  }
  if (resource === "campaigns" && id && sub === "contacts") {
    if (method === "GET") {
      return json(await as(async (tx) => ({
        contacts: (await tx.query<{ contacts: unknown[] }>(
          `select coalesce(jsonb_agg(to_jsonb(cc) order by cc.queue_position), '[]') as contacts from public.campaign_contacts cc
            where cc.campaign_id = $1::uuid and ($2::text is null or cc.status = $2)`, [id, url.searchParams.get("status")]))[0].contacts,
      })));
    }
    if (method === "POST") {
      const parsed = addContacts.safeParse(await readJson(req));
      if (!parsed.success) return bad(parsed.error.issues);
      const result = await as((tx) => one(tx, "select public.add_campaign_contacts($1::uuid, $2::text::jsonb, $3::text::jsonb) as row",
        [id, JSON.stringify(parsed.data.contacts), JSON.stringify(parsed.data.options ?? {})]));
      return json(result);
    }
  }
  if (resource === "campaigns" && id && sub === "next" && method === "POST") {
    const next = await as((tx) => one(tx, "select to_jsonb(n) as row from public.next_contact_to_dial($1::uuid) n", [id]));
    return json({ next });
  }
  if (resource === "campaign-contacts" && id && sub === "skip" && method === "POST") {
    const body = z.object({ reason: z.string().min(1).max(500) }).strict().safeParse(await readJson(req));
    if (!body.success) return bad(body.error.issues);
    const contact = await as((tx) => one(tx, "select to_jsonb(public.skip_campaign_contact($1::uuid, $2)) as row", [id, body.data.reason]));
    return json({ contact });
  }

  // ----- dispositions -----
  if (resource === "dispositions" && !id && method === "GET") {
    const callId = url.searchParams.get("call_id");
    if (callId && !UUID.test(callId)) return fail(400, "call_id must be a uuid", "BAD_REQUEST");
    return json(await as(async (tx) => ({
      dispositions: (await tx.query<{ d: unknown[] }>(
        `select coalesce(jsonb_agg(to_jsonb(d) order by d.created_at desc, d.id), '[]') as d from public.call_dispositions d
          where ($1::uuid is null or d.call_id = $1)`, [callId]))[0].d,
    })));
  }
  if (resource === "dispositions" && !id && method === "POST") {
    const parsed = createDisposition.safeParse(await readJson(req));
    if (!parsed.success) return bad(parsed.error.issues);
    const disposition = await as((tx) => one(tx,
      `insert into public.call_dispositions (call_id, disposition, notes, follow_up_date) values ($1::uuid, $2, $3, $4::timestamptz)
       returning to_jsonb(call_dispositions) as row`,
      [parsed.data.call_id, parsed.data.disposition, parsed.data.notes ?? null, parsed.data.follow_up_date ?? null]));
    return json({ disposition }, 201);
  }

  // ----- analytics -----
  if (resource === "analytics" && !id && method === "GET") {
    const campaign = url.searchParams.get("campaign_id");
    if (campaign && !UUID.test(campaign)) return fail(400, "campaign_id must be a uuid", "BAD_REQUEST");
    const analytics = await as((tx) => one(tx, "select public.dialer_analytics($1, $2, $3::uuid, $4) as row",
      [url.searchParams.get("start_date"), url.searchParams.get("end_date"), campaign, url.searchParams.get("time_zone") ?? "UTC"]));
    return json(analytics);
  }
  return fail(404, "Not found", "NOT_FOUND");
}

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  const url = new URL(req.url);
  const at = url.pathname.indexOf(`/${FUNCTION}`);
  const parts = (at >= 0 ? url.pathname.slice(at + FUNCTION.length + 1) : url.pathname).split("/").filter(Boolean);
  // /agent/availability has no id: handled here so the router's uuid check does not refuse it
  const claims = await authenticateUser(req, FUNCTION);
  if (claims instanceof Response) return claims;
  const database = fromPostgresJs(db());
  try {
    if (parts[0] === "agent" && parts[1] === "availability" && parts.length === 2 && req.method === "POST") {
      const body = z.object({ state: z.enum(["available", "paused", "offline"]), campaign_id: z.string().uuid().nullable().optional() }).strict()
        .safeParse(await readJson(req));
      if (!body.success) return bad(body.error.issues);
      const agent = await asUser(database, claims, (tx) => one(tx, "select to_jsonb(public.set_agent_availability($1, $2::uuid)) as row",
        [body.data.state, body.data.campaign_id ?? null]));
      return json({ agent });
    }
    return await route(req, url, parts, database, claims);
  } catch (e) {
    const mapped = e instanceof DialerRequestError ? e : dialerHttpError(e);
    if (mapped) return json({ success: false, error: mapped.message, code: mapped.code, ...(mapped.detail ? { detail: mapped.detail } : {}) }, mapped.status);
    log(`${req.method} /${parts.join("/")} failed: ${(e as Error)?.message ?? e}`);
    return json({ success: false, error: "The request could not be completed; try again" }, 503, { "Retry-After": "5" });
  }
}
