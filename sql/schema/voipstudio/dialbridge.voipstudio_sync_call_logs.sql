CREATE FUNCTION dialbridge.voipstudio_sync_call_logs(p_call_ids text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer;
begin
  if coalesce(pg_catalog.cardinality(p_call_ids), 0) = 0 then
    return 0;
  end if;
  if pg_catalog.to_regclass('pg_temp.voipstudio_call_sync') is null then
  create temporary table voipstudio_call_sync (
    call_id text primary key, status text, started_at timestamptz, answered_at timestamptz, ended_at timestamptz,
    duration integer, recording_url text, direction text, from_number text, to_number text, last_event_at timestamptz,
    activity_id uuid, contact_id uuid, rep_id uuid, team_id uuid, has_leg_events boolean, log_id uuid,
    answered_by text, agent_vs_user text, agent_connected_at timestamptz) on commit drop;
  end if;
  truncate pg_temp.voipstudio_call_sync;
  insert into pg_temp.voipstudio_call_sync
  select f.call_id,
         case when max(f.ended_at) is not null or bool_or(f.outcome is not null) then
                case (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1]
                  when 'connected' then 'completed' when 'voicemail' then 'completed' when 'busy' then 'busy' when 'failed' then 'failed'
                  when 'rejected' then 'failed' else 'no-answer' end
              when min(f.connected_at) is not null then 'answered'
              when bool_or(f.event_type like 'call.%') then 'ringing' end,
         min(f.started_at), min(f.connected_at), max(f.ended_at), max(f.total_seconds),
         (array_agg(f.recording_url order by f.event_at desc) filter (where f.recording_url is not null))[1],
         (array_agg(f.extra ->> 'voipstudio_direction' order by f.event_at) filter (where f.extra ? 'voipstudio_direction'))[1],
         (array_agg(f.extra ->> 'voipstudio_src' order by f.ended_at nulls last, f.event_at) filter (where f.extra ? 'voipstudio_src'))[1],
         (array_agg(f.extra ->> 'voipstudio_dst' order by f.ended_at nulls last, f.event_at) filter (where f.extra ? 'voipstudio_dst'))[1],
         max(f.event_at) filter (where f.event_type like 'call.%'),
         a.id, a.contact_id, a.user_id, a.team_id,
         bool_or(f.event_type like 'call.%'), null::uuid,
         (array_agg(f.extra ->> 'voipstudio_answered_by' order by f.event_at desc, f.event_id desc)
            filter (where f.extra ? 'voipstudio_answered_by'))[1],
         (array_agg(f.extra ->> 'voipstudio_agent_user_id' order by f.extra ->> 'voipstudio_agent_connected_at', f.event_id)
            filter (where f.extra ? 'voipstudio_agent_user_id'))[1],
         min((f.extra ->> 'voipstudio_agent_connected_at')::timestamptz)
    from dialbridge.call_events f
    left join public.contact_activities a on a.dedupe_key = 'voipstudio:call:' || f.call_id
   where f.provider = 'voipstudio' and f.kind = 'call' and f.call_id = any (p_call_ids)
   group by f.call_id, a.id, a.contact_id, a.user_id, a.team_id;

  -- calls the platform did not place get their call log from the events
  insert into public.call_logs (call_id, user_id, team_id, direction, from_number, to_number, status, contact_id,
                                contact_activity_id, started_at, answered_at, ended_at, duration, metadata)
  select s.call_id, s.rep_id, s.team_id, coalesce(s.direction, 'outbound'),
         pg_catalog.left(('+' || pg_catalog.regexp_replace(coalesce(s.from_number, ''), '\D', '', 'g')), 16),
         pg_catalog.left(('+' || pg_catalog.regexp_replace(coalesce(s.to_number, ''), '\D', '', 'g')), 16),
         coalesce(s.status, 'ringing'), s.contact_id, s.activity_id, s.started_at, s.answered_at, s.ended_at, s.duration,
         pg_catalog.jsonb_build_object('created_from', 'voipstudio_webhooks')
    from pg_temp.voipstudio_call_sync s
   where s.has_leg_events
     and not exists (select 1 from public.call_logs l where l.provider = 'voipstudio' and l.call_id = s.call_id)
     and s.call_id not like 'log-%'
  on conflict (provider, call_id) do nothing;

  update pg_temp.voipstudio_call_sync s
     set log_id = case when s.call_id like 'log-%' then pg_catalog.substr(s.call_id, 5)::uuid
                       else (select l.id from public.call_logs l where l.provider = 'voipstudio' and l.call_id = s.call_id) end;

  update public.call_logs l
     set status = coalesce(s.status, l.status),
         started_at = coalesce(s.started_at, l.started_at),
         answered_at = coalesce(s.answered_at, l.answered_at),
         ended_at = coalesce(s.ended_at, l.ended_at),
         duration = coalesce(s.duration, l.duration),
         recording_url = coalesce(s.recording_url, l.recording_url),
         contact_activity_id = coalesce(s.activity_id, l.contact_activity_id),
         contact_id = coalesce(l.contact_id, s.contact_id)
    from pg_temp.voipstudio_call_sync s
   where l.id = s.log_id
     and (l.status, l.started_at, l.answered_at, l.ended_at, l.duration, l.recording_url, l.contact_activity_id, l.contact_id)
         is distinct from
         (coalesce(s.status, l.status), coalesce(s.started_at, l.started_at), coalesce(s.answered_at, l.answered_at),
          coalesce(s.ended_at, l.ended_at), coalesce(s.duration, l.duration), coalesce(s.recording_url, l.recording_url),
          coalesce(s.activity_id, l.contact_activity_id), coalesce(l.contact_id, s.contact_id));
  get diagnostics v_n = row_count;

  -- contact-first (predictive) calls: the rep the answered party was bridged to, who answered (a person or a
  -- machine), and whether the person waited more than 2 s for a rep (dialbridge.is_abandoned: then the
  -- campaign's safe-harbor message was played, and the call counts against its 30-day cap). Derived again
  -- from all the call's facts each time, so a late agent leg corrects an early verdict.
  with x as (
    select l.id, coalesce(l.user_id, vc.user_id) as user_id, coalesce(s.answered_by, l.answered_by) as answered_by,
           coalesce(s.agent_connected_at, l.agent_connected_at) as agent_connected_at, l.answered_at, l.status,
           c.safe_harbor_drop_id
      from pg_temp.voipstudio_call_sync s
      join public.call_logs l on l.id = s.log_id
      left join public.voipstudio_credentials vc on vc.voipstudio_user_id = s.agent_vs_user
      left join public.dialer_campaigns c on c.id = l.campaign_id
     where l.origination = 'contact_first'
  ), y as (
    select x.*, dialbridge.is_abandoned(x.answered_by, x.answered_at, x.agent_connected_at, x.status) as abandoned from x
  )
  update public.call_logs l
     set user_id = y.user_id, answered_by = y.answered_by, agent_connected_at = y.agent_connected_at,
         abandoned = y.abandoned,
         abandoned_at = case when y.abandoned then y.answered_at + interval '2 seconds' end,
         safe_harbor_drop_id = case when y.abandoned then coalesce(l.safe_harbor_drop_id, y.safe_harbor_drop_id) end
    from y
   where l.id = y.id
     and (l.user_id, l.answered_by, l.agent_connected_at, l.abandoned, l.abandoned_at, l.safe_harbor_drop_id)
         is distinct from
         (y.user_id, y.answered_by, y.agent_connected_at, y.abandoned,
          case when y.abandoned then y.answered_at + interval '2 seconds' end,
          case when y.abandoned then coalesce(l.safe_harbor_drop_id, y.safe_harbor_drop_id) end);
  -- the safe-harbor message played to an abandoned call counts as a use of its voicemail drop (and no longer
  -- does when later facts show a rep took the call in time)
  delete from public.voicemail_drop_uses u
   using pg_temp.voipstudio_call_sync s join public.call_logs l on l.id = s.log_id
   where u.call_id = l.id and l.origination = 'contact_first' and not l.abandoned;
  insert into public.voicemail_drop_uses (voicemail_drop_id, call_id, user_id)
  select l.safe_harbor_drop_id, l.id, l.user_id
    from pg_temp.voipstudio_call_sync s join public.call_logs l on l.id = s.log_id
   where l.origination = 'contact_first' and l.abandoned and l.safe_harbor_drop_id is not null
  on conflict (call_id) do nothing;

  -- the agent: ringing, on the call, wrapping up — unless something newer (their own choice) came since
  insert into public.dialer_agent_states as a (user_id, state, campaign_id, current_call_id, since)
  select distinct on (l.user_id) l.user_id,
         case l.status when 'ringing' then 'ringing' when 'initiated' then 'ringing' when 'answered' then 'on_call' else 'wrap_up' end,
         l.campaign_id, l.id, s.last_event_at
    from pg_temp.voipstudio_call_sync s
    join public.call_logs l on l.provider = 'voipstudio' and l.call_id = s.call_id
   where l.user_id is not null and s.last_event_at is not null
   order by l.user_id, s.last_event_at desc
  on conflict (user_id) do update
    set state = excluded.state, current_call_id = excluded.current_call_id,
        campaign_id = coalesce(excluded.campaign_id, a.campaign_id), since = excluded.since
    where a.since <= excluded.since and a.state not in ('paused', 'offline');
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_sync_call_logs(p_call_ids text[]) IS 'Derives VoIPStudio call logs from all stored facts of their calls (so any order and duplication end the same): status (ringing → answered → completed, or no-answer, busy, failed), times, duration, recording, the activity and contact; creates the call log of a call the platform did not place (inbound, or dialed elsewhere). The agent''s availability follows the newest event of their calls (ringing, on_call, wrap_up) unless they chose a state since (paused, offline, or available after that call). Contact-first (predictive) calls also get the rep they were bridged to (the agent leg''s VoIPStudio user), who answered (human or machine), and their abandonment (dialbridge.is_abandoned, with the campaign''s safe-harbor message counted as played), derived again from all facts each time.';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_sync_call_logs(p_call_ids text[]) FROM PUBLIC;
