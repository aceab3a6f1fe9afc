-- Transcript analyses: what an analysis reads (the call, its transcript, the user's history with that number
-- up to this call: the newest ten calls within the token budget, oldest first), and how it is stored —
-- re-running a call's analysis replaces its rows, the complete row is one per user + number and never
-- goes back to an older call, every row carries its analyser, model, prompt and tokens; failures are visible
-- and replayable; the KPIs add up. The clock: t0 = now() - 1 day, each call an hour after the last.
begin;
select plan(19);
set local client_min_messages = error;

select now() - interval '1 day' as t0 \gset
select tests.create_user('ann@bolna703.test', 'Bolna 703') as ann \gset
insert into public.voice_agents (user_id, bolna_agent_id, name) values (:'ann', 'agent-703', 'Ava');

-- twelve answered calls to one number, an hour apart, each with its own transcript; one missed call
select count(tests.bolna_post(q.payload))
  from generate_series(1, 12) k
  cross join lateral tests.bolna_sequence('x703-' || lpad(k::text, 2, '0'), 'agent-703', '+14155550730', 'answered',
                                          :'t0'::timestamptz + make_interval(hours => k), 30 + k,
                                          'assistant: Call ' || k || chr(10) || 'user: ' || repeat('word ', 40 * k)) q;
select count(tests.bolna_post(q.payload)) from tests.bolna_sequence('x703-missed', 'agent-703', '+14155550730', 'no-answer', :'t0') q;
select count(*) from dialbridge.process_webhook_events('bolna', 500, now());
create temporary table c as select bolna_execution_id as x, id from public.calls where bolna_execution_id like 'x703-%';

-- ---------------------------------------------------------------------------------------------------
-- what an analysis reads
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select jsonb_array_length(i -> 'history'), (i ->> 'calls_with_transcripts')::int,
                            i -> 'history' -> 0 ->> 'call_id' = (select id::text from c where x = 'x703-03'),
                            i -> 'history' -> -1 ->> 'call_id' = (select id::text from c where x = 'x703-12'),
                            i ->> 'transcript' like 'assistant: Call 12%', (i -> 'call' ->> 'duration_seconds')::int
                       from dialbridge.analysis_input((select id from c where x = 'x703-12')) i $$,
  $$ values (10, 12, true, true, true, 42) $$,
  'the history: the newest ten of twelve calls with transcripts, oldest first, ending with this call');
select is((select jsonb_array_length(dialbridge.analysis_input((select id from c where x = 'x703-05')) -> 'history')), 5,
  'an older call reads only the calls up to it');
select is((select jsonb_array_length(dialbridge.analysis_input((select id from c where x = 'x703-12'), 10, 1200) -> 'history')), 2,
  'the token budget cuts the history (each transcript is hundreds of tokens)');
select is((select jsonb_array_length(dialbridge.analysis_input((select id from c where x = 'x703-12'), 10, 1) -> 'history')), 1,
  'the call itself is always read');
select is(dialbridge.analysis_input((select id from c where x = 'x703-missed')), null, 'a call without a transcript has nothing to analyse');

-- ---------------------------------------------------------------------------------------------------
-- storing
-- ---------------------------------------------------------------------------------------------------
create function pg_temp.analysis(p_score int) returns jsonb language sql as $$
  select jsonb_build_object('total_score', p_score, 'intent_level', 'high', 'intent_score', 3, 'urgency_level', 'medium', 'urgency_score', 2,
    'budget_constraint', 'mentioned', 'budget_score', 2, 'fit_alignment', 'good', 'fit_score', 2, 'engagement_health', 'active',
    'engagement_score', 3, 'lead_status_tag', 'Warm', 'reasoning', jsonb_build_object('intent', 'asked to sell'),
    'extraction', jsonb_build_object('company_name', 'Reyes Logistics', 'name', 'Dana Reyes', 'email_address', null, 'smartnotification', null),
    'cta_pricing_clicked', true, 'cta_demo_clicked', true, 'cta_followup_clicked', false, 'cta_sample_clicked', false,
    'cta_escalated_to_human', false, 'demo_scheduled_at', '2026-10-15T14:00:00Z')
