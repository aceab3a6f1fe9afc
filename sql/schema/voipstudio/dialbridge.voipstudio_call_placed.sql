CREATE FUNCTION dialbridge.voipstudio_call_placed(p_call_log_id uuid, p_call_id text, p_voip_status jsonb DEFAULT '{}'::jsonb) RETURNS public.call_logs
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_log public.call_logs;
  v_orphan uuid;
  v_events bigint[];
begin
  perform dialbridge.lock_call_projection();
  select l.id into v_orphan from public.call_logs l
   where l.provider = 'voipstudio' and l.call_id = p_call_id and l.id <> p_call_log_id;
  if v_orphan is not null then
    -- the webhooks were faster than the answer: their call log becomes this one
    update public.call_dispositions set call_id = p_call_log_id where call_id = v_orphan;
    update public.call_recordings set call_id = p_call_log_id where call_id = v_orphan;
    delete from public.call_logs where id = v_orphan;
  end if;
  update public.call_logs l set call_id = p_call_id,
         metadata = l.metadata || pg_catalog.jsonb_build_object('voip_status', coalesce(p_voip_status, '{}'))
   where l.id = p_call_log_id
  returning * into v_log;
  if not found then
    raise exception 'call log % not found', p_call_log_id using errcode = 'DB070';
  end if;
  -- events already stored for this call are read again, now that they can find its contact and rep
  v_events := array(select e.log_id from dialbridge.call_events e where e.provider = 'voipstudio' and e.call_id = p_call_id);
  if pg_catalog.cardinality(v_events) > 0 then
    perform 1 from dialbridge.voipstudio_process_events('voipstudio', v_events, pg_catalog.now());
  end if;
  select * into v_log from public.call_logs where id = p_call_log_id;
  return v_log;
end
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_call_placed(p_call_log_id uuid, p_call_id text, p_voip_status jsonb) IS 'Click-to-call, step 2: VoIPStudio answered 201 with its call id (the root call id of the webhooks). A call log the webhooks created first is folded into this one, and events already stored for the call are projected again with its contact and rep. Service role.';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_call_placed(p_call_log_id uuid, p_call_id text, p_voip_status jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.voipstudio_call_placed(p_call_log_id uuid, p_call_id text, p_voip_status jsonb) TO service_role;
