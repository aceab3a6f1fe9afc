/**
 * What `npm start`'s local stand-ins (PhoneBurner, VoIPStudio, Bolna) share: a port (the one asked for, else
 * the default, else any free one when the default is taken by another `npm start`) and handing their
 * settings to the edge functions and to the worker in this process.
 */
import type { StartContext } from "../service.ts";

/** Starts on `explicit` (an error if taken), else `defaultPort`, else any free port. */
export async function startOnPort<T>(explicit: string | undefined, defaultPort: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(Number(explicit || defaultPort));
  } catch (e) {
    if (explicit || (e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    return await start(0);
  }
}

/** The first value of a comma-separated setting, or null. */
export function firstOf(list: string | undefined): string | null {
  return (list ?? "").split(",").map((s) => s.trim()).find(Boolean) ?? null;
}

/** Variables for the edge functions, and for this process (the worker runs in it). */
export function exportVars(ctx: StartContext, vars: Record<string, string>): void {
  Object.assign(ctx.functionsEnv, vars);
  for (const [k, v] of Object.entries(vars)) {
    ctx.env[k] = v;
    process.env[k] = v;
  }
}