$$;
select dialbridge.store_lead_analysis((select id from c where x = 'x703-11'), 'individual', pg_temp.analysis(60),
  '{"analyzer": "openai", "model": "gpt-4o-2024-08-06", "prompt_id": "pmpt_ind", "prompt_version": "3", "response_id": "resp_1", "input_tokens": 1245, "output_tokens": 318, "total_tokens": 1563}');
select dialbridge.store_lead_analysis((select id from c where x = 'x703-11'), 'individual', pg_temp.analysis(65),
  '{"analyzer": "openai", "model": "gpt-4o-2024-08-06", "prompt_id": "pmpt_ind", "prompt_version": "4", "response_id": "resp_2", "total_tokens": 1500}');
select results_eq($$ select count(*)::int, min(total_score), min(prompt_version), min(response_id), bool_and(cta_demo_clicked),
                            min(extraction ->> 'company_name'), min(demo_scheduled_at) = '2026-10-15T14:00:00Z'
                       from public.lead_analytics where call_id = (select id from c where x = 'x703-11') $$,
  $$ values (1, 65, '4'::text, 'resp_2'::text, true, 'Reyes Logistics'::text, true) $$,
  'analysing a call again replaces its individual row (never a second one), with the new prompt version');
select dialbridge.store_lead_analysis((select id from c where x = 'x703-12'), 'complete', pg_temp.analysis(70),
  format('{"analyzer": "heuristic", "model": "heuristic-v1", "previous_calls_analyzed": 10, "latest_call_id": "%s"}', (select id from c where x = 'x703-12'))::jsonb);
select dialbridge.store_lead_analysis((select id from c where x = 'x703-11'), 'complete', pg_temp.analysis(20),
  format('{"analyzer": "heuristic", "model": "heuristic-v1", "previous_calls_analyzed": 10, "latest_call_id": "%s"}', (select id from c where x = 'x703-11'))::jsonb);
select results_eq($$ select count(*)::int, min(total_score), min(previous_calls_analyzed), min(latest_call_id::text) = (select id::text from c where x = 'x703-12'),
                            min(phone_number), bool_and(call_id is null), min(analyzer)
                       from public.lead_analytics where analysis_type = 'complete' and user_id = tests.user_id('ann@bolna703.test') $$,
  $$ values (1, 70, 10, true, '+14155550730'::text, true, 'heuristic'::text) $$,
  'one complete row per user and number; an older call''s analysis, run late, does not replace the newer one');
select dialbridge.store_lead_analysis((select id from c where x = 'x703-12'), 'complete', pg_temp.analysis(75),
  format('{"analyzer": "openai", "model": "gpt-4o", "previous_calls_analyzed": 10, "latest_call_id": "%s"}', (select id from c where x = 'x703-12'))::jsonb);
select is((select total_score from public.lead_analytics where analysis_type = 'complete' and user_id = :'ann'), 75,
  'the newest call''s analysis, run again, does');
select throws_ok($$ insert into public.lead_analytics (analysis_type, user_id) values ('complete', tests.user_id('ann@bolna703.test')) $$,
  '23514', null, 'a complete row needs its number');
select throws_ok(format($$ insert into public.lead_analytics (call_id, analysis_type) values (%L, 'individual') $$, (select id from c where x = 'x703-11')),
  '23505', null, 'and a call has one individual row');

-- ---------------------------------------------------------------------------------------------------
-- a VoIPStudio call's transcribed recording: the same analysis, the same history
-- ---------------------------------------------------------------------------------------------------
insert into public.call_logs (id, user_id, team_id, call_id, to_number, status, started_at, answered_at, ended_at, duration)
values ('70300000-0000-0000-0000-0000000000a1', :'ann', tests.team_id('Bolna 703'), 'vs-703', '+14155550730', 'completed',
        :'t0'::timestamptz + interval '13 hours', :'t0'::timestamptz + interval '13 hours 10 seconds', :'t0'::timestamptz + interval '13 hours 2 minutes', 110);
