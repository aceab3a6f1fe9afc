-- The fake dialer's SQL adapter: a provider written only for the tests, to show (and prove) that adding
-- one takes its own files and a registration line, nothing in the shared pipeline. Its events:
--
--   {"id": "evt-1", "type": "call.started" | "call.finished" | "call.dispositioned" | "ping",
--    "occurred_at": "…", "contact_ref": "<our sourceco_contact_id>",
--    "call": {"id": "c-1", "to": "+12125550123", "agent_email": "rep@…", "started_at": "…",
--             "answered_at": "…", "ended_at": "…", "result": "answered" | "voicemail" | "no_answer" | "busy"},
--    "disposition": {"label": "Interested", "note": "…", "callback_at": "…"}}
--
-- Loaded by test/ts/provider-adapter.test.ts. Re-runnable.
create schema if not exists fake_dialer;

/** The event's identity: its id, else the X-Fake-Event-ID header. */
create or replace function fake_dialer.event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) returns text
language sql immutable set search_path = ''
as $$ select coalesce(p_payload ->> 'id', p_header_event_id) $$;

/** What is stored beside the payload. */
create or replace function fake_dialer.event_refs(p_event_type text, p_payload jsonb)
returns table (call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamptz)
language sql stable set search_path = ''
as $$
  select p_payload -> 'call' ->> 'id', null::text, p_payload ->> 'contact_ref', p_payload -> 'call' ->> 'agent_email',
         p_payload ->> 'campaign', (p_payload ->> 'occurred_at')::timestamptz
$$;

/** One stored event as the shared call record. */
create or replace function fake_dialer.normalize(e dialbridge.webhook_events) returns dialbridge.call_events
language plpgsql stable set search_path = ''
as $$
declare
  r dialbridge.call_events;
  p jsonb := e.payload;
  c jsonb := e.payload -> 'call';
begin
  if e.event_type = 'ping' then
    r.kind := 'ignored';
    return r;
  end if;
  if e.event_type not in ('call.started', 'call.finished', 'call.dispositioned') then
    raise exception 'fake dialer: % is not an event it projects', e.event_type using errcode = 'DB060';
  end if;
  if c ->> 'result' is not null and c ->> 'result' not in ('answered', 'voicemail', 'no_answer', 'busy') then
    raise exception 'fake dialer: unknown call result %', c ->> 'result' using errcode = 'DB061';
  end if;
  r.kind := 'call';
  r.call_id := c ->> 'id';
  r.event_at := (p ->> 'occurred_at')::timestamptz;
  r.sourceco_contact_id := p ->> 'contact_ref';
  r.phone_e164 := dialbridge.phone_e164_candidates(c ->> 'to');
  r.user_email := c ->> 'agent_email';
  r.provider_session_id := p ->> 'campaign';
  r.started_at := (c ->> 'started_at')::timestamptz;
  r.connected_at := (c ->> 'answered_at')::timestamptz;
  r.ended_at := (c ->> 'ended_at')::timestamptz;
  r.outcome := case c ->> 'result' when 'answered' then 'connected' else c ->> 'result' end;
  r.disposition_label := p -> 'disposition' ->> 'label';
  r.disposition_notes := p -> 'disposition' ->> 'note';
  r.disposition_at := case when p ? 'disposition' then r.event_at end;
  r.callback_at := (p -> 'disposition' ->> 'callback_at')::timestamptz;
  return r;
end
$$;

-- the registration line
select dialbridge.register_webhook_provider('fake_dialer', 'A dialer that exists only in the tests',
  'fake_dialer.event_identity', 'fake_dialer.event_refs', 'fake_dialer.normalize',
  p_event_types => array['call.started', 'call.finished', 'call.dispositioned', 'ping']);
