CREATE FUNCTION dialbridge.record_abandoned_call(p_call_log_id uuid, p_answered_at timestamp with time zone, p_abandoned_at timestamp with time zone, p_safe_harbor_drop_id uuid DEFAULT NULL::uuid) RETURNS public.call_logs
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

COMMENT ON FUNCTION dialbridge.record_abandoned_call(p_call_log_id uuid, p_answered_at timestamp with time zone, p_abandoned_at timestamp with time zone, p_safe_harbor_drop_id uuid) IS 'Predictive mode: records that a person answered and no rep reached them within 2 s — the call is abandoned, with its answer and abandon times and the safe-harbor message played (counted as a voicemail drop use); it counts against the campaign''s 30-day cap (dialbridge.pacing_stats). Idempotent. Service role.';

REVOKE ALL ON FUNCTION dialbridge.record_abandoned_call(p_call_log_id uuid, p_answered_at timestamp with time zone, p_abandoned_at timestamp with time zone, p_safe_harbor_drop_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_abandoned_call(p_call_log_id uuid, p_answered_at timestamp with time zone, p_abandoned_at timestamp with time zone, p_safe_harbor_drop_id uuid) TO service_role;
