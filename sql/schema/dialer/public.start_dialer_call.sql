CREATE FUNCTION public.start_dialer_call(p_to text, p_campaign_id uuid DEFAULT NULL::uuid, p_campaign_contact_id uuid DEFAULT NULL::uuid, p_contact_id uuid DEFAULT NULL::uuid, p_lead_id uuid DEFAULT NULL::uuid, p_metadata jsonb DEFAULT '{}'::jsonb, p_from text DEFAULT NULL::text, p_agent_id uuid DEFAULT NULL::uuid, as_of timestamp with time zone DEFAULT now()) RETURNS public.call_logs
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_agent uuid := dialbridge.dialer_agent(p_agent_id);
  v_cc public.campaign_contacts;
  v_c public.dialer_campaigns;
  v_check record;
  v_log public.call_logs;
begin
  if p_campaign_contact_id is not null then
    select * into v_cc from public.campaign_contacts where id = p_campaign_contact_id for update;
    if not found then
      raise exception 'campaign contact % not found', p_campaign_contact_id using errcode = 'DB070';
    end if;
    if p_campaign_id is not null and p_campaign_id <> v_cc.campaign_id then
      raise exception 'campaign contact % is not in campaign %', p_campaign_contact_id, p_campaign_id using errcode = '22023';
    end if;
  end if;
  select * into v_c from public.dialer_campaigns where id = coalesce(v_cc.campaign_id, p_campaign_id);
  if coalesce(v_cc.campaign_id, p_campaign_id) is not null and (v_c.id is null or not (
       v_c.user_id = v_agent or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = v_c.id and a.user_id = v_agent))) then
    raise exception 'campaign % not found or not yours to dial', coalesce(v_cc.campaign_id, p_campaign_id) using errcode = '42501';
  end if;
  if v_cc.id is not null then
    if v_c.status <> 'active' then
      raise exception 'the campaign is %', v_c.status using errcode = 'DB072';
    end if;
    if not ((v_cc.status = 'calling' and v_cc.reserved_by = v_agent
             and not exists (select 1 from public.call_logs l where l.campaign_contact_id = v_cc.id and l.status in ('initiated', 'ringing', 'answered')))
            or (v_c.type = 'manual' and v_cc.status in ('pending', 'failed', 'callback') and v_cc.attempts < v_c.max_attempts)) then
      raise exception 'campaign contact % is not yours to call now (reserve it with next_contact_to_dial)', v_cc.id using errcode = 'DB073';
    end if;
  end if;
  select * into v_check from public.check_call_allowed(coalesce(nullif(p_to, ''), v_cc.phone_number), coalesce(v_cc.contact_id, p_contact_id), v_c.id, as_of);
  if not v_check.allowed then
    raise exception 'call not allowed: %', v_check.detail using errcode = 'DB071',
      detail = v_check.reason, hint = coalesce('allowed from ' || v_check.allowed_from, '');
  end if;
  insert into public.call_logs (user_id, team_id, direction, from_number, to_number, status, lead_id, campaign_id,
                                campaign_contact_id, contact_id, metadata)
  values (v_agent, coalesce(v_c.team_id, (select p.team_id from public.profiles p where p.id = v_agent)), 'outbound',
          coalesce(nullif(p_from, ''), v_c.caller_id), v_check.phone_e164, 'initiated', p_lead_id, v_c.id, v_cc.id,
          v_check.contact_id, coalesce(p_metadata, '{}'))
  returning * into v_log;
  insert into public.dialer_agent_states as s (user_id, state, campaign_id, current_call_id, since)
  values (v_agent, 'ringing', v_c.id, v_log.id, pg_catalog.clock_timestamp())
  on conflict (user_id) do update set state = 'ringing', current_call_id = excluded.current_call_id,
    campaign_id = coalesce(excluded.campaign_id, s.campaign_id), since = excluded.since;
  return v_log;
end
$$;

COMMENT ON FUNCTION public.start_dialer_call(p_to text, p_campaign_id uuid, p_campaign_contact_id uuid, p_contact_id uuid, p_lead_id uuid, p_metadata jsonb, p_from text, p_agent_id uuid, as_of timestamp with time zone) IS 'Click-to-call, step 1 (before VoIPStudio is asked, so nothing is lost if the request dies): checks the call (public.check_call_allowed: DB071 with the reason when not allowed), that a campaign contact is the agent''s reservation or, in a manual campaign, callable (DB073), that the campaign is active (DB072), and writes the call log (status initiated, from the campaign''s caller id unless one is given); the campaign contact is held by the call; the agent is ringing.';

REVOKE ALL ON FUNCTION public.start_dialer_call(p_to text, p_campaign_id uuid, p_campaign_contact_id uuid, p_contact_id uuid, p_lead_id uuid, p_metadata jsonb, p_from text, p_agent_id uuid, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.start_dialer_call(p_to text, p_campaign_id uuid, p_campaign_contact_id uuid, p_contact_id uuid, p_lead_id uuid, p_metadata jsonb, p_from text, p_agent_id uuid, as_of timestamp with time zone) TO anon;
GRANT ALL ON FUNCTION public.start_dialer_call(p_to text, p_campaign_id uuid, p_campaign_contact_id uuid, p_contact_id uuid, p_lead_id uuid, p_metadata jsonb, p_from text, p_agent_id uuid, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.start_dialer_call(p_to text, p_campaign_id uuid, p_campaign_contact_id uuid, p_contact_id uuid, p_lead_id uuid, p_metadata jsonb, p_from text, p_agent_id uuid, as_of timestamp with time zone) TO service_role;
