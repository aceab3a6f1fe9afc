CREATE FUNCTION dialbridge.recompute_dialer_call_stats() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer;
begin
  lock table dialbridge.dialer_call_stats in share row exclusive mode;
  -- a key none of whose call logs remain holds only zeros (every measure is a sum over its calls)
  create temporary table dialer_call_stats_expected on commit drop as select * from dialbridge.dialer_call_stats_from_rows();
  select count(*) into v_n
    from ((select * from pg_temp.dialer_call_stats_expected
           except select * from dialbridge.dialer_call_stats where calls <> 0)
          union all
          (select * from dialbridge.dialer_call_stats where calls <> 0
           except select * from pg_temp.dialer_call_stats_expected)) x;
  if v_n > 0 then
    delete from dialbridge.dialer_call_stats;
    insert into dialbridge.dialer_call_stats select * from pg_temp.dialer_call_stats_expected;
  end if;
  drop table pg_temp.dialer_call_stats_expected;
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.recompute_dialer_call_stats() IS 'Reconciliation: compares dialbridge.dialer_call_stats with the call logs (dialbridge.dialer_call_stats_from_rows) and rebuilds it when they differ; returns the number of differing keys (0: the trigger kept it right).';

REVOKE ALL ON FUNCTION dialbridge.recompute_dialer_call_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_dialer_call_stats() TO service_role;
