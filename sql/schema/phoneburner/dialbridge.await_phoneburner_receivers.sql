CREATE FUNCTION dialbridge.await_phoneburner_receivers() RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select dialbridge.await_webhook_receivers('phoneburner') $$;

COMMENT ON FUNCTION dialbridge.await_phoneburner_receivers() IS 'dialbridge.await_webhook_receivers for PhoneBurner.';

REVOKE ALL ON FUNCTION dialbridge.await_phoneburner_receivers() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.await_phoneburner_receivers() TO service_role;
