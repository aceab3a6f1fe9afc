CREATE FUNCTION dialbridge.tg_contact_activities__rollups_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_activity_changes(null, (select pg_catalog.array_agg(n::public.contact_activities) from new_rows n));
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contact_activities__rollups_insert() IS 'Trigger function: inserted contact_activities rows → roll-ups.';

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__rollups_insert() FROM PUBLIC;
