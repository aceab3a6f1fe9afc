-- migrate:up
-- Push to dialer, part 2: who may be dialed. Settings, calling hours, deal links and saved segments, the
-- contact filter, do-not-call / suppression blocks and the per-contact validation shared by the preview
-- (public.preview_push) and the push itself (dialbridge.start_push_run), so both always agree.
--
-- Exclusion reasons, in the order they are checked (a contact shows its first reason only):
--   legal_dnc            legal do-not-call: the contact, its number on any contact row, or a legal
--                        suppression of the contact or the number. Never overridable, by anyone.
--   internal_dnc         internal do-not-call (policy) without end date
--   suppressed           internal suppression with an end date ("until …")
--   invalid_phone        flagged bad number (overridable) or unparseable number (not overridable)
--   missing_phone        no number (not overridable)
--   missing_name         first or last name missing
--   recently_contacted   called within the threshold (buyers 7 days, sellers 14, per team; per push)
--   already_in_session   already waiting in an active dial session of the team
--   duplicate_in_list    same number, else same email, else same name + company as an earlier contact
-- Warnings that do not exclude: missing_email, missing_company, phone_unverified (changed, not yet
-- normalised: checked again at push time). Contacts whose local time is outside the calling window are
-- listed separately (they may be dialed later in the day).

-- ---------------------------------------------------------------------------------------------------
-- push_settings
-- ---------------------------------------------------------------------------------------------------
/** Per-team push settings: recently-contacted thresholds, session recency, dial-time estimate, callbacks. */
create table if not exists public.push_settings (
  team_id uuid primary key references public.teams (id) on delete cascade,
  recent_contact_days_buyer integer not null default 7,
  recent_contact_days_seller integer not null default 14,
  recent_contact_days_other integer not null default 7,
  active_session_days integer not null default 14,
  minutes_per_contact numeric(5, 2) not null default 2.5,
  auto_add_callbacks_to_session boolean not null default false,
  updated_by_user_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.push_settings enable row level security;
select dialbridge.ensure_constraint('public.push_settings', 'push_settings_ranges_check',
  $c$check (recent_contact_days_buyer between 0 and 365 and recent_contact_days_seller between 0 and 365
            and recent_contact_days_other between 0 and 365 and active_session_days between 1 and 365
            and minutes_per_contact > 0 and minutes_per_contact <= 60)$c$);

drop trigger if exists _100_timestamps on public.push_settings;
create trigger _100_timestamps before update on public.push_settings
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.push_settings is 'Per-team push settings. A team without a row uses the defaults (buyers 7 days, sellers 14, 2.5 min per contact).';
comment on column public.push_settings.recent_contact_days_buyer is 'Buyers called within this many days are excluded as recently contacted (0: never).';
comment on column public.push_settings.recent_contact_days_seller is 'Sellers called within this many days are excluded as recently contacted (0: never).';
comment on column public.push_settings.recent_contact_days_other is 'Contacts without a type called within this many days are excluded (0: never).';
comment on column public.push_settings.active_session_days is 'A dial session counts as active for duplicate checks while it had activity within this many days.';
comment on column public.push_settings.minutes_per_contact is 'Dial time estimate per contact (ring, talk, disposition), minutes.';
comment on column public.push_settings.auto_add_callbacks_to_session is 'On a callback''s date, push the contact into the rep''s "Callbacks" dial session automatically.';

revoke all on table public.push_settings from anon, authenticated;
grant select on table public.push_settings to authenticated;
grant insert (team_id, recent_contact_days_buyer, recent_contact_days_seller, recent_contact_days_other,
              active_session_days, minutes_per_contact, auto_add_callbacks_to_session, updated_by_user_id),
      update (recent_contact_days_buyer, recent_contact_days_seller, recent_contact_days_other,
              active_session_days, minutes_per_contact, auto_add_callbacks_to_session, updated_by_user_id)
  on table public.push_settings to authenticated;
grant all on table public.push_settings to service_role;

drop policy if exists "Users see their team's push settings" on public.push_settings;
create policy "Users see their team's push settings" on public.push_settings for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Managers create their team's push settings" on public.push_settings;
create policy "Managers create their team's push settings" on public.push_settings for insert to authenticated
  with check ((team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_manager_or_admin()))
              or (select dialbridge.is_admin()));
drop policy if exists "Managers change their team's push settings" on public.push_settings;
create policy "Managers change their team's push settings" on public.push_settings for update to authenticated
  using ((team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_manager_or_admin()))
         or (select dialbridge.is_admin()))
  with check ((team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_manager_or_admin()))
              or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- calling hours
-- ---------------------------------------------------------------------------------------------------
/**
 * Legal calling windows in the called party's local time: 'default' is the federal rule (47 CFR
 * 64.1200(c)(1): 08:00–21:00); 'US-<state>' rows are stricter state rules. Admin-editable.
 */
create table if not exists public.calling_window_rules (
  region text primary key,
  start_local time not null,
  end_local time not null,
  source text,
  updated_at timestamptz not null default now()
);
alter table public.calling_window_rules enable row level security;
select dialbridge.ensure_constraint('public.calling_window_rules', 'calling_window_rules_window_check',
  $c$check (start_local < end_local)$c$);
select dialbridge.ensure_constraint('public.calling_window_rules', 'calling_window_rules_region_check',
  $c$check (region = 'default' or region ~ '^[A-Z]{2}(-[A-Z]{2})?$')$c$);
drop trigger if exists _100_timestamps on public.calling_window_rules;
create trigger _100_timestamps before update on public.calling_window_rules
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.calling_window_rules is 'Calling windows in the called party''s local time: default (federal 08:00–21:00) and stricter state rules (US-FL 08:00–20:00).';
comment on column public.calling_window_rules.region is 'default, a country (US) or a US state (US-FL).';
comment on column public.calling_window_rules.start_local is 'Earliest local time to call.';
comment on column public.calling_window_rules.end_local is 'Latest local time to call (exclusive).';
comment on column public.calling_window_rules.source is 'The rule this window implements.';

