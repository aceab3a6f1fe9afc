CREATE FUNCTION dialbridge.is_manager_or_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce((select p.role in ('manager', 'admin') from public.profiles p where p.id = auth.uid() and p.is_active), false)
$$;

COMMENT ON FUNCTION dialbridge.is_manager_or_admin() IS 'Managers (of the caller''s team) and admins: may delete the team''s rows.';

REVOKE ALL ON FUNCTION dialbridge.is_manager_or_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.is_manager_or_admin() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.is_manager_or_admin() TO service_role;
