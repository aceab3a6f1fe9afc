CREATE FUNCTION dialbridge.analytics_bound(p_value text, p_time_zone text, p_end boolean) RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $_$
  select case when nullif(pg_catalog.btrim(p_value), '') is null then null
              when pg_catalog.btrim(p_value) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                then ((pg_catalog.btrim(p_value)::date + case when p_end then 1 else 0 end)::timestamp at time zone p_time_zone)
              else pg_catalog.btrim(p_value)::timestamptz end
$_$;

COMMENT ON FUNCTION dialbridge.analytics_bound(p_value text, p_time_zone text, p_end boolean) IS 'An analytics date bound: "2025-01-31" is that whole day in the zone (an end bound: up to the next midnight, excluded); an ISO time is that moment.';

REVOKE ALL ON FUNCTION dialbridge.analytics_bound(p_value text, p_time_zone text, p_end boolean) FROM PUBLIC;
