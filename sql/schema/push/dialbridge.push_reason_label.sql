CREATE FUNCTION dialbridge.push_reason_label(p_reason text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select case p_reason
    when 'legal_dnc' then 'Legal do-not-call'
    when 'internal_dnc' then 'Internal do-not-call'
    when 'suppressed' then 'Suppressed'
    when 'invalid_phone' then 'Invalid phone number'
    when 'missing_phone' then 'Missing phone number'
    when 'missing_name' then 'Missing first or last name'
    when 'recently_contacted' then 'Recently contacted'
    when 'already_in_session' then 'Already in an active session'
    when 'duplicate_in_list' then 'Duplicate in this list'
    when 'missing_email' then 'Missing email (pushed without)'
    when 'missing_company' then 'Missing company (pushed without)'
    when 'phone_unverified' then 'Number changed, checked again at push'
    else p_reason end
$$;

COMMENT ON FUNCTION dialbridge.push_reason_label(p_reason text) IS 'The words the push modal shows for an exclusion reason or warning.';

REVOKE ALL ON FUNCTION dialbridge.push_reason_label(p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_reason_label(p_reason text) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_reason_label(p_reason text) TO service_role;
