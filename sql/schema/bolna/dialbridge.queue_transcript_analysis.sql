CREATE FUNCTION dialbridge.queue_transcript_analysis(p_call_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform graphile_worker.add_job('transcripts__analyze', pg_catalog.json_build_object('call_id', p_call_id),
    job_key := 'transcripts__analyze:' || p_call_id, job_key_mode := 'replace', max_attempts := 5);
exception when others then
  raise warning 'dialbridge: could not queue the analysis of call % (%): dialbridge.requeue_transcript_analyses will', p_call_id, sqlstate;
end
$$;

COMMENT ON FUNCTION dialbridge.queue_transcript_analysis(p_call_id uuid) IS 'Queues the worker''s analysis of a call''s transcript (transcripts__analyze, coalesced per call); a failure to queue is a warning (requeue_transcript_analyses catches it).';

REVOKE ALL ON FUNCTION dialbridge.queue_transcript_analysis(p_call_id uuid) FROM PUBLIC;
