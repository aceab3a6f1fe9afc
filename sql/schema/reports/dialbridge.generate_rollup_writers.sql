CREATE FUNCTION dialbridge.generate_rollup_writers() RETURNS SETOF text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  r text;
begin
  for r in select x from dialbridge.rollups() x where x <> 'session_contact_stats' loop
    execute dialbridge.rollup_writer_sql(r);
    return next 'dialbridge.add_to_' || r;
  end loop;
end
$$;

COMMENT ON FUNCTION dialbridge.generate_rollup_writers() IS '(Re)creates every roll-up''s incremental writer, dialbridge.add_to_<roll-up>, from the roll-up rules; run
it in the migration that changes a rule (a measure, a filter, a roll-up table''s columns). Returns the
functions written. session_contact_stats keeps its own writer (the sessions'' reach).';

REVOKE ALL ON FUNCTION dialbridge.generate_rollup_writers() FROM PUBLIC;
