/**
 * The worker's task list. Task files are named `<table>__<action>.ts` (style.md #11), export a default
 * graphile-worker Task, parse their payload with zod and are idempotent. Add each new task here.
 */
import type { TaskList } from "graphile-worker";
import call_recordings__sync from "./call_recordings__sync.ts";
import contact_activities__check_rollups from "./contact_activities__check_rollups.ts";
import contact_activities__rematch from "./contact_activities__rematch.ts";
import contacts__run_disposition_workflow from "./contacts__run_disposition_workflow.ts";
import contacts__score from "./contacts__score.ts";
import dialer_agent_states__power_dial from "./dialer_agent_states__power_dial.ts";
import dialer_campaigns__pace from "./dialer_campaigns__pace.ts";
import dialer_campaigns__reconcile from "./dialer_campaigns__reconcile.ts";
import contacts__normalize_phones from "./contacts__normalize_phones.ts";
import contacts__reconcile_phoneburner from "./contacts__reconcile_phoneburner.ts";
import contacts__sync_to_phoneburner from "./contacts__sync_to_phoneburner.ts";
import phoneburner_dnc__propagate from "./phoneburner_dnc__propagate.ts";
import phoneburner_push_runs__push_batch from "./phoneburner_push_runs__push_batch.ts";
import phoneburner_push_runs__resume_stalled from "./phoneburner_push_runs__resume_stalled.ts";
import phoneburner_sessions__reconcile_calls from "./phoneburner_sessions__reconcile_calls.ts";
import phoneburner_webhooks_log__process from "./phoneburner_webhooks_log__process.ts";
import tasks__push_due_callbacks from "./tasks__push_due_callbacks.ts";
import transcripts__analyze from "./transcripts__analyze.ts";
import webhook_events__process from "./webhook_events__process.ts";
import webhook_logs__maintain from "./webhook_logs__maintain.ts";
import worker_heartbeats__record from "./worker_heartbeats__record.ts";

export const taskList: TaskList = {
  call_recordings__sync,
  dialer_agent_states__power_dial,
  dialer_campaigns__pace,
  dialer_campaigns__reconcile,
  contact_activities__check_rollups,
  contact_activities__rematch,
  contacts__score,
  contacts__run_disposition_workflow,
  worker_heartbeats__record,
  contacts__normalize_phones,
  contacts__reconcile_phoneburner,
  contacts__sync_to_phoneburner,
  phoneburner_dnc__propagate,
  phoneburner_push_runs__push_batch,
  phoneburner_push_runs__resume_stalled,
  phoneburner_sessions__reconcile_calls,
  phoneburner_webhooks_log__process,
  tasks__push_due_callbacks,
  transcripts__analyze,
  webhook_events__process,
  webhook_logs__maintain,
};
