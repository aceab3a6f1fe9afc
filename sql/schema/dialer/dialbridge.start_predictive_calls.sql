CREATE FUNCTION dialbridge.start_predictive_calls(p_campaign_id uuid, p_decision jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS SETOF public.call_logs
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_c public.dialer_campaigns;
  v_want integer := greatest(0, coalesce((p_decision ->> 'dial')::integer, 0));
  v_started integer := 0;
  v_next record;
  v_check record;
  v_log public.call_logs;
  v_detail text;
  v_stats jsonb;
  i integer;
begin
  -- one pacer at a time per campaign (the worker's queue already serialises them; this makes it a rule)
  select * into v_c from public.dialer_campaigns where id = p_campaign_id for update;
  if not found then
    raise exception 'campaign % not found', p_campaign_id using errcode = 'DB070';
  end if;
  if v_c.type <> 'predictive' or v_c.status <> 'active' then
    v_want := 0;
    v_detail := pg_catalog.format('the campaign is %s and %s', v_c.type, v_c.status);
  elsif v_c.dial_queue is null then
    v_want := 0;
    v_detail := 'no call queue (dialer_campaigns.dial_queue) takes the answered calls';
  end if;
  for i in 1 .. least(v_want, v_c.max_lines) loop
    select * into v_next from public.next_contact_to_dial(v_c.id, v_c.user_id, as_of);
    if v_next.campaign_contact_id is null then
      v_detail := coalesce(v_next.detail, v_next.queue_status);
      exit;
    end if;
    -- the same check as every click-to-call (the number itself, besides the contact the queue checked)
    select * into v_check from public.check_call_allowed(v_next.phone_number, v_next.contact_id, v_c.id, as_of);
    if not v_check.allowed then
      update public.campaign_contacts cc
         set status = coalesce(cc.reserved_from_status, 'pending'), reserved_by = null, reserved_at = null,
             reserved_until = null, reserved_from_status = null, reserved_for_call_id = null,
             skip_reason = v_check.detail, skipped_at = as_of,
             next_attempt_at = coalesce(v_check.allowed_from, as_of + pg_catalog.make_interval(secs => greatest(v_c.retry_interval, 60)))
       where cc.id = v_next.campaign_contact_id;
      continue;
    end if;
    insert into public.call_logs (user_id, team_id, direction, from_number, to_number, status, campaign_id,
                                  campaign_contact_id, contact_id, origination, metadata)
    values (null, v_c.team_id, 'outbound', v_c.caller_id, v_check.phone_e164, 'initiated', v_c.id,
            v_next.campaign_contact_id, v_check.contact_id, 'contact_first',
            pg_catalog.jsonb_build_object('pacer', pg_catalog.jsonb_build_object(
              'mode', p_decision ->> 'mode', 'decided_at', as_of, 'expected_abandon_rate', p_decision -> 'expectedAbandonRate')))
    returning * into v_log;
    v_started := v_started + 1;
    return next v_log;
  end loop;

  v_stats := coalesce(p_decision -> 'situation' -> 'stats', '{}');
  insert into dialbridge.pacing_state as p (campaign_id, decided_at, mode, reps, free_reps, lines_before, lines_wanted,
                                            lines_started, expected_abandon_rate, allowed_rate, window_live_answers,
                                            window_abandoned, detail)
  values (v_c.id, as_of,
          case when v_c.type <> 'predictive' or v_c.status <> 'active' or v_c.dial_queue is null then 'stopped'
               else coalesce(p_decision ->> 'mode', 'idle') end,
          coalesce((p_decision -> 'situation' ->> 'reps')::integer, 0), coalesce((p_decision -> 'situation' ->> 'freeReps')::integer, 0),
          coalesce((p_decision -> 'situation' ->> 'lines')::integer, 0), greatest(0, coalesce((p_decision ->> 'dial')::integer, 0)),
          v_started, coalesce((p_decision ->> 'expectedAbandonRate')::numeric, 0), coalesce((p_decision ->> 'allowedRate')::numeric, 0),
          coalesce((v_stats ->> 'windowLiveAnswers')::bigint, 0), coalesce((v_stats ->> 'windowAbandoned')::bigint, 0),
          coalesce(v_detail, p_decision ->> 'detail'))
  on conflict (campaign_id) do update
    set decided_at = excluded.decided_at, mode = excluded.mode, reps = excluded.reps, free_reps = excluded.free_reps,
        lines_before = excluded.lines_before, lines_wanted = excluded.lines_wanted, lines_started = excluded.lines_started,
        expected_abandon_rate = excluded.expected_abandon_rate, allowed_rate = excluded.allowed_rate,
        window_live_answers = excluded.window_live_answers, window_abandoned = excluded.window_abandoned, detail = excluded.detail
    where p.decided_at <= excluded.decided_at;
end
$$;

COMMENT ON FUNCTION dialbridge.start_predictive_calls(p_campaign_id uuid, p_decision jsonb, as_of timestamp with time zone) IS 'Predictive mode, one decision of the pacer ({dial, mode, expectedAbandonRate, allowedRate, situation: {reps, freeReps, lines, stats}}): reserves up to dial contacts (never more than max_lines) through public.next_contact_to_dial (hours, do-not-call, retries, the abandonment cooldown), checks each call as click-to-call does (public.check_call_allowed; a refused one goes back to the queue with the reason), writes their call logs (contact_first, no rep yet, status initiated) and returns them; nothing for a campaign that is not an active predictive one or has no call queue. The decision is kept in dialbridge.pacing_state (with the decision''s detail when the function has none of its own). Serialised per campaign. Service role.';

REVOKE ALL ON FUNCTION dialbridge.start_predictive_calls(p_campaign_id uuid, p_decision jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.start_predictive_calls(p_campaign_id uuid, p_decision jsonb, as_of timestamp with time zone) TO service_role;
