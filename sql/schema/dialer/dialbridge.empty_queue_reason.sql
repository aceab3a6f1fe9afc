CREATE FUNCTION dialbridge.empty_queue_reason(p_campaign public.dialer_campaigns, as_of timestamp with time zone) RETURNS TABLE(reason text, detail text, available_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_left integer;
  v_reserved integer;
  v_blocked integer;
  v_retry_at timestamptz;
  v_hours_at timestamptz;
  v_tz text := p_campaign.timezone;
begin
  select count(*) filter (where cc.status in ('pending', 'failed', 'callback') and cc.attempts < p_campaign.max_attempts
                                and not k.do_not_call and not k.phone_number_invalid),
         count(*) filter (where cc.status = 'calling'),
         count(*) filter (where cc.status in ('pending', 'failed', 'callback') and cc.attempts < p_campaign.max_attempts
                                and (k.do_not_call or k.phone_number_invalid)),
         min(greatest(cc.next_attempt_at, cc.scheduled_at)) filter (
           where cc.status in ('pending', 'failed', 'callback') and cc.attempts < p_campaign.max_attempts
             and not k.do_not_call and not k.phone_number_invalid and greatest(cc.next_attempt_at, cc.scheduled_at) > as_of)
    into v_left, v_reserved, v_blocked, v_retry_at
    from public.campaign_contacts cc join public.contacts k on k.id = cc.contact_id
   where cc.campaign_id = p_campaign.id;

  if v_left = 0 then
    return query select case when v_reserved > 0 then 'all_reserved' else 'nothing_left' end,
      case when v_reserved > 0 then pg_catalog.format('Every contact left is with an agent (%s)', v_reserved)
           else 'Nothing left to dial' || case when v_blocked > 0 then pg_catalog.format(' (%s blocked: do-not-call or invalid number)', v_blocked) else '' end end,
      null::timestamptz;
    return;
  end if;
  -- the earliest moment one of the contacts due now (or at their retry) is inside its calling hours
  select min(dialbridge.callable_from(g.time_zones, g.calling_state, p_campaign.active_hours, v_tz, g.due))
    into v_hours_at
    from (select distinct cc.time_zones, cc.calling_state, greatest(cc.next_attempt_at, cc.scheduled_at, as_of) as due
            from public.campaign_contacts cc join public.contacts k on k.id = cc.contact_id
           where cc.campaign_id = p_campaign.id and cc.status in ('pending', 'failed', 'callback')
             and cc.attempts < p_campaign.max_attempts and not k.do_not_call and not k.phone_number_invalid) g;
  if v_hours_at is not null and v_hours_at <= as_of then
    -- callable now, yet not handed out: reserved contact-wise by another campaign, or suppressed for now
    return query select 'all_reserved', 'The contacts callable now are with other agents or campaigns; try again shortly', as_of;
  elsif v_retry_at is not null and (v_hours_at is null or v_retry_at >= v_hours_at) and not exists (
          select 1 from public.campaign_contacts cc
           where cc.campaign_id = p_campaign.id and cc.status in ('pending', 'failed', 'callback')
             and cc.attempts < p_campaign.max_attempts and greatest(cc.next_attempt_at, cc.scheduled_at, as_of) <= as_of) then
    return query select 'waiting_for_retry',
      pg_catalog.format('Everyone left is waiting for a retry; the next is due at %s (%s)',
        dialbridge.local_clock_text(coalesce(v_hours_at, v_retry_at), v_tz, as_of), v_tz), coalesce(v_hours_at, v_retry_at);
  else
    return query select 'outside_hours',
      case when v_hours_at is null then 'Everyone left is outside calling hours for the next 8 days'
           else pg_catalog.format('Everyone left is outside calling hours until %s (%s)', dialbridge.local_clock_text(v_hours_at, v_tz, as_of), v_tz) end,
      v_hours_at;
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.empty_queue_reason(p_campaign public.dialer_campaigns, as_of timestamp with time zone) IS 'Why a campaign''s queue hands nothing out now: nothing_left (with the blocked count), all_reserved, waiting_for_retry (until the next retry) or outside_hours (until the earliest opening of a contact''s calling window, in the campaign''s zone).';

REVOKE ALL ON FUNCTION dialbridge.empty_queue_reason(p_campaign public.dialer_campaigns, as_of timestamp with time zone) FROM PUBLIC;
