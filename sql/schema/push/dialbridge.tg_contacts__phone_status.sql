CREATE FUNCTION dialbridge.tg_contacts__phone_status() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.phone is null or pg_catalog.btrim(new.phone) = '' then
    new.phone_status := 'missing';
    new.phone_e164 := null;
    new.phone_normalized_from := new.phone;
    new.phone_normalized_at := now();
    if new.phone_number_invalid and new.phone_number_invalid_reason = 'unparseable' then
      new.phone_number_invalid := false;
      new.phone_number_invalid_reason := null;
    end if;
  elsif new.phone_normalized_from is distinct from new.phone
        or new.phone_status is null or new.phone_status in ('missing', 'pending') then
    new.phone_status := 'pending';
    new.phone_e164 := null;
  end if;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__phone_status() IS 'Keeps the normalised phone columns consistent with `phone`: no number → missing; a normalisation the
writer supplied for exactly this value → kept; anything else → pending (the worker job normalises it).';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__phone_status() FROM PUBLIC;
