-- migrate:up
-- One push, one dial session (issue 15, item 8). With PhoneBurner's real API (POST /rest/1/dialsession,
-- contacts inline) a push used to go in batches of 500, each its own dial session: 1,500 contacts became
-- "(1/3)", "(2/3)", "(3/3)". PhoneBurner publishes no maximum for one request; what grows is the time it
-- takes to take the list in (25–45 s per 500 contacts, about 90 ms a contact at worst) and the body
-- (about 1 KB a contact). One request now carries up to dialbridge.phoneburner_session_max_contacts()
-- contacts — 2,500 by default (≈ 2.5 MB, under four minutes of intake at the slowest rate seen), set with
-- `alter database … set dialbridge.phoneburner_session_max_contacts = N` — and a push splits into
-- "(1/N)" sessions only beyond that (a push is at most 10,000 contacts). The seed contract's bulk call still
-- sends 500 per request, all into one session. The sender's wait grows with the list (the edge function
-- hands a list PhoneBurner cannot take in within its time budget to the worker).

create or replace function dialbridge.phoneburner_session_max_contacts() returns integer
  language sql stable set search_path = '' as $$
  select coalesce(nullif(pg_catalog.current_setting('dialbridge.phoneburner_session_max_contacts', true), '')::integer, 2500)
$$;
comment on function dialbridge.phoneburner_session_max_contacts() is 'How many contacts one POST /rest/1/dialsession carries (one push, one dial session, up to this): setting dialbridge.phoneburner_session_max_contacts, default 2,500. PhoneBurner publishes no maximum; the bound is intake time (≈ 90 ms a contact at worst) and body size (≈ 1 KB a contact).';
revoke all on function dialbridge.phoneburner_session_max_contacts() from public;
grant execute on function dialbridge.phoneburner_session_max_contacts() to service_role, authenticated;

-- a batch is a dial session's list now, not at most 500 contacts
alter table public.phoneburner_push_batches drop constraint if exists phoneburner_push_batches_batch_no_check;
select dialbridge.ensure_constraint('public.phoneburner_push_batches', 'phoneburner_push_batches_size_check',
  'check (batch_no >= 1 and contact_count between 0 and 10000 and attempts >= 0)');

CREATE OR REPLACE FUNCTION dialbridge.record_push_run(p_run jsonb, p_rows jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS uuid
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

CREATE OR REPLACE FUNCTION dialbridge.validate_push_options(p_options jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
declare
  v_key text;
  v_value jsonb;
  v_type text;
begin
  if p_options is null then
    return true;
  end if;
  if pg_catalog.jsonb_typeof(p_options) <> 'object' then
    raise exception 'push options must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key, v_value in select * from pg_catalog.jsonb_each(p_options) loop
    v_type := pg_catalog.jsonb_typeof(v_value);
    if v_type = 'null' then
      continue;
    end if;
    case v_key
      when 'skip_recently_contacted', 'update_existing', 'skip_duplicates', 'auto_start' then
        if v_type <> 'boolean' then
          raise exception 'option % must be true or false', v_key using errcode = 'DB040';
        end if;
      when 'skip_recent_days' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 0 and 365 then
          raise exception 'option skip_recent_days must be a whole number from 0 to 365' using errcode = 'DB040';
        end if;
      when 'detail_limit' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric not between 0 and 10000 then
          raise exception 'option detail_limit must be a number from 0 to 10000' using errcode = 'DB040';
        end if;
      when 'batch_size' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 1 and 10000 then
          raise exception 'option batch_size must be a whole number from 1 to 10000' using errcode = 'DB040';
        end if;
      when 'target_session_id' then
        if v_type <> 'string' or v_value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          raise exception 'option target_session_id must be a uuid' using errcode = 'DB040';
        end if;
      when 'session_name' then
        if v_type <> 'string' or pg_catalog.length(v_value #>> '{}') > 255 then
          raise exception 'option session_name must be a string of at most 255 characters' using errcode = 'DB040';
        end if;
      when 'api_style' then
        if v_type <> 'string' or v_value #>> '{}' not in ('dialsession', 'seed') then
          raise exception 'option api_style must be "dialsession" or "seed"' using errcode = 'DB040';
        end if;
      when 'overrides' then
        if v_type <> 'array' or exists (
             select 1 from pg_catalog.jsonb_array_elements(v_value) e
              where pg_catalog.jsonb_typeof(e) <> 'object'
                 or coalesce(e ->> 'contact_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                 or exists (select 1 from pg_catalog.jsonb_object_keys(e) k where k not in ('contact_id', 'reason'))
                 or (e ? 'reason' and pg_catalog.jsonb_typeof(e -> 'reason') not in ('string', 'null'))) then
          raise exception 'option overrides must be an array of {contact_id, reason}' using errcode = 'DB040';
        end if;
      else
        raise exception 'unknown push option "%"', v_key using errcode = 'DB040',
          hint = 'skip_recently_contacted, skip_recent_days, update_existing, skip_duplicates, auto_start, target_session_id, overrides, detail_limit, session_name, api_style, batch_size';
    end case;
  end loop;
  return true;
end
$_$;

-- migrate:down
--
