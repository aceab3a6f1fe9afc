CREATE FUNCTION dialbridge.predictive_situation(p_campaign_id uuid, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with c as (
    select * from public.dialer_campaigns where id = p_campaign_id
  ), answered_waiting as (
    -- people who answered and whose bridge to a rep the dialer has not heard of yet: each takes a free rep
    select count(*)::integer as n
      from c join public.call_logs l on l.campaign_id = c.id
     where l.origination = 'contact_first' and l.status = 'answered' and l.user_id is null
       and l.agent_connected_at is null and l.answered_by is distinct from 'machine'
       and l.created_at > as_of - interval '2 minutes'
  ), reps as (
    select s.user_id, s.state, greatest(0, extract(epoch from as_of - s.since))::float8 as secs,
           row_number() over (order by s.state = 'available' desc, s.since, s.user_id) as rn
      from c join public.dialer_agent_states s on s.campaign_id = c.id
     where s.state in ('available', 'ringing', 'on_call', 'wrap_up')
       and (s.user_id = c.user_id
            or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = c.id and a.user_id = s.user_id))
  )
  select pg_catalog.jsonb_build_object(
    'campaignId', c.id,
    'active', c.status = 'active' and c.type = 'predictive',
    'queue', c.dial_queue,
    'ownerId', c.user_id,
    'reps', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'userId', r.user_id,
               'talkingFor', case when r.state in ('ringing', 'on_call') then r.secs
                                  when r.state = 'available' and r.rn <= (select w.n from answered_waiting w) then 0 end,
               'wrappingFor', case when r.state = 'wrap_up' then r.secs end)
             order by r.user_id)
        from reps r), '[]'),
    -- lines still ringing (a call log the dialer never heard back about stops counting after two minutes)
    'lines', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'ringingFor', greatest(0, extract(epoch from as_of - coalesce(l.started_at, l.created_at)))::float8))
        from public.call_logs l
       where l.campaign_id = c.id and l.origination = 'contact_first' and l.status in ('initiated', 'ringing')
         and l.created_at > as_of - interval '2 minutes'), '[]'),
    'stats', dialbridge.pacing_stats(c.id, as_of),
    'settings', pg_catalog.jsonb_build_object('maxLines', c.max_lines, 'cap', 0.03))
    from c
$$;

COMMENT ON FUNCTION dialbridge.predictive_situation(p_campaign_id uuid, as_of timestamp with time zone) IS 'What the predictive pacer decides from, as JSON (jobs/pacing/pacer.ts Situation): the campaign''s reps logged in (available; on a call with talkingFor seconds; wrapping up with wrappingFor seconds; an available rep counts as just starting a call for each person who answered and whose bridge to a rep has not been heard of yet), its contact-first lines still ringing (ringingFor seconds), its statistics (dialbridge.pacing_stats) and max_lines; active says whether it is an active predictive campaign, queue its VoIPStudio call queue. Null for an unknown campaign. Service role.';

REVOKE ALL ON FUNCTION dialbridge.predictive_situation(p_campaign_id uuid, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.predictive_situation(p_campaign_id uuid, as_of timestamp with time zone) TO service_role;
