CREATE FUNCTION dialbridge.set_report_time_zone(p_time_zone text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if p_time_zone is null or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    raise exception 'unknown time zone: %', coalesce(p_time_zone, '(null)')
      using errcode = 'DB052', hint = 'Use an IANA name such as America/New_York (select name from pg_timezone_names).';
  end if;
  update dialbridge.report_settings set time_zone = p_time_zone, updated_at = now() where id;
  perform dialbridge.rebuild_rollups();
end
$$;

COMMENT ON FUNCTION dialbridge.set_report_time_zone(p_time_zone text) IS 'Sets the reporting time zone (an IANA name known to the server) and rebuilds the roll-ups, whose days
depend on it. Raises DB052 for an unknown zone.';

REVOKE ALL ON FUNCTION dialbridge.set_report_time_zone(p_time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.set_report_time_zone(p_time_zone text) TO service_role;
