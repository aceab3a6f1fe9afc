CREATE FUNCTION dialbridge.phoneburner_inferred_answered_by(p_outcome text, p_mapping_code text, p_mapping_category text, p_mapping_connected boolean) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case
    when p_outcome = 'voicemail' then 'voicemail'
    when p_outcome is distinct from 'connected' then null
    when p_mapping_code in ('SPOKE_TO_GATEKEEPER', 'GATEKEEPER') then 'gatekeeper'
    when p_mapping_connected and p_mapping_category in ('positive', 'negative') then 'decision_maker'
    else 'unknown'
  end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_inferred_answered_by(p_outcome text, p_mapping_code text, p_mapping_category text, p_mapping_connected boolean) IS 'answered_by when no event said (real PhoneBurner never does): voicemail for voicemail; for a connected
call, gatekeeper for a gatekeeper disposition, decision_maker for a conversation that ended in a positive
or negative decision (Interested, Not interested, Meeting set, Do not call, …), else unknown.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_inferred_answered_by(p_outcome text, p_mapping_code text, p_mapping_category text, p_mapping_connected boolean) FROM PUBLIC;
