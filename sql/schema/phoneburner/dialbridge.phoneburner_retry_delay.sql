CREATE FUNCTION dialbridge.phoneburner_retry_delay(p_attempt integer) RETURNS interval
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select dialbridge.webhook_retry_delay(p_attempt) $$;

COMMENT ON FUNCTION dialbridge.phoneburner_retry_delay(p_attempt integer) IS 'dialbridge.webhook_retry_delay (5 s × 4^(n−1), at most an hour).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_retry_delay(p_attempt integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_retry_delay(p_attempt integer) TO service_role;
