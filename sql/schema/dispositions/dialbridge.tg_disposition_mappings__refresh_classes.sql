CREATE FUNCTION dialbridge.tg_disposition_mappings__refresh_classes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.refresh_disposition_classes();
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_disposition_mappings__refresh_classes() IS 'Trigger function: disposition mappings changed → refresh their classification.';

REVOKE ALL ON FUNCTION dialbridge.tg_disposition_mappings__refresh_classes() FROM PUBLIC;
