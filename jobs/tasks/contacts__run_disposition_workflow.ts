/**
 * contacts__run_disposition_workflow: performs the workflow a call disposition asked for (mapping
 * trigger_workflow / workflow_name, e.g. send_deal_memo). Queued by dialbridge.apply_disposition with one
 * job_key per call. No integration sends anything yet: dialbridge.perform_workflow_run() moves the
 * public.workflow_runs row from 'queued' to 'recorded', where people and later integrations see it.
 * Idempotent (a run is recorded once; a cancelled or missing run is a no-op). Logs ids and names only.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";

export const Payload = z.object({
  run_id: z.string().uuid(),
  workflow_name: z.string().min(1).max(255),
  workflow_config: z.record(z.unknown()).nullable().optional(),
  contact_id: z.string().uuid().nullable(),
  activity_id: z.string().uuid().nullable(),
});

export const PERFORM_WORKFLOW_RUN_SQL = "select dialbridge.perform_workflow_run($1::uuid) as status";

const task: Task = async (payload, helpers) => {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) {
    // a malformed payload will not improve on retry: fail loudly, keep the job for inspection
    throw new Error(`contacts__run_disposition_workflow: invalid payload: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  }
  const { run_id, workflow_name } = parsed.data;
  const { rows } = await helpers.query<{ status: string | null }>(PERFORM_WORKFLOW_RUN_SQL, [run_id]);
  const status = rows[0]?.status ?? null;
  helpers.logger.info(`workflow run ${run_id} (${workflow_name}): ${status ?? "no longer exists"}`);
};

export default task;
