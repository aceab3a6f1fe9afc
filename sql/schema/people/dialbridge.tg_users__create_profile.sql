CREATE FUNCTION dialbridge.tg_users__create_profile() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.profiles (id, email, display_name)
  values (new.id, new.email,
          coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name', new.email))
  on conflict (id) do nothing;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_users__create_profile() IS 'Creates the profile of every new auth user (Supabase pattern: trigger on auth.users).';

REVOKE ALL ON FUNCTION dialbridge.tg_users__create_profile() FROM PUBLIC;
