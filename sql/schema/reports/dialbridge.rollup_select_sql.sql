CREATE FUNCTION dialbridge.rollup_select_sql(p_rollup text, p_source text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_keys text;
  v_sums text;
begin
  select pg_catalog.string_agg('s.' || pg_catalog.quote_ident(c.col), ', ' order by c.ord) filter (where c.is_key),
         pg_catalog.string_agg(dialbridge.rollup_measure_sum(c.col) || '::' || c.sql_type || ' as ' || pg_catalog.quote_ident(c.col),
                               ', ' order by c.ord) filter (where not c.is_key)
    into v_keys, v_sums
    from dialbridge.rollup_columns(p_rollup) c;
  if v_keys is null or dialbridge.rollup_filter(p_rollup) is null then
    raise exception 'not a roll-up: %', p_rollup;
  end if;
  return pg_catalog.format('select %s, %s from (%s) s where %s group by %s',
    v_keys, v_sums, p_source, dialbridge.rollup_filter(p_rollup), v_keys);
end
$$;

COMMENT ON FUNCTION dialbridge.rollup_select_sql(p_rollup text, p_source text) IS 'The grouped select of a roll-up (its keys and measures, typed as its table) from any source of
dialbridge.rollup_contribution rows (SQL text): the one place a roll-up''s rows are computed, for the
incremental writers, the recompute and the rebuild alike.';

REVOKE ALL ON FUNCTION dialbridge.rollup_select_sql(p_rollup text, p_source text) FROM PUBLIC;
