CREATE FUNCTION dialbridge.is_call_activity_type(p_activity_type text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select p_activity_type in ('call_attempt', 'call_connected', 'call_completed', 'disposition_set', 'voicemail_left')
$$;

COMMENT ON FUNCTION dialbridge.is_call_activity_type(p_activity_type text) IS 'Whether an activity type is a call (what the call statistics count).';

REVOKE ALL ON FUNCTION dialbridge.is_call_activity_type(p_activity_type text) FROM PUBLIC;
