CREATE FUNCTION dialbridge.credentials_due_for_rotation(as_of timestamp with time zone DEFAULT now(), max_age interval DEFAULT '90 days'::interval) RETURNS TABLE(provider text, user_id uuid, team_id uuid, rep_name text, stored_at timestamp with time zone, age_days integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.provider, c.user_id, p.team_id, p.display_name, c.stored_at,
         pg_catalog.floor(pg_catalog.date_part('epoch', as_of - c.stored_at) / 86400)::integer
    from (select 'phoneburner'::text as provider, t.user_id, t.token_stored_at as stored_at
            from public.phoneburner_oauth_tokens t where t.access_token is not null
          union all
          select 'voipstudio', v.user_id, v.token_stored_at
            from public.voipstudio_credentials v where v.api_token is not null) c
    join public.profiles p on p.id = c.user_id
   where c.stored_at <= as_of - max_age
     and (c.user_id = auth.uid() or dialbridge.is_admin()
          -- the caller's role, not the owner's (current_user is the owner here): Metabase, the service role
          or pg_catalog.pg_has_role(coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user), 'dialbridge_metabase', 'usage')
          or pg_catalog.pg_has_role(coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user), 'service_role', 'usage'))
   order by c.stored_at, c.provider, c.user_id
$$;

COMMENT ON FUNCTION dialbridge.credentials_due_for_rotation(as_of timestamp with time zone, max_age interval) IS 'Provider tokens stored more than max_age (default 90 days, seed 001''s rotation period) before as_of, oldest first — never the tokens. Runs as its owner (the token tables are per rep): a rep sees their own, admins and report readers (Metabase) everyone''s.';

REVOKE ALL ON FUNCTION dialbridge.credentials_due_for_rotation(as_of timestamp with time zone, max_age interval) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.credentials_due_for_rotation(as_of timestamp with time zone, max_age interval) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.credentials_due_for_rotation(as_of timestamp with time zone, max_age interval) TO service_role;
GRANT ALL ON FUNCTION dialbridge.credentials_due_for_rotation(as_of timestamp with time zone, max_age interval) TO dialbridge_metabase;
