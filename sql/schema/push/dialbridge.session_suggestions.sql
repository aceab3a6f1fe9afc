CREATE FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.jsonb_build_object(
    'suggested_session', (
      select pg_catalog.jsonb_build_object('session_id', s.id, 'session_name', s.session_name,
               'phoneburner_session_id', s.phoneburner_session_id, 'total_contacts', s.total_contacts_added,
               'last_activity_at', coalesce(s.last_activity_at, s.created_at), 'pushed_at', r.created_at)
        from public.phoneburner_push_runs r
        join public.phoneburner_sessions s on s.id = r.session_id
       where r.user_id = auth.uid() and r.filter_fingerprint = p_fingerprint
         and r.created_at >= as_of - interval '30 days' and r.created_at <= as_of
         and s.session_status = 'active' and s.deleted_at is null
       order by r.created_at desc limit 1),
    'recent_sessions', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('session_id', x.id, 'session_name', x.session_name,
               'phoneburner_session_id', x.phoneburner_session_id, 'total_contacts', x.total_contacts_added,
               'last_activity_at', x.last_at) order by x.last_at desc)
        from (select s.id, s.session_name, s.phoneburner_session_id, s.total_contacts_added,
                     coalesce(s.last_activity_at, s.created_at) as last_at
                from public.phoneburner_sessions s
               where s.created_by_user_id = auth.uid() and s.session_status = 'active' and s.deleted_at is null
               order by coalesce(s.last_activity_at, s.created_at) desc limit 10) x), '[]'::jsonb))
$$;

COMMENT ON FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone) IS 'The rep''s sessions to offer in the push modal: the session of the rep''s most recent push of the same
selection within 30 days (pre-selected when still active), and the rep''s recent active sessions.';

REVOKE ALL ON FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.session_suggestions(p_fingerprint text, as_of timestamp with time zone) TO service_role;
