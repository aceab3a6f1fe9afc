CREATE FUNCTION dialbridge.empty_queue_reason(p_campaign public.dialer_campaigns, as_of timestamp with time zone) RETURNS TABLE(reason text, detail text, available_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_left integer;
  v_reserved integer;
  v_blocked integer;
  v_due timestamptz;
  v_open timestamptz;
  v_tz text := p_campaign.timezone;
begin
  select count(*) filter (where cc.status in ('pending', 'failed', 'callback') and cc.attempts < p_campaign.max_attempts
                                and not k.do_not_call and not k.phone_number_invalid),
         count(*) filter (where cc.status = 'calling'),
         count(*) filter (where cc.status in ('pending', 'failed', 'callback') and cc.attempts < p_campaign.max_attempts
                                and (k.do_not_call or k.phone_number_invalid))
    into v_left, v_reserved, v_blocked
    from public.campaign_contacts cc join public.contacts k on k.id = cc.contact_id
   where cc.campaign_id = p_campaign.id;
  if v_left = 0 then
    return query select case when v_reserved > 0 then 'all_reserved' else 'nothing_left' end,
      case when v_reserved > 0 then pg_catalog.format('Every contact left is with an agent (%s)', v_reserved)
           else 'Nothing left to dial' || case when v_blocked > 0 then pg_catalog.format(' (%s blocked: do-not-call or invalid number)', v_blocked) else '' end end,
      null::timestamptz;
    return;
  end if;
  -- the contact that opens first: its retry or schedule (due), then its calling window (open)
  select g.due, dialbridge.callable_from(g.time_zones, g.calling_state, p_campaign.active_hours, v_tz, g.due) as open
    into v_due, v_open
    from (select p.time_zones, p.calling_state, d.due
            from (select cc.place_id, greatest(cc.next_attempt_at, cc.scheduled_at, as_of) as due
                    from public.campaign_contacts cc join public.contacts k on k.id = cc.contact_id
                   where cc.campaign_id = p_campaign.id and cc.status in ('pending', 'failed', 'callback')
                     and cc.attempts < p_campaign.max_attempts and not k.do_not_call and not k.phone_number_invalid
                   group by 1, 2) d
            join dialbridge.calling_places p on p.id = d.place_id) g
   order by 2 nulls last, 1
   limit 1;
  if v_open is not null and v_open <= as_of then
    -- callable now, yet not handed out: held by another campaign's agent (or being reserved right now)
    return query select 'all_reserved', 'The contacts callable now are with other agents or campaigns; try again shortly', as_of;
  elsif v_open is not null and v_open = v_due then
    return query select 'waiting_for_retry',
      pg_catalog.format('Nothing to dial now: the next retry is due at %s (%s)', dialbridge.local_clock_text(v_open, v_tz, as_of), v_tz), v_open;
  else
    return query select 'outside_hours',
      case when v_open is null then 'Nothing to dial now: everyone left is outside calling hours for the next 8 days'
           else pg_catalog.format('Nothing to dial now: everyone left is outside calling hours until %s (%s)',
                                  dialbridge.local_clock_text(v_open, v_tz, as_of), v_tz) end,
      v_open;
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.empty_queue_reason(p_campaign public.dialer_campaigns, as_of timestamp with time zone) IS 'Why a campaign''s queue hands nothing out now: nothing_left (with the blocked count), all_reserved, waiting_for_retry (until the next retry) or outside_hours (until the earliest opening of a contact''s calling window, in the campaign''s zone).';

REVOKE ALL ON FUNCTION dialbridge.empty_queue_reason(p_campaign public.dialer_campaigns, as_of timestamp with time zone) FROM PUBLIC;
