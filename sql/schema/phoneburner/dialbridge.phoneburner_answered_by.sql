CREATE FUNCTION dialbridge.phoneburner_answered_by(p_value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case nullif(pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(p_value), '[^a-z]+', '_', 'g'), '_'), '')
    when 'decision_maker' then 'decision_maker' when 'dm' then 'decision_maker' when 'decisionmaker' then 'decision_maker'
    when 'contact' then 'decision_maker' when 'prospect' then 'decision_maker'
    when 'gatekeeper' then 'gatekeeper' when 'gate_keeper' then 'gatekeeper' when 'assistant' then 'gatekeeper'
    when 'receptionist' then 'gatekeeper'
    when 'voicemail' then 'voicemail' when 'voice_mail' then 'voicemail' when 'machine' then 'voicemail'
    when 'answering_machine' then 'voicemail' when 'vm' then 'voicemail'
    when 'answering_service' then 'answering_service'
    else case when p_value is null or pg_catalog.btrim(p_value) = '' then null else 'unknown' end
  end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_answered_by(p_value text) IS 'answered_by in the activity vocabulary (decision_maker, gatekeeper, voicemail, answering_service, unknown).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_answered_by(p_value text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_answered_by(p_value text) TO service_role;
