CREATE FUNCTION dialbridge.session_call_stats_from_rows(p_session_id uuid DEFAULT NULL::uuid) RETURNS TABLE(session_id uuid, total_contacts_added integer, total_contacts_active integer, total_contacts_completed integer, total_dials integer, total_connections integer, total_decision_maker_conversations integer, total_gatekeeper_conversations integer, total_voicemails_left integer, total_no_answers integer, total_call_time_seconds integer, total_talk_time_seconds integer, average_talk_time_seconds integer, total_qualified_leads integer, total_meetings_scheduled integer, total_disqualified integer, total_callbacks_scheduled integer, connection_rate_percentage numeric, qualification_rate_percentage numeric, started_at timestamp with time zone, last_activity_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with scope as (
    select s.id from public.phoneburner_sessions s where p_session_id is null or s.id = p_session_id
  ), agg as (
    select a.phoneburner_session_id as session_id,
           sum(s.is_call)::integer as dials, sum(s.is_connected)::integer as connections,
           sum(s.is_decision_maker)::integer as dm, sum(s.is_gatekeeper)::integer as gk,
           sum(s.is_voicemail)::integer as vm, sum(s.is_no_answer)::integer as no_answer,
           sum(s.duration_seconds)::integer as call_time, sum(s.talk_seconds)::integer as talk,
           sum(s.is_qualified)::integer as qualified, sum(s.is_meeting)::integer as meetings,
           sum(s.is_disqualified)::integer as disqualified, sum(s.is_callback)::integer as callbacks,
           min(s.attempt_at) as started_at, max(s.activity_at) as last_activity_at
      from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
     where a.phoneburner_session_id in (select id from scope) and (s.is_call = 1 or s.is_callback = 1)
     group by a.phoneburner_session_id
  ), members as (
    select m.session_id, count(*)::integer as added,
           (count(*) filter (where m.state in ('pending', 'dialed', 'connected')))::integer as active,
           (count(*) filter (where m.state = 'completed'))::integer as completed
      from public.phoneburner_session_contacts m
     where m.session_id in (select id from scope)
     group by m.session_id
  )
  select sc.id, coalesce(m.added, 0), coalesce(m.active, 0), coalesce(m.completed, 0),
         coalesce(g.dials, 0), coalesce(g.connections, 0), coalesce(g.dm, 0), coalesce(g.gk, 0), coalesce(g.vm, 0),
         coalesce(g.no_answer, 0), coalesce(g.call_time, 0), coalesce(g.talk, 0),
         case when g.connections > 0 then pg_catalog.round(g.talk::numeric / g.connections)::integer end,
         coalesce(g.qualified, 0), coalesce(g.meetings, 0), coalesce(g.disqualified, 0), coalesce(g.callbacks, 0),
         case when g.dials > 0 then pg_catalog.round(g.connections * 100.0 / g.dials, 2) end,
         case when g.connections > 0 then least(pg_catalog.round(g.qualified * 100.0 / g.connections, 2), 999.99) end,
         g.started_at, g.last_activity_at
    from scope sc
    left join agg g on g.session_id = sc.id
    left join members m on m.session_id = sc.id
$$;

COMMENT ON FUNCTION dialbridge.session_call_stats_from_rows(p_session_id uuid) IS 'The sessions'' call statistics and member counts recomputed from the raw rows.';

REVOKE ALL ON FUNCTION dialbridge.session_call_stats_from_rows(p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.session_call_stats_from_rows(p_session_id uuid) TO service_role;
