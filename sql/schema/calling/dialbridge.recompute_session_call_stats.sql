CREATE FUNCTION dialbridge.recompute_session_call_stats(p_session_id uuid DEFAULT NULL::uuid) RETURNS TABLE(session_id uuid, column_name text, stored_value text, recomputed_value text)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
begin
  if p_session_id is null then
    -- all sessions: drifted ones found without locks, then fixed one at a time under their row lock
    for v_id in
      select t.session_id
        from dialbridge.session_call_stats_from_rows(null) t
        join public.phoneburner_sessions s on s.id = t.session_id
       where (s.total_contacts_added, s.total_contacts_active, s.total_contacts_completed, s.total_dials, s.total_connections,
              s.total_decision_maker_conversations, s.total_gatekeeper_conversations, s.total_voicemails_left,
              s.total_no_answers, s.total_call_time_seconds, s.total_talk_time_seconds, s.average_talk_time_seconds,
              s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified, s.total_callbacks_scheduled,
              s.connection_rate_percentage, s.qualification_rate_percentage, s.started_at, s.last_activity_at)
             is distinct from
             (t.total_contacts_added, t.total_contacts_active, t.total_contacts_completed, t.total_dials, t.total_connections,
              t.total_decision_maker_conversations, t.total_gatekeeper_conversations, t.total_voicemails_left,
              t.total_no_answers, t.total_call_time_seconds, t.total_talk_time_seconds, t.average_talk_time_seconds,
              t.total_qualified_leads, t.total_meetings_scheduled, t.total_disqualified, t.total_callbacks_scheduled,
              t.connection_rate_percentage, t.qualification_rate_percentage, t.started_at, t.last_activity_at)
       order by t.session_id
    loop
      return query select * from dialbridge.recompute_session_call_stats(v_id);
    end loop;
    return;
  end if;

  return query
  with truth as (
    select * from dialbridge.session_call_stats_from_rows(p_session_id)
  ), cur_rows as (
    select s.id, s.total_contacts_added, s.total_contacts_active, s.total_contacts_completed, s.total_dials,
           s.total_connections, s.total_decision_maker_conversations, s.total_gatekeeper_conversations,
           s.total_voicemails_left, s.total_no_answers, s.total_call_time_seconds, s.total_talk_time_seconds,
           s.average_talk_time_seconds, s.total_qualified_leads, s.total_meetings_scheduled, s.total_disqualified,
           s.total_callbacks_scheduled, s.connection_rate_percentage, s.qualification_rate_percentage,
           s.started_at, s.last_activity_at
      from public.phoneburner_sessions s
     where s.id in (select t.session_id from truth t)
     order by s.id
       for no key update
  ), diff as (
    select cur.id, o.key as column_name, o.value #>> '{}' as stored_value, n.value #>> '{}' as recomputed_value
      from cur_rows cur
      join truth t on t.session_id = cur.id
      cross join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(cur) - 'id') o
      join lateral pg_catalog.jsonb_each(pg_catalog.to_jsonb(t) - 'session_id') n on n.key = o.key
     where o.value is distinct from n.value
  ), fixed as (
    update public.phoneburner_sessions s
       set total_contacts_added = t.total_contacts_added,
           total_contacts_active = t.total_contacts_active,
           total_contacts_completed = t.total_contacts_completed,
           total_dials = t.total_dials,
           total_connections = t.total_connections,
           total_decision_maker_conversations = t.total_decision_maker_conversations,
           total_gatekeeper_conversations = t.total_gatekeeper_conversations,
           total_voicemails_left = t.total_voicemails_left,
           total_no_answers = t.total_no_answers,
           total_call_time_seconds = t.total_call_time_seconds,
           total_talk_time_seconds = t.total_talk_time_seconds,
           average_talk_time_seconds = t.average_talk_time_seconds,
           total_qualified_leads = t.total_qualified_leads,
           total_meetings_scheduled = t.total_meetings_scheduled,
           total_disqualified = t.total_disqualified,
           total_callbacks_scheduled = t.total_callbacks_scheduled,
           connection_rate_percentage = t.connection_rate_percentage,
           qualification_rate_percentage = t.qualification_rate_percentage,
           started_at = t.started_at,
           last_activity_at = t.last_activity_at
      from truth t
     where s.id = t.session_id and s.id in (select diff.id from diff)
    returning s.id
  )
  select diff.id, diff.column_name, diff.stored_value, diff.recomputed_value
    from diff
   where diff.id in (select fixed.id from fixed)
   order by diff.id, diff.column_name;
end
$$;

COMMENT ON FUNCTION dialbridge.recompute_session_call_stats(p_session_id uuid) IS 'Reconciliation for phoneburner_sessions: recomputes counters, rates and member counts from the raw
rows, fixes drift (sessions locked in id order) and returns what it fixed. p_session_id null: all.';

REVOKE ALL ON FUNCTION dialbridge.recompute_session_call_stats(p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_session_call_stats(p_session_id uuid) TO service_role;
