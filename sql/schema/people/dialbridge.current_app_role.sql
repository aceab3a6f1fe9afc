CREATE FUNCTION dialbridge.current_app_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.role from public.profiles p where p.id = auth.uid() and p.is_active
$$;

COMMENT ON FUNCTION dialbridge.current_app_role() IS 'The caller''s application role: rep, manager, admin (null for anon, unknown or inactive users).';

REVOKE ALL ON FUNCTION dialbridge.current_app_role() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_app_role() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_app_role() TO service_role;
GRANT ALL ON FUNCTION dialbridge.current_app_role() TO dialbridge_metabase;
