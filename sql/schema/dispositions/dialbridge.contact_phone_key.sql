CREATE FUNCTION dialbridge.contact_phone_key(p_contact public.contacts) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(pg_catalog.to_jsonb(p_contact) ->> 'phone_e164', ''), dialbridge.suppression_phone(p_contact.phone))
$$;

COMMENT ON FUNCTION dialbridge.contact_phone_key(p_contact public.contacts) IS 'The suppression key of a contact''s phone: its E.164 form when the push side has normalised it
(contacts.phone_e164, read softly: that column belongs to the push migrations), else
dialbridge.suppression_phone(phone).';

REVOKE ALL ON FUNCTION dialbridge.contact_phone_key(p_contact public.contacts) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.contact_phone_key(p_contact public.contacts) TO service_role;
