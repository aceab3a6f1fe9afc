/**
 * `npm start` without PhoneBurner credentials: the sandbox service connects the demo reps, and each rep's
 * token is that rep's PhoneBurner account — calls the sandbox dials come back as agent.user_id =
 * profiles.phoneburner_user_id, so they are attributed to the rep (and the pushed session can be linked).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../supabase/local/db.ts";
import { loadDemoData, removeDemoData } from "../../supabase/local/demo-data.ts";
import { newContext, type RunningService } from "../../supabase/local/start.ts";
import { phoneburnerSandboxService } from "../../supabase/local/phoneburner-sandbox.ts";

const url = process.env.TEST_DATABASE_URL!;
const saved = { ...process.env };
let running: (RunningService & { url?: string; state?: { members: Map<string, { userId: string }> } }) | void;

beforeAll(async () => {
  await loadDemoData(url);
  const ctx = newContext({ PHONEBURNER_SANDBOX_PORT: "0" }, {}, () => {});
  ctx.embedded = true; // what npm start says of its own embedded database
  ctx.databaseUrl = url;
  running = await phoneburnerSandboxService.start(ctx) as typeof running;
});

afterAll(async () => {
  if (running) await running.stop();
  const sql = connect(url, { max: 1 });
  await sql`delete from public.phoneburner_oauth_tokens t
              where (select c.access_token from dialbridge.phoneburner_credentials(t.user_id) c) like 'sandbox\\_%'`;
  await sql.end();
  await removeDemoData(url);
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe("npm start's PhoneBurner sandbox", () => {
  it("knows every connected demo rep by the rep's own PhoneBurner user id", async () => {
    const sql = connect(url, { max: 1 });
    const reps = await sql`
      select p.phoneburner_user_id from public.phoneburner_oauth_tokens t
        join public.profiles p on p.id = t.user_id
       where (select c.access_token from dialbridge.phoneburner_credentials(t.user_id) c) like 'sandbox\\_%'`;
    await sql.end();
    expect(reps.length).toBeGreaterThan(0);
    const state = await (await fetch(`${running!.url}/__sandbox/state`)).json() as { members: { user_id?: string; userId?: string }[] };
    const memberIds = new Set(state.members.map((m) => String(m.userId ?? m.user_id)));
    for (const r of reps) expect(memberIds.has(String(r.phoneburner_user_id))).toBe(true);
  });
});
