CREATE FUNCTION dialbridge.recompute_rollups(p_repair boolean DEFAULT true) RETURNS TABLE(rollup text, differences bigint)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_total bigint := 0;
  v_columns text;
  r text;
begin
  if p_repair then
    lock table dialbridge.rep_daily_stats, dialbridge.rep_day_totals, dialbridge.session_stats,
               dialbridge.session_contact_stats, dialbridge.session_totals, dialbridge.segment_daily_stats in exclusive mode;
  end if;
  for r in select * from dialbridge.rollups() loop
    select pg_catalog.string_agg('s.' || pg_catalog.quote_ident(c.col), ', ' order by (not c.is_key), c.ord) into v_columns
      from dialbridge.rollup_columns(r) c;
    execute pg_catalog.format($q$
      with e as materialized (%1$s),
           t as materialized (select %2$s from dialbridge.%3$I s)
      select count(*) from ((select * from t except all select * from e)
                            union all
                            (select * from e except all select * from t)) x$q$,
      dialbridge.rollup_select_sql(r, 'select * from dialbridge.rollup_contributions_from_rows'), v_columns, r)
      into differences;
    rollup := r;
    v_total := v_total + differences;
    return next;
  end loop;
  if p_repair and v_total > 0 then
    perform dialbridge.rebuild_rollups();
  end if;
end
$_$;

COMMENT ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) IS 'Compares every roll-up with a recompute from the raw rows (dialbridge.rollup_contributions_from_rows):
one row per roll-up with the number of differing rows (a missing or extra row counts once, a changed row
twice). With p_repair, takes the roll-up locks first (so the comparison is exact under concurrent writes)
and rebuilds them all when any difference is found. Without it, each comparison is one statement,
consistent with itself.';

REVOKE ALL ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_rollups(p_repair boolean) TO service_role;
