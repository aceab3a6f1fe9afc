-- migrate:up
-- Foundation, part 2: contacts.
--
-- SourceCo already has a `contacts` table (uuid id, first_name, last_name, email, phone, company, …).
-- This migration creates it only where it is missing, then adds every column dialbridge needs with
-- `add column if not exists`: it never drops, renames or rewrites user data. Check constraints are added
-- NOT VALID so legacy rows never fail the migration while every new or changed row is checked. The one
-- constrained column SourceCo already owns, contact_type, grandfathers its legacy values row by row
-- (legacy_contact_type): a PostgreSQL check is re-evaluated on every update of a row, so a NOT VALID check
-- alone would make any edit of such a contact fail, even one that never touches contact_type.

-- SourceCo's own columns. On the first application to a database that already has a contacts table,
-- remember which columns it had, so the browser keeps the insert/update rights it had on them (the grants
-- below are column lists, and a column-level grant is the only way to keep dialbridge's statistics and
-- compliance columns read-only).
do $$
begin
  if to_regclass('dialbridge.sourceco_contact_columns') is null then
    create table dialbridge.sourceco_contact_columns (
      column_name text primary key,
      recorded_at timestamptz not null default now()
    );
    insert into dialbridge.sourceco_contact_columns (column_name)
    select a.attname
      from pg_catalog.pg_attribute a
     where a.attrelid = to_regclass('public.contacts') and a.attnum > 0 and not a.attisdropped;
  end if;
end
$$;
comment on table dialbridge.sourceco_contact_columns is
  'Columns public.contacts had before dialbridge''s first migration (SourceCo''s own); the browser keeps writing them.';

