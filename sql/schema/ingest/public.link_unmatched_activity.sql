CREATE FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) RETURNS SETOF public.contact_activities
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_activity public.contact_activities;
  v_contact public.contacts;
  v_keys text[];
  v_row public.contact_activities;
  v_ids uuid[] := '{}';
  v_service boolean := coalesce(auth.role(), '') = 'service_role';
begin
  if not v_service and auth.uid() is null then
    raise exception 'sign in to link an activity' using errcode = 'DB062';
  end if;
  select * into v_activity from public.contact_activities a where a.id = p_activity_id;
  select * into v_contact from public.contacts c where c.id = p_contact_id;
  if v_activity.id is null or v_contact.id is null
     or not (v_service or dialbridge.is_admin()
             or v_activity.team_id is not distinct from dialbridge.current_team_id()) then
    raise exception 'activity or contact not found' using errcode = 'DB063';
  end if;
  if not (v_service or dialbridge.is_admin()
          or (dialbridge.current_team_id() is not null
              and v_activity.team_id = dialbridge.current_team_id()
              and v_contact.team_id = dialbridge.current_team_id())) then
    raise exception 'only a rep of the activity''s team can link it, to a contact of that team' using errcode = 'DB065';
  end if;
  if v_activity.matching_status <> 'unmatched' then
    raise exception 'the activity is already linked to a contact' using errcode = 'DB064';
  end if;

  v_keys := case
    when v_activity.dedupe_key like 'phoneburner:call:%'
      then array[v_activity.dedupe_key, dialbridge.phoneburner_callback_key(v_activity.dedupe_key)]
    when v_activity.dedupe_key like 'phoneburner:callback:%'
      then array[v_activity.dedupe_key, 'phoneburner:call:' || pg_catalog.substr(v_activity.dedupe_key, 22)]
    else array[]::text[] end;

  for v_row in
    update public.contact_activities a
       set contact_id = p_contact_id,
           matching_status = 'manually_linked',
           team_id = coalesce(v_contact.team_id, a.team_id)
     where (a.id = p_activity_id or a.dedupe_key = any (v_keys)) and a.matching_status = 'unmatched'
    returning a.*
  loop
    v_ids := v_ids || v_row.id;
  end loop;

  -- effects that waited for a contact, in a fixed order (the call before its callback)
  for v_row in select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id loop
    if v_row.activity_type = 'contact_updated' then
      perform dialbridge.apply_contact_changes(v_row.id);
    else
      if v_row.activity_type <> 'callback_scheduled' and coalesce(v_row.disposition_code, v_row.disposition_label) is not null then
        perform dialbridge.apply_disposition(v_row.id);
      end if;
      if v_row.callback_scheduled_date is not null then
        perform dialbridge.apply_callback(v_row.id);
      end if;
    end if;
  end loop;

  return query select * from public.contact_activities a where a.id = any (v_ids) order by a.dedupe_key nulls last, a.id;
end
$$;

COMMENT ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) IS 'Links an unmatched call (with its callback) or contact change to a contact: statistics move to the contact and pending effects apply. Admins, or reps of the activity''s team for a contact of that team.';

REVOKE ALL ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) TO authenticated;
GRANT ALL ON FUNCTION public.link_unmatched_activity(p_activity_id uuid, p_contact_id uuid) TO service_role;
