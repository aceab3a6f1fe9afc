CREATE FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ select ('x' operator(pg_catalog.||) pg_catalog.left(pg_catalog.md5('dialbridge receivers ' operator(pg_catalog.||) p_provider), 16))::bit(64)::bigint $$;

COMMENT ON FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) IS 'Advisory lock key of a provider''s receivers'' barrier (derived from the provider''s name).';

REVOKE ALL ON FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.webhook_receivers_lock_key(p_provider text) TO service_role;
