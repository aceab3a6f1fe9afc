/**
 * The environment of `npm start`'s functions server. `.env` loading and URL redaction are the runtime's
 * (jobs/runtime/env.ts), re-exported here for the local commands.
 */
export { loadEnv, parseEnv, redactUrl, type LoadedEnv } from "../../jobs/runtime/env.ts";

/** Prefixes of the variables edge functions read; `npm start` passes exactly these to the functions. */
export const FUNCTION_ENV_PREFIXES = ["PHONEBURNER_", "SUPABASE_", "DIALBRIDGE_", "OPENAI_", "VOIPSTUDIO_", "BOLNA_"];

/** The variables for the functions server: every prefixed one, then SUPABASE_DB_URL = the database in use. */
export function functionsEnv(env: Record<string, string | undefined>, databaseUrl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && FUNCTION_ENV_PREFIXES.some((p) => k.startsWith(p))) out[k] = v;
  }
  out.SUPABASE_DB_URL = databaseUrl;
  return out;
}
