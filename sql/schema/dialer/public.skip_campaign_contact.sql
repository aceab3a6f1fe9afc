CREATE FUNCTION public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamp with time zone DEFAULT now()) RETURNS public.campaign_contacts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_cc public.campaign_contacts;
  v_c public.dialer_campaigns;
begin
  if nullif(pg_catalog.btrim(p_reason), '') is null then
    raise exception 'say why the contact is skipped' using errcode = '22023';
  end if;
  select * into v_cc from public.campaign_contacts where id = p_campaign_contact_id for update;
  if not found or not (v_cc.reserved_by = auth.uid() or dialbridge.can_manage_campaign(v_cc.campaign_id)) then
    raise exception 'campaign contact % is not reserved for you', p_campaign_contact_id using errcode = '42501';
  end if;
  if v_cc.status <> 'calling' or exists (select 1 from public.call_logs l where l.campaign_contact_id = v_cc.id
                                           and l.status in ('initiated', 'ringing', 'answered')) then
    raise exception 'campaign contact % is not waiting for a decision', p_campaign_contact_id using errcode = '55000';
  end if;
  select * into v_c from public.dialer_campaigns where id = v_cc.campaign_id;
  update public.campaign_contacts cc
     set status = coalesce(cc.reserved_from_status, 'pending'), reserved_by = null, reserved_at = null,
         reserved_until = null, reserved_from_status = null, reserved_for_call_id = null, skip_reason = pg_catalog.btrim(p_reason), skipped_at = as_of,
         next_attempt_at = as_of + pg_catalog.make_interval(secs => greatest(v_c.retry_interval, 60))
   where cc.id = v_cc.id
  returning cc.* into v_cc;
  return v_cc;
end
$$;

COMMENT ON FUNCTION public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamp with time zone) IS 'Preview dialing: the agent (or a manager) skips the contact it was handed, with a reason (22023 without one); it returns to the queue after the campaign''s retry interval (at least a minute), without counting an attempt.';

REVOKE ALL ON FUNCTION public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamp with time zone) TO anon;
GRANT ALL ON FUNCTION public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamp with time zone) TO service_role;
