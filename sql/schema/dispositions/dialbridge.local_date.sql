CREATE FUNCTION dialbridge.local_date(p_at timestamp with time zone, p_timezone text) RETURNS date
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return (p_at at time zone coalesce(nullif(pg_catalog.btrim(p_timezone), ''), 'UTC'))::date;
exception when invalid_parameter_value then
  return (p_at at time zone 'UTC')::date;
end
$$;

COMMENT ON FUNCTION dialbridge.local_date(p_at timestamp with time zone, p_timezone text) IS 'The calendar date of an instant in a time zone (the contact''s); UTC when the zone is missing or unknown.';

REVOKE ALL ON FUNCTION dialbridge.local_date(p_at timestamp with time zone, p_timezone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.local_date(p_at timestamp with time zone, p_timezone text) TO service_role;