insert into public.calling_window_rules (region, start_local, end_local, source) values
  ('default', '08:00', '21:00', '47 CFR 64.1200(c)(1)'),
  ('US-FL', '08:00', '20:00', 'Florida Telephone Solicitation Act, Fla. Stat. 501.059')
on conflict (region) do nothing;

revoke all on table public.calling_window_rules from anon, authenticated;
grant select on table public.calling_window_rules to authenticated;
grant insert (region, start_local, end_local, source), update (start_local, end_local, source), delete
  on table public.calling_window_rules to authenticated;
grant all on table public.calling_window_rules to service_role;
drop policy if exists "Signed-in users read calling windows" on public.calling_window_rules;
create policy "Signed-in users read calling windows" on public.calling_window_rules for select to authenticated
  using (true);
drop policy if exists "Admins add calling windows" on public.calling_window_rules;
create policy "Admins add calling windows" on public.calling_window_rules for insert to authenticated
  with check ((select dialbridge.is_admin()));
drop policy if exists "Admins change calling windows" on public.calling_window_rules;
create policy "Admins change calling windows" on public.calling_window_rules for update to authenticated
  using ((select dialbridge.is_admin())) with check ((select dialbridge.is_admin()));
drop policy if exists "Admins delete calling windows" on public.calling_window_rules;
create policy "Admins delete calling windows" on public.calling_window_rules for delete to authenticated
  using ((select dialbridge.is_admin()));

/**
 * Reference data: the IANA time zones of each US state (several for states split between zones: the
 * calling-hours check uses all of them, the most restrictive way). Private: read by the validation only.
 */
create table if not exists dialbridge.us_state_time_zones (
  state text not null,
  time_zone text not null,
  primary key (state, time_zone)
);
alter table dialbridge.us_state_time_zones enable row level security;
comment on table dialbridge.us_state_time_zones is 'IANA time zones per US state (split states have several).';
insert into dialbridge.us_state_time_zones (state, time_zone) values
  ('AL', 'America/Chicago'), ('AK', 'America/Anchorage'), ('AK', 'America/Adak'), ('AZ', 'America/Phoenix'),
  ('AR', 'America/Chicago'), ('CA', 'America/Los_Angeles'), ('CO', 'America/Denver'), ('CT', 'America/New_York'),
  ('DE', 'America/New_York'), ('DC', 'America/New_York'), ('FL', 'America/New_York'), ('FL', 'America/Chicago'),
  ('GA', 'America/New_York'), ('HI', 'Pacific/Honolulu'), ('ID', 'America/Boise'), ('ID', 'America/Los_Angeles'),
  ('IL', 'America/Chicago'), ('IN', 'America/Indiana/Indianapolis'), ('IN', 'America/Chicago'),
  ('IA', 'America/Chicago'), ('KS', 'America/Chicago'), ('KS', 'America/Denver'),
  ('KY', 'America/New_York'), ('KY', 'America/Chicago'), ('LA', 'America/Chicago'), ('ME', 'America/New_York'),
  ('MD', 'America/New_York'), ('MA', 'America/New_York'), ('MI', 'America/Detroit'), ('MI', 'America/Menominee'),
  ('MN', 'America/Chicago'), ('MS', 'America/Chicago'), ('MO', 'America/Chicago'), ('MT', 'America/Denver'),
  ('NE', 'America/Chicago'), ('NE', 'America/Denver'), ('NV', 'America/Los_Angeles'), ('NH', 'America/New_York'),
  ('NJ', 'America/New_York'), ('NM', 'America/Denver'), ('NY', 'America/New_York'), ('NC', 'America/New_York'),
  ('ND', 'America/Chicago'), ('ND', 'America/Denver'), ('OH', 'America/New_York'), ('OK', 'America/Chicago'),
  ('OR', 'America/Los_Angeles'), ('OR', 'America/Boise'), ('PA', 'America/New_York'), ('RI', 'America/New_York'),
  ('SC', 'America/New_York'), ('SD', 'America/Chicago'), ('SD', 'America/Denver'), ('TN', 'America/Chicago'),
  ('TN', 'America/New_York'), ('TX', 'America/Chicago'), ('TX', 'America/Denver'), ('UT', 'America/Denver'),
  ('VT', 'America/New_York'), ('VA', 'America/New_York'), ('WA', 'America/Los_Angeles'), ('WV', 'America/New_York'),
  ('WI', 'America/Chicago'), ('WY', 'America/Denver'), ('PR', 'America/Puerto_Rico'), ('GU', 'Pacific/Guam'),
  ('VI', 'America/St_Thomas'), ('AS', 'Pacific/Pago_Pago'), ('MP', 'Pacific/Saipan')
on conflict do nothing;

/**
 * The IANA zone names the server knows (pg_timezone_names is a slow directory scan; this copy makes a
 * contact's free-text time zone checkable in a join). Refreshed by each migration run.
 */
create table if not exists dialbridge.time_zone_names (name text primary key);
alter table dialbridge.time_zone_names enable row level security;
comment on table dialbridge.time_zone_names is 'IANA time zone names known to this server (copy of pg_timezone_names).';
insert into dialbridge.time_zone_names (name) select name from pg_catalog.pg_timezone_names on conflict do nothing;

revoke all on table dialbridge.us_state_time_zones, dialbridge.time_zone_names from public, anon, authenticated;
grant select on table dialbridge.us_state_time_zones, dialbridge.time_zone_names to authenticated, service_role;
drop policy if exists "Everyone reads state time zones" on dialbridge.us_state_time_zones;
create policy "Everyone reads state time zones" on dialbridge.us_state_time_zones for select
  to authenticated, service_role using (true);
drop policy if exists "Everyone reads time zone names" on dialbridge.time_zone_names;
create policy "Everyone reads time zone names" on dialbridge.time_zone_names for select
  to authenticated, service_role using (true);

-- ---------------------------------------------------------------------------------------------------
-- deal_contacts
-- ---------------------------------------------------------------------------------------------------
/**
 * Which contacts belong to which deal (SourceCo listing): the deal filter, the `listings` push entity
 * (a deal's main contacts) and the deal context pushed to the dialer (active deals, last deal presented).
 */
