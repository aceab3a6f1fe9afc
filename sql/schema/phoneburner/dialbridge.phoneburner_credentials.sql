CREATE FUNCTION dialbridge.phoneburner_credentials(p_user_id uuid) RETURNS TABLE(access_token text, refresh_token text, expires_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select dialbridge.read_credential('phoneburner_access_token', t.user_id),
         dialbridge.read_credential('phoneburner_refresh_token', t.user_id),
         t.expires_at
    from public.phoneburner_oauth_tokens t
   where t.user_id = p_user_id and t.access_token is not null
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_credentials(p_user_id uuid) IS 'A rep''s PhoneBurner token (service role only: the browser never reads tokens).';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_credentials(p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.phoneburner_credentials(p_user_id uuid) TO service_role;
