CREATE FUNCTION dialbridge.analysis_input(p_call_id uuid, p_max_calls integer DEFAULT 10, p_token_budget integer DEFAULT 50000) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with c as (
    select * from dialbridge.analysed_calls where id = p_call_id
  ), hist as (
    select h.id, h.at, h.duration_seconds, h.transcript,
           row_number() over (order by h.at desc, h.id desc) as n,
           sum(pg_catalog.ceil(pg_catalog.length(h.transcript) / 4.0)) over (order by h.at desc, h.id desc) as tokens,
           (select pg_catalog.to_jsonb(la) - array['id', 'created_at', 'updated_at', 'call_id', 'call_log_id', 'user_id']
              from public.lead_analytics la where (la.call_id = h.id or la.call_log_id = h.id) and la.analysis_type = 'individual') as individual
      from c join dialbridge.analysed_calls h on h.user_id = c.user_id and h.phone_number = c.phone_number
     where (h.at, h.id) <= (c.at, c.id)
  )
  select pg_catalog.jsonb_build_object(
    'call', pg_catalog.jsonb_build_object('id', c.id, 'source', c.source, 'user_id', c.user_id, 'phone_number', c.phone_number,
              'duration_seconds', c.duration_seconds, 'date', c.at,
              'contact', (select pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                                 'name', nullif(pg_catalog.btrim(coalesce(k.first_name, '') || ' ' || coalesce(k.last_name, '')), ''),
                                 'email', k.email, 'company', k.company))
                            from public.contacts k where k.id = c.contact_id)),
    'transcript', c.transcript,
    'history', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                   'call_id', h.id, 'date', h.at, 'duration_seconds', h.duration_seconds, 'transcript', h.transcript,
                   'individual', h.individual) order by h.at, h.id)
                 from hist h where h.n <= greatest(1, p_max_calls) and (h.n = 1 or h.tokens <= p_token_budget)), '[]'::jsonb),
    'calls_with_transcripts', (select count(*) from hist))
    from c
$$;

COMMENT ON FUNCTION dialbridge.analysis_input(p_call_id uuid, p_max_calls integer, p_token_budget integer) IS 'What the analysis of a call (a voice-agent call or a transcribed VoIPStudio call: dialbridge.analysed_calls) reads, as JSON: the call (source, user, number, duration, date, contact), its transcript, and the history for the complete analysis — the user''s calls to that number from either dialer up to and including this one, the newest p_max_calls (10) within p_token_budget tokens (50,000; estimated as characters / 4; the call itself always), oldest first, each with its individual analysis — and how many such calls exist. Null when the call has no transcript. Service role.';

REVOKE ALL ON FUNCTION dialbridge.analysis_input(p_call_id uuid, p_max_calls integer, p_token_budget integer) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.analysis_input(p_call_id uuid, p_max_calls integer, p_token_budget integer) TO service_role;
