CREATE FUNCTION dialbridge.refresh_campaign_contacts(p_ids uuid[]) RETURNS integer
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

REVOKE ALL ON FUNCTION dialbridge.refresh_campaign_contacts(p_ids uuid[]) FROM PUBLIC;
