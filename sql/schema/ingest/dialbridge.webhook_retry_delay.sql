CREATE FUNCTION dialbridge.webhook_retry_delay(p_attempt integer) RETURNS interval
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select least(pg_catalog.make_interval(secs => 5 * pg_catalog.power(4, greatest(p_attempt, 1) - 1)), interval '1 hour') $$;

COMMENT ON FUNCTION dialbridge.webhook_retry_delay(p_attempt integer) IS 'Backoff before retry n (1-based): 5 s × 4^(n−1), at most an hour.';

REVOKE ALL ON FUNCTION dialbridge.webhook_retry_delay(p_attempt integer) FROM PUBLIC;
