CREATE FUNCTION dialbridge.store_lead_analysis(p_call_id uuid, p_type text, p_result jsonb, p_meta jsonb) RETURNS public.lead_analytics
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_c record;
  v_latest record;
  v_row public.lead_analytics;
  r jsonb := coalesce(p_result, '{}');
  m jsonb := coalesce(p_meta, '{}');
begin
  select * into v_c from dialbridge.analysed_calls where id = p_call_id;
  if not found then
    raise exception 'call % has no transcript to analyse', p_call_id using errcode = 'DB070';
  end if;
  if p_type not in ('individual', 'complete') then
    raise exception 'analysis_type is individual or complete, not %', p_type using errcode = '22023';
  end if;
  v_row.id := gen_random_uuid();
  v_row.analysis_type := p_type;
  v_row.user_id := v_c.user_id;
  if p_type = 'individual' then
    if v_c.source = 'bolna' then v_row.call_id := v_c.id; else v_row.call_log_id := v_c.id; end if;
    v_row.previous_calls_analyzed := 0;
  else
    select * into v_latest from dialbridge.analysed_calls where id = coalesce((m ->> 'latest_call_id')::uuid, v_c.id);
    if v_latest.source = 'bolna' then v_row.latest_call_id := v_latest.id; else v_row.latest_call_log_id := v_latest.id; end if;
    v_row.phone_number := v_c.phone_number;
    v_row.previous_calls_analyzed := coalesce((m ->> 'previous_calls_analyzed')::integer, 1);
  end if;
  v_row.analysis_timestamp := pg_catalog.now();
  v_row.total_score := (r ->> 'total_score')::integer;
  v_row.intent_level := r ->> 'intent_level';
  v_row.intent_score := (r ->> 'intent_score')::integer;
  v_row.urgency_level := r ->> 'urgency_level';
  v_row.urgency_score := (r ->> 'urgency_score')::integer;
  v_row.budget_constraint := r ->> 'budget_constraint';
  v_row.budget_score := (r ->> 'budget_score')::integer;
  v_row.fit_alignment := r ->> 'fit_alignment';
  v_row.fit_score := (r ->> 'fit_score')::integer;
  v_row.engagement_health := r ->> 'engagement_health';
  v_row.engagement_score := (r ->> 'engagement_score')::integer;
  v_row.lead_status_tag := r ->> 'lead_status_tag';
  v_row.reasoning := coalesce(r -> 'reasoning', '{}');
  v_row.extraction := coalesce(r -> 'extraction', '{}');
  v_row.cta_pricing_clicked := coalesce((r ->> 'cta_pricing_clicked')::boolean, false);
  v_row.cta_demo_clicked := coalesce((r ->> 'cta_demo_clicked')::boolean, false);
  v_row.cta_followup_clicked := coalesce((r ->> 'cta_followup_clicked')::boolean, false);
  v_row.cta_sample_clicked := coalesce((r ->> 'cta_sample_clicked')::boolean, false);
  v_row.cta_escalated_to_human := coalesce((r ->> 'cta_escalated_to_human')::boolean, false);
  v_row.demo_scheduled_at := nullif(r ->> 'demo_scheduled_at', '')::timestamptz;
  v_row.analyzer := coalesce(m ->> 'analyzer', 'openai');
  v_row.model := m ->> 'model';
  v_row.prompt_id := m ->> 'prompt_id';
  v_row.prompt_version := m ->> 'prompt_version';
  v_row.response_id := m ->> 'response_id';
  v_row.input_tokens := (m ->> 'input_tokens')::integer;
  v_row.output_tokens := (m ->> 'output_tokens')::integer;
  v_row.total_tokens := (m ->> 'total_tokens')::integer;
  v_row.created_at := pg_catalog.now();
  v_row.updated_at := pg_catalog.now();

  if p_type = 'individual' then
    -- one row per call: the old one (if any) goes, the new one takes its place
    delete from public.lead_analytics la where la.analysis_type = 'individual' and (la.call_id = v_c.id or la.call_log_id = v_c.id)
    returning la.id, la.created_at into v_row.id, v_row.created_at;
    v_row.id := coalesce(v_row.id, gen_random_uuid());
    v_row.created_at := coalesce(v_row.created_at, pg_catalog.now());
    insert into public.lead_analytics select v_row.*;
    if v_c.source = 'voipstudio' then
      -- seed 003: a transcribed recording's sentiment
      update public.call_recordings rc
         set sentiment = case when v_row.lead_status_tag ~* 'hot' then 'positive' when v_row.lead_status_tag ~* 'cold' then 'negative' else 'neutral' end
       where rc.call_id = v_c.id and rc.transcription is not null;
    end if;
    return v_row;
  end if;

  -- the complete row is the contact's newest history: an older call's analysis (run late) never replaces it
  if exists (select 1 from public.lead_analytics la
              where la.user_id = v_c.user_id and la.phone_number = v_c.phone_number and la.analysis_type = 'complete'
                and exists (select 1 from dialbridge.analysed_calls o where o.id = coalesce(la.latest_call_id, la.latest_call_log_id)
                             and (o.at, o.id) > (v_latest.at, v_latest.id))) then
    select * into v_row from public.lead_analytics la
     where la.user_id = v_c.user_id and la.phone_number = v_c.phone_number and la.analysis_type = 'complete';
    return v_row;
  end if;
  insert into public.lead_analytics as la select v_row.*
  on conflict (user_id, phone_number) where analysis_type = 'complete' do update
    set (analysis_timestamp, previous_calls_analyzed, latest_call_id, latest_call_log_id, total_score, intent_level, intent_score, urgency_level,
         urgency_score, budget_constraint, budget_score, fit_alignment, fit_score, engagement_health, engagement_score, lead_status_tag,
         reasoning, extraction, cta_pricing_clicked, cta_demo_clicked, cta_followup_clicked, cta_sample_clicked, cta_escalated_to_human,
         demo_scheduled_at, analyzer, model, prompt_id, prompt_version, response_id, input_tokens, output_tokens, total_tokens)
      = (excluded.analysis_timestamp, excluded.previous_calls_analyzed, excluded.latest_call_id, excluded.latest_call_log_id,
         excluded.total_score, excluded.intent_level, excluded.intent_score, excluded.urgency_level, excluded.urgency_score,
         excluded.budget_constraint, excluded.budget_score, excluded.fit_alignment, excluded.fit_score, excluded.engagement_health,
         excluded.engagement_score, excluded.lead_status_tag, excluded.reasoning, excluded.extraction, excluded.cta_pricing_clicked,
         excluded.cta_demo_clicked, excluded.cta_followup_clicked, excluded.cta_sample_clicked, excluded.cta_escalated_to_human,
         excluded.demo_scheduled_at, excluded.analyzer, excluded.model, excluded.prompt_id, excluded.prompt_version, excluded.response_id,
         excluded.input_tokens, excluded.output_tokens, excluded.total_tokens)
  returning la.* into v_row;
  return v_row;
end
$$;

COMMENT ON FUNCTION dialbridge.store_lead_analysis(p_call_id uuid, p_type text, p_result jsonb, p_meta jsonb) IS 'Stores one validated analysis of a call (a voice-agent call or a transcribed VoIPStudio call; p_result: the analysis schema; p_meta: analyzer, model, prompt_id, prompt_version, response_id, token usage, and for complete analyses previous_calls_analyzed and latest_call_id): individual replaces the call''s row (and sets a VoIPStudio recording''s sentiment from it), complete upserts the user + number row — unless that row already reads a newer call. Never two rows for one call or one contact. Service role.';

REVOKE ALL ON FUNCTION dialbridge.store_lead_analysis(p_call_id uuid, p_type text, p_result jsonb, p_meta jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.store_lead_analysis(p_call_id uuid, p_type text, p_result jsonb, p_meta jsonb) TO service_role;
