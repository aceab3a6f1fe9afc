CREATE FUNCTION dialbridge.apply_contact_changes(p_activity_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  a public.contact_activities;
  c public.contacts;
  r record;
  v_changes jsonb;
  v_event_at timestamptz;
  v_event_id text;
  v_by text;
  v_column text;
  v_field text;
  v_old text;
  v_new text;
  v_current text;
  v_newest record;
  v_applied boolean;
  v_old_domain text;
  v_new_domain text;
begin
  select * into a from public.contact_activities ca where ca.id = p_activity_id;
  if not found then
    raise exception 'activity % not found', p_activity_id using errcode = 'DB037';
  end if;
  v_changes := a.details -> 'changes';
  if a.contact_id is null or a.deleted_at is not null or pg_catalog.jsonb_typeof(v_changes) is distinct from 'object' then
    return;
  end if;

  select * into c from public.contacts ct where ct.id = a.contact_id for no key update;
  if not found then
    return;
  end if;

  v_event_at := coalesce(dialbridge.timestamptz_or_null(a.details ->> 'event_at'), a.created_at);
  v_event_id := coalesce(a.phoneburner_event_id, a.id::text);
  v_by := case pg_catalog.jsonb_typeof(a.details -> 'updated_by')
            when 'object' then coalesce(a.details -> 'updated_by' ->> 'user_id', a.details -> 'updated_by' ->> 'id')
            when 'string' then a.details ->> 'updated_by'
            when 'number' then a.details ->> 'updated_by'
          end;

  -- our own audit rows: the SourceCo-side audit trigger stays out of the way
  perform pg_catalog.set_config('dialbridge.audited_by_caller', 'on', true);

  for r in select e.key, e.value from pg_catalog.jsonb_each(v_changes) e order by e.key loop
    v_column := dialbridge.synced_contact_column(r.key);
    v_field := coalesce(v_column, pg_catalog.left(r.key, 100));
    if exists (select 1 from public.contact_field_changes f
                where f.source_event_id = v_event_id and f.field_name = v_field) then
      continue;   -- this event's change of this field is already recorded
    end if;

    if pg_catalog.jsonb_typeof(r.value) = 'object' then
      v_old := r.value ->> 'old';
      v_new := r.value ->> 'new';
    else
      v_old := null;
      v_new := r.value #>> '{}';
    end if;
    v_new := nullif(pg_catalog.btrim(v_new), '');

    v_applied := false;
    if v_column is not null then
      select f.changed_at, f.source_event_id into v_newest
        from public.contact_field_changes f
       where f.contact_id = c.id and f.field_name = v_column and f.applied
       order by f.changed_at desc, f.source_event_id desc nulls last
       limit 1;
      v_applied := v_newest.changed_at is null
                   or (v_event_at, v_event_id) > (v_newest.changed_at, coalesce(v_newest.source_event_id, ''));
    end if;

    if v_applied then
      execute pg_catalog.format('select (%I)::text from public.contacts where id = $1', v_column)
        into v_current using c.id;
      execute pg_catalog.format('update public.contacts set %I = $1 where id = $2', v_column)
        using v_new, c.id;
      if v_column = 'email' then
        v_old_domain := dialbridge.email_domain(coalesce(v_current, v_old));
        v_new_domain := dialbridge.email_domain(v_new);
        if v_old_domain is not null and v_new_domain is not null and v_old_domain <> v_new_domain then
          update public.contacts ct
             set needs_review = true,
                 needs_review_reason = pg_catalog.format(
                   'Email domain changed from %s to %s in PhoneBurner: possible company change.',
                   v_old_domain, v_new_domain)
           where ct.id = c.id;
        end if;
      elsif v_column = 'phone' and v_current is distinct from v_new then
        update public.contacts ct
           set phone_number_invalid = false, phone_number_invalid_reason = null
         where ct.id = c.id and ct.phone_number_invalid;
      end if;
    end if;

    insert into public.contact_field_changes (contact_id, team_id, field_name, old_value, new_value, source_system,
                                              source_event_id, changed_by, changed_at, applied)
    values (c.id, c.team_id, v_field, coalesce(v_old, v_current), v_new, 'phoneburner', v_event_id, v_by,
            v_event_at, v_applied)
    on conflict (source_event_id, field_name) where source_event_id is not null do nothing;
  end loop;

  perform pg_catalog.set_config('dialbridge.audited_by_caller', '', true);
end
$_$;

COMMENT ON FUNCTION dialbridge.apply_contact_changes(p_activity_id uuid) IS 'Applies a contact_updated activity (details: {changes: {field: {old, new}}, updated_by, event_at}) field
by field, last write wins by event time: a change is applied when its (event time, event id) is newer
than the newest applied change of that field (from either side); otherwise it is kept as not applied.
One contact_field_changes row per (event, field), source ''phoneburner'', changed_at = event time.
Only the synced fields (dialbridge.synced_contact_column) change the contact; other fields, do_not_call
included, are audited as not applied. A changed email domain flags the contact for review; a changed
phone clears the invalid-number flag (the new number is untested). Idempotent per (event, field).';

REVOKE ALL ON FUNCTION dialbridge.apply_contact_changes(p_activity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_contact_changes(p_activity_id uuid) TO service_role;