insert into public.call_recordings (call_id, recording_url) values ('70300000-0000-0000-0000-0000000000a1', 'https://voip.example.test/vs-703.mp3');
delete from graphile_worker._private_jobs j using graphile_worker._private_tasks t where t.id = j.task_id and t.identifier = 'transcripts__analyze';
select dialbridge.record_voipstudio_transcription('vs-703', 'agent: SourceCo here.' || chr(10) || 'user: Send me the pricing.');
select results_eq($$ select (select analysis_status from public.transcripts where call_log_id = '70300000-0000-0000-0000-0000000000a1'),
                            (select transcription from public.call_recordings where call_id = '70300000-0000-0000-0000-0000000000a1'),
                            (select count(*)::int from graphile_worker.jobs where key = 'transcripts__analyze:70300000-0000-0000-0000-0000000000a1') $$,
  $$ values ('pending'::text, 'agent: SourceCo here.' || chr(10) || 'user: Send me the pricing.', 1) $$,
  'a VoIPStudio recording''s transcription is stored on the recording and as a transcript, and queued for analysis');
select results_eq($$ select i -> 'call' ->> 'source', jsonb_array_length(i -> 'history'), i -> 'history' -> 0 ->> 'call_id' = (select id::text from c where x = 'x703-04')
                       from dialbridge.analysis_input('70300000-0000-0000-0000-0000000000a1') i $$,
  $$ values ('voipstudio'::text, 10, true) $$, 'its history is the user''s calls to that number from both dialers');
select dialbridge.store_lead_analysis('70300000-0000-0000-0000-0000000000a1', 'individual', pg_temp.analysis(80) || '{"lead_status_tag": "Hot"}', '{"analyzer": "heuristic"}');
select dialbridge.store_lead_analysis('70300000-0000-0000-0000-0000000000a1', 'complete', pg_temp.analysis(81),
  '{"analyzer": "heuristic", "previous_calls_analyzed": 10, "latest_call_id": "70300000-0000-0000-0000-0000000000a1"}');
select results_eq($$ select (select count(*)::int from public.lead_analytics where call_log_id = '70300000-0000-0000-0000-0000000000a1'),
                            (select sentiment from public.call_recordings where call_id = '70300000-0000-0000-0000-0000000000a1'),
                            (select total_score from public.lead_analytics where analysis_type = 'complete' and user_id = tests.user_id('ann@bolna703.test')
                                and latest_call_log_id = '70300000-0000-0000-0000-0000000000a1' and latest_call_id is null) $$,
  $$ values (1, 'positive'::text, 81) $$,
  'its analysis is the call log''s, gives the recording its sentiment, and is the newest in the contact''s complete row');

-- ---------------------------------------------------------------------------------------------------
-- failures and replay
-- ---------------------------------------------------------------------------------------------------
select dialbridge.set_transcript_analysis((select id from c where x = 'x703-04'), 'processing');
select dialbridge.set_transcript_analysis((select id from c where x = 'x703-04'), 'failed', 'the answer does not fit the schema: total_score: too big');
select results_eq($$ select analysis_status, analysis_error, analysis_attempts from public.transcripts where call_id = (select id from c where x = 'x703-04') $$,
  $$ values ('failed'::text, 'the answer does not fit the schema: total_score: too big'::text, 1) $$, 'a failed analysis says why');
select is((select failed_analyses::int from reports.lead_analysis_counts where user_id = :'ann'), 1, 'and is counted in the report');
delete from graphile_worker._private_jobs j using graphile_worker._private_tasks t where t.id = j.task_id and t.identifier = 'transcripts__analyze';
select is(dialbridge.requeue_transcript_analyses(), 1, 'replaying failed analyses queues them again...');
select results_eq($$ select (select analysis_status from public.transcripts where call_id = (select id from c where x = 'x703-04')),
                            (select count(*)::int from graphile_worker.jobs where task_identifier = 'transcripts__analyze') $$,
  $$ values ('pending'::text, 1) $$, '...as pending, one job');

-- ---------------------------------------------------------------------------------------------------
-- the KPIs
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select sum(calls)::int, sum(missed_calls)::int, sum(connected_calls)::int, sum(credits_used)::int
                       from reports.voice_agent_kpis where user_id = tests.user_id('ann@bolna703.test') $$,
  $$ values (13, 1, 12, 12) $$, 'KPIs: 13 calls, 1 missed, 12 connected, 12 credits');
select results_eq($$ select round(sum(avg_conversation_seconds * connected_calls) / sum(connected_calls), 1)
                       from reports.voice_agent_kpis where user_id = tests.user_id('ann@bolna703.test') $$,
  $$ values (36.5) $$, 'average conversation: (31 … 42 s) / 12 = 36.5 s');

select * from finish();
rollback;
