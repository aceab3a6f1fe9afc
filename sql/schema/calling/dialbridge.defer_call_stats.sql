CREATE FUNCTION dialbridge.defer_call_stats() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is null then
    create temporary table dialbridge_call_stat_deltas of dialbridge.activity_stat_delta on commit delete rows;
  end if;
  perform pg_catalog.set_config('dialbridge.defer_call_stats', 'on', true);
end
$$;

COMMENT ON FUNCTION dialbridge.defer_call_stats() IS 'Starts buffering call-statistics deltas for the rest of the transaction (see buffer_or_apply_call_stat_deltas).';

REVOKE ALL ON FUNCTION dialbridge.defer_call_stats() FROM PUBLIC;
