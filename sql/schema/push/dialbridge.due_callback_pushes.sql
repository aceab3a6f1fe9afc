CREATE FUNCTION dialbridge.due_callback_pushes(as_of timestamp with time zone DEFAULT now()) RETURNS TABLE(user_id uuid, team_id uuid, due_on date, contact_ids uuid[], existing_session_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with due as (
    select t.assigned_to_user_id as user_id, p.team_id, t.contact_id,
           (t.due_at at time zone dialbridge.phoneburner_time_zone())::date as due_on, pg_catalog.min(t.due_at) as first_due
      from public.tasks t
      join public.profiles p on p.id = t.assigned_to_user_id and p.is_active
      join public.push_settings ps on ps.team_id = p.team_id and ps.auto_add_callbacks_to_session
      join public.phoneburner_oauth_tokens tok on tok.user_id = p.id and tok.access_token is not null
     where t.source = 'callback' and t.task_type = 'call' and t.status = 'open' and t.contact_id is not null
       and (t.due_at at time zone dialbridge.phoneburner_time_zone())::date = (as_of at time zone dialbridge.phoneburner_time_zone())::date
     group by t.assigned_to_user_id, p.team_id, t.contact_id, (t.due_at at time zone dialbridge.phoneburner_time_zone())::date
  )
  select d.user_id, d.team_id, d.due_on, pg_catalog.array_agg(d.contact_id order by d.first_due, d.contact_id),
         (select s.id from public.phoneburner_sessions s
           where s.created_by_user_id = d.user_id and s.session_type = 'callback_followup' and s.session_status = 'active'
             and s.deleted_at is null and s.phoneburner_session_id not like 'pending:%'
             and (s.created_at at time zone dialbridge.phoneburner_time_zone())::date = d.due_on
           order by s.created_at desc limit 1)
    from due d
   group by d.user_id, d.team_id, d.due_on
$$;

COMMENT ON FUNCTION dialbridge.due_callback_pushes(as_of timestamp with time zone) IS 'Per rep, the contacts with an open callback task due on as_of''s date (in the PhoneBurner account''s zone),
for teams that opted in (push_settings.auto_add_callbacks_to_session) and reps with a PhoneBurner token,
with the rep''s "Callbacks" session of that day when one exists (seed contract: contacts are added to it).';

REVOKE ALL ON FUNCTION dialbridge.due_callback_pushes(as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.due_callback_pushes(as_of timestamp with time zone) TO service_role;
