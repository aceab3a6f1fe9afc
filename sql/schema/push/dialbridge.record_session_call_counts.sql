CREATE FUNCTION dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  r record;
  v_session uuid;
  v_count integer := 0;
begin
  for r in
    select dialbridge.jsonb_id(e -> 'id') as pb_id,
           coalesce(dialbridge.jsonb_id(e -> 'total_calls'), dialbridge.jsonb_id(e -> 'calls'),
                    dialbridge.jsonb_id(e -> 'call_count'), dialbridge.jsonb_id(e -> 'dials')) as calls,
           e -> 'custom_data' ->> 'request_id' as request_key
      from pg_catalog.jsonb_array_elements(p_sessions) e
     where pg_catalog.jsonb_typeof(e) = 'object'
  loop
    continue when r.pb_id is null or r.calls is null or r.calls !~ '^\d+$';
    select s.id into v_session from public.phoneburner_sessions s where s.phoneburner_session_id = r.pb_id;
    if v_session is null and r.request_key is not null then
      select b.session_id into v_session
        from public.phoneburner_push_batches b join public.phoneburner_push_runs pr on pr.id = b.run_id
       where b.request_key = r.request_key and pr.target_user_id = p_user_id and b.session_id is not null;
      if v_session is not null then
        update public.phoneburner_sessions set phoneburner_session_id = r.pb_id
         where id = v_session and phoneburner_session_id like 'pending:%';
        update public.phoneburner_push_batches set phoneburner_session_id = r.pb_id
         where session_id = v_session and phoneburner_session_id like 'pending:%';
        update public.phoneburner_push_runs set phoneburner_session_id = r.pb_id
         where session_id = v_session and phoneburner_session_id like 'pending:%';
      end if;
    end if;
    continue when v_session is null;
    insert into public.phoneburner_session_call_checks (session_id, team_id, checked_at, provider_calls, recorded_calls)
    select s.id, s.team_id, as_of, r.calls::integer,
           (select pg_catalog.count(distinct a.phoneburner_call_id)::integer from public.contact_activities a
             where a.phoneburner_session_id = s.id and a.phoneburner_call_id is not null and a.deleted_at is null)
      from public.phoneburner_sessions s where s.id = v_session
    on conflict (session_id, checked_at) do nothing;
    v_count := v_count + 1;
  end loop;
  update dialbridge.phoneburner_sync_state set sessions_checked_at = as_of where user_id = p_user_id;
  return v_count;
end
$_$;

COMMENT ON FUNCTION dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone) IS 'Records PhoneBurner''s call counts for an account''s sessions ([{id, total_calls | calls | call_count,
custom_data: {request_id}}]): the session is ours by PhoneBurner id, else by the push batch''s key (which
also links a pending session). Our count: distinct PhoneBurner calls recorded for the session. Returns
the sessions checked.';

REVOKE ALL ON FUNCTION dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_session_call_counts(p_user_id uuid, p_sessions jsonb, as_of timestamp with time zone) TO service_role;
