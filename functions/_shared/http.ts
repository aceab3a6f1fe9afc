/** JSON answers with the headers every function sends (CORS for the Supabase frontend). */
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...corsHeaders, ...headers },
  });
}

export function preflight(req: Request): Response | undefined {
  return req.method === "OPTIONS" ? new Response(null, { status: 204, headers: corsHeaders }) : undefined;
}
