CREATE FUNCTION dialbridge.set_transcript_analysis(p_call_id uuid, p_status text, p_error text DEFAULT NULL::text) RETURNS public.transcripts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_t public.transcripts;
begin
  update public.transcripts t
     set analysis_status = p_status,
         analysis_error = case when p_status = 'failed' then pg_catalog.left(coalesce(p_error, 'failed'), 2000) end,
         analysis_attempts = t.analysis_attempts + case when p_status = 'processing' then 1 else 0 end,
         analyzed_at = case when p_status = 'completed' then pg_catalog.now() else t.analyzed_at end
   where t.call_id = p_call_id or t.call_log_id = p_call_id
  returning t.* into v_t;
  return v_t;
end
$$;

COMMENT ON FUNCTION dialbridge.set_transcript_analysis(p_call_id uuid, p_status text, p_error text) IS 'Records where a call''s transcript analysis stands: processing (an attempt started), completed, or failed with the reason.';

REVOKE ALL ON FUNCTION dialbridge.set_transcript_analysis(p_call_id uuid, p_status text, p_error text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.set_transcript_analysis(p_call_id uuid, p_status text, p_error text) TO service_role;
