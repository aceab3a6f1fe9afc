/**
 * Starting a push: the two request shapes the push function accepts, acting as the signed-in rep in the
 * database, and the answer both shapes read. Shared by the edge function phoneburner-push-contacts and
 * the worker's callback follow-through (which pushes on a rep's behalf). Runs in Deno and Node.
 *
 *   dialbridge shape   {request_id?, contact_ids | filter, session?: {mode: new, name} | {mode: existing,
 *                       session_id}, options?: {skip_recently_contacted, skip_recent_days, update_existing,
 *                       skip_duplicates, overrides: [{contact_id, reason}], batch_size}, target_user_id?,
 *                       api_style?}
 *   SourceCo shape     {entity_type, entity_ids | contact_ids, inline_contacts, session_name,
 *                       skip_recent_days, target_user_id}   (shared/docs/sourceco-frontend.md)
 *
 * Both answer one superset: SourceCo's {success, request_id, redirect_url, contacts_added,
 * contacts_excluded, exclusions[{name, reason}]} plus run_id, status, progress, session and per-contact
 * failures.
 */
import { z } from "zod";
import { type Database, type Queryable, uuidArray } from "./dbport.ts";
import { normalizePhone, normalizeRows, type PendingPhone } from "./phone.ts";

// ---------------------------------------------------------------------------------------------------
// request shapes
// ---------------------------------------------------------------------------------------------------

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a uuid");

const overrideSchema = z.object({
  contact_id: uuid,
  reason: z.string().trim().min(1, "say why the contact is included").max(500),
}).strict();

const optionsSchema = z.object({
  skip_recently_contacted: z.boolean().optional(),
  skip_recent_days: z.number().int().min(0).max(365).optional(),
  update_existing: z.boolean().optional(),
  skip_duplicates: z.boolean().optional(),
  auto_start: z.boolean().optional(),
  overrides: z.array(overrideSchema).max(10_000).optional(),
  batch_size: z.number().int().min(1).max(10_000).optional(),
}).strict();

const sessionSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("new"), name: z.string().trim().min(1).max(255).optional() }).strict(),
  z.object({ mode: z.literal("existing"), session_id: uuid }).strict(),
]);

export const pushRequestSchema = z.object({
  request_id: z.string().trim().min(1).max(200).optional(),
  contact_ids: z.array(uuid).min(1).max(20_000).optional(),
  filter: z.record(z.unknown()).optional(),
  session: sessionSchema.optional(),
  options: optionsSchema.optional(),
  target_user_id: uuid.optional(),
  api_style: z.enum(["dialsession", "seed"]).optional(),
}).strict().refine((r) => r.contact_ids !== undefined || r.filter !== undefined, {
  message: "choose contacts: give contact_ids or a filter",
});

const ENTITY_TYPES = ["contacts", "buyer_contacts", "buyers", "listings", "leads", "contact_list"] as const;

export const sourcecoRequestSchema = z.object({
  entity_type: z.enum(ENTITY_TYPES).optional(),
  entity_ids: z.array(z.string().trim().min(1).max(200)).max(20_000).optional(),
  contact_ids: z.array(z.string().trim().min(1).max(200)).max(20_000).optional(),
  // strict: a field dialbridge does not keep is refused by name (400), never stripped without a word
  inline_contacts: z.array(z.object({
    phone: z.string().max(100),
    name: z.string().max(300).optional(),
    email: z.string().max(320).optional(),
    company: z.string().max(300).optional(),
    contact_id: z.string().max(200).optional(),
    valuation_lead_id: uuid.nullish(),
    listing_id: uuid.nullish(),
  }).strict()).max(5_000).optional(),
  session_name: z.string().max(255).optional(),
  skip_recent_days: z.number().int().min(0).max(365).optional(),
  target_user_id: uuid.optional(),
}).strict();

const SOURCECO_KEYS = ["entity_type", "entity_ids", "inline_contacts", "session_name", "skip_recent_days"];
const DIALBRIDGE_KEYS = ["request_id", "filter", "session", "options", "api_style"];

export interface NormalizedPush {
  shape: "dialbridge" | "sourceco";
  requestId: string;
  entityType: string | null;
  contactIds?: string[];
  entityIds?: string[];
  inline?: z.infer<typeof sourcecoRequestSchema>["inline_contacts"];
  filter?: Record<string, unknown>;
  options: Record<string, unknown>;
  targetUserId?: string;
  apiStyle?: "dialsession" | "seed";
}

export class PushRequestError extends Error {
  constructor(readonly status: number, message: string, readonly code?: string) {
    super(message);
    this.name = "PushRequestError";
  }
}

