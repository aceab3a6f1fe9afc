/** Placeholder until the platform runner lands: answers that the function runtime is up. */
import { json } from "../_shared/http.ts";
export async function handler(_req: Request): Promise<Response> {
  return json({ status: "ok" });
}
