CREATE FUNCTION dialbridge.phone_e164_candidates(p_phone text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case
    when pg_catalog.length(pg_catalog.regexp_replace(coalesce(p_phone, ''), '\D', '', 'g')) not between 7 and 15
      then '{}'::text[]
    when pg_catalog.length(pg_catalog.regexp_replace(p_phone, '\D', '', 'g')) = 10
         and pg_catalog.left(pg_catalog.btrim(p_phone), 1) <> '+'
      then array['+1' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g'), '+' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g')]
    else array['+' || pg_catalog.regexp_replace(p_phone, '\D', '', 'g')]
  end
$$;

COMMENT ON FUNCTION dialbridge.phone_e164_candidates(p_phone text) IS 'The E.164 forms a dialled number may have been stored under (''+'' and its digits; 10 digits are a
North American number without its country code). Empty for text with fewer than 7 or more than 15 digits.';

REVOKE ALL ON FUNCTION dialbridge.phone_e164_candidates(p_phone text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phone_e164_candidates(p_phone text) TO service_role;
