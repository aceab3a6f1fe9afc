-- migrate:up
-- Do-not-call and suppressions, enforced by the database rather than by convention.
--
--   * A legal suppression (do-not-call request) is permanent. contacts.do_not_call mirrors it: set in the
--     same transaction as the suppression row, and refused (DB030) when anything tries to clear it while an
--     unlifted legal suppression exists: a later disposition, a sync, a reconciliation, the service role.
--   * Suppression rows are facts. The only change allowed is an audited lift (lifted_at, lifted_by_user_id,
--     lift_reason) by a signed-in person entitled to it (DB031, DB032). Internal suppressions: managers of the
--     team and admins. Legal suppressions: admins only, and only to correct a record made in error
--     (docs/error_codes.md). Lifting is never an override at push time: while a legal suppression is active,
--     dialbridge.suppression_status() answers is_legal and the push refuses the number.
--   * Deleting a contact keeps its legal suppressions on the phone number (they follow the number).
--
-- Setting contacts.do_not_call = true by any path records a legal suppression if none exists, so
-- "do_not_call is true" and "an unlifted legal suppression exists for the contact" always agree.

/**
 * The key a phone number is suppressed under: E.164 when the text reads as one (+ and 8–15 digits, or a
 * 10-digit / 1+10-digit North American number), else null. Extensions are dropped. The push path
 * normalises numbers with libphonenumber-js; this is the SQL side's conservative equivalent, used only to
 * match suppressions.
 */
create or replace function dialbridge.suppression_phone(p_phone text) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case
           when v.digits = '' then null
           when v.has_plus and pg_catalog.length(v.digits) between 8 and 15 then '+' || v.digits
           when not v.has_plus and pg_catalog.length(v.digits) = 10 then '+1' || v.digits
           when not v.has_plus and pg_catalog.length(v.digits) = 11 and pg_catalog.left(v.digits, 1) = '1' then '+' || v.digits
         end
    from (select pg_catalog.ltrim(t.base) like '+%' as has_plus,
                 pg_catalog.regexp_replace(t.base, '[^0-9]', '', 'g') as digits
            from (select pg_catalog.regexp_replace(p_phone, '\s*(ext\.?|extension|x|#)\s*[0-9]+\s*$', '', 'i') as base) t
         ) v
$$;

-- Lookups by contact or phone including lifted rows (suppression_status as of a past time); the
-- foundation's indexes cover unlifted rows only.
create index if not exists suppressions_contact_any_idx on public.suppressions (contact_id);
create index if not exists suppressions_phone_any_idx on public.suppressions (phone_e164);

-- One suppression per call and kind: a call whose disposition changes from "not interested" (internal) to
-- "do not call" (legal) records both. Replaces the foundation's one-per-call index (same name, so that
-- re-running the foundation migration does not bring the old one back).
do $$
begin
  if coalesce(pg_catalog.pg_get_indexdef(pg_catalog.to_regclass('public.suppressions_source_activity_key')), '')
       not like '%suppression_type%' then
    drop index if exists public.suppressions_source_activity_key;
    create unique index suppressions_source_activity_key on public.suppressions (source_activity_id, suppression_type)
      where source_activity_id is not null;
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- suppressions: only an audited lift changes a row
-- ---------------------------------------------------------------------------------------------------
/**
 * Trigger function: suppression rows are immutable except for
 *   - the lift (lifted_at, lifted_by_user_id, lift_reason), by the signed-in user recorded as lifting it,
 *     with a reason; internal: managers of the row's team or admins; legal: admins only;
 *   - an internal suppression's expiry moving later (a later disposition of the same call extends it);
 *   - team_id (the contact moved team);
 *   - foreign keys set to null by ON DELETE actions, and a legal row detached from a deleted contact
 *     (it stays on the phone number). These run from other triggers (pg_trigger_depth() > 1).
 * Deletes: legal rows never (unless they cannot suppress anything any more: lifted, or no phone left when
 * their contact is deleted); active internal rows only through their contact's deletion.
 */
