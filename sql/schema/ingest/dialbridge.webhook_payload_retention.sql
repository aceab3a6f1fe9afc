CREATE FUNCTION dialbridge.webhook_payload_retention() RETURNS interval
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(pg_catalog.current_setting('dialbridge.webhook_payload_retention', true), '')::interval, interval '90 days')
$$;

COMMENT ON FUNCTION dialbridge.webhook_payload_retention() IS 'How long processed webhook payloads are kept whole: setting dialbridge.webhook_payload_retention (alter database … set), default 90 days.';

REVOKE ALL ON FUNCTION dialbridge.webhook_payload_retention() FROM PUBLIC;
