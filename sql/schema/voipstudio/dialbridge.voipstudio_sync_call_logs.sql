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
    activity_id uuid, contact_id uuid, rep_id uuid, team_id uuid, has_leg_events boolean, log_id uuid) on commit drop;
  end if;
  truncate pg_temp.voipstudio_call_sync;
  insert into pg_temp.voipstudio_call_sync
  select f.call_id,
         case when max(f.ended_at) is not null or bool_or(f.outcome is not null) then
                case (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1]
                  when 'connected' then 'completed' when 'busy' then 'busy' when 'failed' then 'failed'
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
         bool_or(f.event_type like 'call.%'), null::uuid
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

COMMENT ON FUNCTION dialbridge.voipstudio_sync_call_logs(p_call_ids text[]) IS 'Derives VoIPStudio call logs from all stored facts of their calls (so any order and duplication end the same): status (ringing → answered → completed, or no-answer, busy, failed), times, duration, recording, the activity and contact; creates the call log of a call the platform did not place (inbound, or dialed elsewhere). The agent''s availability follows the newest event of their calls (ringing, on_call, wrap_up) unless they chose a state since (paused, offline, or available after that call).';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_sync_call_logs(p_call_ids text[]) FROM PUBLIC;