create or replace function dialbridge.tg_suppressions__guard() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_nested boolean := pg_catalog.pg_trigger_depth() > 1;
begin
  if tg_op = 'DELETE' then
    if v_nested and (old.suppression_type = 'internal' or old.lifted_at is not null or old.phone_e164 is null) then
      return old;   -- cascade from the contact's deletion
    end if;
    if old.suppression_type = 'legal' then
      raise exception 'a legal do-not-call suppression is never deleted'
        using errcode = 'DB031', hint = 'An admin may lift one recorded in error with public.lift_suppression().';
    end if;
    if old.lifted_at is null and (old.expires_at is null or old.expires_at > now()) then
      raise exception 'an active suppression is lifted with public.lift_suppression(), not deleted'
        using errcode = 'DB031';
    end if;
    return old;
  end if;

  -- UPDATE
  if v_nested then
    -- ON DELETE SET NULL of a referenced row, or the contact's deletion detaching a legal row
    if new.contact_id is distinct from old.contact_id and new.contact_id is not null then
      raise exception 'a suppression cannot move to another contact' using errcode = 'DB031';
    end if;
    if new.phone_e164 is distinct from old.phone_e164 and old.phone_e164 is not null then
      raise exception 'a suppression''s phone number cannot change' using errcode = 'DB031';
    end if;
    if (new.source_activity_id is distinct from old.source_activity_id and new.source_activity_id is not null)
       or (new.set_by_user_id is distinct from old.set_by_user_id and new.set_by_user_id is not null)
       or (new.lifted_by_user_id is distinct from old.lifted_by_user_id and new.lifted_by_user_id is not null) then
      raise exception 'only an ON DELETE action may clear a suppression''s references' using errcode = 'DB031';
    end if;
  else
    if (new.contact_id, new.phone_e164, new.source_activity_id, new.set_by_user_id)
       is distinct from (old.contact_id, old.phone_e164, old.source_activity_id, old.set_by_user_id) then
      raise exception 'a suppression''s contact, phone, source and author never change' using errcode = 'DB031';
    end if;
  end if;

  if (new.suppression_type, new.reason, new.source, new.created_at)
     is distinct from (old.suppression_type, old.reason, old.source, old.created_at) then
    raise exception 'a suppression''s kind, reason, source and start never change' using errcode = 'DB031';
  end if;

  if new.expires_at is distinct from old.expires_at then
    if old.suppression_type = 'legal' or old.lifted_at is not null or old.expires_at is null
       or (new.expires_at is not null and new.expires_at < old.expires_at) then
      raise exception 'a suppression is shortened only by lifting it with public.lift_suppression()'
        using errcode = 'DB031';
    end if;
  end if;

  if old.lifted_at is not null then
    if (new.lifted_at, new.lift_reason) is distinct from (old.lifted_at, old.lift_reason)
       or (new.lifted_by_user_id is distinct from old.lifted_by_user_id and not v_nested) then
      raise exception 'a lifted suppression is kept as it was lifted (audit)' using errcode = 'DB031';
    end if;
    return new;
  end if;

  if new.lifted_at is not null then
    if pg_catalog.length(pg_catalog.btrim(coalesce(new.lift_reason, ''))) < 10 then
      raise exception 'lifting a suppression needs a reason (at least 10 characters)' using errcode = 'DB033';
    end if;
    if (select auth.uid()) is null or new.lifted_by_user_id is distinct from (select auth.uid()) then
      raise exception 'a suppression is lifted by a signed-in user, recorded as the one lifting it'
        using errcode = 'DB032';
    end if;
    if old.suppression_type = 'legal' and not (select dialbridge.is_admin()) then
      raise exception 'only an admin may lift a legal do-not-call suppression, and only to correct a record made in error'
        using errcode = 'DB032';
    end if;
    if old.suppression_type = 'internal'
       and not ((select dialbridge.is_admin())
                or ((select dialbridge.is_manager_or_admin()) and old.team_id = (select dialbridge.current_team_id()))) then
      raise exception 'only a manager of the team or an admin may lift an internal suppression' using errcode = 'DB032';
    end if;
    new.lifted_at := now();   -- never backdated
  elsif new.lifted_by_user_id is not null or new.lift_reason is not null then
    raise exception 'lifting a suppression sets lifted_at, lifted_by_user_id and lift_reason together' using errcode = 'DB031';
  end if;
  return new;
