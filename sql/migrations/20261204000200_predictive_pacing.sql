-- migrate:up
-- Predictive dialing, the data side (issue 13): what the pacer (jobs/pacing/pacer.ts) reads, kept
-- incrementally in SQL, and the abandonment accounting 47 CFR 64.1200(a)(7) asks for.
--
--   abandoned calls  a live answer no rep reached within 2 s: call_logs.abandoned with its timings and the
--                    safe-harbor message played (dialbridge.record_abandoned_call); the contact is not called
--                    by a predictive campaign again before the campaign's cooldown has passed
--   statistics       dialbridge.dialer_pacing_daily (per campaign and UTC day: dialled, live and machine
--                    answers, abandoned, ring and talk seconds), maintained by a statement trigger on call_logs
--                    with a recompute; dialbridge.pacing_stats(campaign) is what the pacer reads (the 30-day
--                    abandonment window, recent rates and means)
-- Re-runnable: every statement checks or replaces.

-- ---------------------------------------------------------------------------------------------------
-- The pacer's statistics: per campaign and UTC day, incremental, with a recompute
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.dialer_pacing_daily (
  campaign_id uuid not null references public.dialer_campaigns (id) on delete cascade,
  day date not null,
  dialled bigint not null default 0,
  live_answers bigint not null default 0,
  machine_answers bigint not null default 0,
  abandoned bigint not null default 0,
  ring_seconds bigint not null default 0,
  talk_seconds bigint not null default 0,
  connected bigint not null default 0,
  primary key (campaign_id, day)
);
comment on table dialbridge.dialer_pacing_daily is 'What predictive pacing measures, per campaign and UTC day (of the call''s start): calls dialled, live and machine answers, abandoned calls, ring seconds to a live answer, talk seconds and connected calls. Maintained by a statement trigger on call_logs; dialbridge.recompute_dialer_pacing_daily rebuilds it.';
comment on column dialbridge.dialer_pacing_daily.campaign_id is 'The campaign.';
comment on column dialbridge.dialer_pacing_daily.day is 'UTC day the calls started.';
comment on column dialbridge.dialer_pacing_daily.dialled is 'Calls placed (not canceled).';
comment on column dialbridge.dialer_pacing_daily.live_answers is 'Answered by a person.';
comment on column dialbridge.dialer_pacing_daily.machine_answers is 'Answered by a machine.';
comment on column dialbridge.dialer_pacing_daily.abandoned is 'Live answers no rep reached within 2 s.';
comment on column dialbridge.dialer_pacing_daily.ring_seconds is 'Seconds from the start to a person''s answer, summed over live answers.';
comment on column dialbridge.dialer_pacing_daily.talk_seconds is 'Seconds of connected calls.';
comment on column dialbridge.dialer_pacing_daily.connected is 'Live answers a rep took.';
alter table dialbridge.dialer_pacing_daily enable row level security;
revoke all on table dialbridge.dialer_pacing_daily from public, anon, authenticated;
grant all on table dialbridge.dialer_pacing_daily to service_role;

/** What call log rows add to the pacing statistics, counted with a sign: the one definition. */
create or replace function dialbridge.dialer_pacing_rows(p_rows public.call_logs[], p_sign integer)
returns setof dialbridge.dialer_pacing_daily
language sql immutable parallel safe set search_path = ''
as $$
  select r.campaign_id, (coalesce(r.started_at, r.created_at) at time zone 'UTC')::date,
         sum(p_sign)::bigint,
         sum(p_sign * (r.answered_by is distinct from 'machine' and r.answered_at is not null)::integer)::bigint,
         sum(p_sign * coalesce(r.answered_by = 'machine', false)::integer)::bigint,
         sum(p_sign * r.abandoned::integer)::bigint,
         sum(p_sign * case when r.answered_by is distinct from 'machine' and r.answered_at is not null and r.started_at is not null
                           then greatest(0, pg_catalog.round(extract(epoch from r.answered_at - r.started_at)))::integer else 0 end)::bigint,
         sum(p_sign * case when r.answered_at is not null and not r.abandoned and r.answered_by is distinct from 'machine'
                           then coalesce(r.duration, 0) else 0 end)::bigint,
         sum(p_sign * (r.answered_at is not null and not r.abandoned and r.answered_by is distinct from 'machine')::integer)::bigint
    from pg_catalog.unnest(p_rows) r
   where r.campaign_id is not null and r.status <> 'canceled'
   group by 1, 2
