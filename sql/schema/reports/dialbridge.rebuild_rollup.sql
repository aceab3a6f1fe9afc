CREATE FUNCTION dialbridge.rebuild_rollup(p_rollup text, p_source text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_columns text;
begin
  select pg_catalog.string_agg(pg_catalog.quote_ident(c.col), ', ' order by (not c.is_key), c.ord) into v_columns
    from dialbridge.rollup_columns(p_rollup) c;
  execute pg_catalog.format('delete from dialbridge.%I', p_rollup);
  execute pg_catalog.format('insert into dialbridge.%I (%s) %s', p_rollup, v_columns, dialbridge.rollup_select_sql(p_rollup, p_source));
end
$$;

COMMENT ON FUNCTION dialbridge.rebuild_rollup(p_rollup text, p_source text) IS 'Replaces a roll-up''s rows with what a source of contributions (SQL text) adds up to. The caller holds the roll-up locks.';

REVOKE ALL ON FUNCTION dialbridge.rebuild_rollup(p_rollup text, p_source text) FROM PUBLIC;
