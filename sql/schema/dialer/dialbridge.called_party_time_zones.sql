CREATE FUNCTION dialbridge.called_party_time_zones(p_time_zone text, p_state text, p_zip text, p_phone_e164 text) RETURNS text[]
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select coalesce(
    (select array[t.name] from dialbridge.time_zone_names t where t.name = pg_catalog.btrim(p_time_zone)),
    (select array_agg(st.time_zone order by st.time_zone) from dialbridge.us_state_time_zones st
      where st.state = dialbridge.called_party_state(p_state, p_zip, p_phone_e164)),
    case when p_phone_e164 like '+1%' then array['America/Anchorage', 'America/Chicago', 'America/Denver',
      'America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'Pacific/Honolulu'] end,
    '{}'::text[])
$$;

COMMENT ON FUNCTION dialbridge.called_party_time_zones(p_time_zone text, p_state text, p_zip text, p_phone_e164 text) IS 'Candidate IANA zones of a called party: its own valid zone; else its state''s zones (state, ZIP or area code); else every US zone for a +1 number; else empty (unknown). The calling-hours check requires every candidate to allow the call: uncertainty is resolved the most restrictive way.';

REVOKE ALL ON FUNCTION dialbridge.called_party_time_zones(p_time_zone text, p_state text, p_zip text, p_phone_e164 text) FROM PUBLIC;
