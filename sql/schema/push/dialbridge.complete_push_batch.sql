CREATE FUNCTION dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone DEFAULT now(), p_summary boolean DEFAULT true) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_batch public.phoneburner_push_batches;
  v_run public.phoneburner_push_runs;
  v_target public.profiles;
  v_pb_session text;
  v_session_id uuid;
  v_added integer;
  v_updated integer;
  v_failed integer;
  v_next uuid;
  v_contact_type text;
begin
  select * into v_batch from public.phoneburner_push_batches where id = p_batch_id for update;
  if v_batch.id is null then
    raise exception 'push batch not found' using errcode = 'DB044';
  end if;
  select * into v_run from public.phoneburner_push_runs where id = v_batch.run_id for update;
  if v_batch.status = 'succeeded' then
    return dialbridge.push_run_summary(v_run.id);
  end if;
  select * into v_target from public.profiles where id = v_run.target_user_id;

  if pg_catalog.to_regclass('pg_temp.push_results') is null then
    create temporary table push_results (
      contact_id uuid primary key, status text, phoneburner_contact_id text, field text, error text
    ) on commit drop;
  end if;
  truncate pg_temp.push_results;
  insert into pg_temp.push_results
  select rc.contact_id,
         coalesce(case when r.status in ('added', 'updated', 'failed') then r.status end, 'added'),
         nullif(pg_catalog.btrim(r.phoneburner_contact_id), ''), r.field, r.error
    from public.phoneburner_push_run_contacts rc
    left join pg_catalog.jsonb_to_recordset(coalesce(p_result -> 'contacts', '[]'::jsonb))
           as r(contact_id uuid, status text, phoneburner_contact_id text, field text, error text)
      on r.contact_id = rc.contact_id
   where rc.run_id = v_run.id and rc.batch_no = v_batch.batch_no and rc.status = 'queued'
  on conflict (contact_id) do nothing;

  select pg_catalog.count(*) filter (where status = 'added'), pg_catalog.count(*) filter (where status = 'updated'),
         pg_catalog.count(*) filter (where status = 'failed')
    into v_added, v_updated, v_failed
    from pg_temp.push_results;

  -- the session
  v_pb_session := coalesce(nullif(pg_catalog.btrim(p_result ->> 'phoneburner_session_id'), ''),
                           (select s.phoneburner_session_id from public.phoneburner_sessions s where s.id = v_run.target_session_id),
                           case when v_run.api_style = 'seed' then
                             (select b.phoneburner_session_id from public.phoneburner_push_batches b
                               where b.run_id = v_run.id and b.batch_no = 1 and b.status = 'succeeded') end,
                           'pending:' || v_batch.request_key);
  if v_added + v_updated > 0 or nullif(pg_catalog.btrim(p_result ->> 'phoneburner_session_id'), '') is not null then
    select case when pg_catalog.count(distinct c.contact_type) = 1 and pg_catalog.count(c.contact_type) = pg_catalog.count(*)
                then pg_catalog.min(c.contact_type) else 'mixed' end
      into v_contact_type
      from public.phoneburner_push_run_contacts rc join public.contacts c on c.id = rc.contact_id
     where rc.run_id = v_run.id and rc.batch_no is not null;

    insert into public.phoneburner_sessions as s (
      phoneburner_session_id, session_external_url, session_name, session_description, session_type, contact_type,
      target_industry, target_geography, session_status, created_by_user_id, team_id, created_at)
    values (
      v_pb_session, nullif(p_result ->> 'session_url', ''),
      v_run.session_name || case when v_run.api_style = 'dialsession' and v_run.batches_total > 1
                                 then ' (' || v_batch.batch_no || '/' || v_run.batches_total || ')' else '' end,
      'Pushed from SourceCo by dialbridge',
      case when v_run.request_shape = 'callback' then 'callback_followup'
           when v_contact_type = 'seller' then 'seller_prospecting'
           when v_contact_type = 'buyer' then 'buyer_outreach' end,
      v_contact_type,
      dialbridge.jsonb_single_text(v_run.filter -> 'industry'),
      coalesce(dialbridge.jsonb_single_text(v_run.filter -> 'geography'),
               pg_catalog.upper(dialbridge.jsonb_single_text(v_run.filter -> 'state'))),
      'active', v_run.target_user_id, coalesce(v_target.team_id, v_run.team_id), as_of)
    on conflict (phoneburner_session_id) do update
      set session_external_url = coalesce(excluded.session_external_url, s.session_external_url)
    returning s.id into v_session_id;

    -- session totals (total_contacts_added / _active) follow from these rows (the membership trigger)
    insert into public.phoneburner_session_contacts as m (session_id, contact_id, team_id, phoneburner_contact_id,
                                                          phone_e164, state, added_at, added_by_user_id)
      select v_session_id, r.contact_id, c.team_id, r.phoneburner_contact_id, rc.phone_e164, 'pending', as_of, v_run.user_id
        from pg_temp.push_results r
        join public.phoneburner_push_run_contacts rc on rc.run_id = v_run.id and rc.contact_id = r.contact_id
        join public.contacts c on c.id = r.contact_id
       where r.status in ('added', 'updated')
    on conflict (session_id, contact_id) do update
      set phoneburner_contact_id = coalesce(excluded.phoneburner_contact_id, m.phoneburner_contact_id),
          phone_e164 = excluded.phone_e164,
          state = case when m.state in ('removed', 'failed') then 'pending' else m.state end;
  end if;

  -- the contacts: PhoneBurner id (when reported and not another contact's), sync time and status
  update public.contacts c
     set phoneburner_last_sync_at = as_of,
         phoneburner_sync_status = case when r.status = 'failed' then 'failed' else 'synced' end,
         phoneburner_contact_id = case
           when r.phoneburner_contact_id is not null and not exists (
                  select 1 from public.contacts o where o.phoneburner_contact_id = r.phoneburner_contact_id and o.id <> c.id)
           then r.phoneburner_contact_id else c.phoneburner_contact_id end
    from pg_temp.push_results r
   where c.id = r.contact_id;

  update public.phoneburner_push_run_contacts rc
     set status = case r.status when 'added' then 'pushed' when 'updated' then 'updated' else 'failed' end,
         phoneburner_contact_id = r.phoneburner_contact_id,
         error_field = case when r.status = 'failed' then pg_catalog.left(r.field, 100) end,
         error_message = case when r.status = 'failed' then pg_catalog.left(coalesce(r.error, 'Rejected by PhoneBurner'), 500) end,
         pushed_at = case when r.status <> 'failed' then as_of end
    from pg_temp.push_results r
   where rc.run_id = v_run.id and rc.contact_id = r.contact_id;

  update public.phoneburner_push_batches
     set status = 'succeeded', finished_at = as_of, session_id = v_session_id, phoneburner_session_id = v_pb_session,
         last_error = null, last_error_code = null, next_attempt_at = null,
         response_summary = pg_catalog.jsonb_build_object('added', v_added, 'updated', v_updated, 'failed', v_failed)
   where id = v_batch.id;

  -- the run: counters from the per-contact rows (also counts contacts failed before sending)
  update public.phoneburner_push_runs r
     set contacts_added = x.added, contacts_updated = x.updated, contacts_failed = x.failed,
         contacts_done = x.added + x.updated + x.failed,
         batches_done = r.batches_done + 1,
         session_id = coalesce(r.session_id, v_session_id),
         phoneburner_session_id = coalesce(r.phoneburner_session_id, v_pb_session),
         session_url = coalesce(r.session_url, nullif(p_result ->> 'session_url', '')),
         redirect_url = coalesce(r.redirect_url, nullif(p_result ->> 'redirect_url', '')),
         stage = case when r.batches_done + 1 >= r.batches_total then 'done' else 'uploading' end,
         stage_detail = case when r.batches_done + 1 >= r.batches_total then null
                             else 'Uploaded batch ' || (r.batches_done + 1) || ' of ' || r.batches_total end,
         status = case when r.batches_done + 1 < r.batches_total then 'pushing'
                       when x.failed = 0 then 'succeeded'
                       when x.added + x.updated > 0 then 'partially_succeeded'
                       else 'failed' end,
         error = case when r.batches_done + 1 >= r.batches_total and x.failed > 0 and x.added + x.updated = 0
                      then 'PhoneBurner accepted none of the contacts' end,
         error_code = case when r.batches_done + 1 >= r.batches_total and x.failed > 0 and x.added + x.updated = 0
                           then 'PB_ALL_REJECTED' end,
         finished_at = case when r.batches_done + 1 >= r.batches_total then as_of end
    from (select pg_catalog.count(*) filter (where rc.status = 'pushed') as added,
                 pg_catalog.count(*) filter (where rc.status = 'updated') as updated,
                 pg_catalog.count(*) filter (where rc.status = 'failed') as failed
            from public.phoneburner_push_run_contacts rc where rc.run_id = v_run.id) x
   where r.id = v_run.id;

  select b.id into v_next from public.phoneburner_push_batches b
   where b.run_id = v_run.id and b.status = 'queued' order by b.batch_no limit 1;
  if v_next is not null then
    perform dialbridge.enqueue_push_batch(v_next);
  end if;
  if not p_summary then
    return pg_catalog.jsonb_build_object('run_id', v_run.id, 'next_batch_id', v_next);
  end if;
  return dialbridge.push_run_summary(v_run.id) || pg_catalog.jsonb_build_object('next_batch_id', v_next);
end
$$;

COMMENT ON FUNCTION dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone, p_summary boolean) IS 'Records a sent batch (service role, idempotent): the session (created or reused; ''pending:<key>'' until
PhoneBurner reports its id), memberships, each contact''s PhoneBurner id and sync time, per-contact
results and failures, the run''s counters and progress; finishes the run after its last batch or queues
the next batch. p_result: {phoneburner_session_id?, session_url?, redirect_url?, contacts: [{contact_id,
status: added | updated | failed, phoneburner_contact_id?, field?, error?}]}. Contacts not listed count
as added. Answers the run summary with next_batch_id (only {run_id, next_batch_id} when p_summary is
false: the worker, going on with the next batch, needs no more).';

REVOKE ALL ON FUNCTION dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone, p_summary boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.complete_push_batch(p_batch_id uuid, p_result jsonb, as_of timestamp with time zone, p_summary boolean) TO service_role;
