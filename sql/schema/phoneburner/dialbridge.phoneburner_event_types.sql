CREATE FUNCTION dialbridge.phoneburner_event_types() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select array['call.started', 'call.connected', 'call.ended', 'disposition.set', 'callback.scheduled',
               'contact.updated', 'api_contact_displayed', 'api_callbegin', 'api_calldone',
               'softphone_call_done']
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_event_types() IS 'The event types dialbridge knows (seed contract, real dial-session callbacks, softphone).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_event_types() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_event_types() TO service_role;
