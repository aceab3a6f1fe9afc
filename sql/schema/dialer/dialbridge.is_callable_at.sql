CREATE FUNCTION dialbridge.is_callable_at(p_zones text[], p_state text, p_active_hours jsonb, p_campaign_time_zone text, p_at timestamp with time zone) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select not exists (
    select 1
      from pg_catalog.unnest(case when coalesce(pg_catalog.cardinality(p_zones), 0) = 0
                                  then array[coalesce(p_campaign_time_zone, 'America/New_York')] else p_zones end) z(tz)
      cross join lateral (select (p_at at time zone z.tz) as lt) l
      cross join lateral (
        select r.start_local, r.end_local from public.calling_window_rules r
         where r.region in ('US-' || p_state, 'default')
         order by r.region = 'default' limit 1) w
     where not (l.lt::time >= w.start_local and l.lt::time < w.end_local)
        or (p_active_hours ? 'start' and l.lt::time < (p_active_hours ->> 'start')::time)
        or (p_active_hours ? 'end' and l.lt::time >= (p_active_hours ->> 'end')::time)
        or (p_active_hours ? 'days' and not (p_active_hours -> 'days') ? pg_catalog.lower(pg_catalog.to_char(l.lt, 'dy'))))
$$;

COMMENT ON FUNCTION dialbridge.is_callable_at(p_zones text[], p_state text, p_active_hours jsonb, p_campaign_time_zone text, p_at timestamp with time zone) IS 'Whether a call is allowed at a moment: in every candidate zone of the called party (the campaign''s zone when none is known) the local time is inside the legal window of its state (public.calling_window_rules, else the default 08:00–21:00) and inside the campaign''s active hours (start/end local times, optional days), both in the called party''s local time.';

REVOKE ALL ON FUNCTION dialbridge.is_callable_at(p_zones text[], p_state text, p_active_hours jsonb, p_campaign_time_zone text, p_at timestamp with time zone) FROM PUBLIC;
