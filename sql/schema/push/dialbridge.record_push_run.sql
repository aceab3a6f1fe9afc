CREATE FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_uid uuid := auth.uid();
  v_caller public.profiles;
  v_target public.profiles;
  v_target_id uuid := coalesce((p_run ->> 'target_user_id')::uuid, auth.uid());
  v_session public.phoneburner_sessions;
  v_run_id uuid;
  -- one push, one dial session: real PhoneBurner takes the whole list in one request up to
  -- dialbridge.phoneburner_session_max_contacts() (2,500); the seed contract's bulk call takes 500 at a time
  -- (all into the same session); options.batch_size only ever lowers these
  v_batch_size integer := case when coalesce(p_run ->> 'api_style', 'dialsession') = 'dialsession'
                               then least(coalesce((p_run -> 'options' ->> 'batch_size')::integer, dialbridge.phoneburner_session_max_contacts()),
                                          dialbridge.phoneburner_session_max_contacts())
                               else least(coalesce((p_run -> 'options' ->> 'batch_size')::integer, 500), 500) end;
  v_ready integer;
  v_bad integer;
begin
  select * into v_caller from public.profiles where id = v_uid and is_active;
  if v_caller.id is null or (v_caller.team_id is null and v_caller.role <> 'admin') then
    raise exception 'only active team members can push contacts' using errcode = 'DB042';
  end if;
  select * into v_target from public.profiles where id = v_target_id;
  if v_target.id is null or not v_target.is_active then
    raise exception 'the target PhoneBurner user is unknown or inactive' using errcode = 'DB042';
  end if;
  if v_target.id <> v_caller.id and not (
       v_caller.role = 'admin'
       or (v_caller.role = 'manager' and v_target.team_id is not distinct from v_caller.team_id)) then
    raise exception 'only admins and the team''s managers may push into another rep''s PhoneBurner account'
      using errcode = 'DB042';
  end if;

  if pg_catalog.to_regclass('pg_temp.push_rows') is null then
    create temporary table push_rows (
      contact_id uuid primary key, ord integer, status text, reason text, detail text, is_overridden boolean,
      overridden_reason text, override_reason text, phone_e164 text
    ) on commit drop;
  end if;
  truncate pg_temp.push_rows;
  insert into pg_temp.push_rows
  select r.contact_id, r.ord, r.status, r.reason, r.detail, coalesce(r.is_overridden, false), r.overridden_reason,
         r.override_reason, r.phone_e164
    from pg_catalog.jsonb_to_recordset(p_rows) as r(contact_id uuid, ord integer, status text, reason text, detail text,
         is_overridden boolean, overridden_reason text, override_reason text, phone_e164 text);

  -- every contact visible to the caller
  select pg_catalog.count(*) into v_bad
    from pg_temp.push_rows r left join public.contacts c on c.id = r.contact_id
   where c.id is null or not (v_caller.role = 'admin' or c.team_id is not distinct from v_caller.team_id);
  if v_bad > 0 then
    raise exception '% contact(s) not found or not visible to you', v_bad using errcode = 'DB043';
  end if;
  -- legal do-not-call, read again: never pushed, whatever the request said
  select pg_catalog.count(*) into v_bad
    from dialbridge.legal_do_not_call(array(select x.contact_id from pg_temp.push_rows x where x.status = 'ready'));
  if v_bad > 0 then
    raise exception '% contact(s) are on the legal do-not-call list and can never be pushed', v_bad using errcode = 'DB041';
  end if;
  select pg_catalog.count(*) into v_bad
    from pg_temp.push_rows r join public.contacts c on c.id = r.contact_id
   where r.status = 'ready' and (c.phone_status is distinct from 'valid' or c.phone_e164 is distinct from r.phone_e164);
  if v_bad > 0 then
    raise exception '% contact(s) changed while the push was prepared; preview again', v_bad using errcode = 'DB048';
  end if;
  if exists (select 1 from pg_temp.push_rows r where r.is_overridden
               and (r.overridden_reason in ('legal_dnc', 'missing_phone') or coalesce(pg_catalog.btrim(r.override_reason), '') = '')) then
    raise exception 'every override needs a reason, and legal do-not-call cannot be overridden' using errcode = 'DB045';
  end if;

  select pg_catalog.count(*) into v_ready from pg_temp.push_rows where status = 'ready';
  if v_ready > 10000 then
    raise exception '% contacts are ready; push at most 10,000 at once', v_ready using errcode = 'DB047';
  end if;

  if p_run ->> 'target_session_id' is not null then
    select * into v_session from public.phoneburner_sessions where id = (p_run ->> 'target_session_id')::uuid;
    if v_session.id is null or v_session.deleted_at is not null
       or not (v_caller.role = 'admin' or v_session.team_id is not distinct from v_caller.team_id) then
      raise exception 'the dial session to add to was not found' using errcode = 'DB046';
    end if;
    if v_session.session_status <> 'active' then
      raise exception 'the dial session "%" is %; choose an active session or create a new one',
        v_session.session_name, v_session.session_status using errcode = 'DB046';
    end if;
    if v_session.created_by_user_id is distinct from v_target.id then
      raise exception 'the dial session "%" belongs to another PhoneBurner account', v_session.session_name using errcode = 'DB046';
    end if;
    if coalesce(p_run ->> 'api_style', 'dialsession') = 'dialsession' then
      raise exception 'PhoneBurner''s dial-session API starts a new session for every push; create a new session'
        using errcode = 'DB046';
    end if;
  end if;

  insert into public.phoneburner_push_runs (
    request_id, team_id, user_id, target_user_id, request_shape, entity_type, api_style, filter, filter_fingerprint,
    options, session_name, target_session_id, status, stage, total_contacts, contacts_ready, contacts_excluded,
    contacts_overridden, batches_total, created_at, finished_at)
  select p_run ->> 'request_id', coalesce(v_target.team_id, v_caller.team_id), v_caller.id, v_target.id,
         coalesce(p_run ->> 'request_shape', 'dialbridge'), p_run ->> 'entity_type',
         coalesce(p_run ->> 'api_style', 'dialsession'), p_run -> 'filter', p_run ->> 'filter_fingerprint',
         coalesce(p_run -> 'options', '{}'::jsonb), pg_catalog.left(p_run ->> 'session_name', 255), v_session.id,
         case when v_ready = 0 then 'nothing_to_push' else 'queued' end,
         case when v_ready = 0 then 'done' else 'queued' end,
         pg_catalog.count(*), v_ready, pg_catalog.count(*) - v_ready,
         pg_catalog.count(*) filter (where r.is_overridden),
         (v_ready + v_batch_size - 1) / v_batch_size,
         as_of, case when v_ready = 0 then as_of end
    from pg_temp.push_rows r
  returning id into v_run_id;

  insert into public.phoneburner_push_run_contacts (run_id, contact_id, team_id, position, batch_no, status, reason,
                                                    detail, is_overridden, phone_e164)
  select v_run_id, r.contact_id, c.team_id, r.ord,
         case when r.status = 'ready'
              then ((pg_catalog.row_number() over (partition by r.status = 'ready' order by r.ord) - 1) / v_batch_size + 1)::integer end,
         case when r.status = 'ready' then 'queued' else 'excluded' end,
         case when r.status = 'ready' then null else r.reason end,
         case when r.status = 'ready' then null else r.detail end,
         r.is_overridden, r.phone_e164
    from pg_temp.push_rows r join public.contacts c on c.id = r.contact_id;

  insert into public.push_overrides (run_id, contact_id, team_id, overridden_reason, overridden_detail, override_reason,
                                     overridden_by_user_id, created_at)
  select v_run_id, r.contact_id, c.team_id, r.overridden_reason, r.detail, pg_catalog.btrim(r.override_reason), v_caller.id, as_of
    from pg_temp.push_rows r join public.contacts c on c.id = r.contact_id
   where r.is_overridden;

  insert into public.phoneburner_push_batches (run_id, batch_no, request_key, contact_count)
  select v_run_id, rc.batch_no, (p_run ->> 'request_id') || ':' || rc.batch_no, pg_catalog.count(*)
    from public.phoneburner_push_run_contacts rc
   where rc.run_id = v_run_id and rc.batch_no is not null
   group by rc.batch_no;

  return v_run_id;
end
$$;

COMMENT ON FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone) IS 'Records a validated run (security definer, called by dialbridge.start_push_run only). Checks again,
explicitly, everything that must not depend on the caller''s honesty: the caller is an active team
member; the target account is the caller''s, or the caller is an admin or the target''s manager; every
contact is visible to the caller; nothing ready is on legal do-not-call (read again here) or lacks a
valid number; an existing session belongs to the target and is active. Returns the run id.';

REVOKE ALL ON FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone) TO service_role;
