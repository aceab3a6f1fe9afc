CREATE FUNCTION dialbridge.bolna_credits_per_minute() RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$ select 1 $$;

COMMENT ON FUNCTION dialbridge.bolna_credits_per_minute() IS 'Credits a voice-agent call costs per started minute (seed 004: 1).';

REVOKE ALL ON FUNCTION dialbridge.bolna_credits_per_minute() FROM PUBLIC;
