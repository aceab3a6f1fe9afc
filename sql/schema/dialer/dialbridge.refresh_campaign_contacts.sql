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
    select distinct on (l.campaign_contact_id) l.campaign_contact_id as cc_id, l.id, l.status, l.user_id, l.created_at
      from public.call_logs l
     where l.campaign_contact_id = any (p_ids) and l.status <> 'canceled'
     order by l.campaign_contact_id, coalesce(l.started_at, l.created_at) desc, l.created_at desc, l.id desc
  ), last_disp as (
    select distinct on (d.call_id) d.call_id, d.disposition, d.follow_up_date
      from public.call_dispositions d join last_call lc on lc.id = d.call_id
     order by d.call_id, d.created_at desc, d.id desc
  ), derived as (
    select cc.id, coalesce(c.n, 0)::integer as attempts, c.last_at, lc.id as last_call_id, lc.user_id as caller,
           lc.created_at as call_created_at,
           lc.status in ('initiated', 'ringing', 'answered') as live,
           cc.status = 'calling' and cc.reserved_at > coalesce(lc.created_at, '-infinity'::timestamptz) as fresh_reservation,
           case when cc.status = 'do-not-call' then 'do-not-call'
                when lc.status in ('initiated', 'ringing', 'answered') then 'calling'
                when cc.status = 'calling' and cc.reserved_at > coalesce(lc.created_at, '-infinity'::timestamptz) then 'calling'
                when lc.id is null then case when cc.status = 'calling' then coalesce(cc.reserved_from_status, 'pending') else cc.status end
                when ld.disposition = 'do-not-call' then 'do-not-call'
                when ld.disposition = 'callback' then 'callback'
                when ld.disposition in ('no-answer', 'voicemail') then 'failed'
                when ld.disposition is not null then 'completed'
                when lc.status = 'completed' then 'completed'
                else 'failed' end as status,
           case when ld.disposition = 'callback' then ld.follow_up_date else cc.callback_at end as callback_at,
           cp.reservation_timeout_seconds
      from public.campaign_contacts cc
      join public.dialer_campaigns cp on cp.id = cc.campaign_id
      left join calls c on c.cc_id = cc.id
      left join last_call lc on lc.cc_id = cc.id
      left join last_disp ld on ld.call_id = lc.id
     where cc.id = any (p_ids)
  )
  update public.campaign_contacts cc
     set attempts = d.attempts, last_attempt_at = d.last_at, last_call_id = d.last_call_id, callback_at = d.callback_at,
         status = d.status,
         reserved_by = case when d.status <> 'calling' then null when d.live then d.caller else cc.reserved_by end,
         reserved_at = case when d.status <> 'calling' then null else coalesce(cc.reserved_at, pg_catalog.now()) end,
         reserved_until = case when d.status <> 'calling' then null
                               when d.live then d.call_created_at + interval '4 hours'
                               when cc.reserved_until > pg_catalog.now() + pg_catalog.make_interval(secs => d.reservation_timeout_seconds)
                                 then pg_catalog.now() + pg_catalog.make_interval(secs => d.reservation_timeout_seconds)
                               else cc.reserved_until end,
         reserved_from_status = case when d.status <> 'calling' then null
                                     else coalesce(cc.reserved_from_status, case when cc.status <> 'calling' then cc.status end, 'pending') end
    from derived d
   where cc.id = d.id
     and (cc.attempts, cc.last_attempt_at, cc.last_call_id, cc.callback_at, cc.status, cc.reserved_by, cc.reserved_until)
         is distinct from
         (d.attempts, d.last_at, d.last_call_id, d.callback_at, d.status,
          case when d.status <> 'calling' then null when d.live then d.caller else cc.reserved_by end,
          case when d.status <> 'calling' then null
               when d.live then d.call_created_at + interval '4 hours'
               when cc.reserved_until > pg_catalog.now() + pg_catalog.make_interval(secs => d.reservation_timeout_seconds)
                 then pg_catalog.now() + pg_catalog.make_interval(secs => d.reservation_timeout_seconds)
               else cc.reserved_until end);
  get diagnostics v_n = row_count;
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.refresh_campaign_contacts(p_ids uuid[]) IS 'Derives campaign contacts from their calls: attempts (calls placed; a call VoIPStudio never placed is canceled and does not count), last attempt and call, and the status — calling while a call is live (held for up to 4 hours) or a fresh reservation waits, else from the latest disposition of the last call (do-not-call; callback with its follow-up date; no-answer and voicemail fail and are retried; the rest complete), else from the call (completed, or failed: retried). do-not-call is sticky. Writes only what changed; dialbridge.schedule_next_attempt then schedules the retry.';

REVOKE ALL ON FUNCTION dialbridge.refresh_campaign_contacts(p_ids uuid[]) FROM PUBLIC;
