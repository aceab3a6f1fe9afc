CREATE FUNCTION dialbridge.rebuild_rollups() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  r text;
begin
  lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
             dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  foreach r in array array['rep_daily_stats', 'session_stats', 'session_contact_stats', 'segment_daily_stats'] loop
    perform dialbridge.rebuild_rollup(r, 'select * from dialbridge.rollup_contributions_from_rows');
  end loop;
  perform dialbridge.reclassify_totals();
end
$$;

COMMENT ON FUNCTION dialbridge.rebuild_rollups() IS 'Rebuilds every roll-up from the raw rows (dialbridge.rollup_contributions_from_rows; the totals from the
per-disposition roll-ups). Takes EXCLUSIVE locks on the roll-up tables (reads go on; writers — the
triggers — wait), in the same order the triggers lock them.';

REVOKE ALL ON FUNCTION dialbridge.rebuild_rollups() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.rebuild_rollups() TO service_role;
