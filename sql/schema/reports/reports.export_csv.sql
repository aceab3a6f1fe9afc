CREATE FUNCTION reports.export_csv(p_report text, p_filters jsonb DEFAULT '{}'::jsonb, p_order_by text DEFAULT NULL::text, p_limit integer DEFAULT 100000) RETURNS reports."text/csv"
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
declare
  v_view oid;
  v_columns text[];
  v_types text[];
  v_is_text boolean[];
  v_where text[] := '{}';
  v_order text[] := '{}';
  v_key text;
  v_value jsonb;
  v_op text;
  v_arg jsonb;
  v_idx integer;
  v_item text;
  v_parts text[];
  v_header text;
  v_line text;
  v_sql text;
  v_body text;
  v_ops constant jsonb := '{"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}';
begin
  select c.oid into v_view
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'reports' and c.relkind = 'v' and c.relname = p_report;
  if v_view is null then
    raise exception 'unknown report: %', coalesce(p_report, '(null)')
      using errcode = 'DB050', hint = 'A view of the reports schema, e.g. rep_performance_daily.';
  end if;

  select pg_catalog.array_agg(a.attname::text order by a.attnum),
         pg_catalog.array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) order by a.attnum),
         pg_catalog.array_agg(t.typcategory = 'S' order by a.attnum)
    into v_columns, v_types, v_is_text
    from pg_catalog.pg_attribute a join pg_catalog.pg_type t on t.oid = a.atttypid
   where a.attrelid = v_view and a.attnum > 0 and not a.attisdropped;

  -- filters
  if p_filters is not null and pg_catalog.jsonb_typeof(p_filters) <> 'object' then
    raise exception 'p_filters must be a JSON object' using errcode = 'DB051';
  end if;
  for v_key, v_value in select f.key, f.value from pg_catalog.jsonb_each(coalesce(p_filters, '{}'::jsonb)) f loop
    v_idx := pg_catalog.array_position(v_columns, v_key);
    if v_idx is null then
      raise exception 'unknown column % in report %', v_key, p_report using errcode = 'DB051';
    end if;
    if pg_catalog.jsonb_typeof(v_value) = 'null' then
      v_where := v_where || pg_catalog.format('%I is null', v_key);
    elsif pg_catalog.jsonb_typeof(v_value) in ('string', 'number', 'boolean') then
      v_where := v_where || pg_catalog.format('%I = %L::%s', v_key, v_value #>> '{}', v_types[v_idx]);
    elsif pg_catalog.jsonb_typeof(v_value) = 'object' then
      for v_op, v_arg in select o.key, o.value from pg_catalog.jsonb_each(v_value) o loop
        if v_ops ? v_op then
          if pg_catalog.jsonb_typeof(v_arg) not in ('string', 'number', 'boolean') then
            raise exception 'filter %.% needs a value', v_key, v_op using errcode = 'DB051';
          end if;
          v_where := v_where || pg_catalog.format('%I %s %L::%s', v_key, v_ops ->> v_op, v_arg #>> '{}', v_types[v_idx]);
        elsif v_op = 'in' then
          if pg_catalog.jsonb_typeof(v_arg) <> 'array' then
            raise exception 'filter %.in needs an array', v_key using errcode = 'DB051';
          end if;
          v_where := v_where || pg_catalog.format('%I = any (%L::%s[])', v_key,
            (select coalesce(pg_catalog.array_agg(e #>> '{}'), '{}') from pg_catalog.jsonb_array_elements(v_arg) e)::text,
            v_types[v_idx]);
        elsif v_op = 'is_null' then
          if pg_catalog.jsonb_typeof(v_arg) <> 'boolean' then
            raise exception 'filter %.is_null needs true or false', v_key using errcode = 'DB051';
          end if;
          v_where := v_where || pg_catalog.format('%I is %s null', v_key, case when (v_arg #>> '{}')::boolean then '' else 'not' end);
        else
          raise exception 'unknown filter operator % (use eq, neq, gt, gte, lt, lte, in, is_null)', v_op using errcode = 'DB051';
        end if;
      end loop;
    else
      raise exception 'filter % must be a value or an object of operators', v_key using errcode = 'DB051';
    end if;
  end loop;

  -- order
  if p_order_by is not null and pg_catalog.btrim(p_order_by) <> '' then
    foreach v_item in array pg_catalog.string_to_array(p_order_by, ',') loop
      v_parts := pg_catalog.regexp_match(pg_catalog.btrim(v_item), '^([a-z_][a-z0-9_]*)(?:\s+(asc|desc))?$', 'i');
      if v_parts is null or pg_catalog.array_position(v_columns, pg_catalog.lower(v_parts[1])) is null then
        raise exception 'cannot order report % by "%"', p_report, pg_catalog.btrim(v_item) using errcode = 'DB051';
      end if;
      v_order := v_order || pg_catalog.format('%I %s nulls last', pg_catalog.lower(v_parts[1]), coalesce(pg_catalog.lower(v_parts[2]), 'asc'));
    end loop;
  end if;

  if p_limit is null or p_limit < 1 or p_limit > 1000000 then
    raise exception 'p_limit must be between 1 and 1000000' using errcode = 'DB051';
  end if;

  select pg_catalog.string_agg(dialbridge.csv_field(c, false), ',' order by i) into v_header
    from pg_catalog.unnest(v_columns) with ordinality as u(c, i);
  select pg_catalog.string_agg(pg_catalog.format('dialbridge.csv_field(v.%I::text, %L)', c, t), $q$ || ',' || $q$ order by i)
    into v_line
    from rows from (pg_catalog.unnest(v_columns), pg_catalog.unnest(v_is_text)) with ordinality as u(c, t, i);

  v_sql := pg_catalog.format(
    'select pg_catalog.string_agg(%s, E''\r\n''%s) from (select * from reports.%I%s%s limit %s) v',
    v_line,
    case when pg_catalog.cardinality(v_order) > 0
         then ' order by ' || pg_catalog.array_to_string((select pg_catalog.array_agg('v.' || o) from pg_catalog.unnest(v_order) o), ', ')
         else '' end,
    p_report,
    case when pg_catalog.cardinality(v_where) > 0 then ' where ' || pg_catalog.array_to_string(v_where, ' and ') else '' end,
    case when pg_catalog.cardinality(v_order) > 0 then ' order by ' || pg_catalog.array_to_string(v_order, ', ') else '' end,
    p_limit);
  execute v_sql into v_body;
  return v_header || E'\r\n' || coalesce(v_body || E'\r\n', '');
end
$_$;

COMMENT ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) IS 'Any reports view as CSV, filtered, ordered and limited, under the caller''s row-level security. RPC: rpc/export_csv with Accept: text/csv.';

REVOKE ALL ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) TO authenticated;
GRANT ALL ON FUNCTION reports.export_csv(p_report text, p_filters jsonb, p_order_by text, p_limit integer) TO service_role;
