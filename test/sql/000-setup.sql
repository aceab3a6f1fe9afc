-- Test helpers shared by every pgTAP file (runs first; kept for the whole run, unlike the other files,
-- which roll back). Modelled on supabase-test-helpers: users are real auth.users rows, and
-- tests.authenticate_as() sets the role and JWT claims exactly as PostgREST does for a request.
begin;
select plan(1);

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

/** Creates an auth user (the profile follows by trigger) in a team (created on first use) with a role. */
create or replace function tests.create_user(p_email text, p_team text default null, p_role text default 'rep')
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_user uuid;
  v_team uuid;
begin
  if p_team is not null then
    insert into public.teams (name) values (p_team) on conflict (name) do nothing;
    select id into v_team from public.teams where name = p_team;
  end if;
  insert into auth.users (email) values (p_email) returning id into v_user;
  update public.profiles set team_id = v_team, role = p_role, display_name = split_part(p_email, '@', 1)
   where id = v_user;
  return v_user;
end
$$;

create or replace function tests.user_id(p_email text) returns uuid
language sql stable security definer set search_path = ''
as $$ select id from auth.users where email = p_email $$;

create or replace function tests.team_id(p_team text) returns uuid
language sql stable security definer set search_path = ''
as $$ select id from public.teams where name = p_team $$;

/** Acts as that user for the rest of the transaction: role authenticated + request.jwt.claims. */
create or replace function tests.authenticate_as(p_email text) returns void
language plpgsql set search_path = ''
as $$
declare
  v_user uuid := tests.user_id(p_email);
begin
  if v_user is null then
    raise exception 'no test user %', p_email;
  end if;
  perform set_config('request.jwt.claims',
    json_build_object('sub', v_user, 'role', 'authenticated', 'email', p_email)::text, true);
  perform set_config('role', 'authenticated', true);
end
$$;

create or replace function tests.authenticate_as_anon() returns void
language plpgsql set search_path = ''
as $$
begin
  perform set_config('request.jwt.claims', json_build_object('role', 'anon')::text, true);
  perform set_config('role', 'anon', true);
end
$$;

create or replace function tests.authenticate_as_service_role() returns void
language plpgsql set search_path = ''
as $$
begin
  perform set_config('request.jwt.claims', json_build_object('role', 'service_role')::text, true);
  perform set_config('role', 'service_role', true);
end
$$;

create or replace function tests.clear_authentication() returns void
language plpgsql set search_path = ''
as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
end
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

select has_function('tests', 'authenticate_as', array['text'], 'the test helpers are installed');
select * from finish();
commit;
