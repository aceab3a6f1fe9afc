CREATE FUNCTION dialbridge.is_abandoned(p_answered_by text, p_answered_at timestamp with time zone, p_agent_connected_at timestamp with time zone, p_status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select coalesce(p_answered_by = 'human' and p_answered_at is not null and p_status = 'completed'
                  and (p_agent_connected_at is null or p_agent_connected_at > p_answered_at + interval '2 seconds'), false)
$$;

COMMENT ON FUNCTION dialbridge.is_abandoned(p_answered_by text, p_answered_at timestamp with time zone, p_agent_connected_at timestamp with time zone, p_status text) IS 'Whether a finished contact-first call was abandoned (47 CFR 64.1200(a)(7)): a person (not a machine) answered and no rep was bridged to them within 2 s.';

REVOKE ALL ON FUNCTION dialbridge.is_abandoned(p_answered_by text, p_answered_at timestamp with time zone, p_agent_connected_at timestamp with time zone, p_status text) FROM PUBLIC;
