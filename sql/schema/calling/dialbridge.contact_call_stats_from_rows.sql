CREATE FUNCTION dialbridge.contact_call_stats_from_rows(p_contact_id uuid DEFAULT NULL::uuid) RETURNS TABLE(contact_id uuid, total_call_attempts integer, total_calls_connected integer, total_calls_to_decision_maker integer, total_calls_to_gatekeeper integer, total_voicemails_left integer, total_call_duration_seconds integer, total_talk_time_seconds integer, average_talk_time_seconds integer, connection_rate_percentage numeric, first_call_attempt_at timestamp with time zone, last_call_attempt_at timestamp with time zone, last_call_connected_at timestamp with time zone, phone_verified_at timestamp with time zone, last_disposition_code text, last_disposition_label text, last_disposition_date timestamp with time zone, last_disposition_notes text, last_engaged_call_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with scope as (
    select c.id from public.contacts c
     where (p_contact_id is null or c.id = p_contact_id)
       and (p_contact_id is not null or c.total_call_attempts <> 0 or c.last_call_attempt_at is not null
            or c.last_disposition_date is not null
            or exists (select 1 from public.contact_activities a where a.contact_id = c.id))
  ), agg as (
    select a.contact_id,
           sum(s.is_call)::integer as attempts, sum(s.is_connected)::integer as connected,
           sum(s.is_decision_maker)::integer as dm, sum(s.is_gatekeeper)::integer as gk,
           sum(s.is_voicemail)::integer as vm, sum(s.duration_seconds)::integer as duration,
           sum(s.talk_seconds)::integer as talk, min(s.attempt_at) as first_at, max(s.attempt_at) as last_at,
           max(s.connected_at) as connected_at, max(s.engaged_at) as engaged_at
      from public.contact_activities a cross join lateral dialbridge.activity_call_stats(a) s
     where a.contact_id in (select id from scope) and s.is_call = 1
     group by a.contact_id
  ), disp as (
    select distinct on (a.contact_id) a.contact_id, a.disposition_code, a.disposition_label, a.disposition_set_at,
           a.disposition_notes
      from public.contact_activities a
     where a.contact_id in (select id from scope) and a.deleted_at is null and a.disposition_set_at is not null
       and coalesce(a.disposition_code, a.disposition_label) is not null
       and dialbridge.is_call_activity_type(a.activity_type)
     order by a.contact_id, a.disposition_set_at desc, a.dedupe_key desc nulls last, a.id desc
  )
  select sc.id, coalesce(g.attempts, 0), coalesce(g.connected, 0), coalesce(g.dm, 0), coalesce(g.gk, 0),
         coalesce(g.vm, 0), coalesce(g.duration, 0), coalesce(g.talk, 0),
         case when g.connected > 0 then pg_catalog.round(g.talk::numeric / g.connected)::integer end,
         case when g.attempts > 0 then pg_catalog.round(g.connected * 100.0 / g.attempts, 2) end,
         g.first_at, g.last_at, g.connected_at, g.connected_at,
         d.disposition_code, d.disposition_label, d.disposition_set_at, d.disposition_notes, g.engaged_at
    from scope sc
    left join agg g on g.contact_id = sc.id
    left join disp d on d.contact_id = sc.id
$$;

COMMENT ON FUNCTION dialbridge.contact_call_stats_from_rows(p_contact_id uuid) IS 'The contacts'' call statistics recomputed from their contact_activities rows (same contribution as the
triggers). p_contact_id null: every contact that has call rows or non-zero statistics.';

REVOKE ALL ON FUNCTION dialbridge.contact_call_stats_from_rows(p_contact_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contact_call_stats_from_rows(p_contact_id uuid) TO service_role;
