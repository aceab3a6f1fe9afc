/**
 * dialer_campaigns__pace: predictive dialing for one campaign — one decision of the pacer, carried out.
 *
 *   1. dialbridge.predictive_situation: its reps (free, talking for s, wrapping up for s), lines ringing,
 *      statistics (the dialer's call roll-up: answer and machine rates, ring and talk means, the 30-day
 *      abandonment window) and max_lines, in one query;
 *   2. decide() (jobs/pacing/pacer.ts, the same code `npm run bench:pacing` drives): how many lines to start;
 *   3. dialbridge.start_predictive_calls: the decision recorded (dialbridge.pacing_state), contacts reserved
 *      through the queue (hours, do-not-call, retries, the abandonment cooldown) and checked, call logs written;
 *   4. each call placed contact-first with the campaign owner's VoIPStudio token, to the campaign's call
 *      queue (placeCall with contactFirst: ring ≥ 15 s, a rep within 2 s or the safe-harbor message);
 *      what VoIPStudio answered recorded (voipstudio_call_placed / _not_placed, as click-to-call does).
 *
 * While reps are logged in, the job queues itself again in DIALER_PACE_TICK_MS (2,000 ms by default): the
 * pacer decides continuously. An agent going available queues it at once (the agent-state trigger), and a
 * minute sweep ({"sweep": true}) wakes campaigns whose chain stopped. One queue per campaign (queue_name), so
 * two decisions of one campaign never overlap; start_predictive_calls also locks the campaign.
 */
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import { type Database, fromPgClient } from "../../functions/_shared/dbport.ts";
import { placeCall, voipstudioEndpointsFromEnv, VoipStudioError, type VoipStudioEndpoints } from "../../functions/_shared/voipstudio/api.ts";
import { type CampaignStats, decide, type Decision, type LineState, type RepState } from "../pacing/pacer.ts";

export const TASK = "dialer_campaigns__pace";

const Payload = z.object({
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
  campaign_id: z.string().uuid().optional(),
  sweep: z.boolean().optional(),
}).passthrough().refine((p) => (p.campaign_id === undefined) !== (p.sweep === undefined), { message: "give either campaign_id or sweep" });

/** What dialbridge.predictive_situation answers. */
export interface PredictiveSituation {
  campaignId: string;
  active: boolean;
  queue: string | null;
  ownerId: string;
  reps: (RepState & { userId: string })[];
  lines: LineState[];
  stats: CampaignStats;
  settings: { maxLines: number; cap: number };
}

export interface PaceResult {
  situation: PredictiveSituation | null;
  decision: Decision | null;
  placed: string[];
  notPlaced: { callLogId: string; error: string }[];
}

/** The job's identity for a campaign: one queue and one job key, so decisions never overlap or pile up. */
export function paceJobSpec(campaignId: string) {
  return { queueName: `${TASK}:${campaignId}`, jobKey: `${TASK}:${campaignId}` };
}

export function tickMs(get: (k: string) => string | undefined = (k) => process.env[k]): number {
  const n = Number(get("DIALER_PACE_TICK_MS") || 2000);
  if (!Number.isFinite(n) || n < 100) throw new Error(`DIALER_PACE_TICK_MS must be at least 100, got "${get("DIALER_PACE_TICK_MS")}"`);
  return n;
}

