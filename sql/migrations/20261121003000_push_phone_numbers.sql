-- migrate:up
-- Push to dialer, part 1: phone numbers in E.164, normalised where they enter.
--
-- SQL cannot run libphonenumber, so the normalised form is a pair of columns filled by the code that
-- writes numbers (the push function, demo data, dialer sync) with libphonenumber-js, and by a worker job
-- for everything else (rows edited in the browser, imports, legacy rows):
--
--   phone                  the number as entered or synced (untouched)
--   phone_e164             the number in E.164 (+12125550123); only when phone_status = 'valid'
--   phone_status           valid | invalid (unparseable: flagged, never guessed) | missing | pending
--   phone_normalized_from  the exact `phone` value phone_e164/phone_status were computed from
--
-- A writer that normalised the number sets all three with phone_normalized_from = the new phone; any other
-- change of `phone` (the browser cannot write the normalised columns) leaves the row 'pending' and queues
-- the coalesced job contacts__normalize_phones, which applies its results only where `phone` is still the
-- value it read (a later edit is never overwritten with a stale normalisation). An unparseable number also
-- sets phone_number_invalid with reason 'unparseable', which a valid number clears again.

alter table public.contacts
  add column if not exists phone_e164 text,
  add column if not exists phone_status text,
  add column if not exists phone_normalized_from text,
  add column if not exists phone_normalized_at timestamptz;

select dialbridge.ensure_constraint('public.contacts', 'contacts_phone_status_check',
  $c$check (phone_status in ('valid', 'invalid', 'missing', 'pending'))$c$, true);
select dialbridge.ensure_constraint('public.contacts', 'contacts_phone_e164_check',
  $c$check ((phone_e164 is not null) = (phone_status is not distinct from 'valid')
            and (phone_e164 is null or phone_e164 ~ '^\+[1-9][0-9]{6,14}$'))$c$, true);

comment on column public.contacts.phone_e164 is 'The phone number in E.164 (+12125550123), normalised with libphonenumber; set only when phone_status is valid.';
comment on column public.contacts.phone_status is 'valid (phone_e164 set), invalid (unparseable: flagged, never guessed), missing (no number) or pending (changed, not normalised yet).';
comment on column public.contacts.phone_normalized_from is 'The phone value phone_e164 and phone_status were computed from.';
comment on column public.contacts.phone_normalized_at is 'When the number was last normalised.';

-- Lookups by number (legal do-not-call by number on any contact row; duplicates; matching calls back).
create index if not exists contacts_phone_e164_idx on public.contacts (phone_e164) where phone_e164 is not null;
create index if not exists contacts_phone_pending_idx on public.contacts (id) where phone_status = 'pending';

/**
 * Keeps the normalised phone columns consistent with `phone`: no number → missing; a normalisation the
 * writer supplied for exactly this value → kept; anything else → pending (the worker job normalises it).
 */
create or replace function dialbridge.tg_contacts__phone_status() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if new.phone is null or pg_catalog.btrim(new.phone) = '' then
    new.phone_status := 'missing';
    new.phone_e164 := null;
    new.phone_normalized_from := new.phone;
    new.phone_normalized_at := now();
    if new.phone_number_invalid and new.phone_number_invalid_reason = 'unparseable' then
      new.phone_number_invalid := false;
      new.phone_number_invalid_reason := null;
    end if;
  elsif new.phone_normalized_from is distinct from new.phone
        or new.phone_status is null or new.phone_status in ('missing', 'pending') then
    new.phone_status := 'pending';
    new.phone_e164 := null;
  end if;
  return new;
end
$$;
drop trigger if exists _060_phone_status on public.contacts;
create trigger _060_phone_status before insert or update of phone, phone_e164, phone_status, phone_normalized_from
  on public.contacts for each row execute function dialbridge.tg_contacts__phone_status();

/**
 * Queues the coalesced phone-normalisation job (one job however many rows are pending). A missing or
 * failing queue never fails the write: the rows stay pending and the cron sweep picks them up.
 */
create or replace function dialbridge.enqueue_phone_normalization() returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if pg_catalog.to_regnamespace('graphile_worker') is null then
    return;
  end if;
  begin
    perform graphile_worker.add_job('contacts__normalize_phones', '{}'::json,
      job_key := 'contacts__normalize_phones', job_key_mode := 'preserve_run_at');
  exception when others then
    raise warning 'dialbridge: could not queue contacts__normalize_phones (%): rows stay pending for the sweep', sqlstate;
  end;
end
$$;

