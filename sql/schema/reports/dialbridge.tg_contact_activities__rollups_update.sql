CREATE FUNCTION dialbridge.tg_contact_activities__rollups_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_activity_changes((select pg_catalog.array_agg(o::public.contact_activities) from old_rows o),
                                            (select pg_catalog.array_agg(n::public.contact_activities) from new_rows n));
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contact_activities__rollups_update() IS 'Trigger function: updated contact_activities rows → roll-ups (old contribution out, new one in).';

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__rollups_update() FROM PUBLIC;
