CREATE FUNCTION dialbridge.activity_stat_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) RETURNS dialbridge.activity_stat_delta[]
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
-- plpgsql rather than sql: it keeps its plan for the session (a non-inlined SQL function is planned anew
-- on every call, which cost more than the work itself)
begin
  return (
  with o as (
    select x.id, x.dedupe_key, x.contact_id, x.phoneburner_session_id as session_id,
           x.disposition_code, x.disposition_label, x.disposition_notes, s.*
      from unnest(p_old) x cross join lateral dialbridge.activity_call_stats(x) s
     where s.is_call = 1 or s.is_callback = 1
  ), n as (
    select x.id, x.dedupe_key, x.contact_id, x.phoneburner_session_id as session_id,
           x.disposition_code, x.disposition_label, x.disposition_notes, s.*
      from unnest(p_new) x cross join lateral dialbridge.activity_call_stats(x) s
     where s.is_call = 1 or s.is_callback = 1
  )
  select array_agg(d)
    from (
      select row(-1, o.id, o.dedupe_key, o.contact_id, o.session_id, o.disposition_code, o.disposition_label,
                 o.disposition_notes, o.is_call, o.is_connected, o.is_decision_maker, o.is_gatekeeper, o.is_voicemail,
                 o.is_no_answer, o.duration_seconds, o.talk_seconds, o.attempt_at, o.connected_at, o.disposition_at,
                 o.engaged_at, o.activity_at, o.is_qualified, o.is_meeting, o.is_disqualified, o.is_callback,
                 o.member_stage)::dialbridge.activity_stat_delta as d
        from o where not exists (select 1 from n where n.id = o.id and row(o.*) is not distinct from row(n.*))
      union all
      select row(1, n.id, n.dedupe_key, n.contact_id, n.session_id, n.disposition_code, n.disposition_label,
                 n.disposition_notes, n.is_call, n.is_connected, n.is_decision_maker, n.is_gatekeeper, n.is_voicemail,
                 n.is_no_answer, n.duration_seconds, n.talk_seconds, n.attempt_at, n.connected_at, n.disposition_at,
                 n.engaged_at, n.activity_at, n.is_qualified, n.is_meeting, n.is_disqualified, n.is_callback,
                 n.member_stage)::dialbridge.activity_stat_delta
        from n where not exists (select 1 from o where o.id = n.id and row(o.*) is not distinct from row(n.*))
    ) x);
end
$$;

COMMENT ON FUNCTION dialbridge.activity_stat_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) IS 'The statistics change of one statement on contact_activities as signed contributions: p_old = rows as
they were (-1), p_new = rows as they are (+1). A row whose contribution did not change cancels out.';

REVOKE ALL ON FUNCTION dialbridge.activity_stat_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) FROM PUBLIC;