create table if not exists public.deal_contacts (
  id uuid primary key default gen_random_uuid(),
  deal_id text not null,
  deal_name text,
  deal_status text not null default 'active',
  contact_id uuid not null references public.contacts (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  is_primary boolean not null default false,
  presented_at timestamptz,
  outcome text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (deal_id, contact_id)
);
alter table public.deal_contacts enable row level security;
select dialbridge.ensure_constraint('public.deal_contacts', 'deal_contacts_deal_status_check',
  $c$check (deal_status in ('active', 'closed', 'passed', 'on_hold'))$c$);
create index if not exists deal_contacts_contact_idx on public.deal_contacts (contact_id);
create index if not exists deal_contacts_team_idx on public.deal_contacts (team_id);
drop trigger if exists _100_timestamps on public.deal_contacts;
create trigger _100_timestamps before update on public.deal_contacts
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.deal_contacts is 'Contacts linked to deals (SourceCo listings): buyers a deal was presented to, a seller''s main contact.';
comment on column public.deal_contacts.deal_id is 'SourceCo''s deal (listing) id.';
comment on column public.deal_contacts.deal_name is 'Deal name shown to reps, e.g. "Collision Repair Platform".';
comment on column public.deal_contacts.deal_status is 'active, closed, passed or on_hold.';
comment on column public.deal_contacts.is_primary is 'The deal''s main contact (pushed for the listings entity).';
comment on column public.deal_contacts.presented_at is 'When the deal was presented to this contact.';
comment on column public.deal_contacts.outcome is 'The contact''s answer, e.g. "Passed - Too early stage".';

revoke all on table public.deal_contacts from anon, authenticated;
grant select on table public.deal_contacts to authenticated;
grant insert (deal_id, deal_name, deal_status, contact_id, team_id, is_primary, presented_at, outcome),
      update (deal_name, deal_status, is_primary, presented_at, outcome),
      delete on table public.deal_contacts to authenticated;
grant all on table public.deal_contacts to service_role;
drop policy if exists "Reps see their team's deal links" on public.deal_contacts;
create policy "Reps see their team's deal links" on public.deal_contacts for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps link their team's contacts to deals" on public.deal_contacts;
create policy "Reps link their team's contacts to deals" on public.deal_contacts for insert to authenticated
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps edit their team's deal links" on public.deal_contacts;
create policy "Reps edit their team's deal links" on public.deal_contacts for update to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Managers remove their team's deal links" on public.deal_contacts;
create policy "Managers remove their team's deal links" on public.deal_contacts for delete to authenticated
  using ((team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_manager_or_admin()))
         or (select dialbridge.is_admin()));

-- ---------------------------------------------------------------------------------------------------
-- the contact filter
-- ---------------------------------------------------------------------------------------------------

