CREATE FUNCTION dialbridge.rollups() RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select x from unnest(array['rep_daily_stats', 'rep_day_totals', 'session_stats', 'session_contact_stats',
                             'session_totals', 'segment_daily_stats']) with ordinality as u(x, n) order by n
$$;

COMMENT ON FUNCTION dialbridge.rollups() IS 'The roll-up tables (schema dialbridge), in the order every writer locks them.';

REVOKE ALL ON FUNCTION dialbridge.rollups() FROM PUBLIC;
