CREATE FUNCTION dialbridge.credential_marker() RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$ select '[encrypted]'::text $$;

COMMENT ON FUNCTION dialbridge.credential_marker() IS 'What a token column holds once its secret is stored encrypted: ''[encrypted]''.';

REVOKE ALL ON FUNCTION dialbridge.credential_marker() FROM PUBLIC;
