-- migrate:up
-- Predictive dialing, wired (issue 13): the pacer (jobs/pacing/pacer.ts) drives real calls.
--
--   contact-first calls   call_logs.origination: the pacer's calls ring the contact first and are bridged by
--                         VoIPStudio's call queue (dialer_campaigns.dial_queue) to a free rep; the agent's leg
--                         names the rep (call_logs.user_id, agent_connected_at), the called party's leg says
--                         who answered (answered_by human | machine)
--   abandonment           derived from the legs (dialbridge.is_abandoned: a person answered and no rep was
--                         bridged within 2 s), again from all facts each time; the campaign's safe-harbor
--                         message counted as played; a machine or an abandoned call leaves the contact to be
--                         retried (after the predictive cooldown)
--   the pacer's input     dialbridge.predictive_situation (reps with how long they have talked or wrapped up,
--                         lines ringing, pacing_stats, max_lines) — one call per decision
--   the pacer's output    dialbridge.start_predictive_calls (records the decision in dialbridge.pacing_state,
--                         reserves through next_contact_to_dial, checks each call, writes the call logs), and
--                         reports.dialer_pacing for the floor's dashboard
--   scheduling            an agent going available on a predictive campaign queues the campaign's pacer
--                         (dialer_campaigns__pace, one queue per campaign), not the power dialer
-- Re-runnable: every statement checks or replaces.

alter table public.call_logs add column if not exists origination text not null default 'agent_first';
select dialbridge.ensure_constraint('public.call_logs', 'call_logs_origination_check',
  'check (origination in (''agent_first'', ''contact_first''))');
comment on column public.call_logs.origination is 'agent_first: click-to-call and power dialing (VoIPStudio rings the rep, then the number); contact_first: predictive (the number first, bridged by the campaign''s call queue to a free rep).';
alter table public.call_logs add column if not exists agent_connected_at timestamptz;
comment on column public.call_logs.agent_connected_at is 'Contact-first calls: when the call queue bridged a rep to the answered party (more than 2 s after a person answered, or never: abandoned).';
create index if not exists call_logs_lines_idx on public.call_logs (campaign_id, created_at)
  where origination = 'contact_first' and status in ('initiated', 'ringing');

alter table public.dialer_campaigns add column if not exists dial_queue text;
select dialbridge.ensure_constraint('public.dialer_campaigns', 'dialer_campaigns_dial_queue_check',
  'check (dial_queue is null or length(btrim(dial_queue)) between 1 and 64)');
comment on column public.dialer_campaigns.dial_queue is 'Predictive mode: the VoIPStudio call queue (its id or extension) whose members take the answered calls; the pacer dials nothing without one.';
grant insert (dial_queue), update (dial_queue) on public.dialer_campaigns to authenticated;
-- the reports' campaign view reads every column (select c.*): it takes the new one now, as a re-run of the
-- migration that made it would
create or replace view dialbridge.report_dialer_campaigns with (security_barrier = true) as
select c.* from public.dialer_campaigns c
 where (select dialbridge.reads_all_reports()) or dialbridge.can_see_campaign(c.id);

