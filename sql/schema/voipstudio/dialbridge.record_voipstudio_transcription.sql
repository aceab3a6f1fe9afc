CREATE FUNCTION dialbridge.record_voipstudio_transcription(p_call_id text, p_transcription text) RETURNS public.transcripts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_log public.call_logs;
  v_t public.transcripts;
begin
  select * into v_log from public.call_logs where provider = 'voipstudio' and call_id = p_call_id;
  if not found then
    raise exception 'no call log for VoIPStudio call %', p_call_id using errcode = 'DB070';
  end if;
  if nullif(pg_catalog.btrim(p_transcription), '') is null then
    raise exception 'an empty transcription' using errcode = '22023';
  end if;
  update public.call_recordings set transcription = p_transcription
   where call_id = v_log.id and transcription is distinct from p_transcription;
  insert into public.transcripts as t (call_log_id, user_id, content)
  values (v_log.id, v_log.user_id, p_transcription)
  on conflict (call_log_id) do update
    set content = excluded.content, user_id = excluded.user_id, analysis_status = 'pending', analysis_error = null
    where t.content is distinct from excluded.content
  returning t.* into v_t;
  if found then
    perform dialbridge.queue_transcript_analysis(v_log.id);
  else
    select * into v_t from public.transcripts where call_log_id = v_log.id;
  end if;
  return v_t;
end
$$;

COMMENT ON FUNCTION dialbridge.record_voipstudio_transcription(p_call_id text, p_transcription text) IS 'A VoIPStudio call''s transcribed recording (from its call history): the transcription on the recording, the transcript stored (idempotent), and — when new or changed — the same analysis as a voice-agent call (transcripts__analyze: individual, then the user''s complete history with the number, across both dialers). Service role. DB070: no call log for that call.';

REVOKE ALL ON FUNCTION dialbridge.record_voipstudio_transcription(p_call_id text, p_transcription text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_voipstudio_transcription(p_call_id text, p_transcription text) TO service_role;
