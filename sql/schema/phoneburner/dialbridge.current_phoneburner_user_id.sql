CREATE FUNCTION dialbridge.current_phoneburner_user_id() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select p.phoneburner_user_id from public.profiles p where p.id = auth.uid() and p.is_active
$$;

COMMENT ON FUNCTION dialbridge.current_phoneburner_user_id() IS 'The caller''s PhoneBurner user id: a user may not re-point call attribution at someone else''s calls.';

REVOKE ALL ON FUNCTION dialbridge.current_phoneburner_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.current_phoneburner_user_id() TO authenticated;
GRANT ALL ON FUNCTION dialbridge.current_phoneburner_user_id() TO service_role;