-- ---------------------------------------------------------------------------------------------------
-- What the pacer decided, per campaign (the latest decision; the floor's dashboard reads it)
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.pacing_state (
  campaign_id uuid primary key references public.dialer_campaigns (id) on delete cascade,
  decided_at timestamptz not null,
  mode text not null check (mode in ('power', 'predictive', 'full', 'idle', 'stopped')),
  reps integer not null check (reps >= 0),
  free_reps integer not null check (free_reps >= 0),
  lines_before integer not null check (lines_before >= 0),
  lines_wanted integer not null check (lines_wanted >= 0),
  lines_started integer not null check (lines_started >= 0),
  expected_abandon_rate numeric not null check (expected_abandon_rate >= 0),
  allowed_rate numeric not null check (allowed_rate >= 0),
  window_live_answers bigint not null default 0,
  window_abandoned bigint not null default 0,
  detail text
);
comment on table dialbridge.pacing_state is 'The predictive pacer''s latest decision per campaign (written by dialbridge.start_predictive_calls): how many reps, how many free, lines ringing before, lines it wanted and started, why (mode), the abandonment it expected and was allowed, and the campaign''s 30-day window.';
comment on column dialbridge.pacing_state.campaign_id is 'The campaign.';
comment on column dialbridge.pacing_state.decided_at is 'When the pacer decided.';
comment on column dialbridge.pacing_state.mode is 'power (no history, or the cap at risk: one line per free rep), predictive, full (max_lines reached), idle (no rep logged in), stopped (no longer an active predictive campaign).';
comment on column dialbridge.pacing_state.reps is 'Reps logged in to the campaign (available, on a call or wrapping up).';
comment on column dialbridge.pacing_state.free_reps is 'Of those, available.';
comment on column dialbridge.pacing_state.lines_before is 'Lines ringing before the decision.';
comment on column dialbridge.pacing_state.lines_wanted is 'Lines the pacer wanted to start.';
comment on column dialbridge.pacing_state.lines_started is 'Lines started (fewer when the queue had no more contacts callable now).';
comment on column dialbridge.pacing_state.expected_abandon_rate is 'The abandonment rate (share of live answers) the chosen lines were expected to cause.';
comment on column dialbridge.pacing_state.allowed_rate is 'The rate the pacer was allowed (shrinks as the 30-day window uses up the 3 % cap).';
comment on column dialbridge.pacing_state.window_live_answers is 'Live-answered calls in the campaign''s 30-day window at the decision.';
comment on column dialbridge.pacing_state.window_abandoned is 'Abandoned calls in that window.';
comment on column dialbridge.pacing_state.detail is 'Why fewer lines were started than wanted (the queue''s answer), or why nothing was dialled.';
alter table dialbridge.pacing_state enable row level security;
revoke all on dialbridge.pacing_state from public, anon, authenticated;
grant all on dialbridge.pacing_state to service_role;

-- ---------------------------------------------------------------------------------------------------
-- Abandonment, the rule once
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.is_abandoned(p_answered_by text, p_answered_at timestamptz,
  p_agent_connected_at timestamptz, p_status text)
returns boolean
language sql immutable set search_path = ''
as $$
  select coalesce(p_answered_by = 'human' and p_answered_at is not null and p_status = 'completed'
                  and (p_agent_connected_at is null or p_agent_connected_at > p_answered_at + interval '2 seconds'), false)
$$;
comment on function dialbridge.is_abandoned(text, timestamptz, timestamptz, text) is 'Whether a finished contact-first call was abandoned (47 CFR 64.1200(a)(7)): a person (not a machine) answered and no rep was bridged to them within 2 s.';
revoke all on function dialbridge.is_abandoned(text, timestamptz, timestamptz, text) from public;

-- ---------------------------------------------------------------------------------------------------
-- The pacer's input: one call per decision
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.predictive_situation(p_campaign_id uuid, as_of timestamptz default now())
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with c as (
    select * from public.dialer_campaigns where id = p_campaign_id
  ), answered_waiting as (
    -- people who answered and whose bridge to a rep the dialer has not heard of yet: each takes a free rep
    select count(*)::integer as n
      from c join public.call_logs l on l.campaign_id = c.id
     where l.origination = 'contact_first' and l.status = 'answered' and l.user_id is null
       and l.agent_connected_at is null and l.answered_by is distinct from 'machine'
       and l.created_at > as_of - interval '2 minutes'
  ), reps as (
    select s.user_id, s.state, greatest(0, extract(epoch from as_of - s.since))::float8 as secs,
           row_number() over (order by s.state = 'available' desc, s.since, s.user_id) as rn
      from c join public.dialer_agent_states s on s.campaign_id = c.id
     where s.state in ('available', 'ringing', 'on_call', 'wrap_up')
       and (s.user_id = c.user_id
            or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = c.id and a.user_id = s.user_id))
  )
  select pg_catalog.jsonb_build_object(
    'campaignId', c.id,
    'active', c.status = 'active' and c.type = 'predictive',
    'queue', c.dial_queue,
    'ownerId', c.user_id,
    'reps', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'userId', r.user_id,
               'talkingFor', case when r.state in ('ringing', 'on_call') then r.secs
                                  when r.state = 'available' and r.rn <= (select w.n from answered_waiting w) then 0 end,
               'wrappingFor', case when r.state = 'wrap_up' then r.secs end)
             order by r.user_id)
        from reps r), '[]'),
    -- lines still ringing (a call log the dialer never heard back about stops counting after two minutes)
    'lines', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'ringingFor', greatest(0, extract(epoch from as_of - coalesce(l.started_at, l.created_at)))::float8))
        from public.call_logs l
       where l.campaign_id = c.id and l.origination = 'contact_first' and l.status in ('initiated', 'ringing')
         and l.created_at > as_of - interval '2 minutes'), '[]'),
    'stats', dialbridge.pacing_stats(c.id, as_of),
    'settings', pg_catalog.jsonb_build_object('maxLines', c.max_lines, 'cap', 0.03))
    from c
$$;
comment on function dialbridge.predictive_situation(uuid, timestamptz) is 'What the predictive pacer decides from, as JSON (jobs/pacing/pacer.ts Situation): the campaign''s reps logged in (available; on a call with talkingFor seconds; wrapping up with wrappingFor seconds; an available rep counts as just starting a call for each person who answered and whose bridge to a rep has not been heard of yet), its contact-first lines still ringing (ringingFor seconds), its statistics (dialbridge.pacing_stats) and max_lines; active says whether it is an active predictive campaign, queue its VoIPStudio call queue. Null for an unknown campaign. Service role.';
revoke all on function dialbridge.predictive_situation(uuid, timestamptz) from public, authenticated;
grant execute on function dialbridge.predictive_situation(uuid, timestamptz) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- The pacer's output: the decision recorded, the contacts reserved and checked, the call logs written
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.start_predictive_calls(p_campaign_id uuid, p_decision jsonb, as_of timestamptz default now())
returns setof public.call_logs
language plpgsql security definer set search_path = ''
as $$
declare
  v_c public.dialer_campaigns;
  v_want integer := greatest(0, coalesce((p_decision ->> 'dial')::integer, 0));
  v_started integer := 0;
  v_next record;
  v_check record;
  v_log public.call_logs;
  v_detail text;
  v_stats jsonb;
  i integer;
