CREATE FUNCTION dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text) RETURNS dialbridge.phoneburner_call_events
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  p jsonb := p_log.payload;
  t text := p_log.event_type;
  r dialbridge.phoneburner_call_events;
  v_obj jsonb;
  v_rep record;
  v_phone text;
  v_notes text;
  v_zone text;
begin
  r.log_id := p_log.id;
  r.event_id := p_log.event_id;
  r.event_type := t;
  r.extra := '{}'::jsonb;
  r.normalized_at := pg_catalog.now();
  r.is_start := false;
  r.call_id := coalesce(dialbridge.jsonb_scalar_text(p -> 'call_id'), dialbridge.jsonb_scalar_text(p -> 'call' -> 'id'),
                       dialbridge.jsonb_scalar_text(p -> 'callId'), dialbridge.jsonb_scalar_text(p -> 'call' -> 'call_id'));
  r.sourceco_contact_id := dialbridge.phoneburner_sourceco_id(p);
  if r.sourceco_contact_id is null
     and dialbridge.normalize_label(p -> 'contact' ->> 'crm_name') = 'sourceco' then
    r.sourceco_contact_id := dialbridge.jsonb_scalar_text(p -> 'contact' -> 'crm_id');  -- softphone_call_done
  end if;
  r.phoneburner_contact_id := coalesce(
    dialbridge.jsonb_scalar_text(p -> 'contact_id'), dialbridge.jsonb_scalar_text(p -> 'contact' -> 'id'),
    dialbridge.jsonb_scalar_text(p -> 'contact' -> 'user_id'), dialbridge.jsonb_scalar_text(p -> 'contact' -> 'contact_user_id'),
    dialbridge.jsonb_scalar_text(p -> 'contact_user_id'),
    case when t = 'api_contact_displayed' then dialbridge.jsonb_scalar_text(p -> 'user_id') end);
  r.phoneburner_session_id := coalesce(
    dialbridge.jsonb_scalar_text(p -> 'dial_session' -> 'id'), dialbridge.jsonb_scalar_text(p -> 'ds_id'),
    dialbridge.jsonb_scalar_text(p -> 'dial_session_id'), dialbridge.jsonb_scalar_text(p -> 'dialsession_id'),
    dialbridge.jsonb_scalar_text(p -> 'dialsession' -> 'id'));
  r.session_name := dialbridge.jsonb_string(p -> 'dial_session' -> 'name');
  select * into v_rep from dialbridge.phoneburner_event_rep(t, p);
  r.phoneburner_user_id := v_rep.user_id;
  r.user_name := v_rep.user_name;
  r.user_email := v_rep.user_email;
  v_phone := coalesce(dialbridge.jsonb_scalar_text(p -> 'call' -> 'to_number'), dialbridge.jsonb_scalar_text(p -> 'to_number'),
                      dialbridge.jsonb_scalar_text(p -> 'contact' -> 'phone'), dialbridge.jsonb_scalar_text(p -> 'phone'));
  r.phone_e164 := dialbridge.phone_e164_candidates(v_phone);
  -- the contact's other numbers (real api_calldone: contact.phones[{number, type, is_primary}]), after the
  -- dialled one: a callback that carries only phones[] still finds its contact in the pushed session
  if pg_catalog.jsonb_typeof(p -> 'contact' -> 'phones') = 'array' then
    select coalesce(r.phone_e164, '{}') || coalesce(array_agg(distinct c.phone order by c.phone)
                                                      filter (where c.phone <> all (coalesce(r.phone_e164, '{}'))), '{}')
      into r.phone_e164
      from pg_catalog.jsonb_array_elements(p -> 'contact' -> 'phones') x(ph)
      cross join lateral unnest(dialbridge.phone_e164_candidates(
        case when pg_catalog.jsonb_typeof(x.ph) = 'object'
             then coalesce(dialbridge.jsonb_scalar_text(x.ph -> 'number'), dialbridge.jsonb_scalar_text(x.ph -> 'phone'))
             else dialbridge.jsonb_scalar_text(x.ph) end)) as c(phone);
  end if;
  r.event_at := coalesce(
    dialbridge.phoneburner_event_time(p -> 'timestamp', p_zone),
    case when t in ('api_calldone', 'softphone_call_done') then dialbridge.phoneburner_event_time(p -> 'end_time', p_zone) end,
    dialbridge.phoneburner_event_time(p -> 'start_time', p_zone),
    p_log.received_at);

  case t
  when 'call.started' then
    r.kind := 'call';
    r.is_start := true;
    r.started_at := coalesce(dialbridge.phoneburner_event_time(p -> 'call' -> 'started_at', p_zone),
                             dialbridge.phoneburner_event_time(p -> 'started_at', p_zone), r.event_at);
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'direction', coalesce(dialbridge.jsonb_string(p -> 'call' -> 'direction'), dialbridge.jsonb_string(p -> 'direction'))));

  when 'call.connected' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'connection_details') = 'object' then p -> 'connection_details' else p end;
    r.connected_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'connected_at', p_zone),
                               dialbridge.phoneburner_event_time(p -> 'connected_at', p_zone), r.event_at);
    r.ring_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'ring_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'ring_duration_seconds'));
    r.answered_by := dialbridge.phoneburner_answered_by(coalesce(dialbridge.jsonb_string(v_obj -> 'answered_by'),
                                                                 dialbridge.jsonb_string(p -> 'answered_by')));
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'detection_method', dialbridge.jsonb_string(v_obj -> 'detection_method'),
      'answered_by_sent', case when r.answered_by = 'unknown' then coalesce(dialbridge.jsonb_string(v_obj -> 'answered_by'),
                                                                             dialbridge.jsonb_string(p -> 'answered_by')) end));

  when 'call.ended' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'call_summary') = 'object' then p -> 'call_summary' else p end;
    r.ended_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'ended_at', p_zone),
                           dialbridge.phoneburner_event_time(p -> 'ended_at', p_zone), r.event_at);
    r.total_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'total_duration_seconds'),
                                dialbridge.jsonb_seconds(p -> 'total_duration_seconds'),
                                dialbridge.jsonb_seconds(p -> 'call_duration'),
                                dialbridge.jsonb_seconds(p -> 'duration'));
    r.ring_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'ring_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'ring_duration_seconds'));
    r.talk_seconds := coalesce(dialbridge.jsonb_seconds(v_obj -> 'talk_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_duration_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_time_seconds'),
                               dialbridge.jsonb_seconds(p -> 'talk_time'));
    r.outcome := dialbridge.phoneburner_outcome(coalesce(dialbridge.jsonb_string(v_obj -> 'outcome'),
                                                         dialbridge.jsonb_string(p -> 'outcome')));
    if pg_catalog.jsonb_typeof(p -> 'recording') = 'object' then
      if dialbridge.jsonb_flag(p -> 'recording' -> 'available') is distinct from false then
        r.recording_url := dialbridge.jsonb_string(p -> 'recording' -> 'url');
        r.recording_seconds := dialbridge.jsonb_seconds(p -> 'recording' -> 'duration_seconds');
      end if;
    else
      r.recording_url := dialbridge.jsonb_string(p -> 'recording_url');
      r.recording_seconds := coalesce(dialbridge.jsonb_seconds(p -> 'recording_duration'),
                                      dialbridge.jsonb_seconds(p -> 'recording_duration_seconds'));
    end if;
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'outcome_sent', case when r.outcome is null then coalesce(dialbridge.jsonb_string(v_obj -> 'outcome'),
                                                                dialbridge.jsonb_string(p -> 'outcome')) end,
      'disconnect_reason', dialbridge.jsonb_string(v_obj -> 'disconnect_reason'),
      'disconnected_by', dialbridge.jsonb_string(v_obj -> 'disconnected_by'),
      'hold_seconds', dialbridge.jsonb_seconds(v_obj -> 'hold_duration_seconds')));

  when 'disposition.set' then
    r.kind := 'call';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'disposition') = 'object' then p -> 'disposition' else '{}'::jsonb end;
    r.disposition_code := coalesce(dialbridge.jsonb_scalar_text(v_obj -> 'code'), dialbridge.jsonb_scalar_text(p -> 'disposition_code'),
                                   dialbridge.jsonb_scalar_text(p -> 'disposition_id'));
    r.disposition_label := coalesce(dialbridge.jsonb_string(v_obj -> 'label'), dialbridge.jsonb_string(v_obj -> 'name'),
                                    dialbridge.jsonb_string(p -> 'disposition_label'), dialbridge.jsonb_string(p -> 'disposition_name'),
                                    dialbridge.jsonb_string(p -> 'disposition'));
    if r.disposition_code is null and r.disposition_label is null then
      raise exception 'disposition.set carries neither a disposition code nor a label' using errcode = 'DB061';
    end if;
    r.disposition_category := pg_catalog.lower(dialbridge.jsonb_string(v_obj -> 'category'));
    if r.disposition_category not in ('positive', 'neutral', 'negative', 'administrative') then
      r.disposition_category := null;
    end if;
    r.disposition_notes := coalesce(dialbridge.jsonb_string(v_obj -> 'notes'), dialbridge.jsonb_string(p -> 'notes'));
    r.disposition_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'set_at', p_zone), r.event_at);
    r.callback_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'callback_date', p_zone),
                              dialbridge.phoneburner_event_time(p -> 'callback_date', p_zone));
    if r.callback_at is not null then
      r.callback_details := pg_catalog.jsonb_build_object('source', t);
    end if;

  when 'callback.scheduled' then
    r.kind := 'callback';
    v_obj := case when pg_catalog.jsonb_typeof(p -> 'callback') = 'object' then p -> 'callback' else '{}'::jsonb end;
    v_zone := coalesce(dialbridge.jsonb_string(v_obj -> 'timezone'), p_zone);
    r.callback_at := coalesce(dialbridge.phoneburner_event_time(v_obj -> 'scheduled_for', v_zone),
                              dialbridge.phoneburner_event_time(p -> 'callback_date', v_zone),
                              dialbridge.phoneburner_event_time(p -> 'scheduled_for', v_zone));
    if r.callback_at is null then
      raise exception 'callback.scheduled carries no valid callback time' using errcode = 'DB061';
    end if;
    r.callback_notes := coalesce(dialbridge.jsonb_string(v_obj -> 'notes'), dialbridge.jsonb_string(p -> 'callback_notes'),
                                 dialbridge.jsonb_string(p -> 'notes'));
    r.callback_details := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'source', t,
      'timezone', dialbridge.jsonb_string(v_obj -> 'timezone'),
      'reminder_enabled', dialbridge.jsonb_flag(v_obj -> 'reminder_enabled'),
      'reminder_minutes_before', dialbridge.jsonb_seconds(v_obj -> 'reminder_minutes_before'),
      'auto_dial', dialbridge.jsonb_flag(v_obj -> 'auto_dial')));

  when 'contact.updated' then
    r.kind := 'contact_update';
    if pg_catalog.jsonb_typeof(p -> 'changes') is distinct from 'object' or p -> 'changes' = '{}'::jsonb then
      raise exception 'contact.updated carries no changes object' using errcode = 'DB061';
    end if;
    r.changes := p -> 'changes';
    r.updated_by := case
      when pg_catalog.jsonb_typeof(p -> 'updated_by') = 'object' then pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'user_id', coalesce(dialbridge.jsonb_scalar_text(p -> 'updated_by' -> 'user_id'),
                            dialbridge.jsonb_scalar_text(p -> 'updated_by' -> 'id')),
        'name', dialbridge.jsonb_string(p -> 'updated_by' -> 'name'),
        'email', dialbridge.jsonb_string(p -> 'updated_by' -> 'email')))
      when dialbridge.jsonb_scalar_text(p -> 'updated_by') is not null then
        pg_catalog.jsonb_build_object('user_id', dialbridge.jsonb_scalar_text(p -> 'updated_by'))
    end;
    r.phone_e164 := '{}';

  when 'api_callbegin' then
    r.kind := 'call';
    r.is_start := true;
    r.started_at := coalesce(dialbridge.phoneburner_event_time(p -> 'start_time', p_zone), r.event_at);
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('direction', dialbridge.jsonb_string(p -> 'direction')));

  when 'api_calldone', 'softphone_call_done' then
    r.kind := 'call';
    r.started_at := dialbridge.phoneburner_event_time(p -> 'start_time', p_zone);
    r.ended_at := dialbridge.phoneburner_event_time(p -> 'end_time', p_zone);
    r.total_seconds := dialbridge.jsonb_seconds(p -> 'duration');
    r.connected := dialbridge.jsonb_flag(p -> 'connected');
    r.disposition_label := coalesce(dialbridge.jsonb_string(p -> 'status'), dialbridge.jsonb_string(p -> 'disposition'));
    r.disposition_code := dialbridge.jsonb_scalar_text(p -> 'disposition_code');
    if pg_catalog.jsonb_typeof(p -> 'call_notes') = 'array' then
      select nullif(pg_catalog.string_agg(pg_catalog.btrim(n #>> '{}'), E'\n' order by o), '') into v_notes
        from pg_catalog.jsonb_array_elements(p -> 'call_notes') with ordinality as x(n, o)
       where pg_catalog.jsonb_typeof(n) = 'string' and pg_catalog.btrim(n #>> '{}') <> '';
    else
      v_notes := dialbridge.jsonb_string(p -> 'call_notes');
    end if;
    r.disposition_notes := v_notes;
    if r.disposition_label is not null or r.disposition_code is not null then
      r.disposition_at := coalesce(r.ended_at, r.event_at);
    end if;
    r.recording_url := coalesce(dialbridge.jsonb_string(p -> 'recording_url'), dialbridge.jsonb_string(p -> 'recording_link'),
                                dialbridge.jsonb_string(p -> 'recording_url_public'), dialbridge.jsonb_string(p -> 'recording_link_public'));
    r.callback_at := dialbridge.phoneburner_event_time(p -> 'follow_up', p_zone);
    if r.callback_at is not null then
      r.callback_details := pg_catalog.jsonb_build_object('source', t || '.follow_up');
    end if;
    r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'direction', dialbridge.jsonb_string(p -> 'direction'),
      'status_sent', dialbridge.jsonb_string(p -> 'status'),
      'recording_url_public', coalesce(dialbridge.jsonb_string(p -> 'recording_url_public'),
                                       dialbridge.jsonb_string(p -> 'recording_link_public'))));

  when 'api_contact_displayed' then
    r.kind := 'contact_displayed';

  else
    raise exception 'event type % is not projected', pg_catalog.left(t, 100) using errcode = 'DB060';
  end case;

  -- what SourceCo's screens show of a call, whichever event carries it: the transcript an intermediary
  -- wrapped around the event ({body, Transcript, status}), PhoneBurner's contact notes and e-mail
  if r.kind = 'call' then
    r.extra := coalesce(r.extra, '{}'::jsonb) || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'transcript', coalesce(dialbridge.jsonb_string(p_log.envelope -> 'Transcript'), dialbridge.jsonb_string(p_log.envelope -> 'transcript'),
                             dialbridge.jsonb_string(p -> 'transcript')),
      'contact_notes', dialbridge.jsonb_string(p -> 'contact' -> 'notes'),
      'contact_email', pg_catalog.lower(coalesce(dialbridge.jsonb_string(p -> 'contact' -> 'primary_email'),
                                                 dialbridge.jsonb_string(p -> 'contact' -> 'email'),
                                                 dialbridge.jsonb_string(p -> 'contact' -> 'emails' -> 0),
                                                 dialbridge.jsonb_string(p -> 'contact_email')))));
  end if;

  r.subject := case
    when r.kind not in ('call', 'callback') then null
    when r.phoneburner_contact_id is not null then 'pb:' || r.phoneburner_contact_id
    when r.sourceco_contact_id is not null then 'sc:' || r.sourceco_contact_id
    when pg_catalog.cardinality(r.phone_e164) > 0 then 'tel:' || r.phone_e164[1]
  end;
  r.call_key := case
    when r.kind not in ('call', 'callback') then null
    when r.call_id is not null then 'phoneburner:call:' || r.call_id
    when r.subject is null then 'phoneburner:call:idless:' || r.event_id
    else 'phoneburner:call:idless:' || r.event_id  -- provisional: dialbridge.phoneburner_idless_call_key decides
  end;
  return r;
end
$$;

COMMENT ON FUNCTION dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text) IS 'Reads one logged event into its normalised facts (the row is not stored here). Lenient on fields (a
malformed time or duration is left out), strict on what the event is for: an unknown event type raises
DB060 (the log row is marked skipped), an event that cannot mean anything raises DB061 (failed at
once: retrying cannot help; `npm run replay` after a fix). Messages never quote payload values. Keeps
what SourceCo''s screens show: PhoneBurner''s status text, recording_url / recording_link (and their public
forms), the contact''s numbers (contact.phones[]), notes and e-mail, and the Transcript an intermediary
wrapped around the event.';

REVOKE ALL ON FUNCTION dialbridge.normalize_phoneburner_event(p_log public.phoneburner_webhooks_log, p_zone text) FROM PUBLIC;
