CREATE FUNCTION dialbridge.tg_contacts__refresh_campaign_places() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.campaign_contacts cc
     set time_zones = dialbridge.called_party_time_zones(new.timezone, new.state, new.zip, cc.phone_number),
         calling_state = dialbridge.called_party_state(new.state, new.zip, cc.phone_number)
   where cc.contact_id = new.id;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__refresh_campaign_places() IS 'Trigger function: when a contact''s time zone, state or ZIP changes, its campaign contacts'' calling zones and state follow.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__refresh_campaign_places() FROM PUBLIC;