end
$$;

drop trigger if exists _200_guard on public.suppressions;
create trigger _200_guard before update or delete on public.suppressions
  for each row execute function dialbridge.tg_suppressions__guard();

/**
 * Trigger function: a legal suppression of a contact puts the contact on the do-not-call list in the same
 * transaction (do_not_call, reason, set_at, set_by: the first request's), cancels the contact's open call
 * tasks and clears a planned call. security definer: reps may record a suppression but not write these
 * columns themselves.
 */
create or replace function dialbridge.tg_suppressions__mark_contact_do_not_call() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  update public.contacts c
     set do_not_call = true,
         do_not_call_reason = new.reason,
         do_not_call_set_at = new.created_at,
         do_not_call_set_by_user_id = new.set_by_user_id
   where c.id = new.contact_id
     and not c.do_not_call;

  update public.contacts c
     set next_action_type = null, next_action_date = null, next_action_notes = null,
         next_action_assigned_to_user_id = null
   where c.id = new.contact_id
     and c.next_action_type = 'call';

  update public.tasks t
     set status = 'cancelled',
         notes = pg_catalog.concat_ws(E'\n\n', t.notes, 'Cancelled: the contact is on the do-not-call list.')
   where t.contact_id = new.contact_id
     and t.status = 'open'
     and t.task_type = 'call';
  return null;
end
$$;

drop trigger if exists _600_mark_contact_do_not_call on public.suppressions;
create trigger _600_mark_contact_do_not_call after insert on public.suppressions
  for each row when (new.suppression_type = 'legal' and new.contact_id is not null)
  execute function dialbridge.tg_suppressions__mark_contact_do_not_call();

-- ---------------------------------------------------------------------------------------------------
-- contacts: do_not_call is sticky
-- ---------------------------------------------------------------------------------------------------
/**
 * Trigger function: do_not_call cannot be cleared while the contact has an unlifted legal suppression
 * (DB030), whoever asks (a disposition, contact.updated, reconciliation, the service role); while it is set,
 * its reason, time and author stay as first recorded. Setting it fills reason/time/author when missing.
 */
create or replace function dialbridge.tg_contacts__keep_do_not_call() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.do_not_call then
    if not new.do_not_call then
      if exists (select 1 from public.suppressions s
                  where s.contact_id = old.id and s.suppression_type = 'legal' and s.lifted_at is null) then
        raise exception 'contact % is on the do-not-call list: do_not_call cannot be cleared', old.id
          using errcode = 'DB030',
                hint = 'Do-not-call is permanent. An admin may lift a legal suppression recorded in error with public.lift_suppression().';
      end if;
      new.do_not_call_reason := null;
      new.do_not_call_set_at := null;
      new.do_not_call_set_by_user_id := null;
      return new;
    end if;
    new.do_not_call_reason := coalesce(old.do_not_call_reason, new.do_not_call_reason);
    new.do_not_call_set_at := coalesce(old.do_not_call_set_at, new.do_not_call_set_at);
    new.do_not_call_set_by_user_id := coalesce(old.do_not_call_set_by_user_id, new.do_not_call_set_by_user_id);
    return new;
  end if;

  if new.do_not_call then
    new.do_not_call_reason := coalesce(new.do_not_call_reason, 'legal_requirement');
    new.do_not_call_set_at := coalesce(new.do_not_call_set_at, now());
    new.do_not_call_set_by_user_id := coalesce(new.do_not_call_set_by_user_id, (select auth.uid()));
  end if;
  return new;
end
$$;

drop trigger if exists _200_keep_do_not_call on public.contacts;
create trigger _200_keep_do_not_call
  before insert or update of do_not_call, do_not_call_reason, do_not_call_set_at, do_not_call_set_by_user_id
  on public.contacts
  for each row execute function dialbridge.tg_contacts__keep_do_not_call();

/**
 * Trigger function: a contact put on the do-not-call list by any path other than a suppression row (an
 * import, the service role, legacy data) gets its legal suppression, by contact and phone, in the same
 * transaction. security definer: writes suppressions on behalf of whoever set the flag.
 */
