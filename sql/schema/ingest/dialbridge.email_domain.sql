CREATE FUNCTION dialbridge.email_domain(p_email text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select nullif(pg_catalog.lower(pg_catalog."substring"(pg_catalog.btrim(p_email), '@([^@[:space:]]+)$')), '')
$_$;

COMMENT ON FUNCTION dialbridge.email_domain(p_email text) IS 'The domain of an email address (lower case), null when there is none.';

REVOKE ALL ON FUNCTION dialbridge.email_domain(p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.email_domain(p_email text) TO service_role;
