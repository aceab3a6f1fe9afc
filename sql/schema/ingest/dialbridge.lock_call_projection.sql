CREATE FUNCTION dialbridge.lock_call_projection() RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select pg_catalog.pg_advisory_xact_lock(7308604897168450146) $$;

COMMENT ON FUNCTION dialbridge.lock_call_projection() IS 'Takes the transaction-level lock that lets one batch at a time (of any provider) store facts and project
calls: per-contact and per-session counters are hot rows concurrent batches would only queue on, and one
writer keeps the projection free of deadlocks. Claiming and normalising happen before it, concurrently.';

REVOKE ALL ON FUNCTION dialbridge.lock_call_projection() FROM PUBLIC;
