CREATE FUNCTION dialbridge.tg_suppressions__propagate_dnc() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.queue_dnc_propagations(array(select n.id from new_rows n where n.suppression_type = 'legal'));
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_suppressions__propagate_dnc() IS 'Trigger function: legal suppressions recorded → dialbridge.queue_dnc_propagations (do-not-call reaches the live PhoneBurner sessions).';

REVOKE ALL ON FUNCTION dialbridge.tg_suppressions__propagate_dnc() FROM PUBLIC;
