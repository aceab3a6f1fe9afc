CREATE FUNCTION dialbridge.bolna_normalize(e dialbridge.webhook_events) RETURNS dialbridge.call_events
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  r dialbridge.call_events;
  p jsonb := e.payload;
  v_user uuid;
  v_phone text := dialbridge.bolna_phone(e.payload);
  v_secs numeric := dialbridge.bolna_conversation_seconds(e.payload, e.event_type);
  v_reason text := coalesce(e.payload -> 'telephony_data' ->> 'hangup_reason', '');
begin
  if nullif(p ->> 'id', '') is null then
    raise exception 'Bolna % event without an execution id', e.event_type using errcode = 'DB061';
  end if;
  select a.user_id into v_user from public.voice_agents a where a.bolna_agent_id = p ->> 'agent_id';
  if v_user is null then
    raise exception 'Bolna agent % is not registered in public.voice_agents: register it, then replay (npm run replay -- --provider bolna)',
      coalesce(p ->> 'agent_id', '(none)') using errcode = 'DB061';
  end if;
  r.kind := 'call';
  r.call_id := p ->> 'id';
  r.event_at := coalesce(dialbridge.bolna_time(p -> 'updated_at'), e.received_at);
  r.provider_user_id := p ->> 'agent_id';
  r.user_email := (select pr.email from public.profiles pr where pr.id = v_user);
  r.phone_e164 := coalesce(dialbridge.phone_e164_candidates(v_phone), '{}');
  r.sourceco_contact_id := dialbridge.bolna_contact(v_user, v_phone)::text;
  r.started_at := coalesce(dialbridge.bolna_time(p -> 'created_at'), r.event_at);
  if e.event_type = 'in-progress' then
    r.connected_at := r.event_at;
  end if;
  if dialbridge.bolna_status_rank(e.event_type) >= 4 then
    r.outcome := case
      when e.event_type in ('call-disconnected', 'completed') and v_secs > 0 then 'connected'
      when e.event_type = 'busy' or (e.event_type = 'completed' and v_reason ~* 'busy') then 'busy'
      when e.event_type in ('completed', 'no-answer') then 'no_answer'
      else 'failed' end;
    if r.outcome = 'connected' then
      r.talk_seconds := pg_catalog.ceil(v_secs)::integer;
      r.total_seconds := pg_catalog.ceil(v_secs)::integer;
      if e.event_type = 'call-disconnected' then
        r.ended_at := r.event_at;
      end if;
    else
      r.ended_at := r.event_at;
    end if;
  end if;
  r.recording_url := nullif(p -> 'telephony_data' ->> 'recording_url', '');
  r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('bolna_status', e.event_type, 'bolna_agent_id', p ->> 'agent_id'));
  return r;
end
$$;

COMMENT ON FUNCTION dialbridge.bolna_normalize(e dialbridge.webhook_events) IS 'One stored Bolna POST as the shared call record (dialbridge.call_events), keyed on the execution id: the agent''s user is the rep (an unregistered agent is refused, DB061: replay after registering it), the number and the team''s contact, the execution''s created_at as the start, in-progress as the answer, and from call-disconnected on the outcome (a conversation: connected with its seconds rounded up; completed without one: no answer, or busy by the hangup reason; no-answer, busy; the rest failed), the end and the recording.';

REVOKE ALL ON FUNCTION dialbridge.bolna_normalize(e dialbridge.webhook_events) FROM PUBLIC;
