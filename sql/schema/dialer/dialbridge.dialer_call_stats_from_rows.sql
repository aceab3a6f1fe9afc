CREATE FUNCTION dialbridge.dialer_call_stats_from_rows() RETURNS SETOF dialbridge.dialer_call_stats
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select * from dialbridge.dialer_call_stat_rows(array(select l from public.call_logs l), 1)
$$;

COMMENT ON FUNCTION dialbridge.dialer_call_stats_from_rows() IS 'dialbridge.dialer_call_stats computed from all call logs: the reference for the comparison and the recompute.';

REVOKE ALL ON FUNCTION dialbridge.dialer_call_stats_from_rows() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.dialer_call_stats_from_rows() TO service_role;
