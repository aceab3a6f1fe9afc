CREATE FUNCTION public.get_phoneburner_connected_users() RETURNS TABLE(token_id uuid, user_id uuid, display_name text, phoneburner_user_email text, expires_at timestamp with time zone, updated_at timestamp with time zone, profile_first_name text, profile_last_name text, profile_email text, is_manual_token boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select t.id, t.user_id, coalesce(t.display_name, p.display_name), t.phoneburner_user_email, t.expires_at, t.updated_at,
         pg_catalog.split_part(p.display_name, ' ', 1),
         nullif(pg_catalog.btrim(pg_catalog.substr(p.display_name, pg_catalog.length(pg_catalog.split_part(p.display_name, ' ', 1)) + 1)), ''),
         p.email, t.is_manual_token
    from public.phoneburner_oauth_tokens t
    join public.profiles p on p.id = t.user_id
   where t.access_token is not null
     and (t.user_id = auth.uid() or p.team_id = dialbridge.current_team_id() or dialbridge.is_admin())
   order by coalesce(t.display_name, p.display_name), t.user_id
$$;

COMMENT ON FUNCTION public.get_phoneburner_connected_users() IS 'SourceCo''s list of reps whose PhoneBurner account is connected (the push modal''s rep picker): the caller''s team (admins: everyone), never the tokens.';

REVOKE ALL ON FUNCTION public.get_phoneburner_connected_users() FROM PUBLIC;
GRANT ALL ON FUNCTION public.get_phoneburner_connected_users() TO authenticated;
GRANT ALL ON FUNCTION public.get_phoneburner_connected_users() TO service_role;
