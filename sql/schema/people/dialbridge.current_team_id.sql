CREATE FUNCTION dialbridge.current_team_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.team_id from public.profiles p where p.id = auth.uid() and p.is_active
$$;

COMMENT ON FUNCTION dialbridge.current_team_id() IS 'The caller''s team (null for anon, unknown or inactive users).';

REVOKE ALL ON FUNCTION dialbridge.current_team_id() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO service_role;
GRANT ALL ON FUNCTION dialbridge.current_team_id() TO dialbridge_metabase;
