/**
 * The request body: read once with a hard cap (never buffering unbounded input), then parsed as JSON or
 * as a form (application/x-www-form-urlencoded or multipart/form-data, PHP-style `a[b][]=…` keys nested),
 * then unwrapped when an intermediary delivered it as `{body: {…}, …}`. Web APIs only (Deno and Node).
 */

export const MAX_BODY_BYTES = 1024 * 1024; // 1 MiB
/** Deepest nesting of objects and arrays an event may have (real events: under 10). */
export const MAX_DEPTH = 64;
/** Most keys and array elements an event may have in all (real events: a few hundred). */
export const MAX_MEMBERS = 50_000;

export type BodyRead =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; size: number }; // too large: `size` is the declared length or the bytes counted so far

/** Reads at most `max` bytes: Content-Length is checked first, then every chunk is counted. */
export async function readBodyCapped(req: Request, max = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) {
    await req.body?.cancel().catch(() => {});
    return { ok: false, size: declared };
  }
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return { ok: false, size };
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes };
}

export type JsonObject = Record<string, unknown>;

export type ParsedBody =
  | {
    ok: true;
    /** The event (unwrapped). */
    payload: JsonObject;
    /** JSON text of `payload` for the database: the raw body itself when it was plain JSON (exact numbers). */
    payloadText: string;
    /** The wrapper's other top-level fields when the event came as {body: {…}, …}. */
    envelope: JsonObject | null;
    format: "json" | "form";
  }
  | { ok: false; error: string; status?: 400 | 413 };

/**
 * Whether a parsed body is too deep or too wide for the database (PostgreSQL's jsonb recurses: 100,000
 * levels exhaust its stack, and that error would read as "retry later"). Iterative, so any input is safe.
 */
export function shapeProblem(value: unknown): { error: string; status: 400 | 413 } | null {
  const stack: [unknown, number][] = [[value, 1]];
  let members = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth > MAX_DEPTH) return { error: `body nests deeper than ${MAX_DEPTH} levels`, status: 400 };
    const children = Array.isArray(v) ? v : Object.values(v);
    members += children.length;
    if (members > MAX_MEMBERS) return { error: `body has more than ${MAX_MEMBERS} keys and elements`, status: 413 };
    for (const c of children) if (typeof c === "object" && c !== null) stack.push([c, depth + 1]);
  }
  return null;
}

