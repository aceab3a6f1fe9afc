CREATE FUNCTION dialbridge.is_campaign_agent(p_campaign_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = p_campaign_id and a.user_id = auth.uid())
$$;

COMMENT ON FUNCTION dialbridge.is_campaign_agent(p_campaign_id uuid) IS 'Whether the signed-in user is one of a campaign''s agents (dialer_campaign_agents).';

REVOKE ALL ON FUNCTION dialbridge.is_campaign_agent(p_campaign_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.is_campaign_agent(p_campaign_id uuid) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.is_campaign_agent(p_campaign_id uuid) TO service_role;
