CREATE FUNCTION public.check_call_allowed(p_phone text, p_contact_id uuid DEFAULT NULL::uuid, p_campaign_id uuid DEFAULT NULL::uuid, as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(allowed boolean, reason text, detail text, allowed_from timestamp with time zone, contact_id uuid, phone_e164 text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
#variable_conflict use_column
declare
  v_phone text := pg_catalog.regexp_replace(coalesce(p_phone, ''), '[^0-9+]', '', 'g');
  v_k public.contacts;
  v_c public.dialer_campaigns;
  v_block record;
  v_blocked boolean := false;
  v_zones text[];
  v_state text;
  v_from timestamptz;
begin
  if v_phone !~ '^\+' and v_phone ~ '^[2-9][0-9]{9}$' then
    v_phone := '+1' || v_phone;
  elsif v_phone !~ '^\+' and v_phone ~ '^1[2-9][0-9]{9}$' then
    v_phone := '+' || v_phone;
  end if;
  if p_contact_id is not null then
    select * into v_k from public.contacts k where k.id = p_contact_id
       and (k.team_id = dialbridge.current_team_id() or dialbridge.is_admin() or auth.uid() is null);
    if not found then
      raise exception 'contact % not found', p_contact_id using errcode = 'DB070';
    end if;
  elsif v_phone ~ '^\+[1-9][0-9]{7,14}$' then
    -- the number's contact, when exactly one of the caller's team has it
    select * into v_k from public.contacts k
     where k.phone_e164 = v_phone and (k.team_id = dialbridge.current_team_id() or auth.uid() is null)
       and (select count(*) from public.contacts k2 where k2.phone_e164 = v_phone
              and (k2.team_id = dialbridge.current_team_id() or auth.uid() is null)) = 1;
  end if;
  if p_campaign_id is not null then
    select * into v_c from public.dialer_campaigns c where c.id = p_campaign_id;
  end if;
  if v_phone !~ '^\+[1-9][0-9]{7,14}$' then
    return query select false, 'invalid_phone', 'Not a phone number in E.164 form (+ and 8 to 15 digits)', null::timestamptz, v_k.id, null::text;
    return;
  end if;
  if v_k.id is not null and (v_k.phone_number_invalid or v_k.phone_status = 'invalid') and v_k.phone_e164 is not distinct from v_phone then
    return query select false, 'invalid_phone', 'Flagged: ' || coalesce(pg_catalog.lower(dialbridge.humanize_reason(v_k.phone_number_invalid_reason)), 'known bad number'),
      null::timestamptz, v_k.id, v_phone;
    return;
  end if;
  -- the contact's rules and the dialled number's, or the bare number's (dialbridge.dial_blocks: one rule)
  select b.block, b.detail, b.blocked_until into v_block
    from dialbridge.dial_blocks(array[v_k.id], array[v_phone], as_of) b;
  v_blocked := found;
  if v_blocked then
    return query select false, case when v_block.block = 'suppressed' then 'suppressed' else 'do_not_call' end,
      v_block.detail::text, v_block.blocked_until::timestamptz, v_k.id, v_phone;
    return;
  end if;
  v_zones := dialbridge.called_party_time_zones(v_k.timezone, v_k.state, v_k.zip, v_phone);
  v_state := dialbridge.called_party_state(v_k.state, v_k.zip, v_phone);
  v_from := dialbridge.callable_from(v_zones, v_state, coalesce(v_c.active_hours, '{}'), coalesce(v_c.timezone, 'America/New_York'), as_of);
  if v_from is distinct from as_of then
    return query select false, 'outside_hours',
      case when v_from is null then 'Outside calling hours for the next 8 days'
           else pg_catalog.format('Outside calling hours in the called party''s local time until %s (%s)',
                  dialbridge.local_clock_text(v_from, coalesce(v_c.timezone, v_zones[1], 'America/New_York'), as_of),
                  coalesce(v_c.timezone, v_zones[1], 'America/New_York')) end,
      v_from, v_k.id, v_phone;
    return;
  end if;
  return query select true, null::text, null::text, as_of, v_k.id, v_phone;
end
$_$;

COMMENT ON FUNCTION public.check_call_allowed(p_phone text, p_contact_id uuid, p_campaign_id uuid, as_of timestamp with time zone) IS 'Click-to-call''s compliance check (manual dialing is still checked): the number in E.164 (10-digit US numbers accepted), the contact named or the one contact of the caller''s team with that number, its do-not-call and suppressions and the dialled number''s (dialbridge.dial_blocks, the rule the queue and the push use), a flagged number, and the legal window in the called party''s local time (all candidate zones) plus the campaign''s active hours when one is named. Answers allowed, the reason (invalid_phone, do_not_call, suppressed, outside_hours), its detail and when it becomes allowed. DB070: contact not found.';

REVOKE ALL ON FUNCTION public.check_call_allowed(p_phone text, p_contact_id uuid, p_campaign_id uuid, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.check_call_allowed(p_phone text, p_contact_id uuid, p_campaign_id uuid, as_of timestamp with time zone) TO anon;
GRANT ALL ON FUNCTION public.check_call_allowed(p_phone text, p_contact_id uuid, p_campaign_id uuid, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.check_call_allowed(p_phone text, p_contact_id uuid, p_campaign_id uuid, as_of timestamp with time zone) TO service_role;
