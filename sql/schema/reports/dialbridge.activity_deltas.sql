CREATE FUNCTION dialbridge.activity_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) RETURNS dialbridge.activity_delta[]
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.array_agg(row(d.sign, d.day, d.team_id, d.user_id, d.session_id, d.contact_id, d.disposition_code,
           d.label_key, d.calls, d.connections, d.decision_maker_conversations, d.gatekeeper_conversations, d.voicemails,
           d.no_answers, d.talk_time_seconds, d.call_duration_seconds, d.dispositioned_calls, d.callbacks_scheduled,
           k.outcome_group, k.is_meeting)::dialbridge.activity_delta)
    from (select -1 as sign, f.* from pg_catalog.unnest(p_old) o cross join lateral dialbridge.activity_facts(o) f
          union all
          select 1, f.* from pg_catalog.unnest(p_new) n cross join lateral dialbridge.activity_facts(n) f) d
   cross join lateral dialbridge.disposition_class(d.disposition_code, d.label_key) k
$$;

COMMENT ON FUNCTION dialbridge.activity_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) IS 'The signed, classified contributions of old and new contact_activities rows (old −1, new +1): what
every roll-up adds up. Classification by dialbridge.disposition_class (code first, then label).';

REVOKE ALL ON FUNCTION dialbridge.activity_deltas(p_old public.contact_activities[], p_new public.contact_activities[]) FROM PUBLIC;
