CREATE FUNCTION dialbridge.callable_from(p_zones text[], p_state text, p_active_hours jsonb, p_campaign_time_zone text, p_at timestamp with time zone) RETURNS timestamp with time zone
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  with zones as (
    select z.tz from pg_catalog.unnest(case when coalesce(pg_catalog.cardinality(p_zones), 0) = 0
                                           then array[coalesce(p_campaign_time_zone, 'America/New_York')] else p_zones end) z(tz)
  ), starts as (
    -- every window opening of the next days, in every zone: the legal start and the campaign's start
    select ((((p_at at time zone z.tz)::date + d) + s.t) at time zone z.tz) as t
      from zones z
      cross join pg_catalog.generate_series(0, 8) d
      cross join lateral (
        (select r.start_local as t from public.calling_window_rules r
          where r.region in ('US-' || p_state, 'default') order by r.region = 'default' limit 1)
        union all
        select (p_active_hours ->> 'start')::time where p_active_hours ? 'start') s
  )
  select min(c.t)
    from (select p_at as t union all select s.t from starts s where s.t > p_at) c
   where dialbridge.is_callable_at(p_zones, p_state, p_active_hours, p_campaign_time_zone, c.t)
$$;

COMMENT ON FUNCTION dialbridge.callable_from(p_zones text[], p_state text, p_active_hours jsonb, p_campaign_time_zone text, p_at timestamp with time zone) IS 'The earliest moment, from p_at within 8 days, when dialbridge.is_callable_at allows the call (p_at when allowed now; null when never in that time): the "outside hours until HH:MM" of the dialing queue.';

REVOKE ALL ON FUNCTION dialbridge.callable_from(p_zones text[], p_state text, p_active_hours jsonb, p_campaign_time_zone text, p_at timestamp with time zone) FROM PUBLIC;
