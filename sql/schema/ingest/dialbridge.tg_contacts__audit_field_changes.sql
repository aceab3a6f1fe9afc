CREATE FUNCTION dialbridge.tg_contacts__audit_field_changes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if coalesce(pg_catalog.current_setting('dialbridge.audited_by_caller', true), '') = 'on' then
    return null;
  end if;
  insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system,
                                            changed_by, changed_at, applied)
  select new.id, new.team_id, f.field_name, f.old_value, f.new_value, 'sourceco_platform',
         coalesce((select auth.uid())::text, 'system'), now(), true
    from (values ('phone', old.phone, new.phone),
                 ('email', old.email, new.email),
                 ('first_name', old.first_name, new.first_name),
                 ('last_name', old.last_name, new.last_name),
                 ('company', old.company, new.company),
                 ('title', old.title, new.title),
                 ('address_line1', old.address_line1, new.address_line1),
                 ('city', old.city, new.city),
                 ('state', old.state, new.state),
                 ('zip', old.zip, new.zip)) as f (field_name, old_value, new_value)
   where f.old_value is distinct from f.new_value;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__audit_field_changes() IS 'Trigger function: edits of the synced contact fields made in SourceCo (the frontend, imports, the
service role) are audited in contact_field_changes (source ''sourceco_platform'', changed now, applied),
so a dialer change older than a SourceCo edit loses (last write wins across both sides). Callers that
write their own audit rows set dialbridge.audited_by_caller = ''on'' for the transaction.
security definer: reps edit contacts but do not write the audit table.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__audit_field_changes() FROM PUBLIC;
