CREATE FUNCTION dialbridge.timestamptz_or_null(p_text text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return nullif(pg_catalog.btrim(p_text), '')::timestamptz;
exception when others then
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.timestamptz_or_null(p_text text) IS 'Timestamp from event text, or null when it is missing or unreadable (never fails the projection).';

REVOKE ALL ON FUNCTION dialbridge.timestamptz_or_null(p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.timestamptz_or_null(p_text text) TO service_role;
