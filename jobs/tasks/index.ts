/**
 * The worker's task list. Task files are named `<table>__<action>.ts` (style.md #11), export a default
 * graphile-worker Task, parse their payload with zod and are idempotent. Add each new task here.
 */
import type { TaskList } from "graphile-worker";
import contacts__run_disposition_workflow from "./contacts__run_disposition_workflow.ts";
import worker_heartbeats__record from "./worker_heartbeats__record.ts";

export const taskList: TaskList = {
  contacts__run_disposition_workflow,
  worker_heartbeats__record,
};