function issues(e: z.ZodError): string {
  return e.issues.slice(0, 5).map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ");
}

/**
 * Reads either request shape. The SourceCo shape is recognised by its own keys (entity_type,
 * entity_ids, inline_contacts, session_name, skip_recent_days) or by contact ids that are not uuids.
 */
export function normalizePushRequest(body: unknown, idempotencyKey: string | null, newId: () => string): NormalizedPush {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new PushRequestError(400, "the request body must be a JSON object");
  const keys = Object.keys(body);
  const legacyIds = Array.isArray((body as Record<string, unknown>).contact_ids)
    && ((body as Record<string, unknown>).contact_ids as unknown[]).some((x) => typeof x !== "string" || !uuid.safeParse(x).success);
  const sourceco = !keys.some((k) => DIALBRIDGE_KEYS.includes(k)) && (keys.some((k) => SOURCECO_KEYS.includes(k)) || legacyIds);
  if (sourceco) {
    const p = sourcecoRequestSchema.safeParse(body);
    if (!p.success) throw new PushRequestError(400, issues(p.error));
    const r = p.data;
    const type = r.entity_type ?? "buyer_contacts";
    const ids = r.entity_ids ?? r.contact_ids ?? [];
    if (ids.length === 0 && !(r.inline_contacts?.length)) throw new PushRequestError(400, "No entities provided");
    return {
      shape: "sourceco",
      requestId: idempotencyKey ?? newId(),
      entityType: type,
      entityIds: ids.length ? ids : undefined,
      inline: r.inline_contacts?.length ? r.inline_contacts : undefined,
      options: {
        skip_recent_days: r.skip_recent_days ?? 7,
        ...(r.session_name?.trim() ? { session_name: r.session_name.trim() } : {}),
      },
      targetUserId: r.target_user_id,
    };
  }
  const p = pushRequestSchema.safeParse(body);
  if (!p.success) throw new PushRequestError(400, issues(p.error));
  const r = p.data;
  const options: Record<string, unknown> = { ...(r.options ?? {}) };
  if (r.session?.mode === "new" && r.session.name) options.session_name = r.session.name;
  if (r.session?.mode === "existing") options.target_session_id = r.session.session_id;
  return {
    shape: "dialbridge",
    requestId: r.request_id ?? idempotencyKey ?? newId(),
    entityType: r.contact_ids ? "contacts" : null,
    contactIds: r.contact_ids,
    filter: r.filter,
    options,
    targetUserId: r.target_user_id,
    apiStyle: r.api_style,
  };
}

// ---------------------------------------------------------------------------------------------------
// acting as the rep
// ---------------------------------------------------------------------------------------------------

/**
 * Runs fn in a transaction AS THE USER: role authenticated and the JWT claims in request.jwt.claims,
 * exactly as PostgREST does, so every RLS policy applies as it would through supabase-js.
 */
export function asUser<T>(db: Database, claims: Record<string, unknown>, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)",
      [JSON.stringify(claims)]);
    return await fn(tx);
  });
}

/** SQLSTATEs raised by the push SQL (docs/error_codes.md) as HTTP answers. */
export function httpForSqlError(e: unknown): PushRequestError | null {
  const code = (e as { code?: string })?.code;
  const message = (e as { message?: string })?.message ?? "error";
  switch (code) {
    case "DB040": return new PushRequestError(400, message);
    case "DB041": return new PushRequestError(422, message, "LEGAL_DNC");
    case "DB042": return new PushRequestError(403, message, "FORBIDDEN");
    case "DB043": return new PushRequestError(404, "No contacts found for the given entities");
    case "DB044": return new PushRequestError(404, message);
    case "DB045": return new PushRequestError(400, message, "OVERRIDE_REFUSED");
    case "DB046": return new PushRequestError(409, message, "SESSION_UNAVAILABLE");
    case "DB047": return new PushRequestError(413, message, "TOO_MANY_CONTACTS");
    case "DB048": return new PushRequestError(409, message, "CHANGED");
    default: return null;
  }
}

export interface StartedPush {
  summary: Record<string, unknown>;
  /** The first batch to send (null when nothing is to be sent, or the run already existed). */
  firstBatchId: string | null;
  replayed: boolean;
}

/**
 * Resolves the request's contacts as the rep, normalises numbers that changed (libphonenumber, written
 * by the service role), then starts the run as the rep (dialbridge.start_push_run). `service` is a
 * connection that is not acting as anyone.
 */
