CREATE FUNCTION dialbridge.bolna_event_refs(p_event_type text, p_payload jsonb) RETURNS TABLE(call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select nullif(p_payload ->> 'id', ''), null::text, null::text, nullif(p_payload ->> 'agent_id', ''), null::text,
         dialbridge.bolna_time(p_payload -> 'updated_at')
$$;

COMMENT ON FUNCTION dialbridge.bolna_event_refs(p_event_type text, p_payload jsonb) IS 'What is stored beside a Bolna event: the execution id (the call), the agent, the execution''s updated_at.';

REVOKE ALL ON FUNCTION dialbridge.bolna_event_refs(p_event_type text, p_payload jsonb) FROM PUBLIC;
