/**
 * call_recordings__sync: recordings from VoIPStudio's call history land in public.call_recordings (and on
 * the call log and its activity, dialbridge.record_voipstudio_recording): for every rep with a VoIPStudio
 * token and calls in the window, GET /cdrs since then; recordings of calls we know are stored, idempotently.
 * Every 15 minutes from jobs/crontab ({"hours": 2} by default: the window looked back). Transcription and
 * sentiment are filled by the transcript analysis when it is configured.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";
import { listRecordings, voipstudioEndpointsFromEnv, VoipStudioError } from "../../functions/_shared/voipstudio/api.ts";

const Payload = z.object({
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
  hours: z.number().positive().max(24 * 14).optional(),
}).strict();

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload ?? {});
  if (!parsed.success) throw new Error(`call_recordings__sync: invalid payload: ${parsed.error.issues[0]?.message}`);
  const since = new Date(Date.now() - (parsed.data.hours ?? 2) * 3_600_000);
  const ep = voipstudioEndpointsFromEnv((k) => process.env[k]);
  await helpers.withPgClient(async (client) => {
    const reps = (await client.query<{ user_id: string; api_token: string }>(
      `select c.user_id, k.api_token from public.voipstudio_credentials c
        cross join lateral dialbridge.voipstudio_credentials_of(c.user_id) k
        where k.api_token is not null
          and exists (select 1 from public.call_logs l where l.user_id = c.user_id and l.provider = 'voipstudio'
                         and l.call_id is not null and coalesce(l.started_at, l.created_at) >= $1)`, [since])).rows;
    let stored = 0;
    for (const rep of reps) {
      let items;
      try {
        items = await listRecordings(ep, { token: rep.api_token }, since);
      } catch (e) {
        if (e instanceof VoipStudioError && !e.retryable) {
          helpers.logger.warn(`rep ${rep.user_id}: call history refused (${e.kind})`);
          continue;
        }
        throw e;
      }
      for (const r of items) {
        const known = await client.query(
          "select 1 from public.call_logs where provider = 'voipstudio' and call_id = $1 and user_id = $2", [r.callId, rep.user_id]);
        if (known.rowCount === 0) continue;
        await client.query("select dialbridge.record_voipstudio_recording($1, $2, $3, null, $4)",
          [r.callId, r.url, r.durationSeconds, r.recordingId]);
        // a transcribed recording is analysed like a voice-agent call (transcripts__analyze)
        if (r.transcription) await client.query("select dialbridge.record_voipstudio_transcription($1, $2)", [r.callId, r.transcription]);
        stored++;
      }
    }
    helpers.logger.info(`recordings: ${stored} stored or confirmed for ${reps.length} reps`);
  });
};

export default task;
