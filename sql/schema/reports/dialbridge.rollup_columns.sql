CREATE FUNCTION dialbridge.rollup_columns(p_rollup text) RETURNS TABLE(col text, sql_type text, is_key boolean, ord integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnum = any (k.conkey), a.attnum::integer
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_constraint k on k.conrelid = a.attrelid and k.conname = p_rollup || '_key'
   where a.attrelid = pg_catalog.to_regclass('dialbridge.' || p_rollup) and a.attnum > 0 and not a.attisdropped
     and a.attname not in ('id', 'updated_at', 'created_at')
   order by a.attnum
$$;

COMMENT ON FUNCTION dialbridge.rollup_columns(p_rollup text) IS 'A roll-up''s columns as its table defines them: the keys (its <table>_key unique constraint) and the measures (every other column but id and updated_at), with their types, in table order.';

REVOKE ALL ON FUNCTION dialbridge.rollup_columns(p_rollup text) FROM PUBLIC;
