CREATE FUNCTION dialbridge.bolna_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(p_payload ->> 'id', ''), nullif(p_header_event_id, ''), 'no-id') || ':' || p_event_type
$$;

COMMENT ON FUNCTION dialbridge.bolna_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) IS 'Bolna event identity: the execution id and the status (Bolna POSTs the whole execution on every status change: one stored event per execution and status, however often it is delivered).';

REVOKE ALL ON FUNCTION dialbridge.bolna_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) FROM PUBLIC;
