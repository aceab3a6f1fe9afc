CREATE FUNCTION dialbridge.expected_session_contact_stats() RETURNS TABLE(session_id uuid, team_id uuid, contact_id uuid, calls integer, connections integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select f.session_id, f.team_id, f.contact_id, sum(f.calls)::integer, sum(f.connections)::integer
    from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
   where f.session_id is not null and f.contact_id is not null and f.calls = 1
   group by f.session_id, f.team_id, f.contact_id
$$;

COMMENT ON FUNCTION dialbridge.expected_session_contact_stats() IS 'session_contact_stats as the raw rows say it should be.';

REVOKE ALL ON FUNCTION dialbridge.expected_session_contact_stats() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.expected_session_contact_stats() TO service_role;
