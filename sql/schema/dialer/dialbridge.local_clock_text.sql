CREATE FUNCTION dialbridge.local_clock_text(p_t timestamp with time zone, p_time_zone text, as_of timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when (p_t at time zone p_time_zone)::date = (as_of at time zone p_time_zone)::date
              then pg_catalog.to_char(p_t at time zone p_time_zone, 'HH24:MI')
              when p_t < as_of + interval '6 days' then pg_catalog.to_char(p_t at time zone p_time_zone, 'Dy HH24:MI')
              else pg_catalog.to_char(p_t at time zone p_time_zone, 'YYYY-MM-DD HH24:MI') end
$$;

COMMENT ON FUNCTION dialbridge.local_clock_text(p_t timestamp with time zone, p_time_zone text, as_of timestamp with time zone) IS 'A moment as a wall clock in a zone, relative to as_of: "09:00" the same local day, "Mon 09:00" within the week, else the date.';

REVOKE ALL ON FUNCTION dialbridge.local_clock_text(p_t timestamp with time zone, p_time_zone text, as_of timestamp with time zone) FROM PUBLIC;