/** One decision for one campaign, carried out. Exported for the tests and the demo. */
export async function paceCampaign(db: Database, campaignId: string, ep: VoipStudioEndpoints,
  log: (line: string) => void = () => {}): Promise<PaceResult> {
  const [{ s }] = await db.query<{ s: PredictiveSituation | null }>(
    "select dialbridge.predictive_situation($1::uuid) as s", [campaignId]);
  if (!s) return { situation: null, decision: null, placed: [], notPlaced: [] };
  const [creds] = await db.query<{ api_token: string | null }>(
    "select api_token from dialbridge.voipstudio_credentials_of($1::uuid)", [s.ownerId]);
  let decision: Decision | null = null;
  let detail: string | null = null;
  if (!s.active || !s.queue) {
    detail = null; // start_predictive_calls says why
  } else if (!creds?.api_token) {
    detail = "the campaign's owner has no VoIPStudio token";
  } else {
    decision = decide({ reps: s.reps, lines: s.lines, stats: s.stats, settings: s.settings });
  }
  const free = s.reps.filter((r) => r.talkingFor === null && r.wrappingFor === null).length;
  const payload = {
    ...(decision ?? { dial: 0, mode: "idle", expectedAbandonRate: 0, allowedRate: 0 }),
    detail,
    situation: { reps: s.reps.length, freeReps: free, lines: s.lines.length, stats: s.stats },
  };
  const logs = await db.query<{ id: string; to_number: string; from_number: string | null }>(
    "select l.id, l.to_number, l.from_number from dialbridge.start_predictive_calls($1::uuid, $2::text::jsonb) l",
    [campaignId, JSON.stringify(payload)]);
  const result: PaceResult = { situation: s, decision, placed: [], notPlaced: [] };
  if (logs.length === 0) return result;
  const [drop] = await db.query<{ audio_url: string | null }>(
    `select d.audio_url from public.dialer_campaigns c join public.voicemail_drops d on d.id = c.safe_harbor_drop_id
      where c.id = $1::uuid`, [campaignId]);
  const ringTimeoutSeconds = Math.max(15, Number(s.stats.noAnswerTimeout) || 25);
  await Promise.all(logs.map(async (l) => {
    try {
      const placed = await placeCall(ep, { token: creds!.api_token }, {
        to: l.to_number, from: s.queue!, callerId: l.from_number,
        contactFirst: { ringTimeoutSeconds, noAgentMessageUrl: drop?.audio_url ?? null },
      });
      await db.query("select dialbridge.voipstudio_call_placed($1::uuid, $2, $3::text::jsonb)",
        [l.id, placed.id, JSON.stringify({ state: placed.state, dropped_caller_id: placed.droppedCallerId || undefined })]);
      result.placed.push(l.id);
    } catch (e) {
      if (!(e instanceof VoipStudioError)) throw e;
      const error = `${e.kind}: ${e.message}`;
      await db.query("select dialbridge.voipstudio_call_not_placed($1::uuid, $2)", [l.id, error]);
      result.notPlaced.push({ callLogId: l.id, error });
    }
  }));
  log(`campaign ${campaignId}: ${decision?.mode} — ${free}/${s.reps.length} reps free, ${s.lines.length} lines ringing, ` +
    `${result.placed.length} placed${result.notPlaced.length ? `, ${result.notPlaced.length} not placed (${result.notPlaced[0].error})` : ""}`);
  return result;
}

const task: Task = async (payload, helpers: JobHelpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`${TASK}: invalid payload: ${parsed.error.issues[0]?.message}`);
  const db = fromPgClient((fn) => helpers.withPgClient(fn));
  if (parsed.data.sweep) {
    const campaigns = await db.query<{ id: string }>(
      `select c.id from public.dialer_campaigns c
        where c.type = 'predictive' and c.status = 'active'
          and exists (select 1 from public.dialer_agent_states s
                       where s.campaign_id = c.id and s.state in ('available', 'ringing', 'on_call', 'wrap_up'))`);
    for (const c of campaigns) {
      await helpers.addJob(TASK, { campaign_id: c.id }, { ...paceJobSpec(c.id), jobKeyMode: "preserve_run_at" });
    }
    return;
  }
  const campaignId = parsed.data.campaign_id!;
  const ep = voipstudioEndpointsFromEnv((k) => process.env[k]);
  const result = await paceCampaign(db, campaignId, ep, (l) => helpers.logger.info(l));
  // decide again shortly while anyone is logged in to an active predictive campaign
  if (result.situation?.active && result.situation.reps.length > 0) {
    await helpers.addJob(TASK, { campaign_id: campaignId }, {
      ...paceJobSpec(campaignId), jobKeyMode: "preserve_run_at", runAt: new Date(Date.now() + tickMs()),
    });
  }
};

export default task;
