CREATE FUNCTION dialbridge.requeue_transcript_analyses(p_statuses text[] DEFAULT ARRAY['failed'::text], p_since timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer := 0;
  v_t record;
begin
  for v_t in select t.id, coalesce(t.call_id, t.call_log_id) as call from public.transcripts t
              where t.analysis_status = any (p_statuses) and (p_since is null or t.updated_at >= p_since) loop
    update public.transcripts set analysis_status = 'pending', analysis_error = null where id = v_t.id;
    perform dialbridge.queue_transcript_analysis(v_t.call);
    v_n := v_n + 1;
  end loop;
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.requeue_transcript_analyses(p_statuses text[], p_since timestamp with time zone) IS 'Replays transcript analyses: every transcript in the given states (failed by default; pending after an outage of the worker), changed since a moment if given, goes back to pending and is queued. Returns how many.';

REVOKE ALL ON FUNCTION dialbridge.requeue_transcript_analyses(p_statuses text[], p_since timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.requeue_transcript_analyses(p_statuses text[], p_since timestamp with time zone) TO service_role;
