CREATE FUNCTION dialbridge.phoneburner_session_max_contacts() RETURNS integer
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(pg_catalog.current_setting('dialbridge.phoneburner_session_max_contacts', true), '')::integer, 2500)
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_session_max_contacts() IS 'How many contacts one POST /rest/1/dialsession carries (one push, one dial session, up to this): setting dialbridge.phoneburner_session_max_contacts, default 2,500. PhoneBurner publishes no maximum; the bound is intake time (≈ 90 ms a contact at worst) and body size (≈ 1 KB a contact).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_session_max_contacts() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_session_max_contacts() TO service_role;
GRANT ALL ON FUNCTION dialbridge.phoneburner_session_max_contacts() TO authenticated;