export async function startPush(db: Database, claims: Record<string, unknown>, req: NormalizedPush,
  requestShape: "dialbridge" | "sourceco" | "callback" = req.shape): Promise<StartedPush> {
  const ids: string[] = [...(req.contactIds ?? [])];
  const pending = await asUser(db, claims, async (tx) => {
    if (req.inline) {
      const items = req.inline.map((i) => ({ ...i, ...normalizePhone(i.phone) }));
      const [{ ids: inlineIds }] = await tx.query<{ ids: string[] }>(
        "select dialbridge.resolve_inline_contacts($1::text::jsonb)::text[] as ids", [JSON.stringify(items)]);
      ids.push(...inlineIds);
    }
    if (req.entityIds) {
      const [{ ids: entityIds }] = await tx.query<{ ids: string[] }>(
        "select dialbridge.resolve_entity_contacts($1, $2::text::jsonb)::text[] as ids", [req.entityType, JSON.stringify(req.entityIds)]);
      ids.push(...entityIds);
    }
    if ((req.entityIds || req.inline) && ids.length === 0) throw new PushRequestError(404, "No contacts found for the given entities");
    return await tx.query<PendingPhone>(
      "select id::text, phone, country from dialbridge.pending_phones_for_push($1::text::uuid[], $2::text::jsonb)",
      [ids.length ? uuidArray(ids) : null, req.filter && !ids.length ? JSON.stringify(req.filter) : null]);
  });
  if (pending.length > 0) {
    await db.query("select dialbridge.apply_phone_normalizations($1::text::jsonb)", [JSON.stringify(normalizeRows(pending))]);
  }
  const request = {
    request_id: req.requestId,
    request_shape: requestShape,
    entity_type: req.entityType,
    ...(ids.length ? { contact_ids: [...new Set(ids)] } : {}),
    ...(req.filter && !ids.length ? { filter: req.filter } : {}),
    options: req.options,
    ...(req.targetUserId ? { target_user_id: req.targetUserId } : {}),
    ...(req.apiStyle ? { api_style: req.apiStyle } : {}),
  };
  const summary = await asUser(db, claims, async (tx) => {
    const [{ run }] = await tx.query<{ run: Record<string, unknown> }>(
      "select dialbridge.start_push_run($1::text::jsonb) as run", [JSON.stringify(request)]);
    return run;
  });
  const replayed = summary.replayed === true;
  let firstBatchId: string | null = null;
  if (!replayed && summary.status === "queued") {
    const [b] = await db.query<{ id: string }>(
      "select id::text from public.phoneburner_push_batches where run_id = $1::uuid and batch_no = 1", [summary.run_id]);
    firstBatchId = b?.id ?? null;
  }
  return { summary, firstBatchId, replayed };
}

// ---------------------------------------------------------------------------------------------------
// the answer
// ---------------------------------------------------------------------------------------------------

/** HTTP status and body for a run summary (both request shapes read the same superset). */
export function pushAnswer(summary: Record<string, unknown>): { status: number; body: Record<string, unknown> } {
  const s = summary;
  const base = {
    request_id: s.request_id,
    run_id: s.run_id,
    status: s.status,
    stage: s.stage,
    stage_detail: s.stage_detail,
    progress: s.progress,
    redirect_url: s.redirect_url ?? null,
    session_name: s.session_name,
    session_id: s.session_id,
    phoneburner_session_id: s.phoneburner_session_id,
    session_url: s.session_url,
    contacts_added: s.contacts_added,
    contacts_updated: s.contacts_updated,
    contacts_failed: s.contacts_failed,
    contacts_excluded: s.contacts_excluded,
    contacts_overridden: s.contacts_overridden,
    exclusions: s.exclusions,
    failures: s.failures,
    replayed: s.replayed ?? false,
  };
  switch (s.status) {
    case "succeeded":
    case "partially_succeeded":
      return { status: 200, body: { success: true, ...base } };
    case "nothing_to_push":
      return {
        status: 200,
        body: { success: false, ...base, contacts_added: 0, error: "All contacts were excluded (see exclusions)" },
      };
    case "failed": {
      const code = String(s.error_code ?? "PB_ERROR");
      if (code === "PB_NOT_CONNECTED" || code === "PB_AUTH") {
        return { status: 400, body: { success: false, ...base, error: s.error, code: "PB_NOT_CONNECTED" } };
      }
      return { status: 502, body: { success: false, ...base, error: `PhoneBurner API error: ${String(s.error ?? "push failed")}`, code } };
    }
    default: { // queued or pushing: continuing in the background (subscribe to the run row for progress)
      const firstBatchSent = Number((s.progress as Record<string, unknown> | undefined)?.batches_done ?? 0) > 0;
      return { status: firstBatchSent ? 200 : 202, body: { success: true, ...base } };
    }
  }
}
