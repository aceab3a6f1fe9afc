CREATE FUNCTION dialbridge.record_voipstudio_recording(p_call_id text, p_recording_url text, p_duration integer DEFAULT NULL::integer, p_file_size bigint DEFAULT NULL::bigint, p_provider_recording_id text DEFAULT NULL::text) RETURNS public.call_recordings
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_log public.call_logs;
  v_row public.call_recordings;
begin
  select * into v_log from public.call_logs where provider = 'voipstudio' and call_id = p_call_id;
  if not found then
    raise exception 'no call log for VoIPStudio call %', p_call_id using errcode = 'DB070';
  end if;
  insert into public.call_recordings as r (call_id, recording_url, duration, file_size, provider_recording_id)
  values (v_log.id, p_recording_url, p_duration, p_file_size, p_provider_recording_id)
  on conflict (call_id, recording_url) do update
    set duration = coalesce(excluded.duration, r.duration), file_size = coalesce(excluded.file_size, r.file_size),
        provider_recording_id = coalesce(excluded.provider_recording_id, r.provider_recording_id)
  returning r.* into v_row;
  update public.call_logs set recording_url = p_recording_url where id = v_log.id and recording_url is distinct from p_recording_url;
  update public.contact_activities a
     set recording_url = p_recording_url, recording_duration_seconds = coalesce(p_duration, a.recording_duration_seconds)
   where a.id = v_log.contact_activity_id and a.recording_url is distinct from p_recording_url;
  return v_row;
end
$$;

COMMENT ON FUNCTION dialbridge.record_voipstudio_recording(p_call_id text, p_recording_url text, p_duration integer, p_file_size bigint, p_provider_recording_id text) IS 'Stores a recording found in VoIPStudio''s call history (idempotent on call and URL) and puts its URL on the call log and the call''s activity. Service role (the worker''s history sync). DB070: no call log for that call.';

REVOKE ALL ON FUNCTION dialbridge.record_voipstudio_recording(p_call_id text, p_recording_url text, p_duration integer, p_file_size bigint, p_provider_recording_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_voipstudio_recording(p_call_id text, p_recording_url text, p_duration integer, p_file_size bigint, p_provider_recording_id text) TO service_role;
