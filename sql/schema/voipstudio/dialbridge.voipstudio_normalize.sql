CREATE FUNCTION dialbridge.voipstudio_normalize(e dialbridge.webhook_events) RETURNS dialbridge.call_events
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  r dialbridge.call_events;
  p jsonb := e.payload;
  v_log public.call_logs;
  v_final boolean := coalesce(dialbridge.jsonb_flag(e.payload -> 'final'), false);
  v_state text := pg_catalog.upper(coalesce(e.payload ->> 'state', ''));
  v_duration integer := dialbridge.jsonb_seconds(e.payload -> 'duration');
  v_direction text;
  -- a contact-first (predictive) call: the called party's leg says who answered (answering-machine detection)
  v_answered_by text := pg_catalog.lower(nullif(e.payload ->> 'answered_by', ''));
  v_machine boolean := v_final and pg_catalog.lower(coalesce(e.payload ->> 'answered_by', '')) = 'machine';
begin
  if e.event_type = 'call.dtmf' then
    r.kind := 'ignored';
    return r;
  end if;
  if e.event_type not in ('call.ringing', 'call.connected', 'call.ended', 'call.missed', 'disposition.set') then
    raise exception 'VoIPStudio: % is not an event the platform projects', e.event_type using errcode = 'DB060';
  end if;
  r.kind := 'call';
  r.call_id := coalesce(nullif(p ->> 'root_call_id', ''), nullif(p ->> 'call_id', ''),
                        case when p ? 'call_log_id' then 'log-' || (p ->> 'call_log_id') end);
  if r.call_id is null then
    raise exception 'VoIPStudio % event names no call', e.event_type using errcode = 'DB061';
  end if;
  r.event_at := coalesce(dialbridge.voipstudio_time(p -> 'event_time'), e.received_at);
  if r.call_id like 'log-%' then
    select * into v_log from public.call_logs l where l.id::text = pg_catalog.substr(r.call_id, 5);
  else
    select * into v_log from public.call_logs l where l.provider = 'voipstudio' and l.call_id = r.call_id;
  end if;
  r.sourceco_contact_id := coalesce(v_log.contact_id::text, p ->> 'contact_id');
  r.user_email := coalesce(p ->> 'user_email',
                           (select pr.email from public.profiles pr where pr.id = v_log.user_id),
                           (select pr.email from public.voipstudio_credentials vc join public.profiles pr on pr.id = vc.user_id
                             where vc.voipstudio_user_id = p ->> 'user_id'));
  r.provider_user_id := p ->> 'user_id';
  r.provider_session_id := coalesce(v_log.campaign_id::text, p ->> 'campaign_id');

  if e.event_type = 'disposition.set' then
    if nullif(pg_catalog.btrim(p ->> 'disposition'), '') is null then
      raise exception 'VoIPStudio disposition event without a disposition' using errcode = 'DB061';
    end if;
    r.disposition_label := p ->> 'disposition';
    r.disposition_notes := p ->> 'notes';
    r.disposition_at := r.event_at;
    r.callback_at := dialbridge.voipstudio_time(p -> 'follow_up_date');
    r.phone_e164 := coalesce(dialbridge.phone_e164_candidates(v_log.to_number), '{}');
    return r;
  end if;

  -- a call leg
  v_direction := coalesce(nullif(pg_catalog.lower(p ->> 'direction'), ''), v_log.direction, 'outbound');
  r.phone_e164 := case when v_direction = 'inbound' then dialbridge.phone_e164_candidates(p ->> 'src')
                       else dialbridge.phone_e164_candidates(p ->> 'dst') end
                  || coalesce(dialbridge.phone_e164_candidates(v_log.to_number), '{}');
  r.started_at := dialbridge.voipstudio_time(p -> 'start_time');
  if v_final then
    r.connected_at := coalesce(dialbridge.voipstudio_time(p -> 'connected_at'),
                               case when e.event_type = 'call.connected' then r.event_at end);
    if e.event_type in ('call.ended', 'call.missed') then
      r.ended_at := r.event_at;
      r.total_seconds := v_duration;
      r.outcome := case
        when e.event_type = 'call.missed' then 'no_answer'
        when v_state ~ 'BUSY' then 'busy'
        when v_state ~ 'FAIL|CONGEST|UNAVAIL|ERROR' then 'failed'
        when v_state ~ 'REJECT|DECLIN' then 'rejected'
        when v_machine then 'voicemail'
        when r.connected_at is not null or v_state ~ 'ANSWER|CONNECT|UP' then 'connected'
        else 'no_answer' end;
      if r.outcome = 'connected' then
        -- VoIPStudio's duration of the answered final leg is its talk time
        r.talk_seconds := v_duration;
      end if;
    end if;
  end if;
  if v_machine then
    r.answered_by := 'voicemail';
  end if;
  r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'voipstudio_direction', v_direction,
    'voipstudio_state', nullif(v_state, ''),
    'voipstudio_src', p ->> 'src',
    'voipstudio_dst', p ->> 'dst',
    'voipstudio_answered_by', case when v_final and v_answered_by in ('human', 'machine') then v_answered_by end,
    -- the rep a contact-first call was bridged to: the agent's leg (not final) names them and when they connected
    'voipstudio_agent_user_id', case when not v_final and e.event_type = 'call.connected' then nullif(p ->> 'user_id', '') end,
    'voipstudio_agent_connected_at', case when not v_final and e.event_type = 'call.connected' and nullif(p ->> 'user_id', '') is not null
                                          then coalesce(dialbridge.voipstudio_time(p -> 'connected_at'), r.event_at) end));
  return r;
end
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_normalize(e dialbridge.webhook_events) IS 'One stored VoIPStudio event as the shared call record (dialbridge.call_events), keyed on the root call id: any leg''s start time; the final leg (final: true, the called party''s) gives the answer time, and its call.ended / call.missed the end, duration (the talk time of an answered call) and outcome (missed → no_answer; state BUSY → busy, FAILED/CONGESTION → failed, REJECTED → rejected; answered → connected; else no_answer). The contact and rep come from the call log of that call (else the number, else the VoIPStudio user). A disposition.set event (written by public.call_dispositions) carries the disposition, notes and follow-up. call.dtmf is stored and ignored; other types are skipped (DB060). Contact-first (predictive) calls: the final leg''s answered_by (human | machine: a machine''s answer is a voicemail outcome) and the agent''s leg (not final, naming user_id, connected) are kept in extra for dialbridge.voipstudio_sync_call_logs.';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_normalize(e dialbridge.webhook_events) FROM PUBLIC;
