CREATE FUNCTION dialbridge.phoneburner_receivers_lock_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select 7308604897168450351::bigint $$;

COMMENT ON FUNCTION dialbridge.phoneburner_receivers_lock_key() IS 'Advisory lock key of the receivers'' barrier (arbitrary constant).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_receivers_lock_key() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_receivers_lock_key() TO service_role;