create or replace function dialbridge.tg_contacts__record_do_not_call() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.suppressions s
                  where s.contact_id = new.id and s.suppression_type = 'legal' and s.lifted_at is null) then
    insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source,
                                     set_by_user_id, created_at)
    values (new.id, coalesce(nullif(pg_catalog.to_jsonb(new) ->> 'phone_e164', ''), dialbridge.suppression_phone(new.phone)),
            new.team_id, 'legal',
            coalesce(new.do_not_call_reason, 'legal_requirement'),
            case when (select auth.uid()) is null then 'system' else 'manual' end,
            new.do_not_call_set_by_user_id, coalesce(new.do_not_call_set_at, now()));
  end if;
  return null;
end
$$;

drop trigger if exists _600_record_do_not_call on public.contacts;
create trigger _600_record_do_not_call after insert or update of do_not_call on public.contacts
  for each row when (new.do_not_call)
  execute function dialbridge.tg_contacts__record_do_not_call();

/**
 * Trigger function: before a contact is deleted, its active legal suppressions are detached from it and
 * kept on the phone number (the do-not-call request follows the number). security definer: runs for
 * whoever may delete the contact.
 */
create or replace function dialbridge.tg_contacts__keep_legal_suppressions() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  -- contacts.phone_e164 (push migrations) when present, read softly
  v_phone text := coalesce(nullif(pg_catalog.to_jsonb(old) ->> 'phone_e164', ''), dialbridge.suppression_phone(old.phone));
begin
  update public.suppressions s
     set contact_id = null,
         phone_e164 = coalesce(s.phone_e164, v_phone)
   where s.contact_id = old.id
     and s.suppression_type = 'legal'
     and s.lifted_at is null
     and coalesce(s.phone_e164, v_phone) is not null;
  return old;
end
$$;

drop trigger if exists _300_keep_legal_suppressions on public.contacts;
create trigger _300_keep_legal_suppressions before delete on public.contacts
  for each row execute function dialbridge.tg_contacts__keep_legal_suppressions();

-- Legacy rows: contacts already flagged do-not-call get their legal suppression (re-runnable).
insert into public.suppressions (contact_id, phone_e164, team_id, suppression_type, reason, source, created_at)
select c.id, coalesce(nullif(pg_catalog.to_jsonb(c) ->> 'phone_e164', ''), dialbridge.suppression_phone(c.phone)), c.team_id, 'legal',
       coalesce(c.do_not_call_reason, 'legal_requirement'), 'import', coalesce(c.do_not_call_set_at, now())
  from public.contacts c
 where c.do_not_call
   and not exists (select 1 from public.suppressions s
                    where s.contact_id = c.id and s.suppression_type = 'legal' and s.lifted_at is null);

-- ---------------------------------------------------------------------------------------------------
-- asking and lifting
-- ---------------------------------------------------------------------------------------------------
/**
 * Suppression status of many contacts / numbers at once (the push preview's set-based form): one row per
 * input position. A contact is suppressed by its own unlifted, unexpired suppressions or its do_not_call
 * flag; a number by legal suppressions on it (whichever contact asked) and by number-only rows.
 * is_legal: a legal do-not-call applies (never overridable). until: null when permanent.
 * security definer: a do-not-call request recorded by another team still stops this team's push.
 */
create or replace function dialbridge.suppression_statuses(
  p_contact_ids uuid[], p_phones text[], p_as_of timestamptz default now()
) returns table (ordinality bigint, contact_id uuid, phone_e164 text,
                 is_suppressed boolean, is_legal boolean, reason text, until timestamptz)
