/**
 * dialer-service — seed 003's client for the frontend (`lib/dialer-service.ts` there): the dialer's REST
 * API (functions/dialer-api, acting as the signed-in user) through supabase-js `functions.invoke`, with
 * types that match the database (public.call_logs, dialer_campaigns, campaign_contacts, call_dispositions).
 *
 *   import { createClient } from "@supabase/supabase-js";
 *   import { createDialerService } from "./dialer-service";
 *   const dialer = createDialerService(createClient(SUPABASE_URL, SUPABASE_ANON_KEY));
 *   await dialer.makeCall({ to: "+12125551234", campaignId });
 *   await dialer.getAnalytics({ start_date: "2025-01-01", end_date: "2025-01-31" });
 *
 * Every method resolves with the API's answer or rejects with a DialerServiceError carrying the HTTP
 * status and the API's code (SOFTPHONE_OFFLINE, CALL_NOT_ALLOWED, VOIPSTUDIO_NOT_CONNECTED, …).
 */
import type { SupabaseClient } from "@supabase/supabase-js";

export type CallStatus = "initiated" | "ringing" | "answered" | "completed" | "failed" | "busy" | "no-answer" | "canceled";
export type CampaignType = "manual" | "preview" | "power" | "predictive";
export type CampaignStatus = "draft" | "active" | "paused" | "completed" | "archived";
export type CampaignContactStatus = "pending" | "calling" | "completed" | "failed" | "do-not-call" | "callback";
export type Disposition = "interested" | "not-interested" | "callback" | "wrong-number" | "no-answer" | "voicemail"
  | "do-not-call" | "qualified" | "not-qualified";

/** public.call_logs */
export interface CallLog {
  id: string; user_id: string | null; team_id: string | null; call_id: string | null; direction: "inbound" | "outbound";
  from_number: string | null; to_number: string | null; status: CallStatus; duration: number | null; recording_url: string | null;
  notes: string | null; lead_id: string | null; campaign_id: string | null; campaign_contact_id: string | null; contact_id: string | null;
  contact_activity_id: string | null; provider: string; error: string | null; metadata: Record<string, unknown>;
  started_at: string | null; answered_at: string | null; ended_at: string | null; created_at: string; updated_at: string;
}

export interface ActiveHours { start?: string; end?: string; days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[] }

export interface CampaignStats {
  total: number; pending: number; calling: number; completed: number; failed: number; do_not_call: number; callback: number; attempts: number;
}

/** public.dialer_campaigns */
export interface Campaign {
  id: string; user_id: string; team_id: string | null; name: string; description: string | null; type: CampaignType;
  status: CampaignStatus; caller_id: string | null; script: string | null; max_attempts: number; retry_interval: number;
  active_hours: ActiveHours; timezone: string; reservation_timeout_seconds: number; voicemail_drop_id: string | null;
  stats: CampaignStats | Record<string, never>; created_at: string; updated_at: string;
}

export type CampaignInput = Partial<Pick<Campaign, "description" | "type" | "status" | "caller_id" | "script" | "max_attempts"
  | "retry_interval" | "active_hours" | "timezone" | "reservation_timeout_seconds" | "voicemail_drop_id">> & { name: string };

/** public.campaign_contacts */
export interface CampaignContact {
  id: string; campaign_id: string; contact_id: string; phone_number: string; first_name: string | null; last_name: string | null;
  email: string | null; company: string | null; status: CampaignContactStatus; attempts: number; last_attempt_at: string | null;
  next_attempt_at: string | null; last_call_id: string | null; priority: number; scheduled_at: string | null; callback_at: string | null;
  time_zones: string[]; calling_state: string | null; metadata: Record<string, unknown>; queue_position: number;
  created_at: string; updated_at: string;
}

export interface NewCampaignContact {
  phone_number: string; first_name?: string; last_name?: string; email?: string; company?: string; metadata?: Record<string, unknown>;
  priority?: number; scheduled_at?: string;
}

export interface AddContactsResult {
  success: true; added: number;
  excluded: { index: number; phone_number?: string; contact_id?: string; reason: string; label: string; detail: string }[];
  contacts: CampaignContact[];
}

/** public.call_dispositions */
export interface CallDisposition {
  id: string; call_id: string; user_id: string | null; disposition: Disposition; notes: string | null; follow_up_date: string | null; created_at: string;
}

export interface Analytics {
  overview: { totalCalls: number; answeredCalls: number; completedCalls: number; failedCalls: number; busyCalls: number;
    noAnswerCalls: number; totalDuration: number; avgDuration: number; answerRate: number; completionRate: number };
  distribution: { byHour: number[]; byStatus: Record<CallStatus, number> };
  recentCalls: Partial<CallLog>[];
}