begin
  -- one pacer at a time per campaign (the worker's queue already serialises them; this makes it a rule)
  select * into v_c from public.dialer_campaigns where id = p_campaign_id for update;
  if not found then
    raise exception 'campaign % not found', p_campaign_id using errcode = 'DB070';
  end if;
  if v_c.type <> 'predictive' or v_c.status <> 'active' then
    v_want := 0;
    v_detail := pg_catalog.format('the campaign is %s and %s', v_c.type, v_c.status);
  elsif v_c.dial_queue is null then
    v_want := 0;
    v_detail := 'no call queue (dialer_campaigns.dial_queue) takes the answered calls';
  end if;
  for i in 1 .. least(v_want, v_c.max_lines) loop
    select * into v_next from public.next_contact_to_dial(v_c.id, v_c.user_id, as_of);
    if v_next.campaign_contact_id is null then
      v_detail := coalesce(v_next.detail, v_next.queue_status);
      exit;
    end if;
    -- the same check as every click-to-call (the number itself, besides the contact the queue checked)
    select * into v_check from public.check_call_allowed(v_next.phone_number, v_next.contact_id, v_c.id, as_of);
    if not v_check.allowed then
      update public.campaign_contacts cc
         set status = coalesce(cc.reserved_from_status, 'pending'), reserved_by = null, reserved_at = null,
             reserved_until = null, reserved_from_status = null, reserved_for_call_id = null,
             skip_reason = v_check.detail, skipped_at = as_of,
             next_attempt_at = coalesce(v_check.allowed_from, as_of + pg_catalog.make_interval(secs => greatest(v_c.retry_interval, 60)))
       where cc.id = v_next.campaign_contact_id;
      continue;
    end if;
    insert into public.call_logs (user_id, team_id, direction, from_number, to_number, status, campaign_id,
                                  campaign_contact_id, contact_id, origination, metadata)
    values (null, v_c.team_id, 'outbound', v_c.caller_id, v_check.phone_e164, 'initiated', v_c.id,
            v_next.campaign_contact_id, v_check.contact_id, 'contact_first',
            pg_catalog.jsonb_build_object('pacer', pg_catalog.jsonb_build_object(
              'mode', p_decision ->> 'mode', 'decided_at', as_of, 'expected_abandon_rate', p_decision -> 'expectedAbandonRate')))
    returning * into v_log;
    v_started := v_started + 1;
    return next v_log;
  end loop;

  v_stats := coalesce(p_decision -> 'situation' -> 'stats', '{}');
  insert into dialbridge.pacing_state as p (campaign_id, decided_at, mode, reps, free_reps, lines_before, lines_wanted,
                                            lines_started, expected_abandon_rate, allowed_rate, window_live_answers,
                                            window_abandoned, detail)
  values (v_c.id, as_of,
          case when v_c.type <> 'predictive' or v_c.status <> 'active' or v_c.dial_queue is null then 'stopped'
               else coalesce(p_decision ->> 'mode', 'idle') end,
          coalesce((p_decision -> 'situation' ->> 'reps')::integer, 0), coalesce((p_decision -> 'situation' ->> 'freeReps')::integer, 0),
          coalesce((p_decision -> 'situation' ->> 'lines')::integer, 0), greatest(0, coalesce((p_decision ->> 'dial')::integer, 0)),
          v_started, coalesce((p_decision ->> 'expectedAbandonRate')::numeric, 0), coalesce((p_decision ->> 'allowedRate')::numeric, 0),
          coalesce((v_stats ->> 'windowLiveAnswers')::bigint, 0), coalesce((v_stats ->> 'windowAbandoned')::bigint, 0),
          coalesce(v_detail, p_decision ->> 'detail'))
  on conflict (campaign_id) do update
    set decided_at = excluded.decided_at, mode = excluded.mode, reps = excluded.reps, free_reps = excluded.free_reps,
        lines_before = excluded.lines_before, lines_wanted = excluded.lines_wanted, lines_started = excluded.lines_started,
        expected_abandon_rate = excluded.expected_abandon_rate, allowed_rate = excluded.allowed_rate,
        window_live_answers = excluded.window_live_answers, window_abandoned = excluded.window_abandoned, detail = excluded.detail
    where p.decided_at <= excluded.decided_at;
end
$$;
comment on function dialbridge.start_predictive_calls(uuid, jsonb, timestamptz) is 'Predictive mode, one decision of the pacer ({dial, mode, expectedAbandonRate, allowedRate, situation: {reps, freeReps, lines, stats}}): reserves up to dial contacts (never more than max_lines) through public.next_contact_to_dial (hours, do-not-call, retries, the abandonment cooldown), checks each call as click-to-call does (public.check_call_allowed; a refused one goes back to the queue with the reason), writes their call logs (contact_first, no rep yet, status initiated) and returns them; nothing for a campaign that is not an active predictive one or has no call queue. The decision is kept in dialbridge.pacing_state (with the decision''s detail when the function has none of its own). Serialised per campaign. Service role.';
revoke all on function dialbridge.start_predictive_calls(uuid, jsonb, timestamptz) from public, authenticated;
grant execute on function dialbridge.start_predictive_calls(uuid, jsonb, timestamptz) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- Scheduling: an agent going available on a predictive campaign wakes its pacer
-- ---------------------------------------------------------------------------------------------------
create or replace function dialbridge.tg_dialer_agent_states__queue_power_dial()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_type text;
begin
  select c.type into v_type from public.dialer_campaigns c
   where c.id = new.campaign_id and c.status = 'active' and c.type in ('power', 'predictive');
  if v_type is null then
    return null;
  end if;
  begin
    if v_type = 'power' then
      perform graphile_worker.add_job('dialer_agent_states__power_dial', pg_catalog.json_build_object('user_id', new.user_id),
        job_key := 'dialer_agent_states__power_dial:' || new.user_id, job_key_mode := 'replace');
    else
      perform graphile_worker.add_job('dialer_campaigns__pace', pg_catalog.json_build_object('campaign_id', new.campaign_id),
        queue_name := 'dialer_campaigns__pace:' || new.campaign_id,
        job_key := 'dialer_campaigns__pace:' || new.campaign_id, job_key_mode := 'replace');
    end if;
  exception when others then
    raise warning 'dialbridge: could not queue the dialer for agent % (%): the minute sweep will', new.user_id, sqlstate;
  end;
  return null;
end
$$;
comment on function dialbridge.tg_dialer_agent_states__queue_power_dial() is 'Trigger function: an agent who becomes available on an active power campaign gets the worker''s dialer_agent_states__power_dial job (coalesced per agent); on an active predictive campaign, the campaign''s pacer runs now (dialer_campaigns__pace, one queue and one job key per campaign). If it cannot be queued, the minute sweeps dial.';

create or replace view dialbridge.dialer_agents_ready as
select s.user_id, s.campaign_id, s.since, c.type
  from public.dialer_agent_states s
  join public.dialer_campaigns c on c.id = s.campaign_id
 where s.state = 'available' and c.status = 'active' and c.type = 'power';
comment on view dialbridge.dialer_agents_ready is 'Agents available on an active power campaign: the power dialer starts their next call (public.next_contact_to_dial, then click-to-call). Predictive campaigns are paced per campaign instead (dialer_campaigns__pace).';
comment on column dialbridge.dialer_agents_ready.type is 'The campaign''s type (power).';

-- ---------------------------------------------------------------------------------------------------
-- The floor's dashboard: what each predictive campaign's pacer is doing
-- ---------------------------------------------------------------------------------------------------
create or replace view dialbridge.report_pacing_state with (security_barrier = true) as
select p.* from dialbridge.pacing_state p
 where (select dialbridge.reads_all_reports()) or dialbridge.can_see_campaign(p.campaign_id);
comment on view dialbridge.report_pacing_state is 'The pacer''s latest decisions for the campaigns the caller may see (Metabase and the service role: all). Read by reports views.';
revoke all on dialbridge.report_pacing_state from public, anon;
grant select on dialbridge.report_pacing_state to authenticated, service_role, dialbridge_metabase;

create or replace view reports.dialer_pacing with (security_invoker = true) as
select c.id as campaign_id, c.name as campaign_name, c.team_id, c.status, p.decided_at, p.mode, p.reps, p.free_reps,
       p.lines_before, p.lines_wanted, p.lines_started,
       round(100 * p.expected_abandon_rate, 2) as expected_abandon_pct, round(100 * p.allowed_rate, 2) as allowed_abandon_pct,
       p.window_live_answers, p.window_abandoned,
       round(100.0 * p.window_abandoned / nullif(p.window_live_answers, 0), 2) as window_abandon_pct, p.detail
  from dialbridge.report_dialer_campaigns c
  join dialbridge.report_pacing_state p on p.campaign_id = c.id
 where c.type = 'predictive';
comment on view reports.dialer_pacing is 'Predictive campaigns'' pacer, live: its latest decision (mode, reps free, lines ringing, wanted and started), the abandonment it expected and was allowed, and the campaign''s 30-day window against the 3 % cap.';
comment on column reports.dialer_pacing.campaign_id is 'The campaign.';
comment on column reports.dialer_pacing.campaign_name is 'Its name.';
comment on column reports.dialer_pacing.team_id is 'The owner''s team.';
comment on column reports.dialer_pacing.status is 'The campaign''s status.';
comment on column reports.dialer_pacing.decided_at is 'When the pacer last decided.';
comment on column reports.dialer_pacing.mode is 'power (no history or the cap at risk), predictive, full (max_lines), idle (no rep logged in), stopped.';
comment on column reports.dialer_pacing.reps is 'Reps logged in.';
comment on column reports.dialer_pacing.free_reps is 'Of those, available.';
comment on column reports.dialer_pacing.lines_before is 'Lines ringing before the decision.';
comment on column reports.dialer_pacing.lines_wanted is 'Lines the pacer wanted to start.';
comment on column reports.dialer_pacing.lines_started is 'Lines it started.';
comment on column reports.dialer_pacing.expected_abandon_pct is 'Abandonment the decision was expected to cause, % of live answers.';
comment on column reports.dialer_pacing.allowed_abandon_pct is 'Abandonment it was allowed, %.';
comment on column reports.dialer_pacing.window_live_answers is 'Live-answered calls in the 30-day window.';
comment on column reports.dialer_pacing.window_abandoned is 'Abandoned calls in the window.';
comment on column reports.dialer_pacing.window_abandon_pct is 'Abandoned ÷ live answered over the window, % (cap 3).';
comment on column reports.dialer_pacing.detail is 'Why fewer lines started than wanted, or why none.';
revoke all on reports.dialer_pacing from public, anon;
grant select on reports.dialer_pacing to authenticated, service_role, dialbridge_metabase;

-- ---------------------------------------------------------------------------------------------------
-- The VoIPStudio adapter and the campaign contacts learn contact-first calls
-- ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION dialbridge.voipstudio_normalize(e dialbridge.webhook_events) RETURNS dialbridge.call_events
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  r dialbridge.call_events;
  p jsonb := e.payload;
  v_log public.call_logs;
  v_final boolean := coalesce(dialbridge.jsonb_flag(e.payload -> 'final'), false);
  v_state text := pg_catalog.upper(coalesce(e.payload ->> 'state', ''));
  v_duration integer := dialbridge.jsonb_seconds(e.payload -> 'duration');
  v_direction text;
  -- a contact-first (predictive) call: the called party's leg says who answered (answering-machine detection)
  v_answered_by text := pg_catalog.lower(nullif(e.payload ->> 'answered_by', ''));
  v_machine boolean := v_final and pg_catalog.lower(coalesce(e.payload ->> 'answered_by', '')) = 'machine';
begin
  if e.event_type = 'call.dtmf' then
    r.kind := 'ignored';
    return r;
  end if;
  if e.event_type not in ('call.ringing', 'call.connected', 'call.ended', 'call.missed', 'disposition.set') then
    raise exception 'VoIPStudio: % is not an event the platform projects', e.event_type using errcode = 'DB060';
  end if;
  r.kind := 'call';
  r.call_id := coalesce(nullif(p ->> 'root_call_id', ''), nullif(p ->> 'call_id', ''),
                        case when p ? 'call_log_id' then 'log-' || (p ->> 'call_log_id') end);
  if r.call_id is null then
    raise exception 'VoIPStudio % event names no call', e.event_type using errcode = 'DB061';
  end if;
  r.event_at := coalesce(dialbridge.voipstudio_time(p -> 'event_time'), e.received_at);
  if r.call_id like 'log-%' then
    select * into v_log from public.call_logs l where l.id::text = pg_catalog.substr(r.call_id, 5);
  else
    select * into v_log from public.call_logs l where l.provider = 'voipstudio' and l.call_id = r.call_id;
  end if;
  r.sourceco_contact_id := coalesce(v_log.contact_id::text, p ->> 'contact_id');
  r.user_email := coalesce(p ->> 'user_email',
                           (select pr.email from public.profiles pr where pr.id = v_log.user_id),
                           (select pr.email from public.voipstudio_credentials vc join public.profiles pr on pr.id = vc.user_id
                             where vc.voipstudio_user_id = p ->> 'user_id'));
  r.provider_user_id := p ->> 'user_id';
  r.provider_session_id := coalesce(v_log.campaign_id::text, p ->> 'campaign_id');

  if e.event_type = 'disposition.set' then
    if nullif(pg_catalog.btrim(p ->> 'disposition'), '') is null then
      raise exception 'VoIPStudio disposition event without a disposition' using errcode = 'DB061';
    end if;
    r.disposition_label := p ->> 'disposition';
    r.disposition_notes := p ->> 'notes';
    r.disposition_at := r.event_at;
    r.callback_at := dialbridge.voipstudio_time(p -> 'follow_up_date');
    r.phone_e164 := coalesce(dialbridge.phone_e164_candidates(v_log.to_number), '{}');
    return r;
  end if;

  -- a call leg
  v_direction := coalesce(nullif(pg_catalog.lower(p ->> 'direction'), ''), v_log.direction, 'outbound');
  r.phone_e164 := case when v_direction = 'inbound' then dialbridge.phone_e164_candidates(p ->> 'src')
                       else dialbridge.phone_e164_candidates(p ->> 'dst') end
                  || coalesce(dialbridge.phone_e164_candidates(v_log.to_number), '{}');
  r.started_at := dialbridge.voipstudio_time(p -> 'start_time');
  if v_final then
    r.connected_at := coalesce(dialbridge.voipstudio_time(p -> 'connected_at'),
                               case when e.event_type = 'call.connected' then r.event_at end);
    if e.event_type in ('call.ended', 'call.missed') then
      r.ended_at := r.event_at;
      r.total_seconds := v_duration;
      r.outcome := case
        when e.event_type = 'call.missed' then 'no_answer'
        when v_state ~ 'BUSY' then 'busy'
        when v_state ~ 'FAIL|CONGEST|UNAVAIL|ERROR' then 'failed'
        when v_state ~ 'REJECT|DECLIN' then 'rejected'
        when v_machine then 'voicemail'
        when r.connected_at is not null or v_state ~ 'ANSWER|CONNECT|UP' then 'connected'
        else 'no_answer' end;
      if r.outcome = 'connected' then
        -- VoIPStudio's duration of the answered final leg is its talk time
        r.talk_seconds := v_duration;
      end if;
    end if;
  end if;
  if v_machine then
    r.answered_by := 'voicemail';
  end if;
  r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'voipstudio_direction', v_direction,
    'voipstudio_state', nullif(v_state, ''),
    'voipstudio_src', p ->> 'src',
    'voipstudio_dst', p ->> 'dst',
    'voipstudio_answered_by', case when v_final and v_answered_by in ('human', 'machine') then v_answered_by end,
    -- the rep a contact-first call was bridged to: the agent's leg (not final) names them and when they connected
    'voipstudio_agent_user_id', case when not v_final and e.event_type = 'call.connected' then nullif(p ->> 'user_id', '') end,
    'voipstudio_agent_connected_at', case when not v_final and e.event_type = 'call.connected' and nullif(p ->> 'user_id', '') is not null
                                          then coalesce(dialbridge.voipstudio_time(p -> 'connected_at'), r.event_at) end));
  return r;
