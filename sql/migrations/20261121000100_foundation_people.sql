-- migrate:up
-- Foundation, part 1: the private schema, shared helpers, teams, profiles and per-rep PhoneBurner tokens.
--
-- Layout (see docs/architecture.md):
--   public      tables the Supabase frontend already reads by name (contacts, contact_activities, …),
--               every one with RLS; plus the RPCs the frontend calls.
--   dialbridge  private: helpers, trigger functions, the event projection. Not exposed by PostgREST.
--   reports     documented views for Metabase and the frontend (added by the reporting migrations).
--
-- Every statement is re-runnable: migrations apply twice without error, and on top of a database that
-- already has SourceCo's own tables.

create schema if not exists dialbridge;
comment on schema dialbridge is 'dialbridge internals: helpers, trigger functions, event projection. Not exposed through the API.';
revoke all on schema dialbridge from public;
grant usage on schema dialbridge to authenticated, service_role;

-- Functions are executable by PUBLIC by default and that default cannot be revoked per schema, so each
-- migration ends with `revoke execute on all functions in schema dialbridge from public` and grants
-- what the API roles need explicitly.

/**
 * Adds a constraint when it does not exist yet. Constraints on tables that may pre-exist with user data
 * (contacts) are added NOT VALID: enforced for every new or changed row, never failing the migration
 * on legacy rows (report them with `select * from contacts where not (<check>)`).
 */
create or replace function dialbridge.ensure_constraint(
  p_table regclass, p_name text, p_definition text, p_not_valid boolean default false
) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if not exists (select 1 from pg_catalog.pg_constraint where conrelid = p_table and conname = p_name) then
    execute format('alter table %s add constraint %I %s%s', p_table, p_name, p_definition,
                   case when p_not_valid then ' not valid' else '' end);
  end if;
end
$$;

/** Trigger function: keeps updated_at current on every update. */
create or replace function dialbridge.tg__set_updated_at() returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

/** Normalised disposition label: case-, space- and punctuation-insensitive ("Not  Interested" = "not-interested"). */
create or replace function dialbridge.normalize_label(p_label text) returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select nullif(pg_catalog.regexp_replace(pg_catalog.lower(p_label), '[^a-z0-9]+', '', 'g'), '')
$$;
grant execute on function dialbridge.normalize_label(text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- teams
-- ---------------------------------------------------------------------------------------------------
/** A calling team. Visibility of contacts, calls, sessions and tasks is scoped by team. */
create table if not exists public.teams (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.teams enable row level security;
comment on table public.teams is 'Calling teams. Reps and managers see the rows of their own team; admins see all.';
comment on column public.teams.id is 'Team id (uuid).';
comment on column public.teams.name is 'Team name shown in reports.';
comment on column public.teams.created_at is 'When the team was created.';
comment on column public.teams.updated_at is 'When the team last changed.';

drop trigger if exists _100_timestamps on public.teams;
create trigger _100_timestamps before update on public.teams
  for each row execute function dialbridge.tg__set_updated_at();

-- ---------------------------------------------------------------------------------------------------
-- profiles
-- ---------------------------------------------------------------------------------------------------
/** One row per auth.users row: the rep's team, role and PhoneBurner identity. */
create table if not exists public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  team_id uuid references public.teams (id) on delete set null,
  role text not null default 'rep',
  display_name text,
  email text,
  phoneburner_user_id text unique,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
select dialbridge.ensure_constraint('public.profiles', 'profiles_role_check',
  $c$check (role in ('rep', 'manager', 'admin'))$c$);
create index if not exists profiles_team_id_idx on public.profiles (team_id);

comment on table public.profiles is 'SourceCo users (one per auth.users row): team, role and PhoneBurner user id.';
comment on column public.profiles.role is 'rep: works the team''s contacts; manager: also deletes and manages the team''s rows; admin: everything, including disposition mappings.';
comment on column public.profiles.display_name is 'Name shown on activities and scorecards.';
comment on column public.profiles.phoneburner_user_id is 'PhoneBurner''s user id for this rep (agent.user_id in callbacks); used to attribute calls.';
comment on column public.profiles.is_active is 'Inactive users keep their history but see nothing.';
comment on column public.profiles.team_id is 'The team whose contacts, calls and sessions this user works.';
comment on column public.profiles.id is 'The auth.users id of this user.';
comment on column public.profiles.email is 'Sign-in email (copied from auth.users when the profile is created).';
comment on column public.profiles.created_at is 'When the profile was created.';
comment on column public.profiles.updated_at is 'When the profile last changed.';

drop trigger if exists _100_timestamps on public.profiles;
create trigger _100_timestamps before update on public.profiles
  for each row execute function dialbridge.tg__set_updated_at();

/** Creates the profile of every new auth user (Supabase pattern: trigger on auth.users). */
create or replace function dialbridge.tg_users__create_profile() returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, email, display_name)
  values (new.id, new.email,
          coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name', new.email))
  on conflict (id) do nothing;
  return new;
end
$$;
drop trigger if exists _500_create_profile on auth.users;
create trigger _500_create_profile after insert on auth.users
  for each row execute function dialbridge.tg_users__create_profile();

-- RLS helpers. security definer: they read profiles without recursing into profiles' own policies.
-- Policies call them wrapped in (select …) so they run once per statement, not once per row.

/** The caller's team (null for anon, unknown or inactive users). */
create or replace function dialbridge.current_team_id() returns uuid
language sql stable security definer set search_path = ''
as $$
  select p.team_id from public.profiles p where p.id = auth.uid() and p.is_active
$$;

/** The caller's application role: rep, manager, admin (null for anon, unknown or inactive users). */
create or replace function dialbridge.current_app_role() returns text
language sql stable security definer set search_path = ''
as $$
  select p.role from public.profiles p where p.id = auth.uid() and p.is_active
$$;

/** The caller's PhoneBurner user id: a user may not re-point call attribution at someone else's calls. */
create or replace function dialbridge.current_phoneburner_user_id() returns text
language sql stable security definer set search_path = ''
as $$
  select p.phoneburner_user_id from public.profiles p where p.id = auth.uid() and p.is_active
$$;

/** Whether the caller is an active admin. */
create or replace function dialbridge.is_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select p.role = 'admin' from public.profiles p where p.id = auth.uid() and p.is_active), false)
$$;

