/**
 * Starts the local functions server (a Deno child process) and waits until it listens.
 * Used by `npm start`, the end-to-end tests and the benches.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { bin, root } from "./db.ts";

export interface FunctionsServer {
  url: string; // http://127.0.0.1:PORT/functions/v1
  functions: string[];
  /** The Deno process (memory measurements). */
  pid: number;
  stop(): Promise<void>;
}

export async function startFunctionsServer(opts: {
  databaseUrl: string;
  port?: number; // 0 or undefined: a free port
  env?: Record<string, string>;
  log?: (line: string) => void;
  /** More folders of `<name>/handler.ts` to serve beside functions/ (the tests' fake provider). */
  extraFunctionDirs?: string[];
}): Promise<FunctionsServer> {
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn(bin("deno"), [
    "run", "--allow-net", "--allow-env", "--allow-read", "--no-prompt",
    // npm: imports resolve from the project's node_modules (installed by npm ci): no download at run time.
    // Only here: functions/deno.json stays free of it so `supabase functions deploy` bundles as usual.
    "--node-modules-dir=manual",
    "--config", path.join(root, "functions/deno.json"),
    path.join(root, "supabase/local/functions-server.deno.ts"), "--port", String(port),
    ...(opts.extraFunctionDirs ?? []).flatMap((d) => ["--functions-dir", path.resolve(root, d)]),
  ], {
    cwd: root,
    env: { ...process.env, SUPABASE_DB_URL: opts.databaseUrl, DENO_NO_UPDATE_CHECK: "1", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = opts.log ?? (() => {});
  return await new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error("functions server did not start within 60 s")), 60_000);
    function fail(e: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(e);
    }
    child.stderr!.on("data", (d) => String(d).split("\n").filter(Boolean).forEach((l) => log(l)));
    child.stdout!.on("data", (d) => {
      for (const line of String(d).split("\n").filter(Boolean)) {
        if (!settled && line.startsWith("{") && line.includes('"listening"')) {
          settled = true;
          clearTimeout(timer);
          const info = JSON.parse(line);
          resolve({
            url: `http://127.0.0.1:${port}/functions/v1`,
            functions: info.functions,
            pid: child.pid!,
            stop: () => new Promise((res) => {
              if (child.exitCode !== null || child.signalCode !== null) return res(); // exited, or killed by a signal
              child.once("exit", () => res());
              child.kill("SIGTERM");
            }),
          });
        } else log(line);
      }
    });
    child.on("exit", (code) => fail(new Error(`functions server exited with ${code}`)));
  });
}

export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return await new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
