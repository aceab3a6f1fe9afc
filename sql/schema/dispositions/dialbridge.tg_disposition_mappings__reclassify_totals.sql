CREATE FUNCTION dialbridge.tg_disposition_mappings__reclassify_totals() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.reclassify_totals();
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_disposition_mappings__reclassify_totals() IS 'Trigger function: disposition mappings changed → reclassify the totals in the same transaction.';

REVOKE ALL ON FUNCTION dialbridge.tg_disposition_mappings__reclassify_totals() FROM PUBLIC;