/** Managers (of the caller's team) and admins: may delete the team's rows. */
create or replace function dialbridge.is_manager_or_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select p.role in ('manager', 'admin') from public.profiles p where p.id = auth.uid() and p.is_active), false)
$$;

grant execute on function dialbridge.current_team_id(), dialbridge.current_app_role(),
  dialbridge.current_phoneburner_user_id(), dialbridge.is_admin(), dialbridge.is_manager_or_admin()
  to authenticated, service_role;

-- teams: privileges and policies
revoke all on table public.teams from anon, authenticated;
grant select on table public.teams to authenticated;
grant insert (name), update (name), delete on table public.teams to authenticated;
grant all on table public.teams to service_role;

drop policy if exists "Users see their own team" on public.teams;
create policy "Users see their own team" on public.teams for select to authenticated
  using (id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Admins create teams" on public.teams;
create policy "Admins create teams" on public.teams for insert to authenticated
  with check ((select dialbridge.is_admin()));
drop policy if exists "Admins rename teams" on public.teams;
create policy "Admins rename teams" on public.teams for update to authenticated
  using ((select dialbridge.is_admin())) with check ((select dialbridge.is_admin()));
drop policy if exists "Admins delete teams" on public.teams;
create policy "Admins delete teams" on public.teams for delete to authenticated
  using ((select dialbridge.is_admin()));

-- profiles: privileges and policies
revoke all on table public.profiles from anon, authenticated;
grant select on table public.profiles to authenticated;
grant update (display_name, phoneburner_user_id, team_id, role, is_active) on table public.profiles to authenticated;
grant all on table public.profiles to service_role;

drop policy if exists "Users see the profiles of their team" on public.profiles;
create policy "Users see the profiles of their team" on public.profiles for select to authenticated
  using (id = (select auth.uid()) or team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Users edit their own profile, admins any" on public.profiles;
create policy "Users edit their own profile, admins any" on public.profiles for update to authenticated
  using (id = (select auth.uid()) or (select dialbridge.is_admin()))
  -- a user may rename themselves but never change their own role, team or active flag, nor their
  -- PhoneBurner user id (it attributes calls, and through them team visibility: only admins and the
  -- service role map it)
  with check (
    (select dialbridge.is_admin())
    or (id = (select auth.uid())
        and role = (select dialbridge.current_app_role())
        and team_id is not distinct from (select dialbridge.current_team_id())
        and phoneburner_user_id is not distinct from (select dialbridge.current_phoneburner_user_id())
        and is_active)
  );

-- ---------------------------------------------------------------------------------------------------
-- phoneburner_oauth_tokens
-- ---------------------------------------------------------------------------------------------------
/**
 * Per-rep PhoneBurner access tokens (OAuth or personal access token). Name and shape as SourceCo's
 * frontend already uses them. A rep may set and delete their own; the token columns are never readable
 * from the browser (column privileges): only the service role (edge functions, worker) reads them.
 */
create table if not exists public.phoneburner_oauth_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references public.profiles (id) on delete cascade,
  access_token text,
  refresh_token text,
  expires_at timestamptz,
  display_name text,
  has_access_token boolean generated always as (access_token is not null) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.phoneburner_oauth_tokens enable row level security;
comment on table public.phoneburner_oauth_tokens is 'Per-rep PhoneBurner tokens. Token columns are readable by the service role only.';
comment on column public.phoneburner_oauth_tokens.id is 'Row id (uuid).';
comment on column public.phoneburner_oauth_tokens.user_id is 'The rep the token belongs to (one row per rep).';
comment on column public.phoneburner_oauth_tokens.access_token is 'PhoneBurner access token (OAuth or personal). Readable by the service role only.';
comment on column public.phoneburner_oauth_tokens.refresh_token is 'OAuth refresh token. Readable by the service role only.';
comment on column public.phoneburner_oauth_tokens.created_at is 'When the token was first stored.';
comment on column public.phoneburner_oauth_tokens.updated_at is 'When the token was last replaced.';
comment on column public.phoneburner_oauth_tokens.has_access_token is 'Whether a token is set (what the browser may know).';
comment on column public.phoneburner_oauth_tokens.expires_at is 'When the access token expires (null: personal access token, no expiry).';
comment on column public.phoneburner_oauth_tokens.display_name is 'PhoneBurner account name shown in settings.';

drop trigger if exists _100_timestamps on public.phoneburner_oauth_tokens;
create trigger _100_timestamps before update on public.phoneburner_oauth_tokens
  for each row execute function dialbridge.tg__set_updated_at();

revoke all on table public.phoneburner_oauth_tokens from anon, authenticated;
grant select (id, user_id, expires_at, display_name, has_access_token, created_at, updated_at)
  on table public.phoneburner_oauth_tokens to authenticated;
-- update (user_id): PostgREST's upsert (supabase-js .upsert(..., { onConflict: 'user_id' })) sets every sent
-- column, the conflict key included; the policies keep the row on the caller. Note that an upsert which
-- sends access_token or refresh_token cannot work from the browser: ON CONFLICT DO UPDATE reading
-- EXCLUDED.access_token needs SELECT on that column, which the browser never gets. The browser stores a
-- token with insert, replaces it with update (PATCH), and removes it with delete.
grant insert (user_id, access_token, refresh_token, expires_at, display_name),
  update (user_id, access_token, refresh_token, expires_at, display_name),
  delete on table public.phoneburner_oauth_tokens to authenticated;
grant all on table public.phoneburner_oauth_tokens to service_role;

drop policy if exists "Users see whether their own token is set, admins everyone's" on public.phoneburner_oauth_tokens;
create policy "Users see whether their own token is set, admins everyone's" on public.phoneburner_oauth_tokens for select to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin()));
drop policy if exists "Reps store their own token" on public.phoneburner_oauth_tokens;
create policy "Reps store their own token" on public.phoneburner_oauth_tokens for insert to authenticated
  with check (user_id = (select auth.uid()));
drop policy if exists "Reps replace their own token" on public.phoneburner_oauth_tokens;
create policy "Reps replace their own token" on public.phoneburner_oauth_tokens for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
drop policy if exists "Reps remove their own token" on public.phoneburner_oauth_tokens;
create policy "Reps remove their own token" on public.phoneburner_oauth_tokens for delete to authenticated
  using (user_id = (select auth.uid()));

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.normalize_label(text), dialbridge.current_team_id(),
  dialbridge.current_app_role(), dialbridge.current_phoneburner_user_id(), dialbridge.is_admin(),
  dialbridge.is_manager_or_admin()
  to authenticated, service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
