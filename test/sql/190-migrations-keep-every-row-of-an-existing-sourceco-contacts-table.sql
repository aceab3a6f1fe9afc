-- SourceCo's Supabase project already has a `contacts` table full of data. The migrations must apply on
-- top of it without losing or changing a row: they add what is missing (columns with their defaults,
-- sourceco_contact_id filled from id, constraints, RLS) and leave every original column as it was.
-- A legacy value outside our lists (contact_type 'investor') does not fail the migration and does not
-- block later edits of its row (it is grandfathered in legacy_contact_type), while every new or changed
-- value is checked.
--
-- Simulated inside this transaction: public and dialbridge are dropped and public is recreated with the
-- grants and default privileges Supabase gives it (and the shim mirrors), a SourceCo-shaped contacts table
-- with 300 rows is created, and every migration is applied (_generated/all_migrations.psql).
begin;
set local client_min_messages = warning;
drop schema public cascade;
drop schema dialbridge cascade;
create schema public;
grant usage on schema public to public;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- SourceCo's table: the base fields we share, and columns of theirs we know nothing about
create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  first_name text,
  last_name text,
  email character varying(255),
  phone text,
  company text,
  title text,
  contact_type text,
  listing_id uuid,
  remarketing_buyer_id uuid,
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz
);
insert into public.contacts (first_name, last_name, email, phone, company, title, contact_type, listing_id,
                             remarketing_buyer_id, archived, created_at, updated_at)
select 'First' || g, 'Last' || g, 'person' || g || '@example.com', '+1212555' || lpad(g::text, 4, '0'),
       'Company ' || (g % 37), case when g % 5 = 0 then 'Partner' end,
       case when g <= 3 then 'investor' when g % 2 = 0 then 'buyer' when g % 7 = 0 then null else 'seller' end,
       case when g % 3 = 0 then md5('listing' || g)::uuid end,
       case when g % 4 = 0 then md5('buyer' || g)::uuid end,
       g % 10 = 0, timestamptz '2024-01-01 09:00Z' + g * interval '1 day',
       case when g % 2 = 0 then timestamptz '2025-06-01 09:00Z' + g * interval '1 hour' end
  from generate_series(1, 300) as g;
create temporary table sourceco_before on commit drop as select * from public.contacts;
grant select on sourceco_before to authenticated;

\ir _generated/all_migrations.psql
reset client_min_messages;

select plan(18);

-- ---------------------------------------------------------------------------------------------------
-- as the database owner, right after the migrations
-- ---------------------------------------------------------------------------------------------------
select results_eq($$ select count(*)::int from public.contacts $$, $$ values (300) $$,
  'all 300 SourceCo contacts are still there');
select set_eq(
  $$ select id, first_name, last_name, email, phone, company, title, contact_type, listing_id, remarketing_buyer_id,
            archived, created_at, updated_at from public.contacts $$,
  $$ select id, first_name, last_name, email, phone, company, title, contact_type, listing_id, remarketing_buyer_id,
            archived, created_at, updated_at from sourceco_before $$,
  'every original column of every row has its original value');
select col_type_is('public', 'contacts', 'email', 'character varying(255)',
  'an existing column keeps its type');
select results_eq(
  $$ select count(*)::int from public.contacts
      where total_call_attempts = 0 and total_calls_connected = 0 and total_voicemails_left = 0
        and total_talk_time_seconds = 0 and not do_not_call and not phone_number_invalid and not needs_review
        and not call_stats_stale and phoneburner_sync_status = 'synced' and team_id is null and last_call_attempt_at is null $$,
  $$ values (300) $$,
  'the new call-tracking and compliance columns were added with their defaults on every row');
select is_empty($$ select id from public.contacts where sourceco_contact_id is distinct from id::text $$,
  'sourceco_contact_id was filled from id on every row');
select results_eq($$ select count(*)::int from public.contacts where contact_type = 'investor' $$, $$ values (3) $$,
  'the legacy contact_type values did not fail the migration and were kept');
select results_eq($$ select count(*)::int from public.contacts where legacy_contact_type = 'investor' and contact_type = 'investor' $$,
  $$ values (3) $$,
  'the legacy values are listed for clean-up in legacy_contact_type');
select ok((select relrowsecurity from pg_catalog.pg_class where oid = 'public.contacts'::regclass),
  'row-level security is enabled on the existing table');

select throws_ok(
  $$ insert into public.contacts (first_name, phone, contact_type) values ('New', '+12125559999', 'investor') $$,
  '23514', 'new row for relation "contacts" violates check constraint "contacts_contact_type_check"',
  'a new contact with a value outside the list is rejected');
select throws_ok(
  $$ update public.contacts set contact_type = 'lender' where first_name = 'First1' $$,
  '23514', 'new row for relation "contacts" violates check constraint "contacts_contact_type_check"',
  'a legacy row cannot take another value outside the list either');
select results_eq(
  $$ insert into public.contacts (first_name, phone, contact_type) values ('New', '+12125559998', 'buyer')
     returning sourceco_contact_id = id::text, total_call_attempts, archived $$,
  $$ values (true, 0, false) $$,
  'a new contact gets its key and defaults, SourceCo''s own columns included');
select throws_ok(
  $$ insert into public.contacts (id, first_name) select id, 'Duplicate' from sourceco_before limit 1 $$,
  '23505', null,
  'the existing primary key still guards the existing ids');

-- ---------------------------------------------------------------------------------------------------
-- a rep, once an admin has put 10 of the existing contacts into the rep's team
-- ---------------------------------------------------------------------------------------------------
do $$ begin perform tests.create_user('rep.sourceco@rls.test', 'SourceCo Buyers', 'rep'); end $$;
update public.contacts set team_id = tests.team_id('SourceCo Buyers')
 where id in (select id from sourceco_before order by created_at limit 10);
select tests.authenticate_as('rep.sourceco@rls.test');

select results_eq(
  $$ select first_name, listing_id, archived from public.contacts order by created_at $$,
  $$ select first_name, listing_id, archived from sourceco_before order by created_at limit 10 $$,
  'a rep sees exactly the legacy contacts of their team, SourceCo''s own columns included');
select results_eq(
  $$ update public.contacts set title = 'Principal' where first_name = 'First1' returning title, contact_type $$,
  $$ values ('Principal', 'investor') $$,
  'a rep edits a legacy contact without touching its legacy value');
select is_empty($$ select id from public.contacts where team_id is null $$,
  'a rep sees none of the contacts not yet assigned to a team');
select throws_ok($$ update public.contacts set legacy_contact_type = 'lender', contact_type = 'lender' where first_name = 'First2' $$,
  '42501', 'permission denied for table contacts',
  'a rep cannot grandfather a value of their own');

-- ---------------------------------------------------------------------------------------------------
-- anon
-- ---------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();

select throws_ok($$ select id from public.contacts $$, '42501', 'permission denied for table contacts',
  'anon cannot read the existing contacts');
select tests.clear_authentication();

select results_eq($$ select count(*)::int from public.contacts where first_name like 'First%' $$, $$ values (300) $$,
  'after all of it, still 300 SourceCo contacts');

select * from finish();
rollback;
