CREATE FUNCTION public.set_agent_availability(p_state text, p_campaign_id uuid DEFAULT NULL::uuid, p_agent_id uuid DEFAULT NULL::uuid) RETURNS public.dialer_agent_states
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_agent uuid := dialbridge.dialer_agent(p_agent_id);
  v_row public.dialer_agent_states;
begin
  if p_state not in ('available', 'paused', 'offline') then
    raise exception 'an agent can be available, paused or offline, not %', p_state using errcode = '22023';
  end if;
  if p_campaign_id is not null and not exists (
       select 1 from public.dialer_campaigns c where c.id = p_campaign_id
          and (c.user_id = v_agent or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = c.id and a.user_id = v_agent))) then
    raise exception 'campaign % not found or not yours to dial', p_campaign_id using errcode = '42501';
  end if;
  insert into public.dialer_agent_states as s (user_id, state, campaign_id, since)
  values (v_agent, p_state, p_campaign_id, pg_catalog.clock_timestamp())
  on conflict (user_id) do update
    set state = excluded.state, since = excluded.since,
        campaign_id = coalesce(excluded.campaign_id, case when excluded.state = 'offline' then null else s.campaign_id end),
        current_call_id = case when excluded.state = 'offline' then null else s.current_call_id end
  returning s.* into v_row;
  return v_row;
end
$$;

COMMENT ON FUNCTION public.set_agent_availability(p_state text, p_campaign_id uuid, p_agent_id uuid) IS 'Power dialing: the agent (the signed-in user; the service role names one) goes available (on a campaign they dial), paused or offline. VoIPStudio''s events move them through ringing, on_call and wrap_up; the latest state wins.';

REVOKE ALL ON FUNCTION public.set_agent_availability(p_state text, p_campaign_id uuid, p_agent_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.set_agent_availability(p_state text, p_campaign_id uuid, p_agent_id uuid) TO anon;
GRANT ALL ON FUNCTION public.set_agent_availability(p_state text, p_campaign_id uuid, p_agent_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.set_agent_availability(p_state text, p_campaign_id uuid, p_agent_id uuid) TO service_role;
