CREATE FUNCTION dialbridge.phoneburner_callback_key(p_call_key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select 'phoneburner:callback:' || pg_catalog.substr(p_call_key, 18)
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_callback_key(p_call_key text) IS 'The callback row''s dedupe key for a call key.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_callback_key(p_call_key text) FROM PUBLIC;
