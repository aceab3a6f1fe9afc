CREATE FUNCTION dialbridge.voipstudio_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(p_payload ->> 'id', ''), nullif(p_header_event_id, ''),
                  p_event_type || ':' || coalesce(p_payload ->> 'call_id', p_payload ->> 'root_call_id', '') || ':'
                    || coalesce(p_payload ->> 'event_time', p_payload ->> 'state', ''))
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) IS 'VoIPStudio event identity: its id, else the delivery''s header id, else event name, leg id and event time (a leg''s event delivered twice is stored once).';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) FROM PUBLIC;
