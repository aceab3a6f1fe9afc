CREATE FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_old public.phoneburner_session_contacts[];
  v_new public.phoneburner_session_contacts[];
begin
  if tg_op in ('UPDATE', 'DELETE') then
    v_old := array(select r::public.phoneburner_session_contacts from old_rows r);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_new := array(select r::public.phoneburner_session_contacts from new_rows r);
  end if;
  with d as (
    select -1 as sign, x.session_id, x.state from unnest(v_old) x
    union all
    select 1, x.session_id, x.state from unnest(v_new) x
  ), g as (
    select d.session_id,
           sum(d.sign) as added,
           sum(d.sign) filter (where d.state in ('pending', 'dialed', 'connected')) as active,
           sum(d.sign) filter (where d.state = 'completed') as completed
      from d group by d.session_id
  ), locked as (
    select s.id from public.phoneburner_sessions s where s.id in (select g.session_id from g) order by s.id for no key update
  )
  update public.phoneburner_sessions s
     set total_contacts_added = s.total_contacts_added + g.added,
         total_contacts_active = s.total_contacts_active + coalesce(g.active, 0),
         total_contacts_completed = s.total_contacts_completed + coalesce(g.completed, 0)
    from g join locked l on l.id = g.session_id
   where s.id = g.session_id
     and (g.added <> 0 or coalesce(g.active, 0) <> 0 or coalesce(g.completed, 0) <> 0);
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members() IS 'Statement-level trigger on phoneburner_session_contacts: total_contacts_added / _active / _completed.
security definer for the same reason as tg_contact_activities__aggregate_calls.';

REVOKE ALL ON FUNCTION dialbridge.tg_phoneburner_session_contacts__count_members() FROM PUBLIC;
