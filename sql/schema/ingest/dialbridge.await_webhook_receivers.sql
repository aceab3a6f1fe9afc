CREATE FUNCTION dialbridge.await_webhook_receivers(p_provider text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.webhook_receivers_lock_key(p_provider));
  perform pg_catalog.pg_advisory_unlock(dialbridge.webhook_receivers_lock_key(p_provider));
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.webhook_receivers_lock_key(p_provider));
  raise;
end
$$;

COMMENT ON FUNCTION dialbridge.await_webhook_receivers(p_provider text) IS 'The barrier the batch processor calls before it claims a provider''s events: returns once every receiver
that counted on an already queued job has committed. Holds nothing afterwards (session lock taken and
released at once, released on error too).';

REVOKE ALL ON FUNCTION dialbridge.await_webhook_receivers(p_provider text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.await_webhook_receivers(p_provider text) TO service_role;
