CREATE FUNCTION dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  v_id text;
begin
  v_id := coalesce(dialbridge.jsonb_first_id(array[p_payload -> 'event_id']),
                   nullif(pg_catalog.btrim(p_header_event_id), ''),
                   p_event_type || ':' || dialbridge.phoneburner_call_id(p_payload),
                   p_event_type || ':sha256:'
                     || pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(p_payload::text, 'UTF8')), 'hex'));
  if pg_catalog.length(v_id) > 255 then
    v_id := p_event_type || ':sha256:' || pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(v_id, 'UTF8')), 'hex');
  end if;
  return v_id;
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) IS 'The identity of an event (the log''s event_id): payload event_id, else the X-Phoneburner-Event-ID header,
else <event type>:<call id>, else <event type>:sha256:<digest of the canonical payload>. Identities
longer than 255 characters are replaced by their digest so the unique index always accepts them.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text) TO service_role;
