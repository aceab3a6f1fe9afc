/**
 * The sandbox's dialer: plays the calls of dial sessions the way PhoneBurner reports them, so a whole
 * calling day can be simulated end to end (push → dial → webhook → projection → reports).
 *
 *   real sessions   api_contact_displayed, api_callbegin, api_calldone to the callbacks registered with the
 *                   session (the URL carries the webhook token), JSON shaped like real captures
 *                   (test/fixtures/phoneburner/real): zone-less America/New_York times, national numbers,
 *                   the disposition as label text in `status`, follow_up for callbacks, "SourceCo ID" in
 *                   custom_fields, external_crm_data only on api_contact_displayed — and the next contact's
 *                   api_contact_displayed BEFORE the previous api_calldone, as PhoneBurner does.
 *   seed sessions   call.started, call.connected, call.ended, disposition.set, callback.scheduled (seed 000
 *                   shapes) to the session's callback_url, signed X-Phoneburner-Signature: sha256=<hex HMAC>.
 *
 * Outcomes are drawn from a seeded PRNG with realistic rates (no answer, voicemail, gatekeeper, decision
 * maker with dispositions from the mapping catalogue). drop_rate > 0 loses that share of calls on the way
 * (none of their call events arrive; PhoneBurner still counts them): the reconciliation's drift view must
 * then show them.
 */
import { createHmac } from "node:crypto";
import { pbPhone, pbTime, type RunningSandbox, type SandboxContact, type SandboxSession } from "./server.ts";
import { prng } from "../prng.ts";

export interface DialRequest {
  session_id?: string;
  session_ids?: string[];
  /** PRNG seed (same seed, same day). */
  seed?: number;
  /** Simulated clock start (ISO); default now. */
  start_at?: string;
  /** Real milliseconds between events (0: as fast as the webhook answers). */
  pace_ms?: number;
  /** Share of calls whose events are all lost on the way (0–1). */
  drop_rate?: number;
  /** Only the first N contacts of each session. */
  limit?: number;
}

export interface DialResult {
  sessions: number;
  calls: number;
  events_sent: number;
  events_failed: number;
  events_dropped: number;
  /** Calls PhoneBurner made whose call events were all lost (drop_rate). */
  calls_lost: number;
  outcomes: Record<string, number>;
}

interface Outcome {
  key: string;
  label: string;
  code: string;
  connected: boolean;
  answeredBy: "decision_maker" | "gatekeeper" | "voicemail" | "unknown" | null;
  callOutcome: "completed" | "no_answer" | "busy" | "voicemail";
  talk: [number, number];
  callbackDays?: [number, number];
  note?: string;
}