class BodyShapeError extends Error {
  constructor(readonly problem: { error: string; status: 400 | 413 }) {
    super(problem.error);
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Parses a body as JSON or a form and unwraps `{body: {…}}`. Errors say what was wrong, never echo content. */
export async function parseBody(bytes: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<ParsedBody> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty body: expected a JSON object or a form" };
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();

  if (type === "multipart/form-data") {
    try {
      const form = await new Response(bytes, { headers: { "content-type": contentType! } }).formData();
      const entries: [string, string][] = [];
      form.forEach((value, key) => {
        if (typeof value === "string") entries.push([key, value]);
      });
      return finish(nestFormEntries(entries), null, "form");
    } catch (e) {
      if (e instanceof BodyShapeError) return { ok: false, ...e.problem };
      return { ok: false, error: "body is not valid multipart/form-data" };
    }
  }

  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, error: "body is not valid UTF-8" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM

  if (type === "application/x-www-form-urlencoded" && !text.trimStart().startsWith("{")) {
    return formBody(text);
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // a form posted without its content type
    if (!type.includes("json") && looksLikeForm(text)) return formBody(text);
    return { ok: false, error: "body is not valid JSON (or a form)" };
  }
  if (!isObject(value)) return { ok: false, error: "body must be a JSON object" };
  return finish(value, text, "json");
}

function formBody(text: string): ParsedBody {
  try {
    return finish(nestFormEntries([...new URLSearchParams(text)]), null, "form");
  } catch (e) {
    if (e instanceof BodyShapeError) return { ok: false, ...e.problem };
    throw e;
  }
}

function finish(value: JsonObject, rawText: string | null, format: "json" | "form"): ParsedBody {
  const problem = shapeProblem(value);
  if (problem) return { ok: false, ...problem };
  const unwrapped = unwrap(value);
  if (!unwrapped) return { ok: false, error: "body.body must be a JSON object" };
  const { payload, envelope } = unwrapped;
  const inner = payload === value ? null : shapeProblem(payload); // a body sent as a JSON string
  if (inner) return { ok: false, ...inner };
  const text = envelope === null && rawText !== null ? rawText : JSON.stringify(payload);
  return { ok: true, payload, payloadText: postgresSafeJson(text), envelope, format };
}

/**
 * `{body: {…}, Transcript, status}` (how SourceCo's intermediaries forward PhoneBurner callbacks) →
 * the inner event plus the wrapper's other fields. A body that is itself an event (has event, event_id or
 * call_id at the top) is never unwrapped. `body` may also be the event as a JSON string.
 */
function unwrap(value: JsonObject): { payload: JsonObject; envelope: JsonObject | null } | null {
  if (!("body" in value) || "event" in value || "event_id" in value || "call_id" in value) {
    return { payload: value, envelope: null };
  }
  let inner: unknown = value.body;
  if (typeof inner === "string") {
    try {
      inner = JSON.parse(inner);
    } catch {
      return { payload: value, envelope: null }; // a field that happens to be called body
    }
  }
  if (!isObject(inner)) return null;
  const { body: _body, ...rest } = value;
  return { payload: inner, envelope: Object.keys(rest).length > 0 ? rest : null };
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function looksLikeForm(text: string): boolean {
  return /^[^\s{}\[\]=&]+(\[[^\]]*\])*=[^&]*(&[^=&]+=[^&]*)*$/.test(text.trim());
}

/**
 * Form fields with PHP-style keys (`contact[user_id]=5`, `call_notes[]=…`, `custom_fields[0][name]=…`)
 * as nested objects and arrays, the way PHP-built senders mean them: `[]` appends, and a level whose keys
 * are exactly 0..n-1 becomes an array (as PHP's json_encode does). Values stay strings.
 */
export function nestFormEntries(entries: Iterable<[string, string]>): JsonObject {
  const root: JsonObject = {};
  entries: for (const [rawKey, value] of entries) {
    const m = rawKey.match(/^([^\[\]]+)((?:\[[^\[\]]*\])*)$/);
    const path = m ? [m[1], ...[...m[2].matchAll(/\[([^\[\]]*)\]/g)].map((x) => x[1])] : [rawKey];
    if (path.length > MAX_DEPTH) throw new BodyShapeError({ error: `a form key nests deeper than ${MAX_DEPTH} levels`, status: 400 });
    let node = root;
    for (let i = 0; i < path.length; i++) {
      let key = path[i];
      if (key === "__proto__" || key === "constructor" || key === "prototype") continue entries;
      if (key === "") key = String(Object.keys(node).filter((k) => /^\d+$/.test(k)).length); // append
      if (i === path.length - 1) {
        node[key] = value;
      } else {
        const existing = node[key];
        node = isObject(existing) ? existing : (node[key] = {}) as JsonObject;
      }
    }
  }
  for (const k of Object.keys(root)) root[k] = arrayify(root[k]); // the top level stays an object
  return root;
}

function arrayify(value: unknown): unknown {
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = arrayify(value[k]);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => value[k]);
  return value;
}

/**
 * PostgreSQL's jsonb cannot hold U+0000. Rather than refuse (and lose) an event over it, an escaped
 * \u0000 inside a string becomes U+FFFD, the replacement character. Anything else is left as sent.
 */
export function postgresSafeJson(text: string): string {
  if (!text.includes("\\u0000")) return text;
  return text.replace(/(\\+)u0000/g, (match, slashes: string) =>
    slashes.length % 2 === 1 ? `${slashes.slice(1)}\\ufffd` : match);
}
