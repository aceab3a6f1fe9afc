CREATE FUNCTION dialbridge.add_to_rollup(p_rollup text, p_rows dialbridge.rollup_contribution[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  v_keys text;
  v_measures text;
  v_set text;
  v_nonzero text;
  v_returning text;
  v_zero_check text;
  v_zero bigint[];
begin
  if coalesce(pg_catalog.cardinality(p_rows), 0) = 0 then
    return;
  end if;
  select pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where c.is_key),
         pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('%1$I = t.%1$I + excluded.%1$I', c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('g.%I <> 0', c.col), ' or ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('t.%I', c.col), ', ' order by c.ord) filter (where not c.is_key),
         pg_catalog.string_agg(pg_catalog.format('up.%I = 0', c.col), ' and ' order by c.ord) filter (where not c.is_key)
    into v_keys, v_measures, v_set, v_nonzero, v_returning, v_zero_check
    from dialbridge.rollup_columns(p_rollup) c;
  execute pg_catalog.format($q$
    with g as (%1$s), up as (
      insert into dialbridge.%2$I as t (%3$s, %4$s)
      select %3$s, %4$s from g where %5$s order by %3$s
      on conflict (%3$s) do update set %6$s, updated_at = now()
      returning t.id, %7$s)
    select coalesce(pg_catalog.array_agg(up.id), '{}') from up where %8$s$q$,
    dialbridge.rollup_select_sql(p_rollup, 'select * from pg_catalog.unnest($1::dialbridge.rollup_contribution[])'),
    p_rollup, v_keys, v_measures, v_nonzero, v_set, v_returning, v_zero_check)
    into v_zero using p_rows;
  if pg_catalog.cardinality(v_zero) > 0 then
    execute pg_catalog.format('delete from dialbridge.%I s where s.id = any ($1)', p_rollup) using v_zero;
  end if;
end
$_$;

COMMENT ON FUNCTION dialbridge.add_to_rollup(p_rollup text, p_rows dialbridge.rollup_contribution[]) IS 'Adds signed contributions to a roll-up: upserts their sums by the roll-up''s key (in key order, so
concurrent writers lock rows in one order) and deletes rows that fell back to all zeros.';

REVOKE ALL ON FUNCTION dialbridge.add_to_rollup(p_rollup text, p_rows dialbridge.rollup_contribution[]) FROM PUBLIC;
