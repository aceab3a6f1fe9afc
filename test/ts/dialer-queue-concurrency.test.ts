/**
 * The dialing queue under concurrency: twenty agents, each on their own connection and signed in as
 * themselves (role authenticated + JWT claims, as PostgREST calls it), ask public.next_contact_to_dial at
 * the same moment, again and again, on two campaigns that share contacts. Nobody ever gets a contact
 * somebody else holds — within a campaign or across the two — every contact callable now is handed out
 * exactly once, and none that is outside its calling hours. The clock: every call passes as_of = t0 (the
 * run's start), and the contacts' zones are chosen relative to it.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const url = process.env.TEST_DATABASE_URL;
const run = `q${randomUUID().slice(0, 8)}`;
const AGENTS = 20;
const t0 = new Date();

/** Zones where t0 is inside 09:00–17:00, and zones where it is outside 08:00–21:00. */
function zonesAt(t: Date) {
  const hourIn = (tz: string) => Number(new Intl.DateTimeFormat("en-US", { timeZone: tz, hour: "numeric", hourCycle: "h23" }).format(t));
  const all = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Pacific/Honolulu", "Europe/London",
    "Europe/Berlin", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo"];
  return { open: all.filter((z) => hourIn(z) >= 9 && hourIn(z) < 17), closed: all.filter((z) => hourIn(z) < 8 || hourIn(z) >= 21) };
}

describe.skipIf(!url)("twenty agents asking the queue at once", () => {
  let admin: postgres.Sql;
  const agents = Array.from({ length: AGENTS }, () => ({ id: randomUUID(), conn: null as postgres.Sql | null }));
  const teamName = `queue ${run}`;
  let campaignA = "", campaignB = "";
  const { open, closed } = zonesAt(t0);

  beforeAll(async () => {
    admin = postgres(url!, { max: 2, onnotice: () => {} });
    await admin`insert into public.teams (name) values (${teamName})`;
    const team = (await admin`select id from public.teams where name = ${teamName}`)[0].id;
    for (const [i, a] of agents.entries()) {
      await admin`insert into auth.users (id, email) values (${a.id}, ${`${run}-${i}@queue.test`})`;
      await admin`update public.profiles set team_id = ${team} where id = ${a.id}`;
      a.conn = postgres(url!, { max: 1, onnotice: () => {} });
    }
    // 300 contacts: two thirds in zones where it is working hours now, a third where it is night
    await admin`
      insert into public.contacts (team_id, first_name, phone, phone_e164, phone_status, phone_normalized_from, timezone)
      select ${team}, 'Q' || g, p, p, 'valid', p,
             case when g % 3 = 0 and ${closed.length} > 0 then (${closed}::text[])[1 + g % greatest(${closed.length}, 1)]
                  else (${open}::text[])[1 + g % greatest(${open.length}, 1)] end
        from generate_series(1, 300) g, lateral (select '+1917' || lpad((5550000 + g)::text, 7, '0') as p) x`;
    [{ id: campaignA }] = await admin`insert into public.dialer_campaigns (user_id, name, status, active_hours)
      values (${agents[0].id}, 'A', 'active', '{"start": "09:00", "end": "17:00"}') returning id`;
    [{ id: campaignB }] = await admin`insert into public.dialer_campaigns (user_id, name, status, active_hours)
      values (${agents[0].id}, 'B', 'active', '{"start": "09:00", "end": "17:00"}') returning id`;
    // A has every contact, B every other one: 150 contacts are in both
    await admin`insert into public.campaign_contacts (campaign_id, contact_id, phone_number)
                select ${campaignA}, c.id, c.phone_e164 from public.contacts c where c.team_id = ${team}`;
    await admin`insert into public.campaign_contacts (campaign_id, contact_id, phone_number)
                select ${campaignB}, c.id, c.phone_e164 from public.contacts c where c.team_id = ${team} and (substr(c.phone_e164, 12)::int % 2) = 0`;
    await admin`insert into public.dialer_campaign_agents (campaign_id, user_id)
                select c, a from unnest(${[campaignA, campaignB]}::uuid[]) c, unnest(${agents.slice(1).map((a) => a.id)}::uuid[]) a`;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(agents.map((a) => a.conn?.end({ timeout: 5 })));
    if (admin) {
      const team = admin`(select id from public.teams where name = ${teamName})`;
      await admin`delete from public.dialer_campaigns where team_id = ${team}`;
      await admin`delete from public.contacts where team_id = ${team}`;
      await admin`delete from auth.users where id in ${admin(agents.map((a) => a.id))}`;
      await admin`delete from public.teams where name = ${teamName}`;
      await admin.end({ timeout: 5 });
    }
  });

  /** One queue call as the agent, in its own transaction (what one PostgREST RPC is). */
  const next = (i: number, campaign: string) => agents[i].conn!.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: agents[i].id, role: "authenticated" })}, true),
                    set_config('role', 'authenticated', true)`;
    const [row] = await tx`select campaign_contact_id, contact_id, queue_status from public.next_contact_to_dial(${campaign}, null, ${t0})`;
    return row as { campaign_contact_id: string | null; contact_id: string | null; queue_status: string };
  });

  it("never hands one contact to two agents, in one campaign or across two, and hands out every callable one", async () => {
    const got: { agent: number; campaign: string; cc: string; contact: string }[] = [];
    const empty = new Set<number>();
    // every agent loops: half on A, half on B, all at once
    await Promise.all(agents.map(async (_, i) => {
      const campaign = i % 2 === 0 ? campaignA : campaignB;
      for (;;) {
        const r = await next(i, campaign);
        if (!r.campaign_contact_id) {
          expect(["outside_hours", "all_reserved", "waiting_for_retry", "nothing_left"]).toContain(r.queue_status);
          empty.add(i);
          return;
        }
        got.push({ agent: i, campaign, cc: r.campaign_contact_id, contact: r.contact_id! });
      }
    }));
    expect(empty.size).toBe(AGENTS);
    // no campaign contact twice, and no contact held in both campaigns
    expect(new Set(got.map((g) => g.cc)).size).toBe(got.length);
    expect(new Set(got.map((g) => g.contact)).size).toBe(got.length);
    const held = await admin`select contact_id, count(*)::int as n from public.campaign_contacts
                              where status = 'calling' and campaign_id in (${campaignA}, ${campaignB}) group by contact_id having count(*) > 1`;
    expect(held).toEqual([]);
    // exactly the contacts in working hours were handed out; none at night
    const [{ callable }] = await admin`select count(*)::int as callable from public.contacts
                                        where team_id = (select id from public.teams where name = ${teamName}) and timezone = any (${open})`;
    expect(got.length).toBe(callable);
    const [{ night }] = await admin`select count(*)::int as night from public.contacts
                                     where id in ${admin(got.map((g) => g.contact))} and not (timezone = any (${open}))`;
    expect(night).toBe(0);
    expect(new Set(got.map((g) => g.agent)).size).toBeGreaterThan(AGENTS / 2); // the work was shared
  }, 120_000);
});
