CREATE FUNCTION dialbridge.tg_contact_activities__rollups_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_activity_changes((select pg_catalog.array_agg(o::public.contact_activities) from old_rows o), null);
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contact_activities__rollups_delete() IS 'Trigger function: deleted contact_activities rows → roll-ups.';

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__rollups_delete() FROM PUBLIC;
