CREATE FUNCTION dialbridge.recompute_dialer_pacing_daily() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer;
begin
  lock table dialbridge.dialer_pacing_daily in share row exclusive mode;
  create temporary table dialer_pacing_expected on commit drop as
  select * from dialbridge.dialer_pacing_rows(array(select l from public.call_logs l), 1) r
   where exists (select 1 from public.dialer_campaigns c where c.id = r.campaign_id);
  select count(*) into v_n from (
    (select * from pg_temp.dialer_pacing_expected except select * from dialbridge.dialer_pacing_daily
      where dialled <> 0 or live_answers <> 0 or machine_answers <> 0 or abandoned <> 0 or ring_seconds <> 0 or talk_seconds <> 0 or connected <> 0)
    union all
    (select * from dialbridge.dialer_pacing_daily
      where dialled <> 0 or live_answers <> 0 or machine_answers <> 0 or abandoned <> 0 or ring_seconds <> 0 or talk_seconds <> 0 or connected <> 0
     except select * from pg_temp.dialer_pacing_expected)) x;
  if v_n > 0 then
    delete from dialbridge.dialer_pacing_daily;
    insert into dialbridge.dialer_pacing_daily select * from pg_temp.dialer_pacing_expected;
  end if;
  drop table pg_temp.dialer_pacing_expected;
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.recompute_dialer_pacing_daily() IS 'Reconciliation: compares dialbridge.dialer_pacing_daily with the call logs and rebuilds it when they differ; returns the number of differing keys (0: the trigger kept it right).';

REVOKE ALL ON FUNCTION dialbridge.recompute_dialer_pacing_daily() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_dialer_pacing_daily() TO service_role;
