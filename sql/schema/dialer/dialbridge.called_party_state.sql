CREATE FUNCTION dialbridge.called_party_state(p_state text, p_zip text, p_phone_e164 text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select coalesce(
    (select st.state from dialbridge.us_state_time_zones st
      where st.state = pg_catalog.upper(pg_catalog.btrim(p_state)) limit 1),
    (select z.state from dialbridge.us_zip_prefixes z
      where pg_catalog.btrim(p_zip) ~ '^[0-9]{5}'
        and pg_catalog.substr(pg_catalog.btrim(p_zip), 1, 3)::integer between z.zip3_from and z.zip3_to
      order by z.zip3_from desc limit 1),
    (select a.state from dialbridge.us_area_codes a
      where p_phone_e164 ~ '^\+1[2-9][0-9]{9}$' and a.area_code = pg_catalog.substr(p_phone_e164, 3, 3)))
$_$;

COMMENT ON FUNCTION dialbridge.called_party_state(p_state text, p_zip text, p_phone_e164 text) IS 'The US state of a called party: its own state, else the state of its ZIP prefix (dialbridge.us_zip_prefixes), else the state of its +1 number''s area code (dialbridge.us_area_codes); null when none tells.';

REVOKE ALL ON FUNCTION dialbridge.called_party_state(p_state text, p_zip text, p_phone_e164 text) FROM PUBLIC;
