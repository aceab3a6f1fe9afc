CREATE FUNCTION dialbridge.voipstudio_credentials_of(p_user_id uuid) RETURNS TABLE(voipstudio_user_id text, api_token text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.voipstudio_user_id, dialbridge.read_credential('voipstudio_api_token', c.user_id)
    from public.voipstudio_credentials c where c.user_id = p_user_id
$$;

COMMENT ON FUNCTION dialbridge.voipstudio_credentials_of(p_user_id uuid) IS 'A rep''s VoIPStudio user id and API token (service role only: the browser never reads tokens).';

REVOKE ALL ON FUNCTION dialbridge.voipstudio_credentials_of(p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.voipstudio_credentials_of(p_user_id uuid) TO service_role;
