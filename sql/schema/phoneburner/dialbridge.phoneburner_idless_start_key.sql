CREATE FUNCTION dialbridge.phoneburner_idless_start_key(p_subject text, p_at timestamp with time zone, p_event_id text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(
    (select 'phoneburner:call:' || g.call_id
       from dialbridge.phoneburner_call_events g
      where g.subject = p_subject and g.call_id is not null and g.kind in ('call', 'callback')
        and g.event_at >= p_at and g.event_at <= p_at + interval '2 hours'
        and not exists (
          select 1 from dialbridge.phoneburner_call_events s
           where s.subject = p_subject and s.call_id is null and s.is_start
             and (s.event_at, s.event_id) > (p_at, p_event_id) and s.event_at <= g.event_at)
      order by g.event_at, g.event_id
      limit 1),
    'phoneburner:call:idless:' || p_event_id)
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_idless_start_key(p_subject text, p_at timestamp with time zone, p_event_id text) IS 'The call a start event without call id opens or joins (see the rules above).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_idless_start_key(p_subject text, p_at timestamp with time zone, p_event_id text) FROM PUBLIC;
