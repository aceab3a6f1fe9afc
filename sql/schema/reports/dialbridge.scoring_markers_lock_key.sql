CREATE FUNCTION dialbridge.scoring_markers_lock_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select 7308604897168450352::bigint $$;

COMMENT ON FUNCTION dialbridge.scoring_markers_lock_key() IS 'Advisory lock key of the scoring markers'' barrier (arbitrary constant).';

REVOKE ALL ON FUNCTION dialbridge.scoring_markers_lock_key() FROM PUBLIC;
