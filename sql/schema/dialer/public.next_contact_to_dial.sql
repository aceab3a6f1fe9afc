CREATE FUNCTION public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid DEFAULT NULL::uuid, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(campaign_contact_id uuid, contact_id uuid, phone_number text, first_name text, last_name text, company text, email text, attempts integer, is_callback boolean, reserved_until timestamp with time zone, script text, queue_status text, detail text, available_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_agent uuid := dialbridge.dialer_agent(p_agent_id);
  v_c public.dialer_campaigns;
  v_cc public.campaign_contacts;
  v_skip uuid[] := '{}';
  v_open bigint[];
  v_block record;
  i integer;
begin
  select * into v_c from public.dialer_campaigns c where c.id = p_campaign_id;
  if not found or not (
       v_c.user_id = v_agent
       or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = v_c.id and a.user_id = v_agent)
       or (auth.uid() is not null and dialbridge.can_manage_campaign(v_c.id))) then
    raise exception 'campaign % not found or not yours to dial', p_campaign_id using errcode = '42501';
  end if;
  if v_c.status <> 'active' then
    return query select null::uuid, null::uuid, null::text, null::text, null::text, null::text, null::text, null::integer,
      null::boolean, null::timestamptz, v_c.script, 'campaign_not_active', pg_catalog.format('The campaign is %s', v_c.status), null::timestamptz;
    return;
  end if;

  -- reservations nobody followed with a call go back to the queue
  update public.campaign_contacts cc
     set status = coalesce(cc.reserved_from_status, 'pending'), reserved_by = null, reserved_at = null,
         reserved_until = null, reserved_from_status = null, reserved_for_call_id = null
   where cc.id in (select x.id from public.campaign_contacts x
                    where x.campaign_id = v_c.id and x.status = 'calling' and x.reserved_until <= as_of
                    for update skip locked);

  -- calling hours, once per place (a handful), not once per contact
  v_open := array(select p.id from dialbridge.calling_places p
                   where dialbridge.is_callable_at(p.time_zones, p.calling_state, v_c.active_hours, v_c.timezone, as_of));
  for i in 1 .. 50 loop
    select cc.* into v_cc
      from public.campaign_contacts cc
      join public.contacts k on k.id = cc.contact_id
     where cc.campaign_id = v_c.id
       and cc.status in ('pending', 'failed', 'callback')
       and cc.attempts < v_c.max_attempts
       and (cc.next_attempt_at is null or cc.next_attempt_at <= as_of)
       and (cc.scheduled_at is null or cc.scheduled_at <= as_of)
       and not k.do_not_call and not k.phone_number_invalid
       and cc.id <> all (v_skip)
       and cc.place_id = any (v_open)
       and not exists (select 1 from public.campaign_contacts o
                        where o.contact_id = cc.contact_id and o.status = 'calling' and o.id <> cc.id)
       -- predictive campaigns leave alone a contact whose call was abandoned within the cooldown
       and (v_c.type <> 'predictive' or not exists (
             select 1 from public.call_logs al join public.dialer_campaigns ac on ac.id = al.campaign_id
              where al.contact_id = cc.contact_id and al.abandoned and ac.type = 'predictive'
                and al.abandoned_at > as_of - pg_catalog.make_interval(secs => v_c.abandon_cooldown_seconds)))
     order by cc.is_callback desc, cc.priority desc, cc.queue_due_at, cc.attempts, cc.queue_position
     limit 1
       for update of cc skip locked;
    exit when not found;

    -- one contact is never in two campaigns' hands: whoever holds its lock decides, then the
    -- reservation is checked again with what has committed since
    if not pg_catalog.pg_try_advisory_xact_lock(pg_catalog.hashtextextended('dialbridge.dial:' || v_cc.contact_id::text, 0))
       or exists (select 1 from public.campaign_contacts o
                   where o.contact_id = v_cc.contact_id and o.status = 'calling' and o.id <> v_cc.id) then
      v_skip := v_skip || v_cc.id;
      continue;
    end if;

    -- the platform's compliance rules, in this transaction
    select b.* into v_block from dialbridge.contact_blocks(array[v_cc.contact_id], as_of) b;
    if found then
      if v_block.block in ('legal_dnc', 'internal_dnc') then
        update public.campaign_contacts set status = 'do-not-call', skip_reason = v_block.detail where id = v_cc.id;
      else
        update public.campaign_contacts set next_attempt_at = v_block.blocked_until, skip_reason = v_block.detail where id = v_cc.id;
      end if;
      v_skip := v_skip || v_cc.id;
      continue;
    end if;

    update public.campaign_contacts cc
       set reserved_from_status = cc.status, status = 'calling', reserved_by = v_agent, reserved_at = as_of, reserved_for_call_id = null,
           reserved_until = as_of + pg_catalog.make_interval(secs => v_c.reservation_timeout_seconds)
     where cc.id = v_cc.id
    returning cc.* into v_cc;
    return query select v_cc.id, v_cc.contact_id, v_cc.phone_number, v_cc.first_name, v_cc.last_name, v_cc.company,
      v_cc.email, v_cc.attempts, v_cc.reserved_from_status = 'callback', v_cc.reserved_until, v_c.script,
      'reserved', null::text, as_of;
    return;
  end loop;

  return query select null::uuid, null::uuid, null::text, null::text, null::text, null::text, null::text, null::integer,
    null::boolean, null::timestamptz, v_c.script, r.reason, r.detail, r.available_at
    from dialbridge.empty_queue_reason(v_c, as_of) r;
end
$$;

COMMENT ON FUNCTION public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid, as_of timestamp with time zone) IS 'The dialing queue: reserves the next contact of an active campaign for the agent (the signed-in user; the service role names one) and returns it — due callbacks first, then priority, then the scheduled or next-attempt time, then the fewest attempts. FOR UPDATE SKIP LOCKED: concurrent agents never get the same contact, and a per-contact lock keeps a contact out of two campaigns'' hands. Never returns a contact on do-not-call or suppressed (dialbridge.contact_blocks, same transaction: legal or internal do-not-call marks it do-not-call, a timed suppression postpones it), with an invalid number, out of attempts, or whose local time (every candidate zone) is outside the campaign''s active hours or the legal window; a predictive campaign also skips a contact whose predictive call was abandoned within its abandon_cooldown_seconds. A reservation not followed by a call within reservation_timeout_seconds returns to the queue. When it has none: one row without a contact, queue_status campaign_not_active, nothing_left, all_reserved, waiting_for_retry or outside_hours, with detail ("…until 09:00 (America/New_York)") and available_at.';

REVOKE ALL ON FUNCTION public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid, as_of timestamp with time zone) TO anon;
GRANT ALL ON FUNCTION public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid, as_of timestamp with time zone) TO service_role;
