CREATE FUNCTION dialbridge.phoneburner_idless_call_key(p_log_id bigint) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  f dialbridge.phoneburner_call_events;
  v_key text;
begin
  select * into f from dialbridge.phoneburner_call_events e where e.log_id = p_log_id;
  if not found or f.kind not in ('call', 'callback') then
    return null;
  end if;
  if f.call_id is not null then
    return 'phoneburner:call:' || f.call_id;
  end if;
  if f.subject is null then
    return 'phoneburner:call:idless:' || f.event_id;
  end if;
  if f.is_start then
    return dialbridge.phoneburner_idless_start_key(f.subject, f.event_at, f.event_id);
  end if;

  select dialbridge.phoneburner_idless_start_key(s.subject, s.event_at, s.event_id) into v_key
    from dialbridge.phoneburner_call_events s
   where s.subject = f.subject and s.call_id is null and s.is_start
     and s.event_at <= f.event_at and s.event_at >= f.event_at - interval '12 hours'
   order by s.event_at desc, s.event_id desc
   limit 1;
  if v_key is not null then
    return v_key;
  end if;

  select 'phoneburner:call:' || g.call_id into v_key
    from dialbridge.phoneburner_call_events g
   where g.subject = f.subject and g.call_id is not null and g.kind in ('call', 'callback')
     and g.event_at between f.event_at - interval '2 hours' and f.event_at + interval '2 hours'
   order by pg_catalog.abs(extract(epoch from g.event_at - f.event_at)), g.event_at, g.event_id
   limit 1;
  if v_key is not null then
    return v_key;
  end if;

  select 'phoneburner:call:idless:' || e.event_id into v_key
    from dialbridge.phoneburner_call_events e
   where e.subject = f.subject and e.call_id is null and not e.is_start and e.kind in ('call', 'callback')
     and e.event_at between f.event_at - interval '2 hours' and f.event_at
   order by e.event_at, e.event_id
   limit 1;
  return coalesce(v_key, 'phoneburner:call:idless:' || f.event_id);
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_idless_call_key(p_log_id bigint) IS 'The call key of a stored event (for events with a call id: phoneburner:call:<id>).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_idless_call_key(p_log_id bigint) FROM PUBLIC;
