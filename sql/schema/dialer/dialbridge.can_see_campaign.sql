CREATE FUNCTION dialbridge.can_see_campaign(p_campaign_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.dialer_campaigns c
     where c.id = p_campaign_id
       and (c.user_id = auth.uid()
            or dialbridge.is_admin()
            or (c.team_id = dialbridge.current_team_id() and dialbridge.current_app_role() = 'manager')
            or exists (select 1 from public.dialer_campaign_agents a
                        where a.campaign_id = c.id and a.user_id = auth.uid()
                          and c.team_id is not distinct from dialbridge.current_team_id())))
$$;

COMMENT ON FUNCTION dialbridge.can_see_campaign(p_campaign_id uuid) IS 'Whether the signed-in user may see a campaign and its contacts: its owner, its agents (same team), managers of its team, admins.';

REVOKE ALL ON FUNCTION dialbridge.can_see_campaign(p_campaign_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.can_see_campaign(p_campaign_id uuid) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.can_see_campaign(p_campaign_id uuid) TO service_role;
GRANT ALL ON FUNCTION dialbridge.can_see_campaign(p_campaign_id uuid) TO dialbridge_metabase;