$$;
comment on function dialbridge.dialer_pacing_rows(public.call_logs[], integer) is 'What call logs contribute to dialbridge.dialer_pacing_daily (canceled calls, never placed, contribute nothing), counted with a sign: the trigger''s deltas and the recompute use it.';

create or replace function dialbridge.add_dialer_pacing(p_new public.call_logs[], p_old public.call_logs[])
returns void
language sql security definer set search_path = ''
as $$
  insert into dialbridge.dialer_pacing_daily as s
  select d.campaign_id, d.day, sum(d.dialled), sum(d.live_answers), sum(d.machine_answers), sum(d.abandoned),
         sum(d.ring_seconds), sum(d.talk_seconds), sum(d.connected)
    from (select * from dialbridge.dialer_pacing_rows(p_new, 1) union all select * from dialbridge.dialer_pacing_rows(p_old, -1)) d
   where exists (select 1 from public.dialer_campaigns c where c.id = d.campaign_id)
   group by 1, 2
  having sum(d.dialled) <> 0 or sum(d.live_answers) <> 0 or sum(d.machine_answers) <> 0 or sum(d.abandoned) <> 0
      or sum(d.ring_seconds) <> 0 or sum(d.talk_seconds) <> 0 or sum(d.connected) <> 0
   order by 1, 2
  on conflict (campaign_id, day) do update
    set dialled = s.dialled + excluded.dialled, live_answers = s.live_answers + excluded.live_answers,
        machine_answers = s.machine_answers + excluded.machine_answers, abandoned = s.abandoned + excluded.abandoned,
        ring_seconds = s.ring_seconds + excluded.ring_seconds, talk_seconds = s.talk_seconds + excluded.talk_seconds,
        connected = s.connected + excluded.connected
$$;
comment on function dialbridge.add_dialer_pacing(public.call_logs[], public.call_logs[]) is 'Adds the difference between new and old call log rows to dialbridge.dialer_pacing_daily, one upsert per key in key order.';

create or replace function dialbridge.tg_call_logs__pacing() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.add_dialer_pacing(array(select n::public.call_logs from new_rows n), '{}'::public.call_logs[]);
  elsif tg_op = 'DELETE' then
    perform dialbridge.add_dialer_pacing('{}'::public.call_logs[], array(select o::public.call_logs from old_rows o));
  else
    perform dialbridge.add_dialer_pacing(array(select n::public.call_logs from new_rows n), array(select o::public.call_logs from old_rows o));
  end if;
  return null;
end
$$;
comment on function dialbridge.tg_call_logs__pacing() is 'Trigger function: adds each statement''s change of call logs to dialbridge.dialer_pacing_daily.';
drop trigger if exists _920_pacing_insert on public.call_logs;
drop trigger if exists _920_pacing_update on public.call_logs;
drop trigger if exists _920_pacing_delete on public.call_logs;
create trigger _920_pacing_insert after insert on public.call_logs referencing new table as new_rows
  for each statement execute function dialbridge.tg_call_logs__pacing();
create trigger _920_pacing_update after update on public.call_logs referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_call_logs__pacing();
create trigger _920_pacing_delete after delete on public.call_logs referencing old table as old_rows
  for each statement execute function dialbridge.tg_call_logs__pacing();

