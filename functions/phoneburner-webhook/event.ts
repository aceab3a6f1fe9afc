/**
 * What kind of event a body is, and the envelope check (zod) of the few fields identity and routing
 * need. Everything else in the payload is the projection's business (SQL).
 *
 * Event type, first that applies:
 *   1. the body's `event` field                    seed contract (000 nested, 001 flat)
 *   2. the X-Phoneburner-Event-Type header         seed 000's headers
 *   3. the callback URL's `type` parameter         how dialbridge registers dial-session callbacks
 *                                                  (…/phoneburner-webhook?token=…&type=api_calldone)
 *   4. the body's `callback_type`, if a known one
 *   5. X-PB-Signature present → softphone_call_done
 *   6. inferred from the fields of a real dial-session callback (callbacks registered without `type`,
 *      e.g. account-wide in PhoneBurner's settings): disposition/end fields → api_calldone, a call id
 *      alone → api_callbegin, contact fields alone → api_contact_displayed.
 */
import { z } from "zod";
import type { JsonObject } from "../_shared/webhook/body.ts";

export const SEED_EVENT_TYPES = new Set([
  "call.started", "call.connected", "call.ended", "disposition.set", "callback.scheduled", "contact.updated",
]);
export const CALLBACK_EVENT_TYPES = new Set(["api_contact_displayed", "api_callbegin", "api_calldone"]);
export const KNOWN_EVENT_TYPES = new Set([...SEED_EVENT_TYPES, ...CALLBACK_EVENT_TYPES, "softphone_call_done"]);

const EVENT_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

export type EventTypeSource = "body" | "header" | "url" | "callback_type" | "softphone_signature" | "inferred";

export interface ResolvedType {
  type: string;
  source: EventTypeSource;
}

const id = z.union([z.string().trim().min(1, "must not be empty").max(255, "must be at most 255 characters"), z.number().finite()]);

/** Only what identity and routing need; every other field passes through untouched. */
export const envelopeSchema = z.object({
  event: z.string().trim().regex(EVENT_TYPE_PATTERN, "must be an event name such as call.started").optional(),
  event_id: id.nullable().optional(),
  call_id: id.nullable().optional(),
  call: z.unknown().optional().superRefine((call, ctx) => {
    if (typeof call === "object" && call !== null && "id" in call && !id.nullable().safeParse(call.id).success) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["id"], message: "must be a non-empty string or a number" });
    }
  }),
}).passthrough();

/** zod's issues as one readable sentence (field paths and rules only, never the values). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "body"} ${i.message}`).join("; ");
}

/** A type named by the request itself (headers, URL) — for counting rejections before the body is trusted. */
export function typeHint(url: URL, headers: Headers): string | null {
  const named = headers.get("x-phoneburner-event-type") ?? url.searchParams.get("type");
  if (named && KNOWN_EVENT_TYPES.has(named.trim())) return named.trim();
  if (headers.has("x-pb-signature")) return "softphone_call_done";
  return null;
}

export function resolveEventType(payload: JsonObject, url: URL, headers: Headers): ResolvedType | { error: string } {
  if (typeof payload.event === "string") return { type: payload.event.trim(), source: "body" };
  const header = headers.get("x-phoneburner-event-type")?.trim();
  if (header) return valid(header, "header", "X-Phoneburner-Event-Type");
  const param = url.searchParams.get("type")?.trim();
  if (param) return valid(param, "url", "the type URL parameter");
  if (typeof payload.callback_type === "string" && CALLBACK_EVENT_TYPES.has(payload.callback_type)) {
    return { type: payload.callback_type, source: "callback_type" };
  }
  if (headers.has("x-pb-signature")) return { type: "softphone_call_done", source: "softphone_signature" };
  const inferred = inferCallbackType(payload);
  if (inferred) return { type: inferred, source: "inferred" };
  return { error: "cannot tell the event type: send an `event` field, X-Phoneburner-Event-Type or ?type=" };
}

function valid(type: string, source: EventTypeSource, where: string): ResolvedType | { error: string } {
  return EVENT_TYPE_PATTERN.test(type) ? { type, source } : { error: `${where} is not an event name` };
}

const present = (v: unknown) => v !== undefined && v !== null && v !== "";

/** Real PhoneBurner dial-session callbacks by their fields (providers.md "Events"). */
export function inferCallbackType(p: JsonObject): string | null {
  if (["status", "end_time", "duration", "connected", "call_notes", "follow_up", "recording_url"].some((k) => present(p[k]))) {
    return "api_calldone";
  }
  if (present(p.call_id)) return "api_callbegin";
  if (["contact", "contact_user_id", "external_crm_data", "user_id", "ds_id"].some((k) => present(p[k]))) {
    return "api_contact_displayed";
  }
  return null;
}
