-- migrate:up
-- Bolna.ai voice-agent calls (seed 004, issue 14), an adapter on the shared event pipeline:
--
--   voice_agents        a Bolna agent_id belongs to a user (whose calls, credits and analyses they are)
--   calls               one row per Bolna execution, derived from all of its stored POSTs (any order, any
--                       duplication: the furthest status wins, never regressed), with the seed's lifecycle,
--                       hangup fields, durations (ceil), credits and the recording
--   transcripts         the call's transcript and the state of its analysis
--   lead_analytics      'individual' (one per call) and 'complete' (one per user + phone) analyses, with the
--                       analyser, model, prompt and token usage of each row
--   credit_ledger       every charge and grant; a call is charged once (unique per call), credit_balances
--                       follows the ledger by trigger (recompute: dialbridge.recompute_credit_balances)
--   reports             voice-agent KPIs per user, agent and day; analysis counts; balance-low alerts
-- Every Bolna call also lands in contact_activities through the shared projection (contacts found or created
-- per user's team and phone). Re-runnable: every statement checks or replaces.

-- ---------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------
create table if not exists public.voice_agents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  bolna_agent_id text not null unique,
  name text not null default 'Voice agent',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select dialbridge.ensure_constraint('public.voice_agents', 'voice_agents_name_check', 'check (length(btrim(name)) between 1 and 200)');
select dialbridge.ensure_constraint('public.voice_agents', 'voice_agents_bolna_agent_id_check', 'check (length(btrim(bolna_agent_id)) between 1 and 200)');
create index if not exists voice_agents_user_idx on public.voice_agents (user_id);
comment on table public.voice_agents is 'Bolna.ai voice agents (seed 004): which user owns the calls an agent makes (Bolna''s agent_id → user).';
comment on column public.voice_agents.id is 'Agent id (uuid).';
comment on column public.voice_agents.user_id is 'The user whose agent it is: their calls, credits and analyses.';
comment on column public.voice_agents.bolna_agent_id is 'Bolna''s agent_id, as its webhooks send it.';
comment on column public.voice_agents.name is 'A name for the agent.';
comment on column public.voice_agents.created_at is 'When the agent was registered.';
comment on column public.voice_agents.updated_at is 'When the row last changed.';

create table if not exists public.calls (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references public.profiles (id) on delete set null,
  agent_id uuid references public.voice_agents (id) on delete set null,
  contact_id uuid references public.contacts (id) on delete set null,
  contact_activity_id uuid references public.contact_activities (id) on delete set null,
  bolna_execution_id text not null unique,
  bolna_conversation_id text,
  bolna_agent_id text,
  bolna_status text not null,
  phone_number text,
  call_lifecycle_status varchar(20) not null default 'initiated',
  status text not null default 'in_progress',
  lead_type text not null default 'outbound',
  hangup_by text,
  hangup_reason text,
  hangup_provider_code integer,
  ringing_started_at timestamptz,
  call_answered_at timestamptz,
  call_disconnected_at timestamptz,
  completed_at timestamptz,
  duration_seconds integer not null default 0,
  duration_minutes integer not null default 0,
  credits_used integer not null default 0,
  recording_url text,
  summary text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select dialbridge.ensure_constraint('public.calls', 'calls_lifecycle_status_check',
  'check (call_lifecycle_status in (''initiated'', ''ringing'', ''in-progress'', ''call-disconnected'', ''completed'', ''no-answer'', ''busy'', ''failed''))');
select dialbridge.ensure_constraint('public.calls', 'calls_status_check', 'check (status in (''completed'', ''failed'', ''in_progress'', ''cancelled''))');
select dialbridge.ensure_constraint('public.calls', 'calls_lead_type_check', 'check (lead_type in (''inbound'', ''outbound''))');
select dialbridge.ensure_constraint('public.calls', 'calls_bolna_status_check',
  'check (bolna_status in (''queued'', ''rescheduled'', ''initiated'', ''ringing'', ''in-progress'', ''call-disconnected'', ''completed'', ''busy'', ''no-answer'', ''balance-low'', ''canceled'', ''failed'', ''stopped'', ''error''))');
select dialbridge.ensure_constraint('public.calls', 'calls_durations_check',
  'check (duration_seconds >= 0 and duration_minutes >= 0 and credits_used >= 0 and duration_minutes * 60 >= duration_seconds)');
select dialbridge.ensure_constraint('public.calls', 'calls_metadata_check', 'check (jsonb_typeof(metadata) = ''object'')');
create index if not exists calls_user_created_idx on public.calls (user_id, created_at desc);
create index if not exists calls_user_phone_idx on public.calls (user_id, phone_number, created_at desc);
create index if not exists calls_agent_idx on public.calls (agent_id);
create index if not exists calls_contact_idx on public.calls (contact_id);
comment on table public.calls is 'Bolna.ai voice-agent calls (seed 004): one row per execution, derived from every status POST Bolna sent for it (dialbridge.bolna_sync_calls): in any order and with any duplication the row is the same, and a late status never regresses it.';
comment on column public.calls.id is 'Call id (uuid).';
comment on column public.calls.user_id is 'The user whose agent made the call (voice_agents.user_id).';
comment on column public.calls.agent_id is 'The voice agent.';
comment on column public.calls.contact_id is 'The platform contact, found or created in the user''s team by phone number.';
comment on column public.calls.contact_activity_id is 'The call''s contact_activities row (every Bolna call is one).';
comment on column public.calls.bolna_execution_id is 'Bolna''s execution id (the id every POST of the call carries).';
comment on column public.calls.bolna_conversation_id is 'Bolna''s conversation reference (the execution id unless Bolna sends another).';
comment on column public.calls.bolna_agent_id is 'Bolna''s agent_id as received.';
comment on column public.calls.bolna_status is 'The furthest status Bolna reported (queued … completed, or busy, no-answer, balance-low, canceled, failed, stopped, error).';
comment on column public.calls.phone_number is 'The other party''s number (E.164).';
comment on column public.calls.call_lifecycle_status is 'The seed''s lifecycle: initiated, ringing, in-progress, call-disconnected, completed, no-answer, busy, failed (queued/rescheduled read as initiated; canceled, stopped, error and balance-low as failed; completed without conversation as no-answer).';
comment on column public.calls.status is 'Backward-compatible status: in_progress, completed, failed (unanswered or failed), cancelled (canceled or stopped).';
comment on column public.calls.lead_type is 'inbound or outbound (telephony_data.call_type).';
comment on column public.calls.hangup_by is 'Who hung up (Callee, Carrier, …) as Bolna reports it.';
comment on column public.calls.hangup_reason is 'Bolna''s hangup reason.';
comment on column public.calls.hangup_provider_code is 'The telephony provider''s hangup code.';
comment on column public.calls.ringing_started_at is 'When Bolna reported ringing.';
comment on column public.calls.call_answered_at is 'When the other party answered (in-progress).';
comment on column public.calls.call_disconnected_at is 'When the conversation ended (call-disconnected).';
comment on column public.calls.completed_at is 'When the call reached its final status (completed, no-answer, busy, failed …).';
comment on column public.calls.duration_seconds is 'Conversation seconds, rounded up (27.2 → 28).';
comment on column public.calls.duration_minutes is 'Billed minutes: duration_seconds / 60 rounded up.';
comment on column public.calls.credits_used is 'Credits the call costs (dialbridge.bolna_credits_per_minute × duration_minutes), charged once in credit_ledger.';
comment on column public.calls.recording_url is 'The recording (from the completed POST).';
comment on column public.calls.summary is 'Bolna''s own summary of the conversation, if any.';
comment on column public.calls.metadata is 'raw_conversation_duration, provider, provider_call_id, total_cost, smart_status, telephony_duration.';
comment on column public.calls.created_at is 'When the platform first heard of the call.';
comment on column public.calls.updated_at is 'When the row last changed.';

create table if not exists public.transcripts (
  id uuid primary key default gen_random_uuid(),
  call_id uuid unique references public.calls (id) on delete cascade,
  call_log_id uuid unique references public.call_logs (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete set null,
  content text not null,
  analysis_status text not null default 'pending',
  analysis_error text,
  analysis_attempts integer not null default 0,
  analyzed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select dialbridge.ensure_constraint('public.transcripts', 'transcripts_call_check', 'check ((call_id is null) <> (call_log_id is null))');
select dialbridge.ensure_constraint('public.transcripts', 'transcripts_analysis_status_check',
  'check (analysis_status in (''pending'', ''processing'', ''completed'', ''failed''))');
create index if not exists transcripts_user_idx on public.transcripts (user_id);
create index if not exists transcripts_failed_idx on public.transcripts (updated_at) where analysis_status = 'failed';
comment on table public.transcripts is 'A call''s transcript ("assistant: …\nuser: …") — a voice-agent call''s (call_id) or a VoIPStudio call''s transcribed recording (call_log_id) — and the state of its analysis (the worker''s transcripts__analyze).';
comment on column public.transcripts.id is 'Transcript id.';
comment on column public.transcripts.call_id is 'The voice-agent call (one transcript per call).';
comment on column public.transcripts.call_log_id is 'Or the VoIPStudio call whose recording was transcribed.';
comment on column public.transcripts.user_id is 'The call''s user.';
comment on column public.transcripts.content is 'The transcript text.';
comment on column public.transcripts.analysis_status is 'pending, processing, completed, failed (analysis_error says why; dialbridge.requeue_transcript_analyses runs it again).';
comment on column public.transcripts.analysis_error is 'Why the last analysis failed.';
comment on column public.transcripts.analysis_attempts is 'Analyses started for this transcript.';
comment on column public.transcripts.analyzed_at is 'When the analysis last completed.';
comment on column public.transcripts.created_at is 'When the transcript was stored.';
comment on column public.transcripts.updated_at is 'When the row last changed.';

create table if not exists public.lead_analytics (
  id uuid primary key default gen_random_uuid(),
  call_id uuid references public.calls (id) on delete cascade,
  call_log_id uuid references public.call_logs (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete cascade,
  phone_number varchar(50),
  analysis_type varchar(20) not null default 'individual',
  previous_calls_analyzed integer not null default 0,
  latest_call_id uuid references public.calls (id) on delete set null,
  latest_call_log_id uuid references public.call_logs (id) on delete set null,
  analysis_timestamp timestamptz not null default current_timestamp,
  total_score integer,
  intent_level text, intent_score integer,
  urgency_level text, urgency_score integer,
  budget_constraint text, budget_score integer,
  fit_alignment text, fit_score integer,
  engagement_health text, engagement_score integer,
  lead_status_tag text,
  reasoning jsonb not null default '{}',
  extraction jsonb not null default '{}',
  cta_pricing_clicked boolean not null default false,
  cta_demo_clicked boolean not null default false,
  cta_followup_clicked boolean not null default false,
  cta_sample_clicked boolean not null default false,
  cta_escalated_to_human boolean not null default false,
  demo_scheduled_at timestamptz,
  analyzer text not null default 'openai',
  model text,
  prompt_id text,
  prompt_version text,
  response_id text,
  input_tokens integer,
  output_tokens integer,
  total_tokens integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select dialbridge.ensure_constraint('public.lead_analytics', 'lead_analytics_type_check', 'check (analysis_type in (''individual'', ''complete''))');
select dialbridge.ensure_constraint('public.lead_analytics', 'lead_analytics_shape_check',
  'check ((analysis_type = ''individual'' and (call_id is null) <> (call_log_id is null)) or (analysis_type = ''complete'' and call_id is null and call_log_id is null and user_id is not null and phone_number is not null))');
select dialbridge.ensure_constraint('public.lead_analytics', 'lead_analytics_analyzer_check', 'check (analyzer in (''openai'', ''heuristic''))');
select dialbridge.ensure_constraint('public.lead_analytics', 'lead_analytics_scores_check',
  'check (coalesce(total_score, 0) between 0 and 100 and coalesce(previous_calls_analyzed, 0) >= 0)');
create index if not exists idx_lead_analytics_type on public.lead_analytics (call_id, analysis_type);
create index if not exists idx_lead_analytics_user_phone on public.lead_analytics (user_id, phone_number);
create index if not exists idx_lead_analytics_complete on public.lead_analytics (user_id, phone_number, analysis_type) where analysis_type = 'complete';
create unique index if not exists lead_analytics_individual_once on public.lead_analytics (call_id) where analysis_type = 'individual';
create unique index if not exists lead_analytics_individual_log_once on public.lead_analytics (call_log_id) where analysis_type = 'individual';
create index if not exists lead_analytics_latest_call_log_idx on public.lead_analytics (latest_call_log_id);
create unique index if not exists lead_analytics_complete_once on public.lead_analytics (user_id, phone_number) where analysis_type = 'complete';
create index if not exists lead_analytics_latest_call_idx on public.lead_analytics (latest_call_id);
comment on table public.lead_analytics is 'Transcript analyses (seed 004): individual (one per call: a voice-agent call''s call_id or a VoIPStudio call''s call_log_id) and complete (one per user + phone number: the contact''s recent history with that user across both, latest_call_id or latest_call_log_id and previous_calls_analyzed). Each row says which analyser, model, prompt and prompt version produced it and the tokens it used, so scores from different prompts are never mixed unknowingly.';
comment on column public.lead_analytics.id is 'Analysis id.';
comment on column public.lead_analytics.call_id is 'Individual analyses of a voice-agent call: the call.';
comment on column public.lead_analytics.call_log_id is 'Individual analyses of a VoIPStudio call''s transcribed recording: the call log.';
comment on column public.lead_analytics.user_id is 'The user whose calls were analysed.';
comment on column public.lead_analytics.phone_number is 'Complete analyses: the contact''s number (E.164).';
comment on column public.lead_analytics.analysis_type is 'individual or complete.';
comment on column public.lead_analytics.previous_calls_analyzed is 'Complete: how many calls the analysis read (individual: 0).';
comment on column public.lead_analytics.latest_call_id is 'Complete: the newest call it read (a voice-agent call).';
comment on column public.lead_analytics.latest_call_log_id is 'Complete: the newest call it read, when that was a VoIPStudio call.';
comment on column public.lead_analytics.analysis_timestamp is 'When the analysis was made.';
comment on column public.lead_analytics.total_score is 'Lead score, 0–100.';
comment on column public.lead_analytics.intent_level is 'Intent: low, medium, high.';
comment on column public.lead_analytics.intent_score is 'Intent score (0–3).';
comment on column public.lead_analytics.urgency_level is 'Urgency level.';
comment on column public.lead_analytics.urgency_score is 'Urgency score (0–3).';
comment on column public.lead_analytics.budget_constraint is 'What was said of budget.';
comment on column public.lead_analytics.budget_score is 'Budget score (0–3).';
comment on column public.lead_analytics.fit_alignment is 'How well the lead fits.';
comment on column public.lead_analytics.fit_score is 'Fit score (0–3).';
comment on column public.lead_analytics.engagement_health is 'How engaged the lead was.';
comment on column public.lead_analytics.engagement_score is 'Engagement score (0–3).';
comment on column public.lead_analytics.lead_status_tag is 'Hot, Warm, Cold (or the prompt''s own tag).';
comment on column public.lead_analytics.reasoning is 'Why each score (intent, urgency, budget, fit, engagement, cta_behavior).';
comment on column public.lead_analytics.extraction is 'What was extracted: company_name, name, email_address, smartnotification.';
comment on column public.lead_analytics.cta_pricing_clicked is 'The lead asked for pricing.';
comment on column public.lead_analytics.cta_demo_clicked is 'The lead asked for a demo.';
comment on column public.lead_analytics.cta_followup_clicked is 'The lead asked for a follow-up.';
comment on column public.lead_analytics.cta_sample_clicked is 'The lead asked for a sample.';
comment on column public.lead_analytics.cta_escalated_to_human is 'The lead asked for a person.';
comment on column public.lead_analytics.demo_scheduled_at is 'A demo time agreed on the call.';
comment on column public.lead_analytics.analyzer is 'openai (the Responses API) or heuristic (the offline analyser used without an OpenAI key).';
comment on column public.lead_analytics.model is 'The model that answered (OpenAI''s answer, or heuristic-v1).';
comment on column public.lead_analytics.prompt_id is 'The OpenAI prompt id used (OPENAI_INDIVIDUAL_PROMPT_ID / OPENAI_COMPLETE_PROMPT_ID), if any.';
comment on column public.lead_analytics.prompt_version is 'The prompt''s version (OPENAI_PROMPT_VERSION, or the built-in instructions'' version).';
comment on column public.lead_analytics.response_id is 'OpenAI''s response id.';
comment on column public.lead_analytics.input_tokens is 'Tokens read.';
comment on column public.lead_analytics.output_tokens is 'Tokens written.';
comment on column public.lead_analytics.total_tokens is 'Tokens in all.';
comment on column public.lead_analytics.created_at is 'When the row was first written.';
comment on column public.lead_analytics.updated_at is 'When the row last changed (a re-analysis replaces it).';

create table if not exists public.credit_balances (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  balance integer not null default 0,
  updated_at timestamptz not null default now()
);
comment on table public.credit_balances is 'Each user''s voice-agent credits: the sum of their credit_ledger (kept by trigger; dialbridge.recompute_credit_balances checks it).';
comment on column public.credit_balances.user_id is 'The user.';
comment on column public.credit_balances.balance is 'Credits left (negative: calls made beyond the balance).';
comment on column public.credit_balances.updated_at is 'When the balance last changed.';

create table if not exists public.credit_ledger (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  call_id uuid references public.calls (id) on delete set null,
  kind text not null,
  amount integer not null,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
select dialbridge.ensure_constraint('public.credit_ledger', 'credit_ledger_kind_check', 'check (kind in (''call'', ''grant'', ''adjustment''))');
select dialbridge.ensure_constraint('public.credit_ledger', 'credit_ledger_amount_check',
  'check ((kind = ''call'' and amount <= 0) or (kind <> ''call'' and amount <> 0))');
create unique index if not exists credit_ledger_call_once on public.credit_ledger (call_id) where kind = 'call';
create index if not exists credit_ledger_user_idx on public.credit_ledger (user_id, created_at desc);
comment on table public.credit_ledger is 'Credits in and out: a call''s charge (kind call: at most one row per call, whatever the number of deliveries), grants and adjustments.';
comment on column public.credit_ledger.id is 'Entry id.';
comment on column public.credit_ledger.user_id is 'Whose credits.';
comment on column public.credit_ledger.call_id is 'The call charged (kind call; null once the call row is deleted: the charge stays).';
comment on column public.credit_ledger.kind is 'call (a charge, ≤ 0), grant, adjustment.';
comment on column public.credit_ledger.amount is 'Credits added (positive) or taken (negative).';
comment on column public.credit_ledger.note is 'Why (grants and adjustments).';
comment on column public.credit_ledger.created_at is 'When the entry was made.';
comment on column public.credit_ledger.updated_at is 'When the entry last changed (a call''s charge follows its final duration).';

do $$
declare t text;
begin
  foreach t in array array['voice_agents', 'calls', 'transcripts', 'lead_analytics', 'credit_ledger'] loop
    execute format('drop trigger if exists _100_timestamps on public.%I', t);
    execute format('create trigger _100_timestamps before update on public.%I for each row execute function dialbridge.update_updated_at_column()', t);
  end loop;
end $$;

-- Row-level security: each user sees their own (admins everything); from the browser only admins write here
-- (agents); the pipeline, the worker and admins' credit grants write the rest
alter table public.voice_agents enable row level security;
alter table public.calls enable row level security;
alter table public.transcripts enable row level security;
alter table public.lead_analytics enable row level security;
alter table public.credit_balances enable row level security;
alter table public.credit_ledger enable row level security;
revoke all on public.voice_agents, public.calls, public.transcripts, public.lead_analytics, public.credit_balances,
  public.credit_ledger from public, anon, authenticated;
grant all on public.voice_agents, public.calls, public.transcripts, public.lead_analytics, public.credit_balances,
  public.credit_ledger to service_role;
grant select, delete on public.voice_agents to authenticated;
grant insert (bolna_agent_id, name, user_id), update (name) on public.voice_agents to authenticated;
grant select on public.calls, public.transcripts, public.lead_analytics, public.credit_balances, public.credit_ledger to authenticated;

drop policy if exists "Users see their own agents" on public.voice_agents;
create policy "Users see their own agents" on public.voice_agents for select to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin()));
-- agents are registered by admins: an agent id claimed by the wrong user would route someone else's calls,
-- transcripts and charges to them
drop policy if exists "Admins register agents" on public.voice_agents;
create policy "Admins register agents" on public.voice_agents for insert to authenticated
  with check ((select dialbridge.is_admin()));
drop policy if exists "Admins change agents" on public.voice_agents;
create policy "Admins change agents" on public.voice_agents for update to authenticated
  using ((select dialbridge.is_admin())) with check ((select dialbridge.is_admin()));
drop policy if exists "Admins remove agents" on public.voice_agents;
create policy "Admins remove agents" on public.voice_agents for delete to authenticated
  using ((select dialbridge.is_admin()));
do $$
declare t text;
begin
  foreach t in array array['calls', 'transcripts', 'lead_analytics', 'credit_balances', 'credit_ledger'] loop
    execute format('drop policy if exists "Users see their own" on public.%I', t);
    execute format('create policy "Users see their own" on public.%I for select to authenticated
                      using (user_id = (select auth.uid()) or (select dialbridge.is_admin()))', t);
  end loop;
end $$;

-- ---------------------------------------------------------------------------------------------------
-- Reading Bolna's execution object
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.bolna_time(p_value jsonb)
returns timestamptz
language plpgsql immutable parallel safe set search_path = ''
as $$
declare
  v text := pg_catalog.btrim(p_value #>> '{}');
begin
  if v is null or v = '' or v !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}' then
    return null;
  end if;
  -- a time without a zone is UTC (Bolna's API answers in UTC)
  if v ~ '(Z|[+-]\d{2}(:?\d{2})?)$' then
    return v::timestamptz;
  end if;
  return (v::timestamp) at time zone 'UTC';
exception when others then
  return null;
end
$$;
comment on function dialbridge.bolna_time(jsonb) is 'A Bolna time (ISO 8601; zone-less times are UTC), or null when it is not one.';

create or replace function dialbridge.bolna_status_rank(p_status text)
returns integer
language sql immutable parallel safe set search_path = ''
as $$
  select case p_status
    when 'queued' then 0 when 'rescheduled' then 0 when 'initiated' then 1 when 'ringing' then 2
    when 'in-progress' then 3 when 'call-disconnected' then 4
    when 'completed' then 5 when 'busy' then 5 when 'no-answer' then 5 when 'balance-low' then 5
    when 'canceled' then 5 when 'failed' then 5 when 'stopped' then 5 when 'error' then 5 end
$$;
comment on function dialbridge.bolna_status_rank(text) is 'How far a Bolna status is along the lifecycle (queued 0 … call-disconnected 4, final statuses 5): a call takes its furthest status, so a late POST never regresses it.';

create or replace function dialbridge.bolna_phone(p jsonb)
returns text
language sql immutable parallel safe set search_path = ''
as $$
  select case when pg_catalog.length(d) between 8 and 15 then '+' || d end
    from (select pg_catalog.regexp_replace(coalesce(
                   case when pg_catalog.lower(p -> 'telephony_data' ->> 'call_type') = 'inbound'
                        then nullif(p -> 'telephony_data' ->> 'from_number', '')
                        else nullif(p -> 'telephony_data' ->> 'to_number', '') end,
                   nullif(p ->> 'user_number', ''), ''), '\D', '', 'g') as d) x
$$;
comment on function dialbridge.bolna_phone(jsonb) is 'The other party''s number of a Bolna execution (telephony_data.to_number outbound, from_number inbound, else user_number) in E.164, or null.';

create or replace function dialbridge.bolna_conversation_seconds(p jsonb, p_status text)
returns numeric
language sql immutable parallel safe set search_path = ''
as $$
  select greatest(0, coalesce(
    case when pg_catalog.jsonb_typeof(p -> 'conversation_duration') = 'number' then (p ->> 'conversation_duration')::numeric
         when p ->> 'conversation_duration' ~ '^\s*\d{1,6}(\.\d+)?\s*$' then (p ->> 'conversation_duration')::numeric end,
    -- the completed POST may carry only the rounded telephony duration
    case when p_status = 'completed' and p -> 'telephony_data' ->> 'duration' ~ '^\s*\d{1,6}(\.\d+)?\s*$'
         then (p -> 'telephony_data' ->> 'duration')::numeric end, 0))
$$;
comment on function dialbridge.bolna_conversation_seconds(jsonb, text) is 'Seconds of conversation a Bolna POST reports: conversation_duration (float), else, on completed, telephony_data.duration; 0 when none.';

create or replace function dialbridge.bolna_credits_per_minute()
returns integer
language sql immutable set search_path = ''
as $$ select 1 $$;
comment on function dialbridge.bolna_credits_per_minute() is 'Credits a voice-agent call costs per started minute (seed 004: 1).';

-- the platform contact of a user's call to a number: the user's team's contact with that number
create or replace function dialbridge.bolna_contact(p_user_id uuid, p_phone text)
returns uuid
language sql stable set search_path = ''
as $$
  select c.id from public.contacts c
   where c.phone_e164 = p_phone
     and c.team_id is not distinct from (select pr.team_id from public.profiles pr where pr.id = p_user_id)
   order by c.created_at, c.id
   limit 1
$$;
comment on function dialbridge.bolna_contact(uuid, text) is 'The contact a voice-agent call of a user to a number belongs to: the user''s team''s contact with that E.164 number (oldest first), or null.';

-- ---------------------------------------------------------------------------------------------------
-- The adapter
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.bolna_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text)
returns text
language sql immutable set search_path = ''
as $$
  select coalesce(nullif(p_payload ->> 'id', ''), nullif(p_header_event_id, ''), 'no-id') || ':' || p_event_type
$$;
comment on function dialbridge.bolna_event_identity(text, jsonb, text) is 'Bolna event identity: the execution id and the status (Bolna POSTs the whole execution on every status change: one stored event per execution and status, however often it is delivered).';

create or replace function dialbridge.bolna_event_refs(p_event_type text, p_payload jsonb)
returns table (call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamptz)
language sql stable set search_path = ''
as $$
  select nullif(p_payload ->> 'id', ''), null::text, null::text, nullif(p_payload ->> 'agent_id', ''), null::text,
         dialbridge.bolna_time(p_payload -> 'updated_at')
$$;
comment on function dialbridge.bolna_event_refs(text, jsonb) is 'What is stored beside a Bolna event: the execution id (the call), the agent, the execution''s updated_at.';

create or replace function dialbridge.bolna_normalize(e dialbridge.webhook_events)
returns dialbridge.call_events
language plpgsql stable set search_path = ''
as $$
declare
  r dialbridge.call_events;
  p jsonb := e.payload;
  v_user uuid;
  v_phone text := dialbridge.bolna_phone(e.payload);
  v_secs numeric := dialbridge.bolna_conversation_seconds(e.payload, e.event_type);
  v_reason text := coalesce(e.payload -> 'telephony_data' ->> 'hangup_reason', '');
begin
  if nullif(p ->> 'id', '') is null then
    raise exception 'Bolna % event without an execution id', e.event_type using errcode = 'DB061';
  end if;
  select a.user_id into v_user from public.voice_agents a where a.bolna_agent_id = p ->> 'agent_id';
  if v_user is null then
    raise exception 'Bolna agent % is not registered in public.voice_agents: register it, then replay (npm run replay -- --provider bolna)',
      coalesce(p ->> 'agent_id', '(none)') using errcode = 'DB061';
  end if;
  r.kind := 'call';
  r.call_id := p ->> 'id';
  r.event_at := coalesce(dialbridge.bolna_time(p -> 'updated_at'), e.received_at);
  r.provider_user_id := p ->> 'agent_id';
  r.user_email := (select pr.email from public.profiles pr where pr.id = v_user);
  r.phone_e164 := coalesce(dialbridge.phone_e164_candidates(v_phone), '{}');
  r.sourceco_contact_id := dialbridge.bolna_contact(v_user, v_phone)::text;
  r.started_at := coalesce(dialbridge.bolna_time(p -> 'created_at'), r.event_at);
  if e.event_type = 'in-progress' then
    r.connected_at := r.event_at;
  end if;
  if dialbridge.bolna_status_rank(e.event_type) >= 4 then
    r.outcome := case
      when e.event_type in ('call-disconnected', 'completed') and v_secs > 0 then 'connected'
      when e.event_type = 'busy' or (e.event_type = 'completed' and v_reason ~* 'busy') then 'busy'
      when e.event_type in ('completed', 'no-answer') then 'no_answer'
      else 'failed' end;
    if r.outcome = 'connected' then
      r.talk_seconds := pg_catalog.ceil(v_secs)::integer;
      r.total_seconds := pg_catalog.ceil(v_secs)::integer;
      if e.event_type = 'call-disconnected' then
        r.ended_at := r.event_at;
      end if;
    else
      r.ended_at := r.event_at;
    end if;
  end if;
  r.recording_url := nullif(p -> 'telephony_data' ->> 'recording_url', '');
  r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('bolna_status', e.event_type, 'bolna_agent_id', p ->> 'agent_id'));
  return r;
end
$$;
comment on function dialbridge.bolna_normalize(dialbridge.webhook_events) is 'One stored Bolna POST as the shared call record (dialbridge.call_events), keyed on the execution id: the agent''s user is the rep (an unregistered agent is refused, DB061: replay after registering it), the number and the team''s contact, the execution''s created_at as the start, in-progress as the answer, and from call-disconnected on the outcome (a conversation: connected with its seconds rounded up; completed without one: no answer, or busy by the hangup reason; no-answer, busy; the rest failed), the end and the recording.';

-- contacts for a batch's calls: found, or created in the user's team (seed 004: per user and phone)
create or replace function dialbridge.bolna_ensure_contacts(p_ids bigint[])
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_n integer;
begin
  with wanted as (
    select distinct a.user_id, pr.team_id, dialbridge.bolna_phone(e.payload) as phone
      from dialbridge.webhook_events e
      join public.voice_agents a on a.bolna_agent_id = e.payload ->> 'agent_id'
      join public.profiles pr on pr.id = a.user_id
     where e.provider = 'bolna' and e.id = any (p_ids) and dialbridge.bolna_phone(e.payload) is not null
  ), missing as (
    select distinct on (w.team_id, w.phone) w.* from wanted w
     where dialbridge.bolna_contact(w.user_id, w.phone) is null
     order by w.team_id, w.phone, w.user_id
  )
  insert into public.contacts (team_id, owner_id, phone, phone_e164, phone_status, phone_normalized_from, list_source)
  select m.team_id, m.user_id, m.phone, m.phone, 'valid', m.phone, 'voice agent'
    from missing m;
  get diagnostics v_n = row_count;
  return v_n;
end
$$;
comment on function dialbridge.bolna_ensure_contacts(bigint[]) is 'Before a batch of Bolna events is projected: a contact for every (user, number) it names that has none in the user''s team (list_source ''voice agent''), so each call finds its contact. Returns the contacts created.';

-- ---------------------------------------------------------------------------------------------------
-- The call row, its transcript and its charge: derived from every stored POST of the execution
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.bolna_sync_calls(p_execution_ids text[])
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_n integer;
  v_call record;
begin
  if coalesce(pg_catalog.cardinality(p_execution_ids), 0) = 0 then
    return 0;
  end if;
  if pg_catalog.to_regclass('pg_temp.bolna_call_sync') is null then
    create temporary table bolna_call_sync (
      execution_id text primary key, agent_id uuid, user_id uuid, final_status text, lifecycle text, status text,
      lead_type text, phone text, conversation_id text, first_at timestamptz, ringing_at timestamptz,
      answered_at timestamptz, disconnected_at timestamptz, final_at timestamptz, raw_seconds numeric,
      duration_seconds integer, hangup_by text, hangup_reason text, hangup_code integer, recording_url text,
      transcript text, summary text, metadata jsonb) on commit drop;
  end if;
  truncate pg_temp.bolna_call_sync;

  insert into pg_temp.bolna_call_sync
  with ev as (
    select e.id, e.provider_call_id as x, e.event_type as st, e.payload as p,
           coalesce(e.payload -> 'telephony_data', '{}'::jsonb) as t,
           coalesce(dialbridge.bolna_time(e.payload -> 'updated_at'), e.received_at) as at,
           dialbridge.bolna_status_rank(e.event_type) as rk,
           dialbridge.bolna_conversation_seconds(e.payload, e.event_type) as secs
      from dialbridge.webhook_events e
     where e.provider = 'bolna' and e.provider_call_id = any (p_execution_ids)
  ), agg as (
    select ev.x,
           (array_agg(ev.st order by ev.rk desc, (ev.st = 'completed') desc, ev.at desc, ev.id desc))[1] as final_status,
           bool_or(ev.st = 'in-progress') as reached,
           bool_or(ev.st = 'busy' or (ev.st = 'completed' and ev.t ->> 'hangup_reason' ~* 'busy')) as was_busy,
           max(ev.secs) as secs,
           min(ev.at) filter (where ev.st = 'ringing') as ringing_at,
           min(ev.at) filter (where ev.st = 'in-progress') as answered_at,
           min(ev.at) filter (where ev.st = 'call-disconnected') as disconnected_at,
           min(ev.at) filter (where ev.rk = 5) as final_at,
           min(least(ev.at, coalesce(dialbridge.bolna_time(ev.p -> 'created_at'), ev.at))) as first_at,
           (array_agg(ev.p ->> 'agent_id' order by ev.at, ev.id) filter (where nullif(ev.p ->> 'agent_id', '') is not null))[1] as agent,
           (array_agg(dialbridge.bolna_phone(ev.p) order by ev.at, ev.id) filter (where dialbridge.bolna_phone(ev.p) is not null))[1] as phone,
           (array_agg(pg_catalog.lower(ev.t ->> 'call_type') order by ev.at, ev.id) filter (where ev.t ? 'call_type'))[1] as call_type,
           (array_agg(ev.p ->> 'conversation_id' order by ev.at, ev.id) filter (where nullif(ev.p ->> 'conversation_id', '') is not null))[1] as conversation_id,
           (array_agg(ev.t ->> 'hangup_by' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'hangup_by', '') is not null))[1] as hangup_by,
           (array_agg(ev.t ->> 'hangup_reason' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'hangup_reason', '') is not null))[1] as hangup_reason,
           (array_agg(ev.t ->> 'hangup_provider_code' order by ev.rk desc, ev.at desc, ev.id desc)
              filter (where ev.t ->> 'hangup_provider_code' ~ '^\s*-?\d{1,9}\s*$'))[1] as hangup_code,
           (array_agg(ev.t ->> 'recording_url' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'recording_url', '') is not null))[1] as recording_url,
           (array_agg(ev.p ->> 'transcript' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(pg_catalog.btrim(ev.p ->> 'transcript'), '') is not null))[1] as transcript,
           (array_agg(ev.p ->> 'summary' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(pg_catalog.btrim(ev.p ->> 'summary'), '') is not null))[1] as summary,
           pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
             'raw_conversation_duration', max(case when pg_catalog.jsonb_typeof(ev.p -> 'conversation_duration') = 'number' then (ev.p ->> 'conversation_duration')::numeric end),
             'provider', (array_agg(ev.t ->> 'provider' order by ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'provider', '') is not null))[1],
             'provider_call_id', (array_agg(ev.t ->> 'provider_call_id' order by ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'provider_call_id', '') is not null))[1],
             'telephony_duration', (array_agg(ev.t ->> 'duration' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.t ->> 'duration', '') is not null))[1],
             'total_cost', (array_agg(ev.p -> 'total_cost' order by ev.rk desc, ev.at desc, ev.id desc) filter (where pg_catalog.jsonb_typeof(ev.p -> 'total_cost') = 'number'))[1],
             'smart_status', (array_agg(ev.p ->> 'smart_status' order by ev.rk desc, ev.at desc, ev.id desc) filter (where nullif(ev.p ->> 'smart_status', '') is not null))[1]
           )) as metadata
      from ev
     group by ev.x
  )
  select a.x, va.id, va.user_id, a.final_status,
         case a.final_status
           when 'queued' then 'initiated' when 'rescheduled' then 'initiated' when 'initiated' then 'initiated'
           when 'ringing' then 'ringing' when 'in-progress' then 'in-progress' when 'call-disconnected' then 'call-disconnected'
           when 'completed' then case when a.reached or a.secs > 0 then 'completed' when a.was_busy then 'busy' else 'no-answer' end
           when 'no-answer' then 'no-answer' when 'busy' then 'busy' else 'failed' end,
         case when a.final_status in ('queued', 'rescheduled', 'initiated', 'ringing', 'in-progress', 'call-disconnected') then 'in_progress'
              when a.final_status = 'completed' and (a.reached or a.secs > 0) then 'completed'
              when a.final_status in ('canceled', 'stopped') then 'cancelled'
              else 'failed' end,
         case when a.call_type = 'inbound' then 'inbound' else 'outbound' end,
         a.phone, coalesce(a.conversation_id, a.x), a.first_at, a.ringing_at,
         coalesce(a.answered_at, case when a.secs > 0 then coalesce(a.disconnected_at, a.final_at) - pg_catalog.make_interval(secs => a.secs::float8) end),
         a.disconnected_at, a.final_at, a.secs, pg_catalog.ceil(a.secs)::integer,
         a.hangup_by, a.hangup_reason, a.hangup_code::integer, a.recording_url, a.transcript, a.summary, a.metadata
    from agg a
    join public.voice_agents va on va.bolna_agent_id = a.agent;

  insert into public.calls as c (user_id, agent_id, contact_id, contact_activity_id, bolna_execution_id, bolna_conversation_id,
                                 bolna_agent_id, bolna_status, phone_number, call_lifecycle_status, status, lead_type, hangup_by,
                                 hangup_reason, hangup_provider_code, ringing_started_at, call_answered_at, call_disconnected_at,
                                 completed_at, duration_seconds, duration_minutes, credits_used, recording_url, summary, metadata, created_at)
  select s.user_id, s.agent_id, dialbridge.bolna_contact(s.user_id, s.phone),
         (select ca.id from public.contact_activities ca where ca.dedupe_key = 'bolna:call:' || s.execution_id),
         s.execution_id, s.conversation_id, (select va.bolna_agent_id from public.voice_agents va where va.id = s.agent_id),
         s.final_status, s.phone, s.lifecycle, s.status, s.lead_type, s.hangup_by, s.hangup_reason, s.hangup_code,
         s.ringing_at, s.answered_at, s.disconnected_at,
         case when s.lifecycle in ('completed', 'no-answer', 'busy', 'failed') then s.final_at end,
         s.duration_seconds, pg_catalog.ceil(s.duration_seconds / 60.0)::integer,
         pg_catalog.ceil(s.duration_seconds / 60.0)::integer * dialbridge.bolna_credits_per_minute(),
         s.recording_url, s.summary, s.metadata, coalesce(s.first_at, pg_catalog.now())
    from pg_temp.bolna_call_sync s
  on conflict (bolna_execution_id) do update
    set user_id = excluded.user_id, agent_id = excluded.agent_id, contact_id = coalesce(c.contact_id, excluded.contact_id),
        contact_activity_id = coalesce(excluded.contact_activity_id, c.contact_activity_id),
        bolna_conversation_id = excluded.bolna_conversation_id, bolna_agent_id = excluded.bolna_agent_id,
        bolna_status = excluded.bolna_status, phone_number = excluded.phone_number,
        call_lifecycle_status = excluded.call_lifecycle_status, status = excluded.status, lead_type = excluded.lead_type,
        hangup_by = excluded.hangup_by, hangup_reason = excluded.hangup_reason, hangup_provider_code = excluded.hangup_provider_code,
        ringing_started_at = excluded.ringing_started_at, call_answered_at = excluded.call_answered_at,
        call_disconnected_at = excluded.call_disconnected_at, completed_at = excluded.completed_at,
        duration_seconds = excluded.duration_seconds, duration_minutes = excluded.duration_minutes,
        credits_used = excluded.credits_used, recording_url = excluded.recording_url, summary = excluded.summary,
        metadata = excluded.metadata, created_at = least(c.created_at, excluded.created_at)
    where (c.user_id, c.agent_id, c.contact_id, c.contact_activity_id, c.bolna_conversation_id, c.bolna_status, c.phone_number,
           c.call_lifecycle_status, c.status, c.lead_type, c.hangup_by, c.hangup_reason, c.hangup_provider_code,
           c.ringing_started_at, c.call_answered_at, c.call_disconnected_at, c.completed_at, c.duration_seconds,
           c.duration_minutes, c.credits_used, c.recording_url, c.summary, c.metadata, c.created_at)
          is distinct from
          (excluded.user_id, excluded.agent_id, coalesce(c.contact_id, excluded.contact_id),
           coalesce(excluded.contact_activity_id, c.contact_activity_id), excluded.bolna_conversation_id, excluded.bolna_status,
           excluded.phone_number, excluded.call_lifecycle_status, excluded.status, excluded.lead_type, excluded.hangup_by,
           excluded.hangup_reason, excluded.hangup_provider_code, excluded.ringing_started_at, excluded.call_answered_at,
           excluded.call_disconnected_at, excluded.completed_at, excluded.duration_seconds, excluded.duration_minutes,
           excluded.credits_used, excluded.recording_url, excluded.summary, excluded.metadata, least(c.created_at, excluded.created_at));
  get diagnostics v_n = row_count;

  -- the charge: once per call (a unique key on the call), following its final duration
  insert into public.credit_ledger as l (user_id, call_id, kind, amount)
  select c.user_id, c.id, 'call', -c.credits_used
    from public.calls c
   where c.bolna_execution_id = any (p_execution_ids) and c.user_id is not null and c.credits_used > 0
  on conflict (call_id) where kind = 'call' do update
    set amount = excluded.amount, user_id = excluded.user_id
    where (l.amount, l.user_id) is distinct from (excluded.amount, excluded.user_id);

  -- the transcript; a new or changed one is analysed (never inline: the worker's transcripts__analyze)
  for v_call in
    with t as (
      insert into public.transcripts as tr (call_id, user_id, content)
      select c.id, c.user_id, s.transcript
        from pg_temp.bolna_call_sync s join public.calls c on c.bolna_execution_id = s.execution_id
       where s.transcript is not null
      on conflict (call_id) do update
        set content = excluded.content, user_id = excluded.user_id, analysis_status = 'pending', analysis_error = null
        where tr.content is distinct from excluded.content or tr.user_id is distinct from excluded.user_id
      returning tr.call_id
    )
    select t.call_id from t
  loop
    perform dialbridge.queue_transcript_analysis(v_call.call_id);
  end loop;
  return v_n;
end
$$;
comment on function dialbridge.bolna_sync_calls(text[]) is 'Derives Bolna calls from every stored POST of their executions, so any order and duplication give the same row: the furthest status (dialbridge.bolna_status_rank; completed wins a tie) in the seed''s lifecycle and the backward-compatible status (completed without conversation: no-answer, or busy by the hangup reason), the times of ringing, answer, disconnection and the final status, duration_seconds = ceil(conversation seconds), duration_minutes = ceil(seconds / 60), credits, hangup fields, recording, summary and metadata; the user''s contact and the call''s activity. Then the call''s charge (one credit_ledger row per call, following its final credits) and its transcript, whose analysis a new or changed transcript queues.';

create or replace function dialbridge.bolna_process_events(p_provider text, p_ids bigint[], as_of timestamptz)
returns table (log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
language plpgsql set search_path = ''
as $$
begin
  perform dialbridge.lock_call_projection();
  perform dialbridge.bolna_ensure_contacts(p_ids);
  return query select * from dialbridge.project_call_events(p_provider, p_ids, as_of);
  perform dialbridge.bolna_sync_calls(array(
    select distinct e.provider_call_id from dialbridge.webhook_events e
     where e.id = any (p_ids) and e.provider = p_provider and e.provider_call_id is not null));
end
$$;
comment on function dialbridge.bolna_process_events(text, bigint[], timestamptz) is 'Bolna''s batch stage: contacts for the batch''s (user, number) pairs, the shared projection (one contact_activities row per execution), then the calls, charges and transcripts of the executions it touched (dialbridge.bolna_sync_calls).';

-- ---------------------------------------------------------------------------------------------------
-- Credits
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.tg_credit_ledger__balances()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- each statement's transition tables, as (user, delta) rows
  create temporary table if not exists credit_ledger_delta (user_id uuid, amount bigint) on commit drop;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into pg_temp.credit_ledger_delta select n.user_id, n.amount from new_rows n;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into pg_temp.credit_ledger_delta select o.user_id, -o.amount from old_rows o;
  end if;
  insert into public.credit_balances as b (user_id, balance, updated_at)
  select d.user_id, sum(d.amount)::integer, pg_catalog.now() from pg_temp.credit_ledger_delta d
   where exists (select 1 from public.profiles p where p.id = d.user_id)  -- a user being deleted takes their balance along
   group by d.user_id having sum(d.amount) <> 0
  on conflict (user_id) do update set balance = b.balance + excluded.balance, updated_at = excluded.updated_at;
  truncate pg_temp.credit_ledger_delta;
  return null;
end
$$;
comment on function dialbridge.tg_credit_ledger__balances() is 'Trigger function: every statement on credit_ledger moves the users'' credit_balances by what it added or removed (incremental; dialbridge.recompute_credit_balances checks it).';
drop trigger if exists _900_balances_insert on public.credit_ledger;
create trigger _900_balances_insert after insert on public.credit_ledger referencing new table as new_rows
  for each statement execute function dialbridge.tg_credit_ledger__balances();
drop trigger if exists _900_balances_update on public.credit_ledger;
create trigger _900_balances_update after update on public.credit_ledger referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_credit_ledger__balances();
drop trigger if exists _900_balances_delete on public.credit_ledger;
create trigger _900_balances_delete after delete on public.credit_ledger referencing old table as old_rows
  for each statement execute function dialbridge.tg_credit_ledger__balances();

create or replace function dialbridge.recompute_credit_balances()
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_n integer;
begin
  with truth as (
    select p.id as user_id, coalesce((select sum(l.amount) from public.credit_ledger l where l.user_id = p.id), 0)::integer as balance
      from public.profiles p
     where exists (select 1 from public.credit_ledger l where l.user_id = p.id)
        or exists (select 1 from public.credit_balances b where b.user_id = p.id)
  )
  insert into public.credit_balances as b (user_id, balance, updated_at)
  select t.user_id, t.balance, pg_catalog.now() from truth t
   where not exists (select 1 from public.credit_balances x where x.user_id = t.user_id and x.balance = t.balance)
  on conflict (user_id) do update set balance = excluded.balance, updated_at = excluded.updated_at;
  get diagnostics v_n = row_count;
  return v_n;
end
$$;
comment on function dialbridge.recompute_credit_balances() is 'Reconciliation: sets every credit balance to the sum of its ledger; returns how many were wrong (0 when the trigger kept them right).';

create or replace function public.grant_credits(p_user_id uuid, p_amount integer, p_note text)
returns public.credit_balances
language plpgsql security definer set search_path = ''
as $$
declare
  v_b public.credit_balances;
begin
  if auth.uid() is not null and not dialbridge.is_admin() then
    raise exception 'only admins grant credits' using errcode = '42501';
  end if;
  if coalesce(p_amount, 0) = 0 or nullif(pg_catalog.btrim(p_note), '') is null then
    raise exception 'say how many credits and why' using errcode = '22023';
  end if;
  insert into public.credit_ledger (user_id, kind, amount, note)
  values (p_user_id, case when p_amount > 0 then 'grant' else 'adjustment' end, p_amount, pg_catalog.btrim(p_note));
  select * into v_b from public.credit_balances where user_id = p_user_id;
  return v_b;
end
$$;
comment on function public.grant_credits(uuid, integer, text) is 'Adds (or, negative, takes) voice-agent credits for a user, with a note, in the ledger. Admins and the service role only (42501).';
revoke all on function public.grant_credits(uuid, integer, text) from public, anon;
grant execute on function public.grant_credits(uuid, integer, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Transcript analysis (the worker's transcripts__analyze; OpenAI or the offline analyser)
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.queue_transcript_analysis(p_call_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform graphile_worker.add_job('transcripts__analyze', pg_catalog.json_build_object('call_id', p_call_id),
    job_key := 'transcripts__analyze:' || p_call_id, job_key_mode := 'replace', max_attempts := 5);
exception when others then
  raise warning 'dialbridge: could not queue the analysis of call % (%): dialbridge.requeue_transcript_analyses will', p_call_id, sqlstate;
end
$$;
comment on function dialbridge.queue_transcript_analysis(uuid) is 'Queues the worker''s analysis of a call''s transcript (transcripts__analyze, coalesced per call); a failure to queue is a warning (requeue_transcript_analyses catches it).';

create or replace function dialbridge.requeue_transcript_analyses(p_statuses text[] default array['failed'], p_since timestamptz default null)
returns integer
language plpgsql security definer set search_path = ''
as $$
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
comment on function dialbridge.requeue_transcript_analyses(text[], timestamptz) is 'Replays transcript analyses: every transcript in the given states (failed by default; pending after an outage of the worker), changed since a moment if given, goes back to pending and is queued. Returns how many.';

/** Every call with a transcript, whichever dialer made it: what analyses read and are keyed on. */
create or replace view dialbridge.analysed_calls as
select c.id, 'bolna'::text as source, c.user_id, c.phone_number::text as phone_number,
       coalesce(c.call_answered_at, c.created_at) as at, c.duration_seconds, c.contact_id, t.content as transcript
  from public.calls c join public.transcripts t on t.call_id = c.id
union all
select l.id, 'voipstudio', l.user_id, case when l.direction = 'inbound' then l.from_number else l.to_number end,
       coalesce(l.answered_at, l.started_at, l.created_at), coalesce(l.duration, 0), l.contact_id, t.content
  from public.call_logs l join public.transcripts t on t.call_log_id = l.id;
comment on view dialbridge.analysed_calls is 'Calls with a transcript, from either dialer: Bolna voice-agent calls (source bolna) and VoIPStudio calls whose recording was transcribed (source voipstudio), with their user, the other party''s number, when they were answered (else placed), duration, contact and transcript. Read by the analysis functions (owner rights).';
comment on column dialbridge.analysed_calls.id is 'calls.id or call_logs.id.';
comment on column dialbridge.analysed_calls.source is 'bolna or voipstudio.';
comment on column dialbridge.analysed_calls.user_id is 'The user (the agent''s owner, or the rep).';
comment on column dialbridge.analysed_calls.phone_number is 'The other party''s number.';
comment on column dialbridge.analysed_calls.at is 'When the call was answered, else placed.';
comment on column dialbridge.analysed_calls.duration_seconds is 'Its seconds.';
comment on column dialbridge.analysed_calls.contact_id is 'The platform contact.';
comment on column dialbridge.analysed_calls.transcript is 'The transcript.';
revoke all on dialbridge.analysed_calls from public, anon, authenticated;
grant select on dialbridge.analysed_calls to service_role;

/**
 * What an analysis reads for a call: the call, its transcript, and the user's recent calls to the same
 * number up to and including it (newest first) within the call and token budgets.
 */
create or replace function dialbridge.analysis_input(p_call_id uuid, p_max_calls integer default 10, p_token_budget integer default 50000)
returns jsonb
language sql stable security definer set search_path = ''
as $$
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
comment on function dialbridge.analysis_input(uuid, integer, integer) is 'What the analysis of a call (a voice-agent call or a transcribed VoIPStudio call: dialbridge.analysed_calls) reads, as JSON: the call (source, user, number, duration, date, contact), its transcript, and the history for the complete analysis — the user''s calls to that number from either dialer up to and including this one, the newest p_max_calls (10) within p_token_budget tokens (50,000; estimated as characters / 4; the call itself always), oldest first, each with its individual analysis — and how many such calls exist. Null when the call has no transcript. Service role.';

create or replace function dialbridge.set_transcript_analysis(p_call_id uuid, p_status text, p_error text default null)
returns public.transcripts
language plpgsql security definer set search_path = ''
as $$
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
comment on function dialbridge.set_transcript_analysis(uuid, text, text) is 'Records where a call''s transcript analysis stands: processing (an attempt started), completed, or failed with the reason.';

create or replace function dialbridge.store_lead_analysis(p_call_id uuid, p_type text, p_result jsonb, p_meta jsonb)
returns public.lead_analytics
language plpgsql security definer set search_path = ''
as $$
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
comment on function dialbridge.store_lead_analysis(uuid, text, jsonb, jsonb) is 'Stores one validated analysis of a call (a voice-agent call or a transcribed VoIPStudio call; p_result: the analysis schema; p_meta: analyzer, model, prompt_id, prompt_version, response_id, token usage, and for complete analyses previous_calls_analyzed and latest_call_id): individual replaces the call''s row (and sets a VoIPStudio recording''s sentiment from it), complete upserts the user + number row — unless that row already reads a newer call. Never two rows for one call or one contact. Service role.';

/** A VoIPStudio recording's transcription (its call history): stored on the recording and analysed like a voice-agent call. */
create or replace function dialbridge.record_voipstudio_transcription(p_call_id text, p_transcription text)
returns public.transcripts
language plpgsql security definer set search_path = ''
as $$
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
comment on function dialbridge.record_voipstudio_transcription(text, text) is 'A VoIPStudio call''s transcribed recording (from its call history): the transcription on the recording, the transcript stored (idempotent), and — when new or changed — the same analysis as a voice-agent call (transcripts__analyze: individual, then the user''s complete history with the number, across both dialers). Service role. DB070: no call log for that call.';

-- ---------------------------------------------------------------------------------------------------
-- Reports: the seed's KPIs per user, agent and day; analyses; credits and balance-low
-- ---------------------------------------------------------------------------------------------------
create or replace view dialbridge.report_voice_calls with (security_barrier = true) as
select c.* from public.calls c
 where (select dialbridge.reads_all_reports()) or (select dialbridge.is_admin()) or c.user_id = (select auth.uid());
comment on view dialbridge.report_voice_calls is 'Voice-agent calls the caller may see (their own; admins, Metabase and the service role: all). Read by reports views.';
create or replace view dialbridge.report_lead_analytics with (security_barrier = true) as
select a.* from public.lead_analytics a
 where (select dialbridge.reads_all_reports()) or (select dialbridge.is_admin()) or a.user_id = (select auth.uid());
comment on view dialbridge.report_lead_analytics is 'Transcript analyses the caller may see (their own; admins, Metabase and the service role: all). Read by reports views.';
create or replace view dialbridge.report_transcripts with (security_barrier = true) as
select t.id, t.call_id, t.call_log_id, t.user_id, t.analysis_status, t.analysis_error, t.analysis_attempts, t.analyzed_at, t.created_at, t.updated_at
  from public.transcripts t
 where (select dialbridge.reads_all_reports()) or (select dialbridge.is_admin()) or t.user_id = (select auth.uid());
comment on view dialbridge.report_transcripts is 'Transcripts'' analysis states the caller may see (never their text). Read by reports views.';
create or replace view dialbridge.report_credit_balances with (security_barrier = true) as
select b.* from public.credit_balances b
 where (select dialbridge.reads_all_reports()) or (select dialbridge.is_admin()) or b.user_id = (select auth.uid());
comment on view dialbridge.report_credit_balances is 'Credit balances the caller may see. Read by reports views.';
create or replace view dialbridge.report_voice_agents with (security_barrier = true) as
select a.* from public.voice_agents a
 where (select dialbridge.reads_all_reports()) or (select dialbridge.is_admin()) or a.user_id = (select auth.uid());
comment on view dialbridge.report_voice_agents is 'Voice agents the caller may see. Read by reports views.';
revoke all on dialbridge.report_voice_agents from public, anon;
grant select on dialbridge.report_voice_agents to authenticated, service_role, dialbridge_metabase;
revoke all on dialbridge.report_voice_calls, dialbridge.report_lead_analytics, dialbridge.report_transcripts, dialbridge.report_credit_balances from public, anon;
grant select on dialbridge.report_voice_calls, dialbridge.report_lead_analytics, dialbridge.report_transcripts, dialbridge.report_credit_balances
  to authenticated, service_role, dialbridge_metabase;

create or replace view reports.voice_agent_kpis with (security_invoker = true) as
select c.user_id, p.display_name as user_name, c.agent_id, a.name as agent_name,
       (coalesce(c.call_answered_at, c.created_at) at time zone dialbridge.report_time_zone())::date as day,
       count(*)::bigint as calls,
       count(*) filter (where c.call_lifecycle_status in ('no-answer', 'busy'))::bigint as missed_calls,
       count(*) filter (where c.call_answered_at is not null)::bigint as connected_calls,
       count(*) filter (where c.call_lifecycle_status = 'failed')::bigint as failed_calls,
       round(100.0 * count(*) filter (where c.call_lifecycle_status in ('no-answer', 'busy'))
             / nullif(count(*) filter (where c.call_lifecycle_status <> 'failed' and c.status <> 'in_progress'), 0), 2) as missed_call_rate_pct,
       round(100.0 * count(*) filter (where c.call_answered_at is not null)
             / nullif(count(*) filter (where c.call_lifecycle_status <> 'failed' and c.status <> 'in_progress'), 0), 2) as connected_rate_pct,
       round(avg(c.duration_seconds) filter (where c.call_answered_at is not null), 1) as avg_conversation_seconds,
       coalesce(sum(c.duration_minutes), 0)::bigint as billed_minutes,
       coalesce(sum(c.credits_used), 0)::bigint as credits_used
  from dialbridge.report_voice_calls c
  left join dialbridge.report_voice_agents a on a.id = c.agent_id
  left join dialbridge.report_profiles p on p.id = c.user_id
 group by c.user_id, p.display_name, c.agent_id, a.name, (coalesce(c.call_answered_at, c.created_at) at time zone dialbridge.report_time_zone())::date;
comment on view reports.voice_agent_kpis is 'Seed 004''s KPIs per user, voice agent and day (reporting time zone): calls, missed (no-answer + busy), connected (in-progress reached), failed, the missed-call and connected rates of finished calls, average conversation seconds of connected calls, billed minutes and credits.';
comment on column reports.voice_agent_kpis.user_id is 'The user whose agent called.';
comment on column reports.voice_agent_kpis.user_name is 'Their display name.';
comment on column reports.voice_agent_kpis.agent_id is 'The voice agent.';
comment on column reports.voice_agent_kpis.agent_name is 'Its name.';
comment on column reports.voice_agent_kpis.day is 'The day (reporting time zone) the call was answered, else placed.';
comment on column reports.voice_agent_kpis.calls is 'Calls.';
comment on column reports.voice_agent_kpis.missed_calls is 'Not answered or busy.';
comment on column reports.voice_agent_kpis.connected_calls is 'Answered (in-progress reached).';
comment on column reports.voice_agent_kpis.failed_calls is 'Failed, canceled, stopped, errors, balance-low.';
comment on column reports.voice_agent_kpis.missed_call_rate_pct is 'Missed ÷ finished calls (not failed), %.';
comment on column reports.voice_agent_kpis.connected_rate_pct is 'Connected ÷ finished calls (not failed), %.';
comment on column reports.voice_agent_kpis.avg_conversation_seconds is 'Average conversation of connected calls, seconds.';
comment on column reports.voice_agent_kpis.billed_minutes is 'Billed minutes.';
comment on column reports.voice_agent_kpis.credits_used is 'Credits the calls cost.';

create or replace view reports.lead_analysis_counts with (security_invoker = true) as
select u.user_id, p.display_name as user_name,
       count(la.id) filter (where la.analysis_type = 'individual')::bigint as individual_analyses,
       count(la.id) filter (where la.analysis_type = 'complete')::bigint as complete_analyses,
       count(la.id) filter (where la.analyzer = 'heuristic')::bigint as heuristic_analyses,
       (select count(*) from dialbridge.report_transcripts t where t.user_id = u.user_id and t.analysis_status = 'failed')::bigint as failed_analyses,
       (select count(*) from dialbridge.report_transcripts t where t.user_id = u.user_id and t.analysis_status in ('pending', 'processing'))::bigint as pending_analyses,
       coalesce(sum(la.total_tokens), 0)::bigint as tokens_used,
       max(la.analysis_timestamp) as last_analysis_at
  from (select distinct t.user_id from dialbridge.report_transcripts t where t.user_id is not null
        union select distinct a.user_id from dialbridge.report_lead_analytics a where a.user_id is not null) u
  left join dialbridge.report_lead_analytics la on la.user_id = u.user_id
  left join dialbridge.report_profiles p on p.id = u.user_id
 group by u.user_id, p.display_name;
comment on view reports.lead_analysis_counts is 'Transcript analyses per user: individual and complete rows, how many the offline analyser made, failed and waiting analyses, tokens used, the latest.';
comment on column reports.lead_analysis_counts.user_id is 'The user.';
comment on column reports.lead_analysis_counts.user_name is 'Their display name.';
comment on column reports.lead_analysis_counts.individual_analyses is 'Individual (per call) analyses.';
comment on column reports.lead_analysis_counts.complete_analyses is 'Complete (per contact) analyses.';
comment on column reports.lead_analysis_counts.heuristic_analyses is 'Rows made by the offline heuristic analyser (no OpenAI key).';
comment on column reports.lead_analysis_counts.failed_analyses is 'Transcripts whose analysis failed (replay: dialbridge.requeue_transcript_analyses).';
comment on column reports.lead_analysis_counts.pending_analyses is 'Transcripts waiting for or in analysis.';
comment on column reports.lead_analysis_counts.tokens_used is 'OpenAI tokens used.';
comment on column reports.lead_analysis_counts.last_analysis_at is 'The latest analysis.';

create or replace view reports.voice_agent_credits with (security_invoker = true) as
select b.user_id, p.display_name as user_name, b.balance, b.updated_at as balance_updated_at,
       (select count(*) from dialbridge.report_voice_calls c where c.user_id = b.user_id and c.bolna_status = 'balance-low')::bigint as balance_low_calls,
       (select max(coalesce(c.completed_at, c.created_at)) from dialbridge.report_voice_calls c
         where c.user_id = b.user_id and c.bolna_status = 'balance-low') as last_balance_low_at
  from dialbridge.report_credit_balances b
  left join dialbridge.report_profiles p on p.id = b.user_id;
comment on view reports.voice_agent_credits is 'Voice-agent credits per user: the balance, and the calls Bolna refused for a low balance (balance-low), the latest when.';
comment on column reports.voice_agent_credits.user_id is 'The user.';
comment on column reports.voice_agent_credits.user_name is 'Their display name.';
comment on column reports.voice_agent_credits.balance is 'Credits left.';
comment on column reports.voice_agent_credits.balance_updated_at is 'When the balance last changed.';
comment on column reports.voice_agent_credits.balance_low_calls is 'Calls Bolna ended with balance-low.';
comment on column reports.voice_agent_credits.last_balance_low_at is 'The latest of them.';
revoke all on reports.voice_agent_kpis, reports.lead_analysis_counts, reports.voice_agent_credits from public, anon;
grant select on reports.voice_agent_kpis, reports.lead_analysis_counts, reports.voice_agent_credits to authenticated, service_role, dialbridge_metabase;

-- ---------------------------------------------------------------------------------------------------
-- Registration
-- ---------------------------------------------------------------------------------------------------
revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.analysis_input(uuid, integer, integer), dialbridge.store_lead_analysis(uuid, text, jsonb, jsonb),
  dialbridge.record_voipstudio_transcription(text, text),
  dialbridge.set_transcript_analysis(uuid, text, text), dialbridge.requeue_transcript_analyses(text[], timestamptz),
  dialbridge.recompute_credit_balances() to service_role;
select dialbridge.register_webhook_provider('bolna', 'Bolna.ai voice agents (the whole execution object POSTed on every status change)',
  'dialbridge.bolna_event_identity', 'dialbridge.bolna_event_refs', 'dialbridge.bolna_normalize',
  p_process_fn => 'dialbridge.bolna_process_events',
  p_event_types => array['queued', 'rescheduled', 'initiated', 'ringing', 'in-progress', 'call-disconnected', 'completed',
                         'busy', 'no-answer', 'balance-low', 'canceled', 'failed', 'stopped', 'error']);

-- migrate:down
