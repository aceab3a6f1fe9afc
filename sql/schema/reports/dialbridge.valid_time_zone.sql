CREATE FUNCTION dialbridge.valid_time_zone(p_time_zone text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if p_time_zone is null or pg_catalog.btrim(p_time_zone) = '' then
    return dialbridge.report_time_zone();
  end if;
  perform now() at time zone pg_catalog.btrim(p_time_zone);
  return pg_catalog.btrim(p_time_zone);
exception when invalid_parameter_value then
  return dialbridge.report_time_zone();
end
$$;

COMMENT ON FUNCTION dialbridge.valid_time_zone(p_time_zone text) IS 'The contact''s time zone when it is a valid IANA name, else the reporting time zone.';

REVOKE ALL ON FUNCTION dialbridge.valid_time_zone(p_time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.valid_time_zone(p_time_zone text) TO service_role;
