/**
 * Local stand-in for Supabase's edge runtime: serves every `functions/<name>/handler.ts` at
 * /functions/v1/<name>, in one Deno process. Each function's index.ts (its Supabase entrypoint) only does
 * `Deno.serve(handler)`; here the handlers are imported and routed by name instead. `--functions-dir D`
 * (repeatable) serves `D/<name>/handler.ts` too (the tests' fake provider).
 *
 *   deno run -A supabase/local/functions-server.deno.ts --port 54321 [--functions-dir D …]
 */
type Handler = (req: Request) => Response | Promise<Response>;

const portArg = Deno.args.indexOf("--port");
const port = portArg >= 0 ? Number(Deno.args[portArg + 1]) : Number(Deno.env.get("FUNCTIONS_PORT") ?? 54321);
const hostname = Deno.env.get("FUNCTIONS_HOST") ?? "127.0.0.1";
const functionsDirs = [new URL("../../functions/", import.meta.url)];
Deno.args.forEach((a, i) => {
  if (a === "--functions-dir" && Deno.args[i + 1]) {
    functionsDirs.push(new URL(`file://${Deno.args[i + 1].replace(/\/?$/, "/")}`));
  }
});

const handlers = new Map<string, Handler>();
for (const functionsDir of functionsDirs) {
  for await (const entry of Deno.readDir(functionsDir)) {
    if (!entry.isDirectory || entry.name.startsWith("_")) continue;
    const file = new URL(`${entry.name}/handler.ts`, functionsDir);
    try {
      await Deno.stat(file);
    } catch {
      continue;
    }
    const mod = await import(file.href);
    handlers.set(entry.name, mod.handler as Handler);
  }
}

Deno.serve({ port, hostname, onListen: () => {
  console.log(JSON.stringify({ listening: `http://${hostname}:${port}/functions/v1/`, functions: [...handlers.keys()].sort() }));
} }, async (req) => {
  const url = new URL(req.url);
  const m = url.pathname.match(/^\/functions\/v1\/([^/]+)(\/.*)?$/);
  const handler = m ? handlers.get(m[1]) : undefined;
  if (!handler) return new Response(JSON.stringify({ error: "Function not found" }), { status: 404 });
  try {
    return await handler(req);
  } catch (e) {
    console.error(`[functions] ${m![1]}: unhandled ${e instanceof Error ? e.name : "error"}`);
    return new Response(JSON.stringify({ error: "Internal error" }), { status: 500 });
  }
});
