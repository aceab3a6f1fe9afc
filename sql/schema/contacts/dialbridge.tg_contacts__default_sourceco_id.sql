CREATE FUNCTION dialbridge.tg_contacts__default_sourceco_id() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.sourceco_contact_id := coalesce(new.sourceco_contact_id, new.id::text);
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__default_sourceco_id() IS 'Fills sourceco_contact_id from id on insert when the caller gives none.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__default_sourceco_id() FROM PUBLIC;
