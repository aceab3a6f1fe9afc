CREATE FUNCTION dialbridge.tg_contacts__refresh_campaign_places() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.campaign_contacts cc
     set time_zones = p.zones, calling_state = p.state, place_id = dialbridge.calling_place_id(p.zones, p.state)
    from (select x.id,
                 dialbridge.called_party_time_zones(new.timezone, new.state, new.zip, x.phone_number) as zones,
                 dialbridge.called_party_state(new.state, new.zip, x.phone_number) as state
            from public.campaign_contacts x where x.contact_id = new.id) p
   where cc.id = p.id;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__refresh_campaign_places() IS 'Trigger function: when a contact''s time zone, state or ZIP changes, its campaign contacts'' calling zones and state follow.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__refresh_campaign_places() FROM PUBLIC;
