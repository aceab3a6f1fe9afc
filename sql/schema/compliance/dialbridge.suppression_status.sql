CREATE FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(is_suppressed boolean, is_legal boolean, reason text, until timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select s.is_suppressed, s.is_legal, s.reason, s.until
    from dialbridge.suppression_statuses(array[p_contact_id], array[p_phone_e164], p_as_of) s
$$;

COMMENT ON FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone) IS 'Is this contact / phone number suppressed at p_as_of? (is_suppressed, is_legal, reason, until). The push
refuses legal ones whatever the override; internal ones may be overridden with an audited reason.';

REVOKE ALL ON FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.suppression_status(p_contact_id uuid, p_phone_e164 text, p_as_of timestamp with time zone) TO service_role;