/**
 * Statement trigger: queues normalisation when the statement left a row pending that it made pending
 * (inserted, or its number or status changed): updates of other columns of a row already pending (call
 * statistics, dispositions) do not queue the job again — it is queued already, or the sweep catches it.
 */
create or replace function dialbridge.tg_contacts__enqueue_phone_normalization() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if exists (select 1 from new_rows where phone_status = 'pending') then
      perform dialbridge.enqueue_phone_normalization();
    end if;
  elsif exists (select 1 from new_rows n join old_rows o on o.id = n.id
                 where n.phone_status = 'pending'
                   and (o.phone_status is distinct from 'pending' or o.phone is distinct from n.phone)) then
    perform dialbridge.enqueue_phone_normalization();
  end if;
  return null;
end
$$;
drop trigger if exists _900_enqueue_phone_normalization on public.contacts;
create trigger _900_enqueue_phone_normalization after update on public.contacts
  referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_contacts__enqueue_phone_normalization();
drop trigger if exists _900_enqueue_phone_normalization_on_insert on public.contacts;
create trigger _900_enqueue_phone_normalization_on_insert after insert on public.contacts
  referencing new table as new_rows
  for each statement execute function dialbridge.tg_contacts__enqueue_phone_normalization();

/**
 * Applies normalisations computed outside SQL: [{id, phone, phone_e164, phone_status}] where phone is the
 * value that was normalised. A row whose phone changed since is left alone (still pending). Returns the
 * number of rows updated. Unparseable numbers are flagged phone_number_invalid (reason 'unparseable');
 * a valid number clears that flag (never one set by a disposition).
 */
create or replace function dialbridge.apply_phone_normalizations(p_rows jsonb, as_of timestamptz default now())
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  if p_rows is null or pg_catalog.jsonb_typeof(p_rows) <> 'array' then
    raise exception 'phone normalisations must be a JSON array' using errcode = 'DB040';
  end if;
  if exists (select 1 from pg_catalog.jsonb_to_recordset(p_rows) as r(id uuid, phone text, phone_e164 text, phone_status text)
              where r.id is null or r.phone_status is null or r.phone_status not in ('valid', 'invalid', 'missing')
                 or (r.phone_status = 'valid') <> (r.phone_e164 is not null)
                 or (r.phone_e164 is not null and r.phone_e164 !~ '^\+[1-9][0-9]{6,14}$')) then
    raise exception 'each normalisation needs an id, a status valid|invalid|missing and an E.164 number exactly when valid'
      using errcode = 'DB040';
  end if;

  update public.contacts c
     set phone_e164 = r.phone_e164,
         phone_status = r.phone_status,
         phone_normalized_from = c.phone,
         phone_normalized_at = as_of,
         phone_number_invalid = case
           when r.phone_status = 'invalid' then true
           when c.phone_number_invalid_reason = 'unparseable' then false
           else c.phone_number_invalid end,
         phone_number_invalid_reason = case
           when r.phone_status = 'invalid' and (not c.phone_number_invalid or c.phone_number_invalid_reason is null)
             then 'unparseable'
           when r.phone_status <> 'invalid' and c.phone_number_invalid_reason = 'unparseable' then null
           else c.phone_number_invalid_reason end
    from (select distinct on (x.id) x.* from pg_catalog.jsonb_to_recordset(p_rows)
            as x(id uuid, phone text, phone_e164 text, phone_status text) order by x.id) r
   where c.id = r.id
     and c.phone is not distinct from r.phone
     and (c.phone_status is distinct from r.phone_status or c.phone_e164 is distinct from r.phone_e164
          or c.phone_normalized_from is distinct from c.phone);
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

/**
 * The next rows waiting for normalisation (locked for the caller's transaction, skipping rows another
 * worker holds): id, the number and the contact's country as a default region hint.
 */
create or replace function dialbridge.claim_pending_phones(p_limit integer default 500)
returns table (id uuid, phone text, country text)
language sql volatile security definer set search_path = ''
as $$
  select c.id, c.phone, c.country
    from public.contacts c
   where c.phone_status = 'pending'
   order by c.id
   limit greatest(1, least(p_limit, 5000))
     for update skip locked
$$;

-- Rows that predate this migration: a number → pending (queued below), none → missing.
update public.contacts set phone_status = case when phone is null or btrim(phone) = '' then 'missing' else 'pending' end
 where phone_status is null;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.apply_phone_normalizations(jsonb, timestamptz),
  dialbridge.claim_pending_phones(integer) to service_role;
-- the statement trigger runs as whoever edits contacts (reps in the browser): they may queue the job
grant execute on function dialbridge.enqueue_phone_normalization() to authenticated, service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
