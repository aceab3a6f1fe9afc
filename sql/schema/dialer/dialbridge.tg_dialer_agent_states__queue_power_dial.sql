CREATE FUNCTION dialbridge.tg_dialer_agent_states__queue_power_dial() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if exists (select 1 from public.dialer_campaigns c where c.id = new.campaign_id and c.status = 'active'
                and c.type in ('power', 'predictive')) then
    begin
      perform graphile_worker.add_job('dialer_agent_states__power_dial', pg_catalog.json_build_object('user_id', new.user_id),
        job_key := 'dialer_agent_states__power_dial:' || new.user_id, job_key_mode := 'replace');
    exception when others then
      raise warning 'dialbridge: could not queue the power dialer for agent % (%): the minute sweep will', new.user_id, sqlstate;
    end;
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_dialer_agent_states__queue_power_dial() IS 'Trigger function: an agent who becomes available on an active power (or predictive) campaign gets the worker''s dialer_agent_states__power_dial job (coalesced per agent); if it cannot be queued, the minute sweep dials.';

REVOKE ALL ON FUNCTION dialbridge.tg_dialer_agent_states__queue_power_dial() FROM PUBLIC;