/** Rebuilds the pacing statistics where they differ from the call logs; returns the number of differing keys. */
create or replace function dialbridge.recompute_dialer_pacing_daily()
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_n integer;
begin
  lock table dialbridge.dialer_pacing_daily in share row exclusive mode;
  create temporary table dialer_pacing_expected on commit drop as
  select * from dialbridge.dialer_pacing_rows(array(select l from public.call_logs l), 1) r
   where exists (select 1 from public.dialer_campaigns c where c.id = r.campaign_id);
  select count(*) into v_n from (
    (select * from pg_temp.dialer_pacing_expected except select * from dialbridge.dialer_pacing_daily
      where dialled <> 0 or live_answers <> 0 or machine_answers <> 0 or abandoned <> 0 or ring_seconds <> 0 or talk_seconds <> 0 or connected <> 0)
    union all
    (select * from dialbridge.dialer_pacing_daily
      where dialled <> 0 or live_answers <> 0 or machine_answers <> 0 or abandoned <> 0 or ring_seconds <> 0 or talk_seconds <> 0 or connected <> 0
     except select * from pg_temp.dialer_pacing_expected)) x;
  if v_n > 0 then
    delete from dialbridge.dialer_pacing_daily;
    insert into dialbridge.dialer_pacing_daily select * from pg_temp.dialer_pacing_expected;
  end if;
  drop table pg_temp.dialer_pacing_expected;
  return v_n;
end
$$;
comment on function dialbridge.recompute_dialer_pacing_daily() is 'Reconciliation: compares dialbridge.dialer_pacing_daily with the call logs and rebuilds it when they differ; returns the number of differing keys (0: the trigger kept it right).';
revoke all on function dialbridge.recompute_dialer_pacing_daily() from public, authenticated;
grant execute on function dialbridge.recompute_dialer_pacing_daily() to service_role;

/**
 * What the pacer reads for a campaign (jobs/pacing/pacer.ts CampaignStats): the 30-day abandonment window
 * and, over the last 7 days, dials, live and machine answers and the ring and talk means.
 */
create or replace function dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamptz default now())
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with w as (
    select * from dialbridge.dialer_pacing_daily d
     where d.campaign_id = p_campaign_id and d.day > ((as_of at time zone 'UTC')::date - 30) and d.day <= (as_of at time zone 'UTC')::date
  ), r as (
    select * from w where w.day > ((as_of at time zone 'UTC')::date - 7)
  )
  select pg_catalog.jsonb_build_object(
    'dialled', coalesce((select sum(dialled) from r), 0),
    'liveAnswers', coalesce((select sum(live_answers) from r), 0),
    'machineAnswers', coalesce((select sum(machine_answers) from r), 0),
    'ringMean', coalesce((select sum(ring_seconds)::numeric / nullif(sum(live_answers), 0) from r), 12),
    'talkMean', coalesce((select sum(talk_seconds)::numeric / nullif(sum(connected), 0) from r), 180),
    'wrapMean', 30,
    'noAnswerTimeout', 25,
    'windowLiveAnswers', coalesce((select sum(live_answers) from w), 0),
    'windowAbandoned', coalesce((select sum(abandoned) from w), 0))
$$;
comment on function dialbridge.pacing_stats(uuid, timestamptz) is 'The pacer''s measurements of a campaign as JSON (jobs/pacing/pacer.ts CampaignStats): the last 7 UTC days'' dials, live and machine answers, mean ring seconds to a live answer and mean talk seconds (defaults 12 and 180 without history; wrap-up 30 s and the no-answer timeout 25 s are settings), and the 30-day window''s live answers and abandoned calls.';
revoke all on function dialbridge.pacing_stats(uuid, timestamptz) from public, authenticated;
grant execute on function dialbridge.pacing_stats(uuid, timestamptz) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- Abandonment accounting
-- ---------------------------------------------------------------------------------------------------
/**
 * A person answered and no rep reached them within 2 s: the call is recorded as abandoned with its timings
 * and the safe-harbor message played (the campaign's, else the one named). Idempotent per call.
 */
create or replace function dialbridge.record_abandoned_call(p_call_log_id uuid, p_answered_at timestamptz,
  p_abandoned_at timestamptz, p_safe_harbor_drop_id uuid default null)
returns public.call_logs
language plpgsql security definer set search_path = ''
as $$
declare
  v_log public.call_logs;
