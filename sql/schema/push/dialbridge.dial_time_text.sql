CREATE FUNCTION dialbridge.dial_time_text(p_minutes numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case when p_minutes is null or p_minutes <= 0 then 'none'
              when p_minutes < 60 then '~' || pg_catalog.ceil(p_minutes)::integer || ' minutes'
              else '~' || pg_catalog.round(p_minutes / 60, 1) || ' hours' end
$$;

COMMENT ON FUNCTION dialbridge.dial_time_text(p_minutes numeric) IS '"~45 minutes", "~3.7 hours".';

REVOKE ALL ON FUNCTION dialbridge.dial_time_text(p_minutes numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.dial_time_text(p_minutes numeric) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.dial_time_text(p_minutes numeric) TO service_role;
