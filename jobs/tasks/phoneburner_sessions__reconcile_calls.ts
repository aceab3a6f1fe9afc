/**
 * phoneburner_sessions__reconcile_calls (cron, daily): reads each rep's recent dial sessions from
 * PhoneBurner with their call counts and records them beside the calls dialbridge received
 * (dialbridge.record_session_call_counts → public.phoneburner_session_call_checks). The view
 * public.phoneburner_call_drift shows the sessions with calls that never reached us (lost callbacks).
 * A session still known as pending:<key> is linked to PhoneBurner's id here by its push key. Idempotent
 * per check time. Logs counts only.
 */
import type { Task } from "graphile-worker";
import { listDialSessions, listSeedSessions, PhoneBurnerError } from "../../functions/_shared/phoneburner/api.ts";
import { pushSettingsFromEnv } from "../../functions/_shared/phoneburner/push-executor.ts";

const LOOKBACK_DAYS = 14;

const task: Task = async (_payload, helpers) => {
  const settings = pushSettingsFromEnv((k) => process.env[k]);
  const { rows: accounts } = await helpers.query<{ user_id: string }>(
    "select user_id::text from dialbridge.phoneburner_accounts_to_reconcile()");
  const checkedAt = new Date().toISOString();
  let failed = 0;
  for (const a of accounts) {
    try {
      const { rows: [cred] } = await helpers.query<{ access_token: string }>(
        "select access_token from dialbridge.phoneburner_credentials($1::uuid)", [a.user_id]);
      if (!cred) continue;
      const sessions = settings.defaultApiStyle === "seed"
        ? await listSeedSessions(settings.endpoints, cred.access_token)
        : await listDialSessions(settings.endpoints, cred.access_token, new Date(Date.now() - LOOKBACK_DAYS * 86_400_000), new Date());
      const { rows: [{ n }] } = await helpers.query<{ n: number }>(
        "select dialbridge.record_session_call_counts($1::uuid, $2::text::jsonb, $3::timestamptz) as n",
        [a.user_id, JSON.stringify(sessions), checkedAt]);
      helpers.logger.info(`call counts of ${n} session(s) checked for ${a.user_id}`);
    } catch (e) {
      failed++;
      helpers.logger.error(`checking call counts for ${a.user_id} failed: ${e instanceof PhoneBurnerError ? e.code : "error"}`);
    }
  }
  if (failed > 0) throw new Error(`call-count reconciliation failed for ${failed} account(s)`);
};

export default task;
