/**
 * The replay window over real HTTP: a seed-signed PhoneBurner event is accepted while its own time is recent
 * and refused with 400 (counted as outside_time_window, shown in the health view's rejections) when a month
 * old or a day ahead — a captured delivery cannot be replayed later; Standard Webhooks deliveries
 * (webhook-id, webhook-timestamp, webhook-signature) are accepted within 5 minutes of their timestamp, under
 * any listed secret (rotation, whsec_ keys), and refused outside it or with a wrong signature. The functions
 * server connects with the production window (the test database opens it for the dated seed fixtures).
 * The clock: every time relative to the run's now.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBody, signStandardWebhook } from "../../functions/_shared/signature.ts";
import { startFunctionsServer, type FunctionsServer } from "../../supabase/local/functions-server.ts";

const url = process.env.TEST_DATABASE_URL;
const SECRET = `rw-secret-${randomUUID().slice(0, 8)}`;
const NEW_SECRET = `whsec_${Buffer.from(`rotated-${randomUUID()}`).toString("base64")}`;
const run = randomUUID().slice(0, 8);

describe.skipIf(!url)("the replay window of signed webhooks", () => {
  let server: FunctionsServer;
  let sql: postgres.Sql;
  const ids: string[] = [];
  const event = (atMs: number) => {
    const id = `rw-${run}-${ids.length}`;
    ids.push(id);
    return JSON.stringify({ event: "call.started", event_id: id, timestamp: new Date(atMs).toISOString(), call: { id: `c-${id}` } });
  };
  const post = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(`${server.url}/phoneburner-webhook`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
    return { status: res.status, body: await res.json() as Record<string, string> };
  };
  const refused = async () => (await sql`select coalesce(sum(rejection_count), 0)::int as n from public.phoneburner_webhook_rejections
                                         where reason = 'outside_time_window'`)[0].n as number;

  beforeAll(async () => {
    sql = postgres(url!, { max: 2, onnotice: () => {} });
    // the production window for the function's connections (a startup parameter overrides the test database's)
    const narrowed = new URL(url!);
    narrowed.searchParams.set("dialbridge.webhook_max_event_age", "3 days");
    narrowed.searchParams.set("dialbridge.webhook_max_event_skew", "5 minutes");
    server = await startFunctionsServer({ databaseUrl: narrowed.toString(),
      env: { PHONEBURNER_WEBHOOK_SECRETS: `${SECRET},${NEW_SECRET}`, PHONEBURNER_WEBHOOK_LOG: "off" } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (sql) {
      await sql`delete from public.phoneburner_webhooks_log where event_id in ${sql(ids)}`;
      await sql.end({ timeout: 5 });
    }
  });

  it("accepts a recent seed-signed event and refuses one a month old or a day ahead, counted, nothing stored", async () => {
    const fresh = event(Date.now() - 3_600_000);
    expect((await post(fresh, { "X-Phoneburner-Signature": await signBody(SECRET, fresh) })).status).toBe(200);
    const before = await refused();
    for (const at of [Date.now() - 30 * 86_400_000, Date.now() + 86_400_000]) {
      const body = event(at);
      const res = await post(body, { "X-Phoneburner-Signature": await signBody(SECRET, body) });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/outside the accepted window/);
    }
    expect(await refused()).toBe(before + 2);
    const [{ n }] = await sql`select count(*)::int as n from public.phoneburner_webhooks_log where event_id in ${sql(ids.slice(1))}`;
    expect(n).toBe(0);
    const [health] = await sql`select other_rejections::int as other from dialbridge.pipeline_health(now()) where window_name = 'last_hour'`;
    expect(health.other).toBeGreaterThanOrEqual(2);
  });

  it("takes Standard Webhooks deliveries within 5 minutes of their timestamp, under any listed secret", async () => {
    const now = Math.floor(Date.now() / 1000);
    const sw = async (secret: string, ts: number, extra: string[] = []) => {
      const body = event(Date.now() - 60_000);
      const id = `msg_${ids.at(-1)}`;
      const signature = [...extra, await signStandardWebhook(secret, id, ts, body)].join(" ");
      return post(body, { "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": signature });
    };
    expect((await sw(SECRET, now)).status).toBe(200);
    expect((await sw(NEW_SECRET, now - 120)).status).toBe(200); // whsec_ key, two minutes old
    expect((await sw(SECRET, now, ["v1,AAAA"])).status).toBe(200); // several signatures: one valid is enough
    const stale = await sw(SECRET, now - 600);
    expect(stale.status).toBe(401);
    expect(stale.body.error).toMatch(/more than 5 minutes from now/);
    expect((await sw("not-the-secret", now)).status).toBe(401);
    const [row] = await sql`select event_id, auth_method from public.phoneburner_webhooks_log where event_id = ${ids[ids.length - 5]}`;
    expect(row).toMatchObject({ auth_method: "hmac" });
  });
});
