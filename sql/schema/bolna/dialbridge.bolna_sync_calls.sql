CREATE FUNCTION dialbridge.bolna_sync_calls(p_execution_ids text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_n integer;
  v_call record;
begin
  if coalesce(pg_catalog.cardinality(p_execution_ids), 0) = 0 then
    return 0;
  end if;
  if pg_catalog.to_regclass('pg_temp.bolna_call_sync') is null then
    create temporary table bolna_call_sync (
      execution_id text primary key, agent_id uuid, user_id uuid, final_status text, lifecycle text, status text,
      lead_type text, phone text, conversation_id text, first_at timestamptz, ringing_at timestamptz,
      answered_at timestamptz, disconnected_at timestamptz, final_at timestamptz, raw_seconds numeric,
      duration_seconds integer, hangup_by text, hangup_reason text, hangup_code integer, recording_url text,
      transcript text, summary text, metadata jsonb) on commit drop;
  end if;
  truncate pg_temp.bolna_call_sync;

  insert into pg_temp.bolna_call_sync
  with ev as (
    select e.id, e.provider_call_id as x, e.event_type as st, e.payload as p,
           coalesce(e.payload -> 'telephony_data', '{}'::jsonb) as t,
           coalesce(dialbridge.bolna_time(e.payload -> 'updated_at'), e.received_at) as at,
           dialbridge.bolna_status_rank(e.event_type) as rk,
           dialbridge.bolna_conversation_seconds(e.payload, e.event_type) as secs
      from dialbridge.webhook_events e
     where e.provider = 'bolna' and e.provider_call_id = any (p_execution_ids)
  ), agg as (
    select ev.x,
           (array_agg(ev.st order by ev.rk desc, (ev.st = 'completed') desc, ev.at desc, ev.id desc))[1] as final_status,
           bool_or(ev.st = 'in-progress') as reached,
           bool_or(ev.st = 'busy' or (ev.st = 'completed' and ev.t ->> 'hangup_reason' ~* 'busy')) as was_busy,
           max(ev.secs) as secs,
           min(ev.at) filter (where ev.st = 'ringing') as ringing_at,
           min(ev.at) filter (where ev.st = 'in-progress') as answered_at,
           min(ev.at) filter (where ev.st = 'call-disconnected') as disconnected_at,
           min(ev.at) filter (where ev.rk = 5) as final_at,
           min(least(ev.at, coalesce(dialbridge.bolna_time(ev.p -> 'created_at'), ev.at))) as first_at,
           (array_agg(ev.p ->> 'agent_id' order by ev.at, ev.id) filter (where nullif(ev.p ->> 'agent_id', '') is not null))[1] as agent,
           (array_agg(dialbridge.bolna_phone(ev.p) order by ev.at, ev.id) filter (where dialbridge.bolna_phone(ev.p) is not null))[1] as phone,
           (array_agg(pg_catalog.lower(ev.t ->> 'call_type') order by ev.at, ev.id) filter (where ev.t ? 'call_type'))[1] as call_type,
           (array_agg(ev.p ->> 'conversation_id' order by ev.at, ev.id) filter (where nullif(ev.p ->> 'conversation_id', '') is not null))[1] as conversation_id,
           (array_agg(ev.t ->> 'hangup_by' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'hangup_by', '') is not null))[1] as hangup_by,
           (array_agg(ev.t ->> 'hangup_reason' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'hangup_reason', '') is not null))[1] as hangup_reason,
           (array_agg(ev.t ->> 'hangup_provider_code' order by ev.rk desc, ev.at desc, ev.id desc)
              filter (where ev.t ->> 'hangup_provider_code' ~ '^\s*-?\d{1,9}\s*$'))[1] as hangup_code,
           (array_agg(ev.t ->> 'recording_url' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'recording_url', '') is not null))[1] as recording_url,
           (array_agg(ev.p ->> 'transcript' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(pg_catalog.btrim(ev.p ->> 'transcript'), '') is not null))[1] as transcript,
           (array_agg(ev.p ->> 'summary' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(pg_catalog.btrim(ev.p ->> 'summary'), '') is not null))[1] as summary,
           pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
             'raw_conversation_duration', max(case when pg_catalog.jsonb_typeof(ev.p -> 'conversation_duration') = 'number' then (ev.p ->> 'conversation_duration')::numeric end),
             'provider', (array_agg(ev.t ->> 'provider' order by ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'provider', '') is not null))[1],
             'provider_call_id', (array_agg(ev.t ->> 'provider_call_id' order by ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'provider_call_id', '') is not null))[1],
             'telephony_duration', (array_agg(ev.t ->> 'duration' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'duration', '') is not null))[1],
             'total_cost', (array_agg(ev.p -> 'total_cost' order by ev.rk desc, ev.at desc, ev.id desc) filter (where pg_catalog.jsonb_typeof(ev.p -> 'total_cost') = 'number'))[1],
             'smart_status', (array_agg(ev.p ->> 'smart_status' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.p ->> 'smart_status', '') is not null))[1]
           )) as metadata
      from ev
     group by ev.x
  )
  select a.x, va.id, va.user_id, a.final_status,
         case a.final_status
           when 'queued' then 'initiated' when 'rescheduled' then 'initiated' when 'initiated' then 'initiated'
           when 'ringing' then 'ringing' when 'in-progress' then 'in-progress' when 'call-disconnected' then 'call-disconnected'
           when 'completed' then case when a.reached or a.secs > 0 then 'completed' when a.was_busy then 'busy' else 'no-answer' end
           when 'no-answer' then 'no-answer' when 'busy' then 'busy' else 'failed' end,
         case when a.final_status in ('queued', 'rescheduled', 'initiated', 'ringing', 'in-progress', 'call-disconnected') then 'in_progress'
              when a.final_status = 'completed' and (a.reached or a.secs > 0) then 'completed'
              when a.final_status in ('canceled', 'stopped') then 'cancelled'
              else 'failed' end,
         case when a.call_type = 'inbound' then 'inbound' else 'outbound' end,
         a.phone, coalesce(a.conversation_id, a.x), a.first_at, a.ringing_at,
         coalesce(a.answered_at, case when a.secs > 0 then coalesce(a.disconnected_at, a.final_at) - pg_catalog.make_interval(secs => a.secs::float8) end),
         a.disconnected_at, a.final_at, a.secs, pg_catalog.ceil(a.secs)::integer,
         a.hangup_by, a.hangup_reason, a.hangup_code::integer, a.recording_url, a.transcript, a.summary, a.metadata
    from agg a
    join public.voice_agents va on va.bolna_agent_id = a.agent;

  insert into public.calls as c (user_id, agent_id, contact_id, contact_activity_id, bolna_execution_id, bolna_conversation_id,
                                 bolna_agent_id, bolna_status, phone_number, call_lifecycle_status, status, lead_type, hangup_by,
                                 hangup_reason, hangup_provider_code, ringing_started_at, call_answered_at, call_disconnected_at,
                                 completed_at, duration_seconds, duration_minutes, credits_used, recording_url, summary, metadata, created_at)
  select s.user_id, s.agent_id, dialbridge.bolna_contact(s.user_id, s.phone),
         (select ca.id from public.contact_activities ca where ca.dedupe_key = 'bolna:call:' || s.execution_id),
         s.execution_id, s.conversation_id, (select va.bolna_agent_id from public.voice_agents va where va.id = s.agent_id),
         s.final_status, s.phone, s.lifecycle, s.status, s.lead_type, s.hangup_by, s.hangup_reason, s.hangup_code,
         s.ringing_at, s.answered_at, s.disconnected_at,
         case when s.lifecycle in ('completed', 'no-answer', 'busy', 'failed') then s.final_at end,
         s.duration_seconds, pg_catalog.ceil(s.duration_seconds / 60.0)::integer,
         pg_catalog.ceil(s.duration_seconds / 60.0)::integer * dialbridge.bolna_credits_per_minute(),
         s.recording_url, s.summary, s.metadata, coalesce(s.first_at, pg_catalog.now())
    from pg_temp.bolna_call_sync s
  on conflict (bolna_execution_id) do update
    set user_id = excluded.user_id, agent_id = excluded.agent_id, contact_id = coalesce(c.contact_id, excluded.contact_id),
        contact_activity_id = coalesce(excluded.contact_activity_id, c.contact_activity_id),
        bolna_conversation_id = excluded.bolna_conversation_id, bolna_agent_id = excluded.bolna_agent_id,
        bolna_status = excluded.bolna_status, phone_number = excluded.phone_number,
        call_lifecycle_status = excluded.call_lifecycle_status, status = excluded.status, lead_type = excluded.lead_type,
        hangup_by = excluded.hangup_by, hangup_reason = excluded.hangup_reason, hangup_provider_code = excluded.hangup_provider_code,
        ringing_started_at = excluded.ringing_started_at, call_answered_at = excluded.call_answered_at,
        call_disconnected_at = excluded.call_disconnected_at, completed_at = excluded.completed_at,
        duration_seconds = excluded.duration_seconds, duration_minutes = excluded.duration_minutes,
        credits_used = excluded.credits_used, recording_url = excluded.recording_url, summary = excluded.summary,
        metadata = excluded.metadata, created_at = least(c.created_at, excluded.created_at)
    where (c.user_id, c.agent_id, c.contact_id, c.contact_activity_id, c.bolna_conversation_id, c.bolna_status, c.phone_number,
           c.call_lifecycle_status, c.status, c.lead_type, c.hangup_by, c.hangup_reason, c.hangup_provider_code,
           c.ringing_started_at, c.call_answered_at, c.call_disconnected_at, c.completed_at, c.duration_seconds,
           c.duration_minutes, c.credits_used, c.recording_url, c.summary, c.metadata, c.created_at)
          is distinct from
          (excluded.user_id, excluded.agent_id, coalesce(c.contact_id, excluded.contact_id),
           coalesce(excluded.contact_activity_id, c.contact_activity_id), excluded.bolna_conversation_id, excluded.bolna_status,
           excluded.phone_number, excluded.call_lifecycle_status, excluded.status, excluded.lead_type, excluded.hangup_by,
           excluded.hangup_reason, excluded.hangup_provider_code, excluded.ringing_started_at, excluded.call_answered_at,
           excluded.call_disconnected_at, excluded.completed_at, excluded.duration_seconds, excluded.duration_minutes,
           excluded.credits_used, excluded.recording_url, excluded.summary, excluded.metadata, least(c.created_at, excluded.created_at));
  get diagnostics v_n = row_count;

  -- the charge: once per call (a unique key on the call), following its final duration
  insert into public.credit_ledger as l (user_id, call_id, kind, amount)
  select c.user_id, c.id, 'call', -c.credits_used
    from public.calls c
   where c.bolna_execution_id = any (p_execution_ids) and c.user_id is not null and c.credits_used > 0
  on conflict (call_id) where kind = 'call' do update
    set amount = excluded.amount, user_id = excluded.user_id
    where (l.amount, l.user_id) is distinct from (excluded.amount, excluded.user_id);

  -- the transcript; a new or changed one is analysed (never inline: the worker's transcripts__analyze)
  for v_call in
    with t as (
      insert into public.transcripts as tr (call_id, user_id, content)
      select c.id, c.user_id, s.transcript
        from pg_temp.bolna_call_sync s join public.calls c on c.bolna_execution_id = s.execution_id
       where s.transcript is not null
      on conflict (call_id) do update
        set content = excluded.content, user_id = excluded.user_id, analysis_status = 'pending', analysis_error = null
        where tr.content is distinct from excluded.content or tr.user_id is distinct from excluded.user_id
      returning tr.call_id
    )
    select t.call_id from t
  loop
    perform dialbridge.queue_transcript_analysis(v_call.call_id);
  end loop;
  return v_n;
end
$_$;

COMMENT ON FUNCTION dialbridge.bolna_sync_calls(p_execution_ids text[]) IS 'Derives Bolna calls from every stored POST of their executions, so any order and duplication give the same row: the furthest status (dialbridge.bolna_status_rank; completed wins a tie) in the seed''s lifecycle and the backward-compatible status (completed without conversation: no-answer, or busy by the hangup reason), the times of ringing, answer, disconnection and the final status, duration_seconds = ceil(conversation seconds), duration_minutes = ceil(seconds / 60), credits, hangup fields, recording, summary and metadata; the user''s contact and the call''s activity. Then the call''s charge (one credit_ledger row per call, following its final credits) and its transcript, whose analysis a new or changed transcript queues.';

REVOKE ALL ON FUNCTION dialbridge.bolna_sync_calls(p_execution_ids text[]) FROM PUBLIC;
