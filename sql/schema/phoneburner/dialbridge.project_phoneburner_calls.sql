CREATE FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_keys text[] := array(select distinct k from unnest(p_keys) k where k like 'phoneburner:call:%' order by 1);
  v_changed integer := 0;
  v_key text;
  v_gone text[] := '{}';
  v_deleted integer;
begin
  if pg_catalog.cardinality(v_keys) = 0 then
    return 0;
  end if;

  -- dial sessions named by the calls: created when unknown (team and creator from the rep)
  insert into public.phoneburner_sessions (phoneburner_session_id, session_name, team_id, created_by_user_id)
  select distinct on (e.phoneburner_session_id) e.phoneburner_session_id,
         coalesce(e.session_name, 'PhoneBurner session ' || e.phoneburner_session_id), p.team_id, p.id
    from dialbridge.phoneburner_call_events e
    left join public.profiles p on p.phoneburner_user_id = e.phoneburner_user_id
   where e.call_key = any (v_keys) and e.phoneburner_session_id is not null
     and not exists (select 1 from public.phoneburner_sessions x where x.phoneburner_session_id = e.phoneburner_session_id)
   order by e.phoneburner_session_id, e.session_name is null, p.id is null, e.event_at, e.event_id
  on conflict (phoneburner_session_id) do nothing;
  -- a session created before its name was known gets the name
  update public.phoneburner_sessions s
     set session_name = n.session_name
    from (select distinct on (e.phoneburner_session_id) e.phoneburner_session_id, e.session_name
            from dialbridge.phoneburner_call_events e
           where e.call_key = any (v_keys) and e.phoneburner_session_id is not null and e.session_name is not null
           order by e.phoneburner_session_id, e.event_at, e.event_id) n
   where s.phoneburner_session_id = n.phoneburner_session_id
     and s.session_name = 'PhoneBurner session ' || s.phoneburner_session_id;

  v_changed := dialbridge.merge_call_activities('phoneburner',
    array(select row(d.*)::dialbridge.call_activity_row from dialbridge.phoneburner_call_activity_rows(v_keys) d));

  -- rows whose events now belong to another call (events without call id, re-correlated); checked key by
  -- key so that each check is an index probe whatever the table statistics say
  foreach v_key in array v_keys loop
    if not exists (select 1 from dialbridge.phoneburner_call_events e
                    where e.call_key = v_key and (e.kind = 'call' or e.callback_at is not null)) then
      v_gone := v_gone || v_key;
    end if;
    -- a callback is on its call's row (one row per call): a callback row of an earlier release goes
    v_gone := v_gone || dialbridge.phoneburner_callback_key(v_key);
  end loop;
  if pg_catalog.cardinality(v_gone) > 0 then
    delete from public.contact_activities a where a.dedupe_key = any (v_gone) and a.source_system = 'phoneburner';
    get diagnostics v_deleted = row_count;
    v_changed := v_changed + v_deleted;
  end if;
  return v_changed;
end
$$;

COMMENT ON FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) IS 'Projects the given PhoneBurner calls: creates unknown dial sessions, merges the rows their events add up
to (dialbridge.phoneburner_call_activity_rows) through the shared dialbridge.merge_call_activities (upsert
of what changed, then the disposition engine and callbacks), and deletes rows whose events moved to
another call (events without call id, re-correlated).';

REVOKE ALL ON FUNCTION dialbridge.project_phoneburner_calls(p_keys text[]) FROM PUBLIC;
