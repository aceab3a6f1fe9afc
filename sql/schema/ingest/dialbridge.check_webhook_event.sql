CREATE FUNCTION dialbridge.check_webhook_event(p_event_type text, p_payload jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
declare
  v_event_type text := pg_catalog.btrim(p_event_type);
begin
  if v_event_type is null or v_event_type = '' or pg_catalog.length(v_event_type) > 100 then
    raise exception 'event type is missing or longer than 100 characters' using errcode = 'DB020';
  end if;
  if p_payload is null or pg_catalog.jsonb_typeof(p_payload) <> 'object' then
    raise exception 'event payload must be a JSON object' using errcode = 'DB021';
  end if;
  return v_event_type;
end
$$;

COMMENT ON FUNCTION dialbridge.check_webhook_event(p_event_type text, p_payload jsonb) IS 'The event type, trimmed; raises DB020 when it is missing or longer than 100 characters, DB021 unless the payload is a JSON object (the webhook answers 400).';

REVOKE ALL ON FUNCTION dialbridge.check_webhook_event(p_event_type text, p_payload jsonb) FROM PUBLIC;