language sql stable security definer set search_path = ''
as $$
  with input as (
    select i.n as ordinality, i.contact_id, dialbridge.suppression_phone(i.phone) as phone_e164
      from unnest(p_contact_ids, p_phones) with ordinality as i (contact_id, phone, n)
  ),
  hits as (
    select i.ordinality, s.suppression_type, s.reason, s.expires_at
      from input i
      join public.suppressions s on s.contact_id = i.contact_id
     where (s.lifted_at is null or s.lifted_at > p_as_of)
       and (s.expires_at is null or s.expires_at > p_as_of)
    union all
    select i.ordinality, s.suppression_type, s.reason, s.expires_at
      from input i
      join public.suppressions s on s.phone_e164 = i.phone_e164
     where (s.suppression_type = 'legal' or s.contact_id is null)
       and (s.contact_id = i.contact_id) is not true   -- counted by the contact branch
       and (s.lifted_at is null or s.lifted_at > p_as_of)
       and (s.expires_at is null or s.expires_at > p_as_of)
    union all
    select i.ordinality, 'legal', coalesce(c.do_not_call_reason, 'legal_requirement'), null::timestamptz
      from input i
      join public.contacts c on c.id = i.contact_id
     where c.do_not_call
  )
  select i.ordinality, i.contact_id, i.phone_e164,
         count(h.ordinality) > 0,
         coalesce(bool_or(h.suppression_type = 'legal'), false),
         (array_agg(h.reason order by h.suppression_type = 'legal' desc, h.expires_at desc nulls first)
            filter (where h.ordinality is not null))[1],
         case when bool_or(h.ordinality is not null and h.expires_at is null) then null else max(h.expires_at) end
    from input i
    left join hits h on h.ordinality = i.ordinality
   group by i.ordinality, i.contact_id, i.phone_e164
   order by i.ordinality
$$;

/**
 * Is this contact / phone number suppressed at p_as_of? (is_suppressed, is_legal, reason, until). The push
 * refuses legal ones whatever the override; internal ones may be overridden with an audited reason.
 */
create or replace function dialbridge.suppression_status(
  p_contact_id uuid, p_phone_e164 text, p_as_of timestamptz default now()
) returns table (is_suppressed boolean, is_legal boolean, reason text, until timestamptz)
language sql stable security invoker set search_path = ''
as $$
  select s.is_suppressed, s.is_legal, s.reason, s.until
    from dialbridge.suppression_statuses(array[p_contact_id], array[p_phone_e164], p_as_of) s
$$;

/**
 * RPC: lifts a suppression, audited on the row (lifted_at, lifted_by_user_id, lift_reason). Internal
 * suppressions: managers of the row's team and admins. Legal do-not-call: admins only, only to correct a
 * record made in error (the reason says so); the contact leaves the do-not-call list when no other legal
 * suppression of it remains. Reason: at least 10 characters.
 */
create or replace function public.lift_suppression(p_suppression_id uuid, p_reason text)
returns public.suppressions
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.suppressions;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to lift a suppression' using errcode = 'DB032';
  end if;
  if pg_catalog.length(pg_catalog.btrim(coalesce(p_reason, ''))) < 10 then
    raise exception 'lifting a suppression needs a reason (at least 10 characters)' using errcode = 'DB033';
  end if;
  select * into v from public.suppressions s where s.id = p_suppression_id for update;
  if not found or not (v.team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin())) then
    raise exception 'suppression % not found', p_suppression_id using errcode = 'DB034';
  end if;
  if v.lifted_at is not null or (v.expires_at is not null and v.expires_at <= now()) then
    raise exception 'suppression % is not active (already lifted or expired)', p_suppression_id using errcode = 'DB035';
  end if;
  -- the guard trigger checks the role again, so direct updates follow the same rules
  update public.suppressions s
     set lifted_at = now(), lifted_by_user_id = (select auth.uid()), lift_reason = pg_catalog.btrim(p_reason)
   where s.id = v.id
  returning * into v;

  if v.suppression_type = 'legal' and v.contact_id is not null then
    update public.contacts c
       set do_not_call = false
     where c.id = v.contact_id
       and c.do_not_call
       and not exists (select 1 from public.suppressions s
                        where s.contact_id = v.contact_id and s.suppression_type = 'legal' and s.lifted_at is null);
  end if;
  return v;
end
$$;

revoke all on function public.lift_suppression(uuid, text) from public, anon;
grant execute on function public.lift_suppression(uuid, text) to authenticated;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.suppression_phone(text),
  dialbridge.suppression_statuses(uuid[], text[], timestamptz),
  dialbridge.suppression_status(uuid, text, timestamptz)
  to authenticated, service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