const OUTCOMES: [Outcome, number][] = [
  [{ key: "no_answer", label: "No Answer", code: "NO_ANSWER", connected: false, answeredBy: null, callOutcome: "no_answer", talk: [0, 0] }, 36],
  [{ key: "busy", label: "Busy", code: "NO_ANSWER", connected: false, answeredBy: null, callOutcome: "busy", talk: [0, 0] }, 3],
  [{ key: "voicemail", label: "Left Message", code: "LEFT_VOICEMAIL", connected: false, answeredBy: "voicemail", callOutcome: "voicemail", talk: [20, 45], note: "Left a voicemail about the current deal flow." }, 22],
  [{ key: "gatekeeper", label: "Spoke to Gatekeeper", code: "SPOKE_TO_GATEKEEPER", connected: true, answeredBy: "gatekeeper", callOutcome: "completed", talk: [25, 90], note: "Assistant took a message; try the direct line in the morning." }, 10],
  [{ key: "wrong_number", label: "Wrong Number", code: "WRONG_NUMBER", connected: true, answeredBy: "unknown", callOutcome: "completed", talk: [5, 15], note: "Number belongs to someone else." }, 2],
  [{ key: "interested", label: "Interested", code: "INTERESTED", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [180, 600], note: "Interested: send the deal memo and financial summary." }, 8],
  [{ key: "not_interested", label: "Not Interested", code: "NOT_INTERESTED", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [40, 150], note: "Not looking at new platforms this year." }, 6],
  [{ key: "callback", label: "Callback Requested", code: "CALLBACK_REQUESTED", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [60, 240], callbackDays: [2, 14], note: "Asked to be called back after the board meeting." }, 5],
  [{ key: "meeting", label: "Meeting Scheduled", code: "MEETING_SET", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [300, 900], note: "Meeting set to walk through the deal." }, 2],
  [{ key: "not_a_fit", label: "Not a Fit", code: "NOT_A_FIT", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [60, 200], note: "Outside their size range." }, 3],
  [{ key: "hot_lead", label: "Hot Lead", code: "HOT_LEAD", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [300, 900], note: "Very interested; wants a call with the seller this week." }, 1],
  [{ key: "referral", label: "Referral Provided", code: "REFERRAL_PROVIDED", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [90, 300], note: "Referred us to their operating partner." }, 1],
  [{ key: "do_not_call", label: "Do Not Call", code: "DO_NOT_CALL", connected: true, answeredBy: "decision_maker", callOutcome: "completed", talk: [15, 40], note: "Asked to be removed from all call lists." }, 1],
];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Plays the calls of the chosen sessions (all sessions when none is named). */
export async function dialSessions(sb: RunningSandbox, req: DialRequest): Promise<DialResult> {
  const ids = req.session_ids ?? (req.session_id ? [req.session_id] : [...sb.state.sessions.keys()]);
  const rnd = prng(req.seed ?? 20261121);
  const result: DialResult = { sessions: 0, calls: 0, events_sent: 0, events_failed: 0, events_dropped: 0, calls_lost: 0, outcomes: {} };
  let clock = req.start_at ? new Date(req.start_at) : new Date();
  let callId = 900_000_000 + Math.floor(rnd.next() * 1_000_000) * 10;
  let eventNo = Math.floor(rnd.next() * 1_000_000);

  for (const id of ids) {
    const session = sb.state.sessions.get(id);
    if (!session) continue;
    result.sessions++;
    const member = sb.state.members.get(session.ownerUserId)!;
    const agent = {
      user_id: Number(member.userId) || member.userId, first_name: member.firstName, last_name: member.lastName,
      username: member.username, email: member.email,
    };
    const contacts = session.contactIds.slice(0, req.limit ?? session.contactIds.length)
      .map((cid) => sb.state.contacts.get(cid)).filter((c): c is SandboxContact => !!c);

    const deliver = async (type: string, payload: Record<string, unknown>) => {
      if (session.style === "dialsession") {
        const cb = session.callbacks.find((c) => c.callback_type === type);
        if (!cb) return;
        await post(cb.callback, JSON.stringify(payload), { "Content-Type": "application/json" }, result);
      } else {
        if (!session.callbackUrl) return;
        const body = JSON.stringify(payload);
        const headers: Record<string, string> = {
          "Content-Type": "application/json",
          "X-Phoneburner-Event-ID": String(payload.event_id),
          "X-Phoneburner-Event-Type": type,
        };
        if (sb.options.webhookSecret) {
          headers["X-Phoneburner-Signature"] = `sha256=${createHmac("sha256", sb.options.webhookSecret).update(body).digest("hex")}`;
        }
        await post(session.callbackUrl, body, headers, result);
      }
      if (req.pace_ms) await sleep(req.pace_ms);
    };

    let pendingDone: (() => Promise<void>) | null = null;
    for (let i = 0; i < contacts.length; i++) {
      const c = contacts[i];
      const o = rnd.weighted(OUTCOMES);
      result.outcomes[o.key] = (result.outcomes[o.key] ?? 0) + 1;
      const ring = rnd.int(6, 28);
      const talk = o.talk[1] > 0 ? rnd.int(o.talk[0], o.talk[1]) : 0;
      const start = new Date(clock);
      const connectedAt = new Date(start.getTime() + ring * 1000);
      const end = new Date(connectedAt.getTime() + talk * 1000);
      const callback = o.callbackDays ? new Date(end.getTime() + rnd.int(o.callbackDays[0], o.callbackDays[1]) * 86_400_000) : null;
      if (callback) callback.setUTCHours(15, 0, 0, 0);
      const thisCall = ++callId;
      session.callsMade++;
      result.calls++;

      // a lost call: PhoneBurner made it, but none of its call events reach the webhook
      const lost = (req.drop_rate ?? 0) > 0 && rnd.next() < req.drop_rate!;
      if (lost) result.calls_lost++;
      if (session.style === "dialsession") {
        // the next contact shows up before the previous call's calldone (PhoneBurner's order)
        await deliver("api_contact_displayed", realDisplayed(session, c, agent));
        if (pendingDone) await pendingDone();
        if (lost) result.events_dropped += 2;
        else await deliver("api_callbegin", realBegin(session, c, agent, thisCall, start));
        pendingDone = lost ? null : async () => {
          await deliver("api_calldone", realDone(session, c, agent, thisCall, o, start, end, talk, callback));
        };
      } else if (lost) {
        result.events_dropped += callback ? 5 : 4;
      } else {
        const ev = (type: string, at: Date, extra: Record<string, unknown>) => ({
          event: type, event_id: `evt_${type.replace(".", "_")}_${++eventNo}`, timestamp: at.toISOString(), api_version: "2.0", ...extra,
        });
        const cf = { sourceco_contact_id: c.custom_fields.sourceco_contact_id ?? null };
        await deliver("call.started", ev("call.started", start, {
          contact: {
            id: c.id, first_name: c.first_name, last_name: c.last_name, company: c.company, phone: c.phone, email: c.email,
            custom_fields: c.custom_fields,
          },
          call: { id: `call_${thisCall}`, direction: "outbound", from_number: "+15550100", to_number: c.phone, started_at: start.toISOString() },
          user: { id: `pb_user_${member.userId}`, name: `${member.firstName} ${member.lastName}`, email: member.email },
          dial_session: { id: session.id, name: session.name },
        }));
        if (o.answeredBy) {
          await deliver("call.connected", ev("call.connected", connectedAt, {
            contact_id: c.id, call_id: `call_${thisCall}`,
            connection_details: { connected_at: connectedAt.toISOString(), ring_duration_seconds: ring, answered_by: o.answeredBy,
              detection_method: o.answeredBy === "voicemail" ? "machine_detection" : "human_voice" },
            custom_fields: cf,
          }));
        }
        {
          await deliver("call.ended", ev("call.ended", end, {
            contact_id: c.id, call_id: `call_${thisCall}`,
            call_summary: {
              ended_at: end.toISOString(), total_duration_seconds: ring + talk, ring_duration_seconds: ring,
              talk_duration_seconds: o.connected ? talk : 0, hold_duration_seconds: 0, outcome: o.callOutcome,
              disconnect_reason: "normal_clearing", disconnected_by: "caller",
            },
            ...(o.connected ? { recording: { available: true, url: `${sb.url}/recordings/call_${thisCall}.mp3`, duration_seconds: talk } } : {}),
            custom_fields: cf,
          }));
          const setAt = new Date(end.getTime() + rnd.int(5, 40) * 1000);
          await deliver("disposition.set", ev("disposition.set", setAt, {
            contact_id: c.id, call_id: `call_${thisCall}`,
            disposition: { code: o.code, label: o.label, category: category(o.code), notes: o.note ?? null, set_at: setAt.toISOString() },
            user: { id: `pb_user_${member.userId}`, name: `${member.firstName} ${member.lastName}`, email: member.email },
            custom_fields: cf,
          }));
          if (callback) {
            await deliver("callback.scheduled", ev("callback.scheduled", setAt, {
              contact_id: c.id, call_id: `call_${thisCall}`,
              callback: { scheduled_for: callback.toISOString(), timezone: "America/New_York", notes: o.note ?? null,
                reminder_enabled: true, reminder_minutes_before: 60, auto_dial: false },
              assigned_user: { id: `pb_user_${member.userId}`, name: `${member.firstName} ${member.lastName}`, email: member.email },
              custom_fields: cf,
            }));
          }
        }
      }
      clock = new Date(end.getTime() + rnd.int(10, 45) * 1000);
    }
    if (pendingDone) await pendingDone();
  }
  return result;
}

