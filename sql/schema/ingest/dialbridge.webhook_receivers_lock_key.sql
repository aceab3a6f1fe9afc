CREATE FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select ('x' || pg_catalog.left(pg_catalog.md5('dialbridge receivers ' || p_provider), 16))::bit(64)::bigint $$;

COMMENT ON FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) IS 'Advisory lock key of a provider''s receivers'' barrier (derived from the provider''s name).';

REVOKE ALL ON FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) TO service_role;
