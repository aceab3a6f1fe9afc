/**
 * dialer_agent_states__power_dial: power dialing — when an agent of an active power campaign is available,
 * their next call starts (predictive campaigns are paced per campaign: dialer_campaigns__pace): the queue
 * reserves the next contact as the agent (public.next_contact_to_dial) and click-to-call places it with the
 * agent's own VoIPStudio token (functions/_shared/dialer.ts makeCall: the same path, checks and call log as
 * the button). The agent
 * then rings; VoIPStudio's events move them to on_call and wrap_up; going available again starts the next.
 *
 * {"user_id": …}: queued by the database when an agent becomes available (coalesced per agent);
 * {"sweep": true}: every minute from jobs/crontab, for available agents whose queue was empty or outside
 * calling hours before. Softphone offline → the agent is paused (no loop of refused calls). Idempotent:
 * an agent with a live call is skipped.
 */
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import { fromPgClient } from "../../functions/_shared/dbport.ts";
import { DialerRequestError, makeCall } from "../../functions/_shared/dialer.ts";
import { voipstudioEndpointsFromEnv } from "../../functions/_shared/voipstudio/api.ts";

export const TASK = "dialer_agent_states__power_dial";

const Payload = z.object({
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
  user_id: z.string().uuid().optional(),
  sweep: z.boolean().optional(),
}).passthrough().refine((p) => (p.user_id === undefined) !== (p.sweep === undefined), { message: "give either user_id or sweep" });

const task: Task = async (payload, helpers: JobHelpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`${TASK}: invalid payload: ${parsed.error.issues[0]?.message}`);
  const db = fromPgClient((fn) => helpers.withPgClient(fn));
  const ready = await db.query<{ user_id: string; campaign_id: string }>(
    `select r.user_id, r.campaign_id from dialbridge.dialer_agents_ready r
      where ($1::uuid is null or r.user_id = $1)
        and not exists (select 1 from public.call_logs l where l.user_id = r.user_id and l.status in ('initiated', 'ringing', 'answered'))
      order by r.since`, [parsed.data.user_id ?? null]);
  const ep = voipstudioEndpointsFromEnv((k) => process.env[k]);
  for (const agent of ready) {
    const claims = { sub: agent.user_id, role: "authenticated" };
    const [next] = await db.transaction(async (tx) => {
      await tx.query("select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)", [JSON.stringify(claims)]);
      return await tx.query<{ campaign_contact_id: string | null; queue_status: string; detail: string | null }>(
        "select campaign_contact_id, queue_status, detail from public.next_contact_to_dial($1::uuid)", [agent.campaign_id]);
    });
    if (!next?.campaign_contact_id) {
      helpers.logger.info(`agent ${agent.user_id}: nothing to dial (${next?.queue_status})`);
      continue;
    }
    try {
      const made = await makeCall(db, claims, { campaignContactId: next.campaign_contact_id }, ep, (l) => helpers.logger.info(l));
      helpers.logger.info(`agent ${agent.user_id}: call ${made.call.id} placed`);
    } catch (e) {
      if (e instanceof DialerRequestError) {
        helpers.logger.warn(`agent ${agent.user_id}: call not placed (${e.code})`);
        if (e.code === "SOFTPHONE_OFFLINE" || e.code === "VOIPSTUDIO_NOT_CONNECTED" || e.code === "VOIPSTUDIO_AUTH") {
          await db.query("select public.set_agent_availability('paused', null, $1::uuid)", [agent.user_id]);
        }
        continue;
      }
      throw e;
    }
  }
};

export default task;
