CREATE FUNCTION public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid DEFAULT NULL::uuid) RETURNS public.voicemail_drop_uses
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_log public.call_logs;
  v_drop public.voicemail_drops;
  v_row public.voicemail_drop_uses;
begin
  select * into v_log from public.call_logs where id = p_call_id;
  if not found or not (v_log.user_id = auth.uid() or auth.uid() is null) then
    raise exception 'call % not found or not yours', p_call_id using errcode = '42501';
  end if;
  select * into v_drop from public.voicemail_drops d
   where d.id = coalesce(p_voicemail_drop_id, (select c.voicemail_drop_id from public.dialer_campaigns c where c.id = v_log.campaign_id))
     and d.is_active and (d.team_id is null or d.team_id = v_log.team_id);
  if not found then
    raise exception 'no active voicemail drop % for this call''s team', coalesce(p_voicemail_drop_id::text, '(campaign default)') using errcode = 'DB074';
  end if;
  insert into public.voicemail_drop_uses as u (voicemail_drop_id, call_id, user_id)
  values (v_drop.id, v_log.id, v_log.user_id)
  on conflict (call_id) do nothing
  returning u.* into v_row;
  if v_row.id is null then
    select * into v_row from public.voicemail_drop_uses where call_id = v_log.id;
  end if;
  return v_row;
end
$$;

COMMENT ON FUNCTION public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid) IS 'Voicemail drop: the call''s agent drops a message (the one named, else the campaign''s default) on the call; recorded once per call and counted in voicemail_drops.usage_count. DB074: no active drop for the call''s team.';

REVOKE ALL ON FUNCTION public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid) TO anon;
GRANT ALL ON FUNCTION public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid) TO service_role;