create table if not exists public.contacts (
  id uuid primary key default gen_random_uuid(),
  first_name text,
  last_name text,
  email text,
  phone text,
  company text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.contacts enable row level security;

alter table public.contacts
  -- identity and ownership
  add column if not exists sourceco_contact_id text,
  add column if not exists team_id uuid references public.teams (id) on delete set null,
  add column if not exists owner_id uuid references public.profiles (id) on delete set null,
  -- base fields
  add column if not exists first_name text,
  add column if not exists last_name text,
  add column if not exists email text,
  add column if not exists phone text,
  add column if not exists company text,
  add column if not exists title text,
  add column if not exists address_line1 text,
  add column if not exists city text,
  add column if not exists state text,
  add column if not exists zip text,
  add column if not exists country text,
  add column if not exists timezone text,
  add column if not exists contact_type text,
  add column if not exists legacy_contact_type text,
  add column if not exists buyer_type text,
  add column if not exists firm_type text,
  add column if not exists industry text,
  add column if not exists aum_usd numeric(18, 2),
  add column if not exists fund_size_usd numeric(18, 2),
  add column if not exists target_sectors text[],
  add column if not exists target_geographies text[],
  add column if not exists target_ebitda_min_usd numeric(18, 2),
  add column if not exists target_ebitda_max_usd numeric(18, 2),
  add column if not exists ebitda_usd numeric(18, 2),
  add column if not exists list_source text,
  add column if not exists relationship_notes text,
  add column if not exists call_talking_points text,
  add column if not exists assistant_name text,
  add column if not exists assistant_phone text,
  add column if not exists contact_status text,
  add column if not exists contact_stage text,
  add column if not exists needs_review boolean not null default false,
  add column if not exists needs_review_reason text,
  add column if not exists created_at timestamptz not null default now(),
  add column if not exists updated_at timestamptz not null default now(),
  -- seed 000: call activity tracking
  add column if not exists last_call_attempt_at timestamptz,
  add column if not exists last_call_connected_at timestamptz,
  add column if not exists first_call_attempt_at timestamptz,
  -- seed 000: call statistics (maintained incrementally by triggers on contact_activities)
  add column if not exists total_call_attempts integer not null default 0,
  add column if not exists total_calls_connected integer not null default 0,
  add column if not exists total_calls_to_decision_maker integer not null default 0,
  add column if not exists total_calls_to_gatekeeper integer not null default 0,
  add column if not exists total_voicemails_left integer not null default 0,
  add column if not exists total_call_duration_seconds integer not null default 0,
  add column if not exists total_talk_time_seconds integer not null default 0,
  add column if not exists average_talk_time_seconds integer,
  -- seed 000: best time to call
  add column if not exists best_call_day_of_week integer,
  add column if not exists best_call_time_of_day time,
  add column if not exists connection_rate_percentage numeric(5, 2),
  -- seed 000: PhoneBurner integration
  add column if not exists phoneburner_contact_id text,
  add column if not exists phoneburner_last_sync_at timestamptz,
  add column if not exists phoneburner_sync_status text default 'synced',
  -- seed 000: reachability
  add column if not exists phone_number_invalid boolean not null default false,
  add column if not exists phone_number_invalid_reason text,
  add column if not exists phone_verified_at timestamptz,
  -- seed 000: suppression and compliance
  add column if not exists do_not_call boolean not null default false,
  add column if not exists do_not_call_reason text,
  add column if not exists do_not_call_set_at timestamptz,
  add column if not exists do_not_call_set_by_user_id uuid references public.profiles (id) on delete set null,
  -- seed 000: next action planning
  add column if not exists next_action_type text,
  add column if not exists next_action_date date,
  add column if not exists next_action_notes text,
  add column if not exists next_action_assigned_to_user_id uuid references public.profiles (id) on delete set null,
  -- seed 000: last disposition context
  add column if not exists last_disposition_code text,
  add column if not exists last_disposition_label text,
  add column if not exists last_disposition_date timestamptz,
  add column if not exists last_disposition_notes text,
  -- seed 000: gatekeeper intelligence
  add column if not exists gatekeeper_name text,
  add column if not exists gatekeeper_phone_extension text,
  add column if not exists gatekeeper_notes text,
  -- seed 000: engagement scoring
  add column if not exists call_engagement_score integer,
  add column if not exists last_engaged_call_at timestamptz,
  add column if not exists days_since_last_engaged_call integer,
  -- seed 000: aggregate audit
  add column if not exists call_stats_last_calculated_at timestamptz,
  add column if not exists call_stats_stale boolean not null default false;

-- A pre-existing table may lack the id default.
alter table public.contacts alter column id set default gen_random_uuid();

-- The key the dialer carries back (custom field "SourceCo ID"). Defaults to the uuid for rows created
-- here; SourceCo's own keys (e.g. sc_buyer_789) are kept as they are.
update public.contacts set sourceco_contact_id = id::text where sourceco_contact_id is null;
create unique index if not exists contacts_sourceco_contact_id_key on public.contacts (sourceco_contact_id);
create unique index if not exists contacts_phoneburner_contact_id_key on public.contacts (phoneburner_contact_id)
  where phoneburner_contact_id is not null;

-- SourceCo's own contact_type values outside buyer/seller (found when dialbridge is installed) stay
-- allowed on their row; every new or changed value must be buyer or seller. Rows still to clean up:
-- where contact_type = legacy_contact_type.
update public.contacts set legacy_contact_type = contact_type
 where legacy_contact_type is null and contact_type not in ('buyer', 'seller');

/** Fills sourceco_contact_id from id on insert when the caller gives none. */
create or replace function dialbridge.tg_contacts__default_sourceco_id() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  new.sourceco_contact_id := coalesce(new.sourceco_contact_id, new.id::text);
  return new;
end
$$;
drop trigger if exists _050_default_sourceco_id on public.contacts;
create trigger _050_default_sourceco_id before insert or update of sourceco_contact_id on public.contacts
  for each row execute function dialbridge.tg_contacts__default_sourceco_id();

-- updated_at says when the contact's own data last changed (what a person, a sync or a disposition
-- sets), so the trigger fires only for those columns: call statistics, scores and other figures
-- dialbridge maintains (and backfills of new columns on SourceCo's existing rows) never move it.
drop trigger if exists _100_timestamps on public.contacts;
create trigger _100_timestamps before update of
    sourceco_contact_id, team_id, owner_id, first_name, last_name, email, phone, company, title, address_line1,
    city, state, zip, country, timezone, contact_type, buyer_type, firm_type, industry, aum_usd, fund_size_usd,
    target_sectors, target_geographies, target_ebitda_min_usd, target_ebitda_max_usd, ebitda_usd, list_source,
    relationship_notes, call_talking_points, assistant_name, assistant_phone, contact_status, contact_stage,
    needs_review, needs_review_reason, phone_number_invalid, do_not_call, do_not_call_reason,
    next_action_type, next_action_date, next_action_notes, next_action_assigned_to_user_id,
    gatekeeper_name, gatekeeper_phone_extension, gatekeeper_notes
  on public.contacts
  for each row execute function dialbridge.tg__set_updated_at();

select dialbridge.ensure_constraint('public.contacts', 'contacts_contact_type_check',
  $c$check (contact_type in ('buyer', 'seller') or contact_type is not distinct from legacy_contact_type)$c$);
select dialbridge.ensure_constraint('public.contacts', 'contacts_phoneburner_sync_status_check',
  $c$check (phoneburner_sync_status in ('synced', 'pending', 'failed', 'conflict'))$c$, true);
select dialbridge.ensure_constraint('public.contacts', 'contacts_next_action_type_check',
  $c$check (next_action_type in ('call', 'email', 'send_materials', 'schedule_meeting', 'meeting_prep', 'research', 'remarket'))$c$, true);
select dialbridge.ensure_constraint('public.contacts', 'contacts_best_call_day_of_week_check',
  $c$check (best_call_day_of_week between 1 and 7)$c$, true);
select dialbridge.ensure_constraint('public.contacts', 'contacts_call_engagement_score_check',
  $c$check (call_engagement_score between 0 and 100)$c$, true);
select dialbridge.ensure_constraint('public.contacts', 'contacts_call_counters_check',
  $c$check (total_call_attempts >= 0 and total_calls_connected >= 0 and total_calls_connected <= total_call_attempts
    and total_calls_to_decision_maker >= 0 and total_calls_to_gatekeeper >= 0 and total_voicemails_left >= 0
    and total_call_duration_seconds >= 0 and total_talk_time_seconds >= 0)$c$, true);
select dialbridge.ensure_constraint('public.contacts', 'contacts_target_ebitda_range_check',
  $c$check (target_ebitda_min_usd is null or target_ebitda_max_usd is null or target_ebitda_min_usd <= target_ebitda_max_usd)$c$, true);

create index if not exists contacts_team_id_idx on public.contacts (team_id);
create index if not exists contacts_owner_id_idx on public.contacts (owner_id);
create index if not exists contacts_last_call_attempt_idx on public.contacts (last_call_attempt_at desc);
create index if not exists contacts_next_action_date_idx on public.contacts (next_action_date) where next_action_date is not null;
create index if not exists contacts_do_not_call_idx on public.contacts (id) where do_not_call;
create index if not exists contacts_phone_invalid_idx on public.contacts (id) where phone_number_invalid;
create index if not exists contacts_engagement_score_idx on public.contacts (call_engagement_score desc);
create index if not exists contacts_contact_type_idx on public.contacts (team_id, contact_type);

-- Privileges: the browser reads every column of its team's contacts and edits the base fields; the call
-- statistics and compliance flags are written only by dialbridge (triggers, RPCs, the service role).
revoke all on table public.contacts from anon, authenticated;
grant select on table public.contacts to authenticated;
grant insert (id, sourceco_contact_id, team_id, owner_id, first_name, last_name, email, phone, company, title,
              address_line1, city, state, zip, country, timezone, contact_type, buyer_type, firm_type, industry,
              aum_usd, fund_size_usd, target_sectors, target_geographies, target_ebitda_min_usd,
              target_ebitda_max_usd, ebitda_usd, list_source, relationship_notes, call_talking_points,
              assistant_name, assistant_phone, contact_status, contact_stage, gatekeeper_name,
              gatekeeper_phone_extension, gatekeeper_notes, next_action_type, next_action_date,
              next_action_notes, next_action_assigned_to_user_id)
  on table public.contacts to authenticated;
grant update (owner_id, first_name, last_name, email, phone, company, title, address_line1, city, state, zip,
              country, timezone, contact_type, buyer_type, firm_type, industry, aum_usd, fund_size_usd,
              target_sectors, target_geographies, target_ebitda_min_usd, target_ebitda_max_usd, ebitda_usd,
              list_source, relationship_notes, call_talking_points, assistant_name, assistant_phone,
              contact_status, contact_stage, needs_review, needs_review_reason, gatekeeper_name,
              gatekeeper_phone_extension, gatekeeper_notes, next_action_type, next_action_date,
              next_action_notes, next_action_assigned_to_user_id)
  on table public.contacts to authenticated;
-- SourceCo's own columns (recorded above): writable as before, except the ones dialbridge maintains.
do $$
declare
  v_cols text;
begin
  select string_agg(pg_catalog.quote_ident(c.column_name), ', ' order by c.column_name) into v_cols
    from dialbridge.sourceco_contact_columns c
    join information_schema.columns ic
      on ic.table_schema = 'public' and ic.table_name = 'contacts' and ic.column_name = c.column_name
   where c.column_name not like 'total\_%' and c.column_name not like 'last\_call\_%'
     and c.column_name not like 'do\_not\_call%' and c.column_name not like 'phone\_number\_invalid%'
     and c.column_name not like 'phoneburner\_%' and c.column_name not like 'last\_disposition\_%'
     and c.column_name not in ('id', 'sourceco_contact_id', 'team_id', 'first_call_attempt_at', 'average_talk_time_seconds',
       'connection_rate_percentage', 'best_call_day_of_week', 'best_call_time_of_day', 'phone_verified_at',
       'call_engagement_score', 'last_engaged_call_at', 'days_since_last_engaged_call',
       'call_stats_last_calculated_at', 'call_stats_stale', 'legacy_contact_type', 'created_at', 'updated_at');
  if v_cols is not null then
    execute format('grant insert (%s), update (%s) on table public.contacts to authenticated', v_cols, v_cols);
  end if;
end
$$;
grant delete on table public.contacts to authenticated;
grant all on table public.contacts to service_role;

drop policy if exists "Reps see their team's contacts" on public.contacts;
create policy "Reps see their team's contacts" on public.contacts for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps add contacts to their team" on public.contacts;
create policy "Reps add contacts to their team" on public.contacts for insert to authenticated
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps edit their team's contacts" on public.contacts;
create policy "Reps edit their team's contacts" on public.contacts for update to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Managers delete their team's contacts" on public.contacts;
create policy "Managers delete their team's contacts" on public.contacts for delete to authenticated
  using ((team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_manager_or_admin()))
         or (select dialbridge.is_admin()));