end
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_normalize(e dialbridge.webhook_events) IS 'One stored VoIPStudio event as the shared call record (dialbridge.call_events), keyed on the root call id: any leg''s start time; the final leg (final: true, the called party''s) gives the answer time, and its call.ended / call.missed the end, duration (the talk time of an answered call) and outcome (missed → no_answer; state BUSY → busy, FAILED/CONGESTION → failed, REJECTED → rejected; answered → connected; else no_answer). The contact and rep come from the call log of that call (else the number, else the VoIPStudio user). A disposition.set event (written by public.call_dispositions) carries the disposition, notes and follow-up. call.dtmf is stored and ignored; other types are skipped (DB060). Contact-first (predictive) calls: the final leg''s answered_by (human | machine: a machine''s answer is a voicemail outcome) and the agent''s leg (not final, naming user_id, connected) are kept in extra for dialbridge.voipstudio_sync_call_logs.';

CREATE OR REPLACE FUNCTION dialbridge.voipstudio_sync_call_logs(p_call_ids text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer;
begin
  if coalesce(pg_catalog.cardinality(p_call_ids), 0) = 0 then
    return 0;
  end if;
  if pg_catalog.to_regclass('pg_temp.voipstudio_call_sync') is null then
  create temporary table voipstudio_call_sync (
    call_id text primary key, status text, started_at timestamptz, answered_at timestamptz, ended_at timestamptz,
    duration integer, recording_url text, direction text, from_number text, to_number text, last_event_at timestamptz,
    activity_id uuid, contact_id uuid, rep_id uuid, team_id uuid, has_leg_events boolean, log_id uuid,
    answered_by text, agent_vs_user text, agent_connected_at timestamptz) on commit drop;
  end if;
  truncate pg_temp.voipstudio_call_sync;
  insert into pg_temp.voipstudio_call_sync
  select f.call_id,
         case when max(f.ended_at) is not null or bool_or(f.outcome is not null) then
                case (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1]
                  when 'connected' then 'completed' when 'voicemail' then 'completed' when 'busy' then 'busy' when 'failed' then 'failed'
                  when 'rejected' then 'failed' else 'no-answer' end
              when min(f.connected_at) is not null then 'answered'
              when bool_or(f.event_type like 'call.%') then 'ringing' end,
         min(f.started_at), min(f.connected_at), max(f.ended_at), max(f.total_seconds),
         (array_agg(f.recording_url order by f.event_at desc) filter (where f.recording_url is not null))[1],
         (array_agg(f.extra ->> 'voipstudio_direction' order by f.event_at) filter (where f.extra ? 'voipstudio_direction'))[1],
         (array_agg(f.extra ->> 'voipstudio_src' order by f.ended_at nulls last, f.event_at) filter (where f.extra ? 'voipstudio_src'))[1],
         (array_agg(f.extra ->> 'voipstudio_dst' order by f.ended_at nulls last, f.event_at) filter (where f.extra ? 'voipstudio_dst'))[1],
         max(f.event_at) filter (where f.event_type like 'call.%'),
         a.id, a.contact_id, a.user_id, a.team_id,
         bool_or(f.event_type like 'call.%'), null::uuid,
         (array_agg(f.extra ->> 'voipstudio_answered_by' order by f.event_at desc, f.event_id desc)
            filter (where f.extra ? 'voipstudio_answered_by'))[1],
         (array_agg(f.extra ->> 'voipstudio_agent_user_id' order by f.extra ->> 'voipstudio_agent_connected_at', f.event_id)
            filter (where f.extra ? 'voipstudio_agent_user_id'))[1],
         min((f.extra ->> 'voipstudio_agent_connected_at')::timestamptz)
    from dialbridge.call_events f
    left join public.contact_activities a on a.dedupe_key = 'voipstudio:call:' || f.call_id
   where f.provider = 'voipstudio' and f.kind = 'call' and f.call_id = any (p_call_ids)
   group by f.call_id, a.id, a.contact_id, a.user_id, a.team_id;

  -- calls the platform did not place get their call log from the events
  insert into public.call_logs (call_id, user_id, team_id, direction, from_number, to_number, status, contact_id,
                                contact_activity_id, started_at, answered_at, ended_at, duration, metadata)
  select s.call_id, s.rep_id, s.team_id, coalesce(s.direction, 'outbound'),
         pg_catalog.left(('+' || pg_catalog.regexp_replace(coalesce(s.from_number, ''), '\D', '', 'g')), 16),
         pg_catalog.left(('+' || pg_catalog.regexp_replace(coalesce(s.to_number, ''), '\D', '', 'g')), 16),
         coalesce(s.status, 'ringing'), s.contact_id, s.activity_id, s.started_at, s.answered_at, s.ended_at, s.duration,
         pg_catalog.jsonb_build_object('created_from', 'voipstudio_webhooks')
    from pg_temp.voipstudio_call_sync s
   where s.has_leg_events
     and not exists (select 1 from public.call_logs l where l.provider = 'voipstudio' and l.call_id = s.call_id)
     and s.call_id not like 'log-%'
  on conflict (provider, call_id) do nothing;

  update pg_temp.voipstudio_call_sync s
     set log_id = case when s.call_id like 'log-%' then pg_catalog.substr(s.call_id, 5)::uuid
                       else (select l.id from public.call_logs l where l.provider = 'voipstudio' and l.call_id = s.call_id) end;

  update public.call_logs l
     set status = coalesce(s.status, l.status),
         started_at = coalesce(s.started_at, l.started_at),
         answered_at = coalesce(s.answered_at, l.answered_at),
         ended_at = coalesce(s.ended_at, l.ended_at),
         duration = coalesce(s.duration, l.duration),
         recording_url = coalesce(s.recording_url, l.recording_url),
         contact_activity_id = coalesce(s.activity_id, l.contact_activity_id),
         contact_id = coalesce(l.contact_id, s.contact_id)
    from pg_temp.voipstudio_call_sync s
   where l.id = s.log_id
     and (l.status, l.started_at, l.answered_at, l.ended_at, l.duration, l.recording_url, l.contact_activity_id, l.contact_id)
         is distinct from
         (coalesce(s.status, l.status), coalesce(s.started_at, l.started_at), coalesce(s.answered_at, l.answered_at),
          coalesce(s.ended_at, l.ended_at), coalesce(s.duration, l.duration), coalesce(s.recording_url, l.recording_url),
          coalesce(s.activity_id, l.contact_activity_id), coalesce(l.contact_id, s.contact_id));
  get diagnostics v_n = row_count;

  -- contact-first (predictive) calls: the rep the answered party was bridged to, who answered (a person or a
  -- machine), and whether the person waited more than 2 s for a rep (dialbridge.is_abandoned: then the
  -- campaign's safe-harbor message was played, and the call counts against its 30-day cap). Derived again
  -- from all the call's facts each time, so a late agent leg corrects an early verdict.
  with x as (
    select l.id, coalesce(l.user_id, vc.user_id) as user_id, coalesce(s.answered_by, l.answered_by) as answered_by,
           coalesce(s.agent_connected_at, l.agent_connected_at) as agent_connected_at, l.answered_at, l.status,
           c.safe_harbor_drop_id
      from pg_temp.voipstudio_call_sync s
      join public.call_logs l on l.id = s.log_id
      left join public.voipstudio_credentials vc on vc.voipstudio_user_id = s.agent_vs_user
      left join public.dialer_campaigns c on c.id = l.campaign_id
     where l.origination = 'contact_first'
  ), y as (
    select x.*, dialbridge.is_abandoned(x.answered_by, x.answered_at, x.agent_connected_at, x.status) as abandoned from x
  )
  update public.call_logs l
     set user_id = y.user_id, answered_by = y.answered_by, agent_connected_at = y.agent_connected_at,
         abandoned = y.abandoned,
         abandoned_at = case when y.abandoned then y.answered_at + interval '2 seconds' end,
         safe_harbor_drop_id = case when y.abandoned then coalesce(l.safe_harbor_drop_id, y.safe_harbor_drop_id) end
    from y
   where l.id = y.id
     and (l.user_id, l.answered_by, l.agent_connected_at, l.abandoned, l.abandoned_at, l.safe_harbor_drop_id)
         is distinct from
         (y.user_id, y.answered_by, y.agent_connected_at, y.abandoned,
          case when y.abandoned then y.answered_at + interval '2 seconds' end,
          case when y.abandoned then coalesce(l.safe_harbor_drop_id, y.safe_harbor_drop_id) end);
  -- the safe-harbor message played to an abandoned call counts as a use of its voicemail drop (and no longer
  -- does when later facts show a rep took the call in time)
  delete from public.voicemail_drop_uses u
   using pg_temp.voipstudio_call_sync s join public.call_logs l on l.id = s.log_id
   where u.call_id = l.id and l.origination = 'contact_first' and not l.abandoned;
  insert into public.voicemail_drop_uses (voicemail_drop_id, call_id, user_id)
  select l.safe_harbor_drop_id, l.id, l.user_id
    from pg_temp.voipstudio_call_sync s join public.call_logs l on l.id = s.log_id
   where l.origination = 'contact_first' and l.abandoned and l.safe_harbor_drop_id is not null
  on conflict (call_id) do nothing;

  -- the agent: ringing, on the call, wrapping up — unless something newer (their own choice) came since
  insert into public.dialer_agent_states as a (user_id, state, campaign_id, current_call_id, since)
  select distinct on (l.user_id) l.user_id,
         case l.status when 'ringing' then 'ringing' when 'initiated' then 'ringing' when 'answered' then 'on_call' else 'wrap_up' end,
         l.campaign_id, l.id, s.last_event_at
    from pg_temp.voipstudio_call_sync s
    join public.call_logs l on l.provider = 'voipstudio' and l.call_id = s.call_id
   where l.user_id is not null and s.last_event_at is not null
   order by l.user_id, s.last_event_at desc
  on conflict (user_id) do update
    set state = excluded.state, current_call_id = excluded.current_call_id,
        campaign_id = coalesce(excluded.campaign_id, a.campaign_id), since = excluded.since
    where a.since <= excluded.since and a.state not in ('paused', 'offline');
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_sync_call_logs(p_call_ids text[]) IS 'Derives VoIPStudio call logs from all stored facts of their calls (so any order and duplication end the same): status (ringing → answered → completed, or no-answer, busy, failed), times, duration, recording, the activity and contact; creates the call log of a call the platform did not place (inbound, or dialed elsewhere). The agent''s availability follows the newest event of their calls (ringing, on_call, wrap_up) unless they chose a state since (paused, offline, or available after that call). Contact-first (predictive) calls also get the rep they were bridged to (the agent leg''s VoIPStudio user), who answered (human or machine), and their abandonment (dialbridge.is_abandoned, with the campaign''s safe-harbor message counted as played), derived again from all facts each time.';

CREATE OR REPLACE FUNCTION dialbridge.refresh_campaign_contacts(p_ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer;
begin
  with calls as (
    select l.campaign_contact_id as cc_id, count(*) as n, max(coalesce(l.started_at, l.created_at)) as last_at
      from public.call_logs l
     where l.campaign_contact_id = any (p_ids) and l.status <> 'canceled'
     group by l.campaign_contact_id
  ), last_call as (
    select distinct on (l.campaign_contact_id) l.campaign_contact_id as cc_id, l.id, l.status, l.user_id, l.created_at,
           l.abandoned or l.answered_by = 'machine' as nobody_reached
      from public.call_logs l
     where l.campaign_contact_id = any (p_ids) and l.status <> 'canceled'
     order by l.campaign_contact_id, coalesce(l.started_at, l.created_at) desc, l.created_at desc, l.id desc
  ), live_call as (
    -- a call in progress holds the contact, whatever its start time says about its place among the others
    select distinct on (l.campaign_contact_id) l.campaign_contact_id as cc_id, l.id, l.user_id, l.created_at
      from public.call_logs l
     where l.campaign_contact_id = any (p_ids) and l.status in ('initiated', 'ringing', 'answered')
     order by l.campaign_contact_id, l.created_at desc, l.id desc
  ), last_disp as (
    select distinct on (d.call_id) d.call_id, d.disposition, d.follow_up_date
      from public.call_dispositions d join last_call lc on lc.id = d.call_id
     order by d.call_id, d.created_at desc, d.id desc
  ), derived as (
    select cc.id, coalesce(c.n, 0)::integer as attempts, c.last_at, lc.id as last_call_id, ld.disposition,
           -- what holds the contact: a live call, the queue's reservation waiting for a call (also when the
           -- call it was waiting for was never placed), or nothing
           case when cc.status = 'do-not-call' then 'none'
                when live.id is not null then 'call'
                when cc.status = 'calling' and (cc.reserved_for_call_id is null or rc.status = 'canceled') then 'queue'
                else 'none' end as hold,
           coalesce(rc.status = 'canceled', false) as call_not_placed,
           live.id as live_call_id, live.user_id as caller, live.created_at as call_created_at,
           case when ld.disposition = 'callback' then ld.follow_up_date else cc.callback_at end as callback_at,
           cp.reservation_timeout_seconds, lc.status as call_status, coalesce(lc.nobody_reached, false) as nobody_reached,
           cc.status as old_status
      from public.campaign_contacts cc
      join public.dialer_campaigns cp on cp.id = cc.campaign_id
      left join calls c on c.cc_id = cc.id
      left join last_call lc on lc.cc_id = cc.id
      left join live_call live on live.cc_id = cc.id
      left join last_disp ld on ld.call_id = lc.id
      left join public.call_logs rc on rc.id = cc.reserved_for_call_id
     where cc.id = any (p_ids)
  ), target as (
    select d.*,
           case when d.old_status = 'do-not-call' then 'do-not-call'
                when d.hold in ('call', 'queue') then 'calling'
                when d.last_call_id is null then case when d.old_status = 'calling' then 'pending' else d.old_status end
                when d.disposition = 'do-not-call' then 'do-not-call'
                when d.disposition = 'callback' then 'callback'
                when d.disposition in ('no-answer', 'voicemail') then 'failed'
                when d.disposition is not null then 'completed'
                -- a predictive call a machine answered, or abandoned (no rep within 2 s): nobody spoke to them
                when d.nobody_reached then 'failed'
                when d.call_status = 'completed' then 'completed'
                else 'failed' end as status
      from derived d
  )
  update public.campaign_contacts cc
     set attempts = t.attempts, last_attempt_at = t.last_at, last_call_id = t.last_call_id, callback_at = t.callback_at,
         status = t.status,
         reserved_by = case when t.hold = 'none' then null when t.hold = 'call' then t.caller else cc.reserved_by end,
         reserved_at = case when t.hold = 'none' then null else coalesce(cc.reserved_at, pg_catalog.now()) end,
         reserved_for_call_id = case when t.hold = 'call' then t.live_call_id end,
         reserved_until = case when t.hold = 'none' then null
                               when t.hold = 'call' then t.call_created_at + interval '4 hours'
                               when t.call_not_placed then pg_catalog.now() + pg_catalog.make_interval(secs => t.reservation_timeout_seconds)
                               else cc.reserved_until end,
         reserved_from_status = case when t.hold = 'none' then null
                                     else coalesce(cc.reserved_from_status, case when cc.status <> 'calling' then cc.status end, 'pending') end
    from target t
   where cc.id = t.id
     and (cc.attempts, cc.last_attempt_at, cc.last_call_id, cc.callback_at, cc.status, cc.reserved_for_call_id, t.call_not_placed)
         is distinct from
         (t.attempts, t.last_at, t.last_call_id, t.callback_at, t.status,
          case when t.hold = 'call' then t.live_call_id end, false);
  get diagnostics v_n = row_count;
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.refresh_campaign_contacts(p_ids uuid[]) IS 'Derives campaign contacts from their calls: attempts (calls placed; a call VoIPStudio never placed is canceled and does not count), last attempt and call, and the status — calling while a live call holds it (up to 4 hours: reserved_for_call_id) or the queue''s reservation waits for a call (also after a call VoIPStudio did not place: the agent may try again), else from the latest disposition of the last call (do-not-call; callback with its follow-up date; no-answer and voicemail fail and are retried; the rest complete), else from the call (completed, or failed: retried — also a call a machine answered or that was abandoned, which no rep spoke on). do-not-call is sticky. Writes only what changed; dialbridge.schedule_next_attempt then schedules the retry.';

CREATE OR REPLACE FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.refresh_campaign_contacts(array(select distinct n.campaign_contact_id from new_rows n where n.campaign_contact_id is not null));
  elsif tg_op = 'DELETE' then
    perform dialbridge.refresh_campaign_contacts(array(select distinct o.campaign_contact_id from old_rows o where o.campaign_contact_id is not null));
  else
    perform dialbridge.refresh_campaign_contacts(array(
      select x.cc from (select n.campaign_contact_id as cc, n.status, n.started_at, n.abandoned, n.answered_by from new_rows n
                        union all select o.campaign_contact_id, o.status, o.started_at, o.abandoned, o.answered_by from old_rows o) x
       where x.cc is not null group by x.cc
      having count(distinct (x.status, x.started_at, x.abandoned, x.answered_by)) > 1 or count(*) = 1));
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_call_logs__refresh_campaign_contacts() IS 'Trigger function: a statement that adds, removes or changes the status, start, abandonment or answering party of call logs re-derives their campaign contacts (dialbridge.refresh_campaign_contacts).';

revoke execute on all functions in schema dialbridge from public;

-- migrate:down
