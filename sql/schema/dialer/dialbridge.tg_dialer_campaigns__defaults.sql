CREATE FUNCTION dialbridge.tg_dialer_campaigns__defaults() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' or new.user_id is distinct from old.user_id then
    new.team_id := (select p.team_id from public.profiles p where p.id = new.user_id);
  end if;
  if not exists (select 1 from dialbridge.time_zone_names t where t.name = new.timezone) then
    raise exception 'unknown time zone "%"', new.timezone using errcode = '22023',
      hint = 'Use an IANA name such as America/New_York.';
  end if;
  new.name := pg_catalog.btrim(new.name);
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_dialer_campaigns__defaults() IS 'Trigger function: a campaign belongs to its owner''s team; its time zone must be a real IANA zone (22023 otherwise).';

REVOKE ALL ON FUNCTION dialbridge.tg_dialer_campaigns__defaults() FROM PUBLIC;