/** A JSON string or array of strings as a text array of trimmed, lower-cased values (null otherwise). */
create or replace function dialbridge.jsonb_lower_texts(p_value jsonb) returns text[]
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case pg_catalog.jsonb_typeof(p_value)
    when 'string' then array[pg_catalog.lower(pg_catalog.btrim(p_value #>> '{}'))]
    when 'array' then (select pg_catalog.array_agg(pg_catalog.lower(pg_catalog.btrim(e #>> '{}')))
                         from pg_catalog.jsonb_array_elements(p_value) e where pg_catalog.jsonb_typeof(e) = 'string')
  end
$$;

/**
 * Checks a contact filter and raises DB040 naming the first bad key. Keys: contact_type (buyer|seller),
 * buyer_type, industry, state, geography, deal_id, deal_status (string or array of strings),
 * engagement_min, engagement_max (0–100), last_contact_older_than_days, last_contact_within_days,
 * created_within_days (whole days), never_contacted, dialable_only (booleans), owner_id (uuid),
 * segment_id (uuid or array of uuids), next_action_due_by (date: a call due on or before it),
 * search (text: name, company or email contains). Immutable: usable in check constraints.
 */
create or replace function dialbridge.validate_contact_filter(p_filter jsonb, p_allow_segment boolean default true)
returns boolean
language plpgsql immutable security invoker set search_path = ''
as $$
declare
  v_key text;
  v_value jsonb;
  v_type text;
begin
  if p_filter is null then
    return true;
  end if;
  if pg_catalog.jsonb_typeof(p_filter) <> 'object' then
    raise exception 'the filter must be a JSON object' using errcode = 'DB040';
  end if;
  for v_key, v_value in select * from pg_catalog.jsonb_each(p_filter) loop
    v_type := pg_catalog.jsonb_typeof(v_value);
    if v_type = 'null' then
      continue;
    end if;
    case v_key
      when 'contact_type' then
        if v_type <> 'string' or v_value #>> '{}' not in ('buyer', 'seller') then
          raise exception 'filter contact_type must be "buyer" or "seller"' using errcode = 'DB040';
        end if;
      when 'buyer_type', 'industry', 'state', 'geography', 'deal_id', 'deal_status' then
        if not (v_type = 'string' or (v_type = 'array' and not exists (
                  select 1 from pg_catalog.jsonb_array_elements(v_value) e where pg_catalog.jsonb_typeof(e) <> 'string'))) then
          raise exception 'filter % must be a string or an array of strings', v_key using errcode = 'DB040';
        end if;
      when 'engagement_min', 'engagement_max' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric not between 0 and 100 then
          raise exception 'filter % must be a number from 0 to 100', v_key using errcode = 'DB040';
        end if;
      when 'last_contact_older_than_days', 'last_contact_within_days', 'created_within_days' then
        if v_type <> 'number' or (v_value #>> '{}')::numeric <> pg_catalog.trunc((v_value #>> '{}')::numeric)
           or (v_value #>> '{}')::numeric not between 0 and 36500 then
          raise exception 'filter % must be a whole number of days', v_key using errcode = 'DB040';
        end if;
      when 'never_contacted', 'dialable_only' then
        if v_type <> 'boolean' then
          raise exception 'filter % must be true or false', v_key using errcode = 'DB040';
        end if;
      when 'owner_id' then
        if v_type <> 'string' or v_value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
          raise exception 'filter owner_id must be a uuid' using errcode = 'DB040';
        end if;
      when 'segment_id' then
        if not p_allow_segment then
          raise exception 'a saved segment cannot refer to another segment' using errcode = 'DB040';
        end if;
        if not ((v_type = 'string' and v_value #>> '{}' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
                or (v_type = 'array' and pg_catalog.jsonb_array_length(v_value) > 0 and not exists (
                  select 1 from pg_catalog.jsonb_array_elements(v_value) e
                   where pg_catalog.jsonb_typeof(e) <> 'string'
                      or e #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'))) then
          raise exception 'filter segment_id must be a uuid or an array of uuids' using errcode = 'DB040';
        end if;
      when 'next_action_due_by' then
        if v_type <> 'string' or v_value #>> '{}' !~ '^\d{4}-\d{2}-\d{2}$' then
          raise exception 'filter next_action_due_by must be a date (YYYY-MM-DD)' using errcode = 'DB040';
        end if;
      when 'search' then
        if v_type <> 'string' or pg_catalog.length(v_value #>> '{}') > 200 then
          raise exception 'filter search must be a string of at most 200 characters' using errcode = 'DB040';
        end if;
      else
        raise exception 'unknown filter key "%"', v_key using errcode = 'DB040',
          hint = 'contact_type, buyer_type, industry, state, geography, engagement_min, engagement_max, last_contact_older_than_days, last_contact_within_days, never_contacted, created_within_days, deal_id, deal_status, segment_id, owner_id, next_action_due_by, search, dialable_only';
    end case;
  end loop;
  return true;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- contact_segments (saved filters)
-- ---------------------------------------------------------------------------------------------------
/** Saved, dynamic segments ("Inactive PE Buyers - 90+ Days"): a name and a contact filter. */
create table if not exists public.contact_segments (
  id uuid primary key default gen_random_uuid(),
  team_id uuid references public.teams (id) on delete cascade,
  name text not null,
  description text,
  filter jsonb not null default '{}'::jsonb,
  created_by_user_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.contact_segments enable row level security;
select dialbridge.ensure_constraint('public.contact_segments', 'contact_segments_filter_check',
  $c$check (dialbridge.validate_contact_filter(filter, false))$c$);
create index if not exists contact_segments_team_idx on public.contact_segments (team_id);
create index if not exists contact_segments_created_by_idx on public.contact_segments (created_by_user_id);
drop trigger if exists _100_timestamps on public.contact_segments;
create trigger _100_timestamps before update on public.contact_segments
  for each row execute function dialbridge.tg__set_updated_at();

comment on table public.contact_segments is 'Saved dynamic segments: a contact filter re-evaluated on every use (push entity contact_list, filter segment_id).';
comment on column public.contact_segments.name is 'Segment name, e.g. "Inactive PE Buyers - 90+ Days".';
comment on column public.contact_segments.filter is 'The contact filter (same keys as preview_push''s filter, without segment_id).';

revoke all on table public.contact_segments from anon, authenticated;
grant select on table public.contact_segments to authenticated;
grant insert (team_id, name, description, filter, created_by_user_id), update (name, description, filter), delete
  on table public.contact_segments to authenticated;
grant all on table public.contact_segments to service_role;
drop policy if exists "Reps see their team's segments" on public.contact_segments;
create policy "Reps see their team's segments" on public.contact_segments for select to authenticated
  using (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps save segments for their team" on public.contact_segments;
create policy "Reps save segments for their team" on public.contact_segments for insert to authenticated
  with check ((team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()))
              and created_by_user_id = (select auth.uid()));
drop policy if exists "Reps edit their own segments, managers the team's" on public.contact_segments;
create policy "Reps edit their own segments, managers the team's" on public.contact_segments for update to authenticated
  using ((team_id = (select dialbridge.current_team_id())
          and (created_by_user_id = (select auth.uid()) or (select dialbridge.is_manager_or_admin())))
         or (select dialbridge.is_admin()))
  with check (team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Reps delete their own segments, managers the team's" on public.contact_segments;
create policy "Reps delete their own segments, managers the team's" on public.contact_segments for delete to authenticated
  using ((team_id = (select dialbridge.current_team_id())
          and (created_by_user_id = (select auth.uid()) or (select dialbridge.is_manager_or_admin())))
         or (select dialbridge.is_admin()));

/**
 * The contacts matching a filter without segments, as the caller sees them (security invoker: RLS
 * applies). dialable_only is applied by dialbridge.contacts_matching.
 */
create or replace function dialbridge.contacts_matching_filter(p_filter jsonb, as_of timestamptz default now())
returns setof uuid
language sql stable security invoker set search_path = ''
as $$
  select c.id
    from public.contacts c
   where (p_filter ->> 'contact_type' is null or c.contact_type = p_filter ->> 'contact_type')
     and (dialbridge.jsonb_lower_texts(p_filter -> 'buyer_type') is null
          or pg_catalog.lower(c.buyer_type) = any (dialbridge.jsonb_lower_texts(p_filter -> 'buyer_type')))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'industry') is null
          or pg_catalog.lower(c.industry) = any (dialbridge.jsonb_lower_texts(p_filter -> 'industry'))
          or exists (select 1 from pg_catalog.unnest(c.target_sectors) t
                      where pg_catalog.lower(t) = any (dialbridge.jsonb_lower_texts(p_filter -> 'industry'))))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'state') is null
          or pg_catalog.lower(c.state) = any (dialbridge.jsonb_lower_texts(p_filter -> 'state')))
     and (dialbridge.jsonb_lower_texts(p_filter -> 'geography') is null
          or pg_catalog.lower(c.state) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))
          or pg_catalog.lower(c.city) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))
          or exists (select 1 from pg_catalog.unnest(c.target_geographies) g
                      where pg_catalog.lower(g) = any (dialbridge.jsonb_lower_texts(p_filter -> 'geography'))))
     and (p_filter -> 'engagement_min' is null or pg_catalog.jsonb_typeof(p_filter -> 'engagement_min') = 'null'
          or c.call_engagement_score >= (p_filter ->> 'engagement_min')::numeric)
     and (p_filter -> 'engagement_max' is null or pg_catalog.jsonb_typeof(p_filter -> 'engagement_max') = 'null'
          or c.call_engagement_score <= (p_filter ->> 'engagement_max')::numeric)
     and (p_filter ->> 'last_contact_older_than_days' is null
          or c.last_call_attempt_at is null
          or c.last_call_attempt_at < as_of - pg_catalog.make_interval(days => (p_filter ->> 'last_contact_older_than_days')::integer))
     and (p_filter ->> 'last_contact_within_days' is null
          or c.last_call_attempt_at >= as_of - pg_catalog.make_interval(days => (p_filter ->> 'last_contact_within_days')::integer))
     and (p_filter ->> 'created_within_days' is null
          or c.created_at >= as_of - pg_catalog.make_interval(days => (p_filter ->> 'created_within_days')::integer))
     and (p_filter ->> 'never_contacted' is null
          or (c.last_call_attempt_at is null) = (p_filter ->> 'never_contacted')::boolean)
     and (p_filter ->> 'owner_id' is null or c.owner_id = (p_filter ->> 'owner_id')::uuid)
     and (p_filter ->> 'next_action_due_by' is null
          or (c.next_action_type = 'call' and c.next_action_date <= (p_filter ->> 'next_action_due_by')::date))
     and (p_filter ->> 'search' is null or pg_catalog.btrim(p_filter ->> 'search') = ''
          or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', c.first_name, c.last_name, c.company, c.email)),
                               pg_catalog.lower(pg_catalog.btrim(p_filter ->> 'search'))) > 0)
     and ((dialbridge.jsonb_lower_texts(p_filter -> 'deal_id') is null
           and dialbridge.jsonb_lower_texts(p_filter -> 'deal_status') is null)
          or exists (select 1 from public.deal_contacts d
                      where d.contact_id = c.id
                        and (dialbridge.jsonb_lower_texts(p_filter -> 'deal_id') is null
                             or pg_catalog.lower(d.deal_id) = any (dialbridge.jsonb_lower_texts(p_filter -> 'deal_id')))
                        and (dialbridge.jsonb_lower_texts(p_filter -> 'deal_status') is null
                             or d.deal_status = any (dialbridge.jsonb_lower_texts(p_filter -> 'deal_status')))))
$$;

-- ---------------------------------------------------------------------------------------------------
-- do-not-call and suppression blocks
-- ---------------------------------------------------------------------------------------------------

/** A suppression or do-not-call reason code as words ("user_requested" → "User requested"). */
create or replace function dialbridge.humanize_reason(p_reason text) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when p_reason is null or pg_catalog.btrim(p_reason) = '' then null
              else pg_catalog.upper(pg_catalog.left(pg_catalog.replace(pg_catalog.btrim(p_reason), '_', ' '), 1))
                   || pg_catalog.lower(pg_catalog.substr(pg_catalog.replace(pg_catalog.btrim(p_reason), '_', ' '), 2)) end
$$;

/**
 * What blocks dialing each contact, strongest first per contact: legal_dnc, internal_dnc (no end date) or
 * suppressed (with the end date). The suppression rules are the disposition engine's
 * (dialbridge.suppression_statuses: the contact's own suppressions and do-not-call flag, legal
 * suppressions of its number whoever recorded them, number-only rows); in addition a number marked
 * do-not-call on any other contact row (legal: any team) blocks it, matched on the libphonenumber-normalised
 * phone_e164. Security definer so that a number's legal status is found whatever team recorded it; callers
 * only learn about contacts they can see (explicit team check), never about the other rows. Set-based for
 * the preview's 10,000-contact lists.
 */
create or replace function dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamptz default now())
returns table (contact_id uuid, block text, detail text, blocked_until timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_all boolean;
  v_team uuid;
  v_visible uuid[];
  v_ids uuid[];
  v_phones text[];
begin
  if v_uid is null then
    -- server-side callers only: the service role, or a direct connection without request claims
    v_all := coalesce(auth.role(), 'service_role') = 'service_role';
  else
    v_all := dialbridge.is_admin();
    v_team := dialbridge.current_team_id();
  end if;
  if not v_all and v_team is null then
    return;
  end if;
  v_visible := array(select c.id from public.contacts c where c.id = any (p_contact_ids) and (v_all or c.team_id = v_team));
  -- the engine's rules are asked only about contacts with something to find (do-not-call flag, a
  -- suppression row of the contact or of its number): the same answer, without normalising thousands of
  -- clean numbers again (a valid phone_e164 is its own suppression key)
  select pg_catalog.array_agg(c.id order by c.id), pg_catalog.array_agg(coalesce(c.phone_e164, c.phone) order by c.id)
    into v_ids, v_phones
    from public.contacts c
   where c.id = any (v_visible)
     and (c.do_not_call
          or exists (select 1 from public.suppressions s where s.contact_id = c.id)
          or exists (select 1 from public.suppressions s
                      where s.phone_e164 = coalesce(c.phone_e164, dialbridge.suppression_phone(c.phone))));

  return query
  with hits as (
    select s.contact_id as id,
           case when s.is_legal then 'legal_dnc' when s.until is null then 'internal_dnc' else 'suppressed' end as kind,
           case when s.is_legal and s.reason = 'user_requested' then 'Requested removal'
                when s.is_legal and s.reason = 'legal_requirement' then 'Legal DNC list'
                else coalesce(dialbridge.humanize_reason(s.reason), 'Suppressed') end as detail,
           s.until, 1 as src
      from dialbridge.suppression_statuses(coalesce(v_ids, '{}'), coalesce(v_phones, '{}'), as_of) s
     where s.is_suppressed
    union all
    select c.id, 'legal_dnc', 'Number marked do-not-call on another contact', null::timestamptz, 2
      from public.contacts c
      join public.contacts o on o.phone_e164 = c.phone_e164 and o.id <> c.id
     where c.id = any (v_visible) and c.phone_e164 is not null and o.do_not_call
  )
  select distinct on (h.id) h.id, h.kind, h.detail, h.until
    from hits h
   order by h.id, case h.kind when 'legal_dnc' then 1 when 'internal_dnc' then 2 else 3 end,
            h.until desc nulls first, h.src;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- resolving a filter
-- ---------------------------------------------------------------------------------------------------

/**
 * The contacts a filter selects, as the caller sees them (RLS applies): segment_id resolves saved
 * segments (any of them), the other keys narrow further; dialable_only keeps contacts with a valid
 * number that nothing blocks.
 */
create or replace function dialbridge.contacts_matching(p_filter jsonb, as_of timestamptz default now())
returns setof uuid
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_filter jsonb := coalesce(p_filter, '{}'::jsonb);
  v_segments uuid[];
  v_ids uuid[];
begin
  perform dialbridge.validate_contact_filter(v_filter);
  if v_filter ? 'segment_id' and pg_catalog.jsonb_typeof(v_filter -> 'segment_id') <> 'null' then
    v_segments := case pg_catalog.jsonb_typeof(v_filter -> 'segment_id')
      when 'string' then array[(v_filter ->> 'segment_id')::uuid]
      else (select pg_catalog.array_agg(e::uuid) from pg_catalog.jsonb_array_elements_text(v_filter -> 'segment_id') e) end;
    if (select pg_catalog.count(*) from public.contact_segments s where s.id = any (v_segments))
       < pg_catalog.cardinality(array(select distinct pg_catalog.unnest(v_segments))) then
      raise exception 'saved segment not found' using errcode = 'DB043';
    end if;
    v_ids := array(
      select m from public.contact_segments s, dialbridge.contacts_matching_filter(s.filter, as_of) m
       where s.id = any (v_segments)
      intersect
      select m from dialbridge.contacts_matching_filter(v_filter - 'segment_id', as_of) m);
  else
    v_ids := array(select dialbridge.contacts_matching_filter(v_filter, as_of));
  end if;

  if coalesce((v_filter ->> 'dialable_only')::boolean, false) then
    return query
      select c.id from public.contacts c
       where c.id = any (v_ids)
         and c.phone_status is distinct from 'invalid' and c.phone_status is distinct from 'missing'
         and not c.phone_number_invalid and not c.do_not_call
         and c.id not in (select b.contact_id from dialbridge.push_blocks(v_ids, as_of) b);
  else
    return query select pg_catalog.unnest(v_ids);
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- options
-- ---------------------------------------------------------------------------------------------------

/**
 * Checks push options and raises DB040 naming the first bad key. Keys: skip_recently_contacted,
 * update_existing, skip_duplicates, auto_start (booleans); skip_recent_days (0–365; one threshold for every
 * contact instead of the team's per-type ones; 0 = do not skip); target_session_id (uuid of an existing
 * session to add to); overrides ([{contact_id, reason}]: force-include excluded contacts, with why);
 * detail_limit (contacts listed per group, 0–10000); session_name; api_style (dialsession | seed);
 * batch_size (1–500).
 */
create or replace function dialbridge.validate_push_options(p_options jsonb) returns boolean
language plpgsql immutable security invoker set search_path = ''
as $$
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
           or (v_value #>> '{}')::numeric not between 1 and 500 then
          raise exception 'option batch_size must be a whole number from 1 to 500' using errcode = 'DB040';
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
$$;

-- ---------------------------------------------------------------------------------------------------
-- per-contact validation
-- ---------------------------------------------------------------------------------------------------

/** Display order of exclusion reasons (the order they are checked in). */
create or replace function dialbridge.push_reason_rank(p_reason text) returns integer
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select pg_catalog.array_position(array['legal_dnc', 'internal_dnc', 'suppressed', 'invalid_phone', 'missing_phone',
    'missing_name', 'recently_contacted', 'already_in_session', 'duplicate_in_list'], p_reason)
$$;

/** The words the push modal shows for an exclusion reason or warning. */
create or replace function dialbridge.push_reason_label(p_reason text) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case p_reason
    when 'legal_dnc' then 'Legal do-not-call'
    when 'internal_dnc' then 'Internal do-not-call'
    when 'suppressed' then 'Suppressed'
    when 'invalid_phone' then 'Invalid phone number'
    when 'missing_phone' then 'Missing phone number'
    when 'missing_name' then 'Missing first or last name'
    when 'recently_contacted' then 'Recently contacted'
    when 'already_in_session' then 'Already in an active session'
    when 'duplicate_in_list' then 'Duplicate in this list'
    when 'missing_email' then 'Missing email (pushed without)'
    when 'missing_company' then 'Missing company (pushed without)'
    when 'phone_unverified' then 'Number changed, checked again at push'
    else p_reason end
$$;

/** "called today", "called 1 day ago", "called 5 days ago". */
create or replace function dialbridge.called_ago(p_at timestamptz, as_of timestamptz default now()) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when p_at is null then null
              when pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400) < 1 then 'Called today'
              when pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400) = 1 then 'Called 1 day ago'
              else 'Called ' || pg_catalog.floor(extract(epoch from (as_of - p_at)) / 86400)::integer || ' days ago' end
$$;

/**
 * Validates contacts for a push, one row per distinct contact the caller can see (security invoker: RLS
 * applies), in the given order: status ready or excluded, the first exclusion reason with its detail,
 * whether it may be overridden (and was), warnings, and the contact's local time against the calling
 * window. Options as in dialbridge.validate_push_options. p_for_push: a number changed but not yet
 * normalised is excluded (the push normalises first; the preview only warns).
 *
 * An override forces a contact in past every overridable reason; legal do-not-call, a missing number and
 * an unparseable number can never be overridden (override_refused marks such attempts).
 */
create or replace function dialbridge.push_candidates(
  p_contact_ids uuid[], p_options jsonb default '{}'::jsonb, as_of timestamptz default now(),
  p_for_push boolean default false
) returns table (
  contact_id uuid, ord integer, team_id uuid, display_name text, company text, contact_type text,
  phone_e164 text, email text, status text, reason text, detail text, blocked_until timestamptz,
  is_overridable boolean, is_overridden boolean, overridden_reason text, override_reason text,
  override_refused boolean, action text, warnings text[], time_zone text, local_time text,
  is_outside_calling_hours boolean, last_call_attempt_at timestamptz
)
language plpgsql stable security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  v_options jsonb := coalesce(p_options, '{}'::jsonb);
  v_skip_recent boolean;
  v_recent_days integer;
  v_update_existing boolean;
  v_target uuid;
begin
  perform dialbridge.validate_push_options(v_options);
  v_skip_recent := coalesce((v_options ->> 'skip_recently_contacted')::boolean, true);
  v_recent_days := (v_options ->> 'skip_recent_days')::integer;
  v_update_existing := coalesce((v_options ->> 'update_existing')::boolean, true);
  v_target := (v_options ->> 'target_session_id')::uuid;

  return query
  with input as (
    select x.id, pg_catalog.min(x.n)::integer as ord
      from pg_catalog.unnest(p_contact_ids) with ordinality as x(id, n)
     where x.id is not null
     group by x.id
  ), base as (
    select c.id, i.ord, c.team_id, c.first_name, c.last_name, c.company, c.contact_type, c.email, c.phone,
           c.phone_e164, c.phone_status, c.phone_number_invalid, c.phone_number_invalid_reason,
           c.last_call_attempt_at, c.timezone, c.state, c.country,
           nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', nullif(pg_catalog.btrim(c.first_name), ''),
                                                         nullif(pg_catalog.btrim(c.last_name), ''))), '') as full_name,
           case when not v_skip_recent then 0
                when v_recent_days is not null then v_recent_days
                when c.contact_type = 'buyer' then coalesce(ps.recent_contact_days_buyer, 7)
                when c.contact_type = 'seller' then coalesce(ps.recent_contact_days_seller, 14)
                else coalesce(ps.recent_contact_days_other, 7) end as recent_days,
           coalesce(ps.active_session_days, 14) as active_session_days
      from input i
      join public.contacts c on c.id = i.id
      left join public.push_settings ps on ps.team_id = c.team_id
  ), blocks as (
    select b.* from dialbridge.push_blocks(array(select base.id from base), as_of) b
  ), sessions as (
    select distinct on (m.contact_id) m.contact_id, s.id as session_id, s.session_name, m.added_at
      from public.phoneburner_session_contacts m
      join public.phoneburner_sessions s on s.id = m.session_id
      join base on base.id = m.contact_id
     where s.session_status = 'active' and s.deleted_at is null
       and m.state in ('pending', 'dialed')
       and (s.id = v_target
            or coalesce(s.last_activity_at, s.created_at) >= as_of - pg_catalog.make_interval(days => base.active_session_days))
     order by m.contact_id, (s.id is not distinct from v_target) desc, m.added_at desc
  ), overrides as (
    select distinct on ((o ->> 'contact_id')::uuid) (o ->> 'contact_id')::uuid as id,
           nullif(pg_catalog.btrim(o ->> 'reason'), '') as why
      from pg_catalog.jsonb_array_elements(coalesce(v_options -> 'overrides', '[]'::jsonb)) o
     order by (o ->> 'contact_id')::uuid
  ), checked as (
    select b.*, bl.block, bl.detail as block_detail, bl.blocked_until, s.session_id, s.session_name, s.added_at,
           coalesce(s.session_id is not null and s.session_id = v_target, false) as in_target,
           ov.id is not null as has_override, ov.why,
           case
             when bl.block is not null then bl.block
             when b.phone_status = 'invalid' then 'invalid_phone'
             when b.phone_status = 'missing' or b.phone_status is null then 'missing_phone'
             when b.phone_status = 'pending' and p_for_push then 'invalid_phone'
             when b.phone_number_invalid then 'invalid_phone'
             when nullif(pg_catalog.btrim(b.first_name), '') is null or nullif(pg_catalog.btrim(b.last_name), '') is null then 'missing_name'
             when b.recent_days > 0 and b.last_call_attempt_at >= as_of - pg_catalog.make_interval(days => b.recent_days) then 'recently_contacted'
             when s.session_id is not null and not (s.session_id is not distinct from v_target and v_update_existing) then 'already_in_session'
           end as first_reason
      from base b
      left join blocks bl on bl.contact_id = b.id
      left join sessions s on s.contact_id = b.id
      left join overrides ov on ov.id = b.id
  ), classified as (
    select k.*,
           case
             when k.first_reason is null then null
             when k.first_reason in ('legal_dnc', 'missing_phone') then false
             when k.first_reason = 'invalid_phone' then k.phone_status = 'valid'
             else true end as overridable
      from checked k
  ), pre as (
    -- ready before duplicate checks: no reason, or overridden past an overridable one
    select k.*, (k.first_reason is null or (k.overridable and k.has_override)) as pre_ready
      from classified k
  ), dup_phone as (
    select p.id,
           pg_catalog.first_value(p.full_name) over w as first_name_seen,
           pg_catalog.row_number() over w as rn
      from pre p
     where p.pre_ready and p.phone_e164 is not null
    window w as (partition by p.phone_e164 order by p.ord)
  ), after_phone as (
    select p.*, dp.first_name_seen as phone_dup_of
      from pre p
      left join dup_phone dp on dp.id = p.id and dp.rn > 1
  ), dup_email as (
    select p.id, pg_catalog.first_value(p.full_name) over w as first_name_seen, pg_catalog.row_number() over w as rn
      from after_phone p
     where p.pre_ready and p.phone_dup_of is null and nullif(pg_catalog.btrim(p.email), '') is not null
    window w as (partition by pg_catalog.lower(pg_catalog.btrim(p.email)) order by p.ord)
  ), after_email as (
    select p.*, de.first_name_seen as email_dup_of
      from after_phone p
      left join dup_email de on de.id = p.id and de.rn > 1
  ), dup_name as (
    select p.id, pg_catalog.row_number() over w as rn
      from after_email p
     where p.pre_ready and p.phone_dup_of is null and p.email_dup_of is null
       and p.full_name is not null and nullif(pg_catalog.btrim(p.company), '') is not null
    window w as (partition by pg_catalog.lower(p.full_name), pg_catalog.lower(pg_catalog.btrim(p.company)) order by p.ord)
  ), deduped as (
    select p.*,
           case when p.phone_dup_of is not null then 'Same phone as ' || coalesce(p.phone_dup_of, 'an earlier contact')
                when p.email_dup_of is not null then 'Same email as ' || coalesce(p.email_dup_of, 'an earlier contact')
                when dn.id is not null then 'Same name and company as an earlier contact' end as dup_detail
      from after_email p
      left join dup_name dn on dn.id = p.id and dn.rn > 1
  ), final as (
    select d.*,
           coalesce(d.first_reason, case when d.dup_detail is not null then 'duplicate_in_list' end) as natural_reason
      from deduped d
  ), zones as (
    -- candidate time zones: the contact's own, else its US state's, else every US zone for a +1 number
    -- (the preview shows calling hours; a push does not need them)
    select f.id, z.tz
      from final f
      cross join lateral (
        select tzn.name as tz from dialbridge.time_zone_names tzn where tzn.name = pg_catalog.btrim(f.timezone)
        union all
        select st.time_zone from dialbridge.us_state_time_zones st
         where st.state = pg_catalog.upper(pg_catalog.btrim(f.state))
           and not exists (select 1 from dialbridge.time_zone_names t2 where t2.name = pg_catalog.btrim(f.timezone))
        union all
        select u.tz from pg_catalog.unnest(array['America/New_York', 'America/Chicago', 'America/Denver',
                 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu']) u(tz)
         where f.phone_e164 like '+1%'
           and not exists (select 1 from dialbridge.time_zone_names t2 where t2.name = pg_catalog.btrim(f.timezone))
           and not exists (select 1 from dialbridge.us_state_time_zones s2 where s2.state = pg_catalog.upper(pg_catalog.btrim(f.state)))
      ) z
     where not p_for_push
  ), hours as (
    select zz.id,
           pg_catalog.string_agg(zz.tz, ', ' order by zz.tz) as tzs,
           pg_catalog.string_agg(pg_catalog.to_char(as_of at time zone zz.tz, 'HH24:MI'), ', ' order by zz.tz) as local_times,
           pg_catalog.bool_or(not ((as_of at time zone zz.tz)::time >= w.start_local
                                   and (as_of at time zone zz.tz)::time < w.end_local)) as outside
      from zones zz
      join final f on f.id = zz.id
      cross join lateral (
        select r.start_local, r.end_local from public.calling_window_rules r
         where r.region in ('US-' || pg_catalog.upper(pg_catalog.btrim(f.state)), 'default')
         order by r.region = 'default' limit 1) w
     group by zz.id
  )
  select f.id, f.ord, f.team_id,
         coalesce(f.full_name, nullif(pg_catalog.btrim(f.email), ''), f.phone, 'Unnamed contact'),
         nullif(pg_catalog.btrim(f.company), ''), f.contact_type, f.phone_e164, nullif(pg_catalog.btrim(f.email), ''),
         case when f.natural_reason is null or (f.has_override and coalesce(f.overridable, true)) then 'ready' else 'excluded' end,
         case when f.natural_reason is null or (f.has_override and coalesce(f.overridable, true)) then null else f.natural_reason end,
         case f.natural_reason
           when 'legal_dnc' then f.block_detail
           when 'internal_dnc' then f.block_detail
           when 'suppressed' then f.block_detail || ' (until ' || pg_catalog.to_char(f.blocked_until at time zone 'UTC', 'YYYY-MM-DD') || ')'
           when 'invalid_phone' then case
             when f.phone_status = 'invalid' then 'Number cannot be read as a phone number'
             when f.phone_status = 'pending' then 'Number changed and not verified yet'
             else 'Flagged: ' || coalesce(pg_catalog.lower(dialbridge.humanize_reason(f.phone_number_invalid_reason)), 'known bad number') end
           when 'missing_phone' then 'No phone number'
           when 'missing_name' then case when nullif(pg_catalog.btrim(f.first_name), '') is null then 'No first name' else 'No last name' end
           when 'recently_contacted' then dialbridge.called_ago(f.last_call_attempt_at, as_of)
           when 'already_in_session' then case when f.in_target then 'Already in this session'
             else 'In "' || f.session_name || '" since ' || pg_catalog.to_char(f.added_at at time zone 'UTC', 'YYYY-MM-DD') end
           when 'duplicate_in_list' then f.dup_detail
         end,
         case when f.natural_reason = 'suppressed' then f.blocked_until end,
         coalesce(f.overridable, f.natural_reason is not null),
         f.natural_reason is not null and f.has_override and coalesce(f.overridable, true),
         case when f.natural_reason is not null and f.has_override and coalesce(f.overridable, true) then f.natural_reason end,
         case when f.natural_reason is not null and f.has_override and coalesce(f.overridable, true) then f.why end,
         f.natural_reason is not null and f.has_override and not coalesce(f.overridable, true),
         case when f.in_target then 'update' else 'add' end,
         array_remove(array[
           case when nullif(pg_catalog.btrim(f.email), '') is null then 'missing_email' end,
           case when nullif(pg_catalog.btrim(f.company), '') is null then 'missing_company' end,
           case when f.phone_status = 'pending' and not p_for_push then 'phone_unverified' end], null),
         h.tzs, h.local_times, coalesce(h.outside, false), f.last_call_attempt_at
    from final f
    left join hours h on h.id = f.id
   order by f.ord;
end
$$;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.jsonb_lower_texts(jsonb), dialbridge.validate_contact_filter(jsonb, boolean),
  dialbridge.contacts_matching_filter(jsonb, timestamptz), dialbridge.contacts_matching(jsonb, timestamptz),
  dialbridge.humanize_reason(text), dialbridge.push_blocks(uuid[], timestamptz),
  dialbridge.validate_push_options(jsonb), dialbridge.push_reason_rank(text), dialbridge.push_reason_label(text),
  dialbridge.called_ago(timestamptz, timestamptz),
  dialbridge.push_candidates(uuid[], jsonb, timestamptz, boolean)
  to authenticated, service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
