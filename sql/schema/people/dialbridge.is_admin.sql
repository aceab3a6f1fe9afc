CREATE FUNCTION dialbridge.is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce((select p.role = 'admin' from public.profiles p where p.id = auth.uid() and p.is_active), false)
$$;

COMMENT ON FUNCTION dialbridge.is_admin() IS 'Whether the caller is an active admin.';

REVOKE ALL ON FUNCTION dialbridge.is_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO service_role;
GRANT ALL ON FUNCTION dialbridge.is_admin() TO dialbridge_metabase;
