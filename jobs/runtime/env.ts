/**
 * Settings of the Node runtime (worker, replay, and the local commands that take them from here): `.env`
 * loading and printing URLs safely.
 *
 * A tiny dotenv: `KEY=value` lines, optional `export `, `#` comments (whole-line, or after an unquoted
 * value following a space), single quotes taken literally, double quotes with \n \t \" \\ escapes.
 * The environment wins: a variable already set is never overridden by the file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, where `.env` is looked for. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/** Parses dotenv text. Lines that are not assignments are reported, not guessed at. */
export function parseEnv(text: string, onInvalid: (lineNumber: number) => void = () => {}): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    const m = LINE.exec(line);
    if (!m) {
      onInvalid(i + 1);
      continue;
    }
    const [, key, raw] = m;
    let value: string;
    if (raw.startsWith('"')) {
      // a double-quoted value may span lines until its closing quote
      let body = raw.slice(1);
      while (closingQuote(body) < 0 && i + 1 < lines.length) body += "\n" + lines[++i];
      const end = closingQuote(body);
      value = body.slice(0, end < 0 ? undefined : end)
        .replace(/\\(["\\nrt])/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[c] ?? c);
    } else if (raw.startsWith("'")) {
      const end = raw.indexOf("'", 1);
      value = raw.slice(1, end < 0 ? undefined : end);
    } else {
      value = raw.replace(/\s+#.*$/, "");
    }
    out[key] = value;
  }
  return out;
}

function closingQuote(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

export interface LoadedEnv {
  /** The merged environment: the file's values under the process environment. */
  env: Record<string, string>;
  /** The file that was read, if any. */
  file?: string;
  /** Keys the file provided that the environment did not already set. */
  fromFile: string[];
}

/**
 * Reads `.env` (project root, or `file`) and fills in the variables the environment does not set, in
 * `process.env` too, so libraries and child processes see them. A missing file is not an error.
 */
export function loadEnv(opts: { file?: string; quiet?: boolean } = {}): LoadedEnv {
  const file = opts.file ?? path.join(root, ".env");
  let text: string | undefined;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const fromFile: string[] = [];
  if (text !== undefined) {
    const parsed = parseEnv(text, (n) => {
      if (!opts.quiet) console.error(`${path.relative(process.cwd(), file) || file}:${n}: not a KEY=value line, ignored`);
    });
    for (const [k, v] of Object.entries(parsed)) {
      if (process.env[k] === undefined) {
        process.env[k] = v;
        fromFile.push(k);
      }
    }
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return { env, file: text !== undefined ? file : undefined, fromFile };
}

/** A URL safe to print: the password masked. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "<unparseable URL>";
  }
}
