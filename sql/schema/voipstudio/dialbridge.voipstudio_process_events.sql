CREATE FUNCTION dialbridge.voipstudio_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) RETURNS TABLE(log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  return query select * from dialbridge.project_call_events(p_provider, p_ids, as_of);
  perform dialbridge.voipstudio_sync_call_logs(array(
    select distinct e.call_id from dialbridge.call_events e
     where e.log_id = any (p_ids) and e.provider = p_provider and e.kind = 'call'));
end
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) IS 'VoIPStudio''s batch stage: the generic projection (dialbridge.project_call_events: one contact_activities row per root call), then the call logs, campaign contacts and agent states of the calls it touched are derived from the stored facts (dialbridge.voipstudio_sync_call_logs).';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_process_events(p_provider text, p_ids bigint[], as_of timestamp with time zone) FROM PUBLIC;