begin
  if p_abandoned_at < p_answered_at then
    raise exception 'a call is abandoned after it is answered' using errcode = '22023';
  end if;
  update public.call_logs l
     set abandoned = true, answered_by = 'human', answered_at = coalesce(l.answered_at, p_answered_at),
         abandoned_at = coalesce(l.abandoned_at, p_abandoned_at),
         ended_at = coalesce(l.ended_at, p_abandoned_at),
         safe_harbor_drop_id = coalesce(l.safe_harbor_drop_id, p_safe_harbor_drop_id,
                                        (select c.safe_harbor_drop_id from public.dialer_campaigns c where c.id = l.campaign_id)),
         status = case when l.status in ('initiated', 'ringing', 'answered') then 'completed' else l.status end
   where l.id = p_call_log_id
  returning l.* into v_log;
  if not found then
    raise exception 'call log % not found', p_call_log_id using errcode = 'DB070';
  end if;
  if v_log.safe_harbor_drop_id is not null then
    insert into public.voicemail_drop_uses (voicemail_drop_id, call_id, user_id)
    values (v_log.safe_harbor_drop_id, v_log.id, v_log.user_id)
    on conflict (call_id) do nothing;
  end if;
  return v_log;
end
$$;
comment on function dialbridge.record_abandoned_call(uuid, timestamptz, timestamptz, uuid) is 'Predictive mode: records that a person answered and no rep reached them within 2 s — the call is abandoned, with its answer and abandon times and the safe-harbor message played (counted as a voicemail drop use); it counts against the campaign''s 30-day cap (dialbridge.pacing_stats). Idempotent. Service role.';
revoke all on function dialbridge.record_abandoned_call(uuid, timestamptz, timestamptz, uuid) from public, authenticated;
grant execute on function dialbridge.record_abandoned_call(uuid, timestamptz, timestamptz, uuid) to service_role;

create or replace view dialbridge.report_dialer_pacing_daily with (security_barrier = true) as
select d.* from dialbridge.dialer_pacing_daily d
 where (select dialbridge.reads_all_reports()) or dialbridge.can_see_campaign(d.campaign_id);
comment on view dialbridge.report_dialer_pacing_daily is 'Pacing statistics of the campaigns the caller may see (Metabase: all). Read by reports views.';
revoke all on dialbridge.report_dialer_pacing_daily from public, anon;
grant select on dialbridge.report_dialer_pacing_daily to authenticated, service_role, dialbridge_metabase;

/** The campaigns' abandonment over their 30-day windows (UTC days), for Metabase and the frontend. */
create or replace view reports.dialer_abandonment_30d with (security_invoker = true) as
select c.id as campaign_id, c.name as campaign_name, c.type, c.team_id,
       coalesce(sum(d.live_answers), 0)::bigint as live_answers, coalesce(sum(d.abandoned), 0)::bigint as abandoned_calls,
       round(100.0 * sum(d.abandoned) / nullif(sum(d.live_answers), 0), 2) as abandonment_pct,
       coalesce(round(100.0 * sum(d.abandoned) / nullif(sum(d.live_answers), 0), 2), 0) >= 3 as at_cap
  from dialbridge.report_dialer_campaigns c
  left join dialbridge.report_dialer_pacing_daily d on d.campaign_id = c.id
   and d.day > (pg_catalog.now() at time zone 'UTC')::date - 30
 group by c.id, c.name, c.type, c.team_id;
comment on view reports.dialer_abandonment_30d is 'Abandoned calls of each dialer campaign against its live-answered calls over the last 30 UTC days: the 3 % cap of 47 CFR 64.1200(a)(7) (at_cap: reached).';
comment on column reports.dialer_abandonment_30d.campaign_id is 'The campaign.';
comment on column reports.dialer_abandonment_30d.campaign_name is 'Its name.';
comment on column reports.dialer_abandonment_30d.type is 'manual, preview, power or predictive.';
comment on column reports.dialer_abandonment_30d.team_id is 'The owner''s team.';
comment on column reports.dialer_abandonment_30d.live_answers is 'Calls a person answered in the window.';
comment on column reports.dialer_abandonment_30d.abandoned_calls is 'Of those, abandoned (no rep within 2 s).';
comment on column reports.dialer_abandonment_30d.abandonment_pct is 'Abandoned ÷ live answered, %.';
comment on column reports.dialer_abandonment_30d.at_cap is 'Whether the campaign has reached the 3 % cap.';
revoke all on reports.dialer_abandonment_30d from public, anon;
grant select on reports.dialer_abandonment_30d to authenticated, service_role, dialbridge_metabase;

revoke execute on all functions in schema dialbridge from public;

-- migrate:down
