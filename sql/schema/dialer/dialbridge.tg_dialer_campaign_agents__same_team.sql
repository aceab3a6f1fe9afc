CREATE FUNCTION dialbridge.tg_dialer_campaign_agents__same_team() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not exists (select 1 from public.dialer_campaigns c join public.profiles p on p.id = new.user_id
                  where c.id = new.campaign_id and p.team_id is not distinct from c.team_id and p.is_active) then
    raise exception 'an agent must be an active member of the campaign''s team' using errcode = '42501';
  end if;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_dialer_campaign_agents__same_team() IS 'Trigger function: a campaign''s agents are active members of its team (42501 otherwise).';

REVOKE ALL ON FUNCTION dialbridge.tg_dialer_campaign_agents__same_team() FROM PUBLIC;
