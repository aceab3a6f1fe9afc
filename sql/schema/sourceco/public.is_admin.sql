CREATE FUNCTION public.is_admin(p_user_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce((select p.role = 'admin' and p.is_active
                     from public.profiles p
                    where p.id = p_user_id
                      and (p_user_id = auth.uid() or p.team_id = dialbridge.current_team_id() or dialbridge.is_admin())),
                  false)
$$;

COMMENT ON FUNCTION public.is_admin(p_user_id uuid) IS 'SourceCo''s is_admin(user_id): whether that user is an active admin — answered about oneself, one''s teammates, or by an admin; false for anyone else.';

REVOKE ALL ON FUNCTION public.is_admin(p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.is_admin(p_user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.is_admin(p_user_id uuid) TO service_role;