comment on table public.contacts is 'SourceCo contacts (buyers and sellers) with the call-tracking, suppression, next-action and PhoneBurner sync columns dialbridge maintains.';
comment on column public.contacts.id is 'Contact id (uuid).';
comment on column public.contacts.sourceco_contact_id is 'Text key carried through the dialer and back (PhoneBurner custom field "SourceCo ID"); defaults to the uuid.';
comment on column public.contacts.team_id is 'Team that works this contact; scopes who sees it.';
comment on column public.contacts.owner_id is 'Rep who owns the relationship.';
comment on column public.contacts.first_name is 'First name.';
comment on column public.contacts.last_name is 'Last name.';
comment on column public.contacts.email is 'Primary email address.';
comment on column public.contacts.phone is 'Primary phone number as entered or synced.';
comment on column public.contacts.company is 'Company or firm name.';
comment on column public.contacts.title is 'Job title.';
comment on column public.contacts.address_line1 is 'Street address.';
comment on column public.contacts.city is 'City.';
comment on column public.contacts.state is 'State or region (US: two-letter code).';
comment on column public.contacts.zip is 'Postal code.';
comment on column public.contacts.country is 'Country (ISO 3166 alpha-2 preferred).';
comment on column public.contacts.timezone is 'IANA time zone of the contact, used for legal calling hours.';
comment on column public.contacts.contact_type is 'buyer (PE firm, strategic, family office…) or seller (business owner).';
comment on column public.contacts.legacy_contact_type is 'SourceCo''s original contact_type when it was neither buyer nor seller as dialbridge was installed; that row may keep it, every other value must be buyer or seller. Rows still to clean up: contact_type = legacy_contact_type.';
comment on column public.contacts.buyer_type is 'Buyer type, e.g. "PE Firm - Lower Middle Market", Strategic, Family Office.';
comment on column public.contacts.firm_type is 'Firm type, e.g. Independent Sponsor.';
comment on column public.contacts.industry is 'Industry (sellers) or primary sector focus.';
comment on column public.contacts.aum_usd is 'Assets under management, USD (buyers).';
comment on column public.contacts.fund_size_usd is 'Current fund size, USD (buyers).';
comment on column public.contacts.target_sectors is 'Sectors the buyer targets.';
comment on column public.contacts.target_geographies is 'Geographies the buyer targets.';
comment on column public.contacts.target_ebitda_min_usd is 'Lower bound of the buyer''s target EBITDA range, USD.';
comment on column public.contacts.target_ebitda_max_usd is 'Upper bound of the buyer''s target EBITDA range, USD.';
comment on column public.contacts.ebitda_usd is 'Company EBITDA, USD (sellers).';
comment on column public.contacts.list_source is 'Where the contact came from (list, campaign, import).';
comment on column public.contacts.relationship_notes is 'Relationship context for reps.';
comment on column public.contacts.call_talking_points is 'Talking points pushed to the dialer for the next call.';
comment on column public.contacts.assistant_name is 'Assistant''s name.';
comment on column public.contacts.assistant_phone is 'Assistant''s phone.';
comment on column public.contacts.contact_status is 'SourceCo status set by dispositions: Qualified, Nurture, Disqualified, Suppressed, Invalid, Attempted.';
comment on column public.contacts.contact_stage is 'SourceCo stage set by dispositions: Engaged, Follow-up, Meeting Set, Dead, Paused, Outreach.';
comment on column public.contacts.needs_review is 'Flagged for a person to look at (e.g. the email domain changed in the dialer: possible company change).';
comment on column public.contacts.needs_review_reason is 'Why the contact was flagged for review.';
comment on column public.contacts.last_call_attempt_at is 'Start of the most recent call attempt (any outcome).';
comment on column public.contacts.last_call_connected_at is 'Most recent call answered by a person (not voicemail).';
comment on column public.contacts.first_call_attempt_at is 'Start of the first ever call attempt.';
comment on column public.contacts.total_call_attempts is 'Calls attempted (one per call, however many events it produced).';
comment on column public.contacts.total_calls_connected is 'Calls answered by a person (not voicemail).';
comment on column public.contacts.total_calls_to_decision_maker is 'Calls answered by the decision maker.';
comment on column public.contacts.total_calls_to_gatekeeper is 'Calls answered by a gatekeeper.';
comment on column public.contacts.total_voicemails_left is 'Calls that reached voicemail.';
comment on column public.contacts.total_call_duration_seconds is 'Sum of call durations including ringing, seconds.';
comment on column public.contacts.total_talk_time_seconds is 'Sum of conversation time, seconds.';
comment on column public.contacts.average_talk_time_seconds is 'total_talk_time_seconds / total_calls_connected.';
comment on column public.contacts.best_call_day_of_week is 'ISO day of week with the best connection rate (1 = Monday).';
comment on column public.contacts.best_call_time_of_day is 'Hour of day with the best connection rate.';
comment on column public.contacts.connection_rate_percentage is 'total_calls_connected / total_call_attempts × 100.';
comment on column public.contacts.phoneburner_contact_id is 'PhoneBurner''s id of this contact (contact.user_id in callbacks).';
comment on column public.contacts.phoneburner_last_sync_at is 'Last time the contact was pushed to or synced from PhoneBurner.';
comment on column public.contacts.phoneburner_sync_status is 'synced, pending, failed or conflict.';
comment on column public.contacts.phone_number_invalid is 'The number is known bad (wrong number or disconnected disposition, or unparseable).';
comment on column public.contacts.phone_number_invalid_reason is 'Why the number is invalid: disconnected, wrong_person, business_closed, unparseable.';
comment on column public.contacts.phone_verified_at is 'Last call answered by a person: proves the number works.';
comment on column public.contacts.do_not_call is 'Never call. Set with a suppression row; never lifted by a disposition or a sync.';
comment on column public.contacts.do_not_call_reason is 'user_requested, legal_requirement or internal_policy.';
comment on column public.contacts.do_not_call_set_at is 'When do-not-call was set.';
comment on column public.contacts.do_not_call_set_by_user_id is 'Who set do-not-call (null: the contact asked on a call).';
comment on column public.contacts.next_action_type is 'Next planned action: call, email, send_materials, schedule_meeting, …';
comment on column public.contacts.next_action_date is 'When the next action is due.';
comment on column public.contacts.next_action_notes is 'Context for the next action.';
comment on column public.contacts.next_action_assigned_to_user_id is 'Rep the next action is assigned to.';
comment on column public.contacts.last_disposition_code is 'Disposition code of the most recent dispositioned call.';
comment on column public.contacts.last_disposition_label is 'Disposition label of the most recent dispositioned call.';
comment on column public.contacts.last_disposition_date is 'When the most recent disposition was set.';
comment on column public.contacts.last_disposition_notes is 'Rep notes of the most recent disposition.';
comment on column public.contacts.gatekeeper_name is 'Name of the assistant or receptionist.';
comment on column public.contacts.gatekeeper_phone_extension is 'Gatekeeper''s extension.';
comment on column public.contacts.gatekeeper_notes is 'Tips for getting past the gatekeeper.';
comment on column public.contacts.call_engagement_score is 'Engagement score 0–100 from connection rate, talk time, dispositions and recency.';
comment on column public.contacts.last_engaged_call_at is 'Last meaningful conversation (over 2 minutes, positive outcome).';
comment on column public.contacts.days_since_last_engaged_call is 'Days since last_engaged_call_at, refreshed nightly.';
comment on column public.contacts.call_stats_last_calculated_at is 'When the call statistics last changed.';
comment on column public.contacts.call_stats_stale is 'Statistics need a recompute (set by reconciliation when drift is found).';
comment on column public.contacts.created_at is 'When the contact was created.';
comment on column public.contacts.updated_at is 'When the contact''s own data last changed (fields, team, owner, status, next action, compliance flags); call statistics and scores do not move it.';

revoke execute on all functions in schema dialbridge from public;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
