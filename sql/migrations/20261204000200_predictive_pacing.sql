-- migrate:up
-- Predictive dialing, the data side (issue 13): what the pacer (jobs/pacing/pacer.ts) reads, kept
-- incrementally in SQL, and the abandonment accounting 47 CFR 64.1200(a)(7) asks for.
--
--   abandoned calls  a live answer no rep reached within 2 s: call_logs.abandoned with its timings and the
--                    safe-harbor message played (dialbridge.record_abandoned_call); the contact is not called
--                    by a predictive campaign again before the campaign's cooldown has passed
--   statistics       the dialer's call roll-up (dialbridge.dialer_call_stats) also counts machine answers,
--                    abandoned calls, ring seconds, connected calls and their talk; dialbridge.pacing_stats
--                    (campaign) is what the pacer reads from it (the 30-day abandonment window, recent rates
--                    and means)
-- Re-runnable: every statement checks or replaces.

-- ---------------------------------------------------------------------------------------------------
-- The pacer's statistics: read from the dialer's call roll-up (dialbridge.dialer_call_stats: its machine
-- answers, abandoned calls, ring seconds, connected calls and talk seconds), maintained with it
-- ---------------------------------------------------------------------------------------------------
/**
 * What the pacer reads for a campaign (jobs/pacing/pacer.ts CampaignStats): the 30-day abandonment window
 * and, over the last 7 days, dials, live and machine answers and the ring and talk means.
 */
create or replace function dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamptz default now())
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with w as (
    -- the 30-day window: this UTC day and the 29 before it
    select s.*, s.hour >= (((as_of at time zone 'UTC')::date - 6)::timestamp at time zone 'UTC') as recent
      from dialbridge.dialer_call_stats s
     where s.campaign_id = p_campaign_id
       and s.hour >= (((as_of at time zone 'UTC')::date - 29)::timestamp at time zone 'UTC')
       and s.hour < (((as_of at time zone 'UTC')::date + 1)::timestamp at time zone 'UTC')
  )
  select pg_catalog.jsonb_build_object(
    'dialled', coalesce(sum(w.calls) filter (where w.recent and w.status <> 'canceled'), 0),
    'liveAnswers', coalesce(sum(w.answered - w.machine_answers) filter (where w.recent), 0),
    'machineAnswers', coalesce(sum(w.machine_answers) filter (where w.recent), 0),
    'ringMean', coalesce(sum(w.ring_seconds) filter (where w.recent)::numeric
                         / nullif(sum(w.answered - w.machine_answers) filter (where w.recent), 0), 12),
    'talkMean', coalesce(sum(w.talk_seconds) filter (where w.recent)::numeric / nullif(sum(w.connected) filter (where w.recent), 0), 180),
    'wrapMean', 30,
    'noAnswerTimeout', 25,
    'windowLiveAnswers', coalesce(sum(w.answered - w.machine_answers), 0),
    'windowAbandoned', coalesce(sum(w.abandoned), 0))
    from w
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

/** The campaigns' abandonment over their 30-day windows (UTC days), for Metabase and the frontend. */
create or replace view reports.dialer_abandonment_30d with (security_invoker = true) as
select c.id as campaign_id, c.name as campaign_name, c.type, c.team_id,
       coalesce(sum(d.answered - d.machine_answers), 0)::bigint as live_answers, coalesce(sum(d.abandoned), 0)::bigint as abandoned_calls,
       round(100.0 * sum(d.abandoned) / nullif(sum(d.answered - d.machine_answers), 0), 2) as abandonment_pct,
       coalesce(round(100.0 * sum(d.abandoned) / nullif(sum(d.answered - d.machine_answers), 0), 2), 0) >= 3 as at_cap
  from dialbridge.report_dialer_campaigns c
  left join dialbridge.report_dialer_call_stats d on d.campaign_id = c.id
   and d.hour >= ((((pg_catalog.now() at time zone 'UTC')::date - 29)::timestamp) at time zone 'UTC')
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
