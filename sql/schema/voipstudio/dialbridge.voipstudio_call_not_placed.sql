CREATE FUNCTION dialbridge.voipstudio_call_not_placed(p_call_log_id uuid, p_error text) RETURNS public.call_logs
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_log public.call_logs;
begin
  update public.call_logs l set status = 'canceled', error = pg_catalog.left(p_error, 1000), ended_at = pg_catalog.now()
   where l.id = p_call_log_id and l.status = 'initiated'
  returning * into v_log;
  if not found then
    select * into v_log from public.call_logs where id = p_call_log_id;
  end if;
  update public.dialer_agent_states s set state = 'available', current_call_id = null, since = pg_catalog.clock_timestamp()
   where s.user_id = v_log.user_id and s.current_call_id = v_log.id;
  return v_log;
end
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_call_not_placed(p_call_log_id uuid, p_error text) IS 'Click-to-call, step 2 on failure (softphone offline, refused, timed out): the call log is canceled with the error; the campaign contact returns to its reservation (not an attempt); the agent is available again. Service role.';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_call_not_placed(p_call_log_id uuid, p_error text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.voipstudio_call_not_placed(p_call_log_id uuid, p_error text) TO service_role;
