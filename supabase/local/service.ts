/**
 * What a service of `npm start` is: a name and a start that returns how to stop it. The services
 * (database, functions, worker, PhoneBurner sandbox, …) implement it; start.ts runs them in order.
 */
export interface StartOptions {
  /** --demo-data: load demo data into the user's own database too. */
  demoData: boolean;
  /** --no-demo-data: never load demo data. */
  noDemoData: boolean;
}

export interface StartContext {
  /** The environment: process env over .env. */
  env: Record<string, string>;
  options: StartOptions;
  /** Progress lines while starting. */
  log: (line: string) => void;
  /** Lines for the final "where everything is" summary: [label, text]. */
  summary: [string, string][];
  /** Set by the database service. */
  databaseUrl?: string;
  /** True when the database is the embedded one this command started. */
  embedded?: boolean;
  /** Extra variables for the edge functions (services before "functions" may add to it). */
  functionsEnv: Record<string, string>;
  /** Set by the functions service: http://127.0.0.1:PORT/functions/v1 */
  functionsUrl?: string;
  functions?: string[];
}

export interface RunningService {
  stop(): Promise<void>;
}

export interface Service {
  name: string;
  /** Starts the service; returns how to stop it, or nothing when nothing keeps running. */
  start(ctx: StartContext): Promise<RunningService | void>;
}
