CREATE FUNCTION dialbridge.tg_dialer_agent_states__queue_power_dial() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_type text;
begin
  select c.type into v_type from public.dialer_campaigns c
   where c.id = new.campaign_id and c.status = 'active' and c.type in ('power', 'predictive');
  if v_type is null then
    return null;
  end if;
  begin
    if v_type = 'power' then
      perform graphile_worker.add_job('dialer_agent_states__power_dial', pg_catalog.json_build_object('user_id', new.user_id),
        job_key := 'dialer_agent_states__power_dial:' || new.user_id, job_key_mode := 'replace');
    else
      perform graphile_worker.add_job('dialer_campaigns__pace', pg_catalog.json_build_object('campaign_id', new.campaign_id),
        queue_name := 'dialer_campaigns__pace:' || new.campaign_id,
        job_key := 'dialer_campaigns__pace:' || new.campaign_id, job_key_mode := 'replace');
    end if;
  exception when others then
    raise warning 'dialbridge: could not queue the dialer for agent % (%): the minute sweep will', new.user_id, sqlstate;
  end;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_dialer_agent_states__queue_power_dial() IS 'Trigger function: an agent who becomes available on an active power campaign gets the worker''s dialer_agent_states__power_dial job (coalesced per agent); on an active predictive campaign, the campaign''s pacer runs now (dialer_campaigns__pace, one queue and one job key per campaign). If it cannot be queued, the minute sweeps dial.';

REVOKE ALL ON FUNCTION dialbridge.tg_dialer_agent_states__queue_power_dial() FROM PUBLIC;
