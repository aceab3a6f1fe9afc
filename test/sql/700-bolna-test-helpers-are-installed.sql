-- Helpers for the Bolna.ai tests (700–799): the POSTs of a voice-agent call as Bolna sends them (the whole
-- execution object at each status, seed 004's three sequences), stored through the shared receive as the
-- webhook stores them. Kept for the whole run, like 000-setup.sql; every other file rolls back.
begin;
select plan(2);

/**
 * The POSTs of one execution: answered (initiated, ringing, in-progress, call-disconnected with 27.2 s and
 * the transcript, completed 13 minutes later with the recording and telephony duration "28"), no-answer and
 * busy (initiated, ringing, then the final status with the carrier's hangup fields). Times from p_t0.
 */
create or replace function tests.bolna_sequence(p_exec text, p_agent text, p_phone text, p_kind text, p_t0 timestamptz,
                                                p_seconds numeric default 27.2, p_transcript text default null)
returns table (n integer, status text, payload jsonb)
language sql stable set search_path = ''
as $$
  with steps (n, status, at_s, secs, transcript, telephony) as (
    values (1, 'initiated', 0, 0::numeric, null::text, '{}'::jsonb),
           (2, 'ringing', 2, 0, null, '{}'),
           (3, case p_kind when 'answered' then 'in-progress' else p_kind end, case p_kind when 'answered' then 5 when 'busy' then 24 else 46 end, 0, null,
              case p_kind when 'answered' then '{}'::jsonb
                          when 'busy' then '{"hangup_by": "Carrier", "hangup_reason": "Call recipient was busy", "hangup_provider_code": 486}'
                          else '{"hangup_by": "Carrier", "hangup_reason": "Call recipient rejected", "hangup_provider_code": 480}' end),
           (4, 'call-disconnected', 33, p_seconds,
              coalesce(p_transcript, 'assistant: Hello, this is Ava from SourceCo.' || chr(10) || 'user: Yes, we are interested in selling this quarter.'),
              '{"hangup_by": "Callee", "hangup_reason": "Call recipient hung up", "hangup_provider_code": 4000}'),
           (5, 'completed', 780, p_seconds,
              coalesce(p_transcript, 'assistant: Hello, this is Ava from SourceCo.' || chr(10) || 'user: Yes, we are interested in selling this quarter.'),
              pg_catalog.jsonb_build_object('hangup_by', 'Callee', 'hangup_reason', 'Call recipient hung up', 'hangup_provider_code', 4000,
                'duration', pg_catalog.ceil(p_seconds)::text, 'recording_url', 'https://recordings.example.test/' || p_exec || '.mp3'))
  )
  select s.n, s.status,
         pg_catalog.jsonb_build_object('id', p_exec, 'agent_id', p_agent, 'status', s.status,
           'created_at', pg_catalog.to_char(p_t0 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'updated_at', pg_catalog.to_char((p_t0 + pg_catalog.make_interval(secs => s.at_s)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'conversation_duration', s.secs, 'transcript', s.transcript, 'total_cost', 0.04, 'user_number', p_phone,
           'agent_number', '+15550100000',
           'telephony_data', pg_catalog.jsonb_build_object('duration', '0', 'to_number', p_phone, 'from_number', '+15550100000',
             'recording_url', null, 'provider_call_id', 'CA' || pg_catalog.md5(p_exec), 'call_type', 'outbound', 'provider', 'twilio') || s.telephony)
    from steps s
   where p_kind = 'answered' or s.n <= 3
$$;

/** One Bolna POST stored through the shared receive (as bolna-webhook stores it); returns accepted or duplicate. */
create or replace function tests.bolna_post(p_payload jsonb)
returns text
language sql volatile security definer set search_path = ''
as $$
  select r.status from dialbridge.receive_webhook_event('bolna', p_payload ->> 'status', p_payload, null, 200, 'header_token',
    null, null, 'test') r
$$;

grant execute on function tests.bolna_sequence(text, text, text, text, timestamptz, numeric, text), tests.bolna_post(jsonb)
  to anon, authenticated, service_role;

select has_function('tests', 'bolna_sequence', array['text', 'text', 'text', 'text', 'timestamp with time zone', 'numeric', 'text'],
  'the Bolna sequence helper is installed');
select has_function('tests', 'bolna_post', array['jsonb'], 'the Bolna POST helper is installed');
select * from finish();
commit;