function category(code: string): string {
  if (["INTERESTED", "MEETING_SET", "HOT_LEAD", "REFERRAL_PROVIDED"].includes(code)) return "positive";
  if (["NOT_INTERESTED", "NOT_A_FIT", "DO_NOT_CALL"].includes(code)) return "negative";
  if (["WRONG_NUMBER"].includes(code)) return "administrative";
  return "neutral";
}

function realContact(c: SandboxContact) {
  return {
    user_id: Number(c.id) || c.id, lead_id: (Number(c.id) || 0) % 100_000, external_id: `PB${c.id}`,
    phone: pbPhone(c.phone), phones: c.phone ? [{ number: pbPhone(c.phone), type: "Office", is_primary: "1" }] : [],
    first_name: c.first_name, last_name: c.last_name, primary_email: c.email, emails: c.email ? [c.email] : [],
    account: { company_name: c.company, title: c.title },
  };
}

function customFields(c: SandboxContact) {
  return {
    custom_fields: { ...c.custom_fields },
    typed_custom_fields: Object.entries(c.custom_fields).map(([name, value]) => ({ type: 1, name, value })),
  };
}

function realDisplayed(s: SandboxSession, c: SandboxContact, agent: Record<string, unknown>) {
  return {
    ds_id: Number(s.id) || s.id, contact_user_id: Number(c.id) || c.id, external_id: `PB${c.id}`,
    external_crm_data: c.crmKeys.filter((k) => k.startsWith("sourceco:")).slice(0, 1)
      .map((k) => ({ crm_id: k.slice("sourceco:".length), crm_name: "sourceco" })),
    custom_data: [],
    contact: { user_id: Number(c.id) || c.id, first_name: c.first_name, last_name: c.last_name, phone: pbPhone(c.phone), primary_email: c.email },
    agent,
  };
}

