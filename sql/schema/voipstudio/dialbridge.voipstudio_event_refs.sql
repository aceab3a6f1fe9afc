CREATE FUNCTION dialbridge.voipstudio_event_refs(p_event_type text, p_payload jsonb) RETURNS TABLE(call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(p_payload ->> 'root_call_id', ''), nullif(p_payload ->> 'call_id', ''),
                  'log-' || (p_payload ->> 'call_log_id')),
         null::text, p_payload ->> 'contact_id', coalesce(p_payload ->> 'user_id', p_payload ->> 'user_email'),
         p_payload ->> 'campaign_id', dialbridge.voipstudio_time(p_payload -> 'event_time')
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_event_refs(p_event_type text, p_payload jsonb) IS 'What is stored beside a VoIPStudio event: the root call id (a platform disposition of a call VoIPStudio never placed: log-<call log id>), the contact and agent hints, the campaign, the event time.';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_event_refs(p_event_type text, p_payload jsonb) FROM PUBLIC;
