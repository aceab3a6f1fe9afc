CREATE FUNCTION dialbridge.await_scoring_markers() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_catalog.pg_advisory_lock(dialbridge.scoring_markers_lock_key());
  perform pg_catalog.pg_advisory_unlock(dialbridge.scoring_markers_lock_key());
exception when query_canceled or others then
  perform pg_catalog.pg_advisory_unlock(dialbridge.scoring_markers_lock_key());
  raise;
end
$$;

COMMENT ON FUNCTION dialbridge.await_scoring_markers() IS 'The barrier the scoring job calls before it claims marks: returns once every marker that counted on an
already queued job has committed. Holds nothing afterwards.';

REVOKE ALL ON FUNCTION dialbridge.await_scoring_markers() FROM PUBLIC;
