CREATE FUNCTION dialbridge.phoneburner_receivers_lock_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select dialbridge.webhook_receivers_lock_key('phoneburner') $$;

COMMENT ON FUNCTION dialbridge.phoneburner_receivers_lock_key() IS 'Advisory lock key of PhoneBurner''s receivers'' barrier (dialbridge.webhook_receivers_lock_key).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_receivers_lock_key() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_receivers_lock_key() TO service_role;
