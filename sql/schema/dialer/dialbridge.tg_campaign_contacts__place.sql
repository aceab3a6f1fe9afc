CREATE FUNCTION dialbridge.tg_campaign_contacts__place() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  k public.contacts;
begin
  if tg_op = 'UPDATE' and new.contact_id = old.contact_id and new.phone_number = old.phone_number then
    return new;
  end if;
  select * into k from public.contacts where id = new.contact_id;
  new.time_zones := dialbridge.called_party_time_zones(k.timezone, k.state, k.zip, new.phone_number);
  new.calling_state := dialbridge.called_party_state(k.state, k.zip, new.phone_number);
  new.place_id := dialbridge.calling_place_id(new.time_zones, new.calling_state);
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_campaign_contacts__place() IS 'Trigger function: a campaign contact''s candidate time zones and calling state, from its contact''s zone, state and ZIP and the dialed number.';

REVOKE ALL ON FUNCTION dialbridge.tg_campaign_contacts__place() FROM PUBLIC;