export interface NextContact {
  campaign_contact_id: string | null; contact_id: string | null; phone_number: string | null; first_name: string | null;
  last_name: string | null; company: string | null; email: string | null; attempts: number | null; is_callback: boolean | null;
  reserved_until: string | null; script: string | null;
  queue_status: "reserved" | "campaign_not_active" | "nothing_left" | "all_reserved" | "waiting_for_retry" | "outside_hours";
  detail: string | null; available_at: string | null;
}

export class DialerServiceError extends Error {
  constructor(readonly status: number, message: string, readonly code?: string, readonly detail?: unknown) {
    super(message);
    this.name = "DialerServiceError";
  }
}

const query = (params: Record<string, string | number | null | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
};

export function createDialerService(supabase: SupabaseClient, functionName = "dialer-api") {
  async function call<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
    const { data, error } = await supabase.functions.invoke(`${functionName}${path}`, { method, body: body as never });
    if (error) {
      const ctx = (error as { context?: Response }).context;
      let status = 500, message = error.message, code: string | undefined, detail: unknown;
      if (ctx && typeof ctx.status === "number") {
        status = ctx.status;
        try {
          const parsed = await ctx.json() as { error?: string; code?: string; detail?: unknown; issues?: unknown };
          message = parsed.error ?? message;
          code = parsed.code;
          detail = parsed.detail ?? parsed.issues;
        } catch { /* not JSON */ }
      }
      throw new DialerServiceError(status, message, code, detail);
    }
    return data as T;
  }

  return {
    makeCall: (req: { to?: string; from?: string; campaignId?: string; campaignContactId?: string; contactId?: string; leadId?: string;
      metadata?: Record<string, unknown> }) => call<{ success: true; call: CallLog; callId: string }>("POST", "/calls", req),
    getCalls: (p: { status?: CallStatus; direction?: "inbound" | "outbound"; campaign_id?: string; limit?: number; offset?: number } = {}) =>
      call<{ calls: CallLog[]; total: number }>("GET", `/calls${query(p)}`),
    getCall: (id: string) => call<{ call: CallLog & { voip_status: Record<string, unknown> | null } }>("GET", `/calls/${id}`),
    updateCall: (id: string, changes: Partial<Pick<CallLog, "status" | "notes" | "duration" | "ended_at" | "recording_url" | "metadata">>) =>
      call<{ call: CallLog }>("PATCH", `/calls/${id}`, changes),
    deleteCall: (id: string) => call<{ success: true }>("DELETE", `/calls/${id}`),
    getCampaigns: (p: { status?: CampaignStatus; type?: CampaignType } = {}) => call<{ campaigns: Campaign[] }>("GET", `/campaigns${query(p)}`),
    getCampaign: (id: string) => call<{ campaign: Campaign }>("GET", `/campaigns/${id}`),
    createCampaign: (c: CampaignInput) => call<{ campaign: Campaign }>("POST", "/campaigns", c),
    updateCampaign: (id: string, changes: Partial<CampaignInput>) => call<{ campaign: Campaign }>("PATCH", `/campaigns/${id}`, changes),
    deleteCampaign: (id: string) => call<{ success: true }>("DELETE", `/campaigns/${id}`),
    getCampaignContacts: (id: string, p: { status?: CampaignContactStatus } = {}) =>
      call<{ contacts: CampaignContact[] }>("GET", `/campaigns/${id}/contacts${query(p)}`),
    addCampaignContacts: (id: string, contacts: NewCampaignContact[]) =>
      call<AddContactsResult>("POST", `/campaigns/${id}/contacts`, { contacts }),
    nextContact: (campaignId: string) => call<{ next: NextContact }>("POST", `/campaigns/${campaignId}/next`),
    skipContact: (campaignContactId: string, reason: string) =>
      call<{ contact: CampaignContact }>("POST", `/campaign-contacts/${campaignContactId}/skip`, { reason }),
    setAvailability: (state: "available" | "paused" | "offline", campaignId?: string) =>
      call<{ agent: { user_id: string; state: string; campaign_id: string | null } }>("POST", "/agent/availability", { state, campaign_id: campaignId }),
    getDispositions: (p: { call_id?: string } = {}) => call<{ dispositions: CallDisposition[] }>("GET", `/dispositions${query(p)}`),
    createDisposition: (d: { call_id: string; disposition: Disposition; notes?: string; follow_up_date?: string }) =>
      call<{ disposition: CallDisposition }>("POST", "/dispositions", d),
    getAnalytics: (p: { start_date?: string; end_date?: string; campaign_id?: string; time_zone?: string } = {}) =>
      call<{ analytics: Analytics }>("GET", `/analytics${query(p)}`),
  };
}

export type DialerService = ReturnType<typeof createDialerService>;
