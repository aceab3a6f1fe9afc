CREATE FUNCTION dialbridge.project_phoneburner_contact_updates(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:contact_updated:%' order by 1);
  v_row record;
  v_changed integer := 0;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;
  for v_row in
    with desired as (
      select 'phoneburner:contact_updated:' || e.event_id as dedupe_key,
             coalesce(ml.contact_id, r.contact_id) as contact_id,
             case when ml.contact_id is not null then 'manually_linked'
                  when r.contact_id is not null then 'matched' else 'unmatched' end as matching_status,
             p.id as user_id,
             case when ml.contact_id is not null then ml.team_id else coalesce(c.team_id, p.team_id) end as team_id,
             coalesce(e.user_name, p.display_name) as user_name,
             coalesce(e.user_email, p.email) as user_email,
             e.phoneburner_contact_id, e.event_id,
             pg_catalog.jsonb_build_object('changes', e.changes, 'updated_by', e.updated_by, 'event_at', e.event_at) as details
        from dialbridge.phoneburner_call_events e
        left join public.profiles p on p.phoneburner_user_id = e.phoneburner_user_id
        left join lateral (
          select dialbridge.resolve_phoneburner_contact(
                   case when e.sourceco_contact_id is not null then array[e.sourceco_contact_id] end,
                   case when e.phoneburner_contact_id is not null then array[e.phoneburner_contact_id] end,
                   '{}', null) as contact_id) r on true
        left join lateral (
          select x.contact_id, x.team_id from public.contact_activities x
           where x.dedupe_key = 'phoneburner:contact_updated:' || e.event_id and x.matching_status = 'manually_linked') ml on true
        left join public.contacts c on c.id = r.contact_id
       where e.kind = 'contact_update' and e.event_id in (select pg_catalog.substr(k, 29) from unnest(v_keys) k)
    ), old as (
      select a.dedupe_key, a.contact_id from public.contact_activities a
       where a.dedupe_key = any (array(select d.dedupe_key from desired d))
    ), up as (
      insert into public.contact_activities as a (
        dedupe_key, source_system, activity_type, contact_id, matching_status, user_id, team_id, user_name, user_email,
        phoneburner_contact_id, phoneburner_event_id, details)
      select d.dedupe_key, 'phoneburner', 'contact_updated', d.contact_id, d.matching_status, d.user_id, d.team_id,
             d.user_name, d.user_email, d.phoneburner_contact_id, d.event_id, d.details
        from desired d
       order by d.dedupe_key
      on conflict (dedupe_key) do update set
        contact_id = case when a.matching_status = 'manually_linked' then a.contact_id else excluded.contact_id end,
        matching_status = case when a.matching_status = 'manually_linked' then a.matching_status else excluded.matching_status end,
        team_id = case when a.matching_status = 'manually_linked' then a.team_id else excluded.team_id end,
        user_id = excluded.user_id,
        user_name = excluded.user_name,
        user_email = excluded.user_email,
        phoneburner_contact_id = excluded.phoneburner_contact_id,
        details = excluded.details
      where (a.user_id, a.user_name, a.user_email, a.phoneburner_contact_id, a.details)
            is distinct from (excluded.user_id, excluded.user_name, excluded.user_email, excluded.phoneburner_contact_id, excluded.details)
         or (a.matching_status <> 'manually_linked'
             and (a.contact_id, a.matching_status, a.team_id)
                 is distinct from (excluded.contact_id, excluded.matching_status, excluded.team_id))
      returning a.id, a.dedupe_key, a.contact_id
    )
    select up.*, old.dedupe_key is null as is_new, old.contact_id as old_contact_id
      from up left join old on old.dedupe_key = up.dedupe_key
     order by up.dedupe_key
  loop
    v_changed := v_changed + 1;
    if v_row.contact_id is not null and (v_row.is_new or v_row.old_contact_id is distinct from v_row.contact_id) then
      perform dialbridge.apply_contact_changes(v_row.id);
    end if;
  end loop;
  return v_changed;
end
$$;

COMMENT ON FUNCTION dialbridge.project_phoneburner_contact_updates(p_keys text[]) IS 'Projects contact.updated events (keys phoneburner:contact_updated:<event id>): one contact_updated row
each, details {changes: {field: {old, new}}, updated_by: {user_id, name, email}, event_at}; then
dialbridge.apply_contact_changes for a matched row that is new or just got its contact.';

REVOKE ALL ON FUNCTION dialbridge.project_phoneburner_contact_updates(p_keys text[]) FROM PUBLIC;