function realBegin(s: SandboxSession, c: SandboxContact, agent: Record<string, unknown>, callId: number, start: Date) {
  return {
    call_id: callId, ds_id: Number(s.id) || s.id, start_time: pbTime(start), direction: "outbound",
    phone: pbPhone(c.phone), outbound_caller_id: "5550100", agent, contact: realContact(c), ...customFields(c), custom_data: [],
  };
}

function realDone(s: SandboxSession, c: SandboxContact, agent: Record<string, unknown>, callId: number, o: Outcome,
  start: Date, end: Date, talk: number, callback: Date | null) {
  return {
    call_id: callId, ds_id: Number(s.id) || s.id, status: o.label,
    duration: Math.round((end.getTime() - start.getTime()) / 1000),
    start_time: pbTime(start), end_time: pbTime(end), connected: o.connected ? "1" : "0", direction: "outbound",
    outbound_caller_id: "5550100",
    ...(o.connected || o.answeredBy === "voicemail" ? {
      recording_url: `http://www.phoneburner.com/index/recording/${callId}`,
      recording_url_public: `http://www.phoneburner.com/public/recording/${callId}?key=sandbox`,
    } : {}),
    call_notes: o.note ? [o.note] : [],
    ...(callback ? { follow_up: pbTime(callback) } : {}),
    agent, owner: agent, contact: realContact(c), ...customFields(c), custom_data: [],
    talk_time: talk, total_call_attempts: 1, folder: { id: 12, name: "SourceCo pushes" },
  };
}

async function post(url: string, body: string, headers: Record<string, string>, result: DialResult) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      if (res.ok) {
        result.events_sent++;
        return;
      }
      if (res.status < 500 && res.status !== 429) break;
    } catch {
      // network error: try again
    }
    await sleep(200 * attempt);
  }
  result.events_failed++;
}
