CREATE FUNCTION dialbridge.await_phoneburner_receivers() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.phoneburner_receivers_lock_key());
  perform pg_catalog.pg_advisory_unlock(dialbridge.phoneburner_receivers_lock_key());
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.phoneburner_receivers_lock_key());
  raise;
end
$$;

COMMENT ON FUNCTION dialbridge.await_phoneburner_receivers() IS 'The barrier the batch processor calls before it claims events: returns once every receiver that
counted on an already queued job has committed. Holds nothing afterwards (session lock taken and
released at once, released on error too).';

REVOKE ALL ON FUNCTION dialbridge.await_phoneburner_receivers() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.await_phoneburner_receivers() TO service_role;
