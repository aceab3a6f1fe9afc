CREATE FUNCTION dialbridge.can_manage_campaign(p_campaign_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.dialer_campaigns c
     where c.id = p_campaign_id
       and (c.user_id = auth.uid()
            or dialbridge.is_admin()
            or (c.team_id = dialbridge.current_team_id() and dialbridge.current_app_role() = 'manager')))
$$;

COMMENT ON FUNCTION dialbridge.can_manage_campaign(p_campaign_id uuid) IS 'Whether the signed-in user may change a campaign, its agents and its contacts: its owner, managers of its team, admins.';

REVOKE ALL ON FUNCTION dialbridge.can_manage_campaign(p_campaign_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.can_manage_campaign(p_campaign_id uuid) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.can_manage_campaign(p_campaign_id uuid) TO service_role;
