CREATE FUNCTION dialbridge.phoneburner_outcome(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case nullif(pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(p_value), '[^a-z]+', '_', 'g'), '_'), '')
    when 'completed' then 'completed' when 'complete' then 'completed' when 'answered' then 'completed'
    when 'connected' then 'completed'
    when 'no_answer' then 'no_answer' when 'noanswer' then 'no_answer' when 'not_answered' then 'no_answer'
    when 'unanswered' then 'no_answer'
    when 'busy' then 'busy'
    when 'failed' then 'failed' when 'error' then 'failed' when 'canceled' then 'failed' when 'cancelled' then 'failed'
    when 'rejected' then 'rejected' when 'declined' then 'rejected'
    when 'voicemail' then 'voicemail' when 'voice_mail' then 'voicemail' when 'machine' then 'voicemail'
    when 'answering_machine' then 'voicemail'
  end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_outcome(p_value text) IS 'A call.ended outcome in the seed vocabulary (completed, no_answer, busy, failed, rejected, voicemail); null if unknown.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_outcome(p_value text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_outcome(p_value text) TO service_role;
