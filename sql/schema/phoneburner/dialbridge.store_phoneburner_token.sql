CREATE FUNCTION dialbridge.store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.phoneburner_oauth_tokens
     set access_token = p_access_token, refresh_token = coalesce(p_refresh_token, refresh_token), expires_at = p_expires_at
   where user_id = p_user_id
$$;

COMMENT ON FUNCTION dialbridge.store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone) IS 'Stores a refreshed token pair (after POST /oauth/refreshtoken).';

REVOKE ALL ON FUNCTION dialbridge.store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.store_phoneburner_token(p_user_id uuid, p_access_token text, p_refresh_token text, p_expires_at timestamp with time zone) TO service_role;
