-- Analysts read the schema in Metabase: every table and view of `public` carries a comment, and so does
-- every column of the foundation tables. Generic over pg_class for tables, so tables other migrations
-- add are judged too. Every function and every relation of dialbridge's own schemas says what it is in the
-- catalog as well: the declarative source (sql/schema/) shows each object with its comment.
begin;
select plan(5);

select is_empty(
  $$ select p.oid::regprocedure::text
       from pg_catalog.pg_proc p
      where p.pronamespace in ('public'::regnamespace, 'dialbridge'::regnamespace, 'reports'::regnamespace)
        and pg_catalog.obj_description(p.oid, 'pg_proc') is null
      order by 1 $$,
  'every function of public, dialbridge and reports has a comment');

select is_empty(
  $$ select c.oid::regclass::text
       from pg_catalog.pg_class c
      where c.relnamespace in ('dialbridge'::regnamespace, 'reports'::regnamespace)
        and c.relkind in ('r', 'p', 'v', 'm')
        and pg_catalog.obj_description(c.oid, 'pg_class') is null
      order by 1 $$,
  'every table and view of dialbridge and reports has a comment');

select is_empty(
  $$ select c.relname::text
       from pg_catalog.pg_class c
      where c.relnamespace = 'public'::regnamespace
        and c.relkind in ('r', 'p', 'v', 'm')
        and pg_catalog.obj_description(c.oid, 'pg_class') is null
        and c.relname <> 'schema_migrations'  -- dbmate's bookkeeping, absent on Supabase
      order by 1 $$,
  'every table and view in public has a comment');

select is_empty(
  $$ select c.relname || '.' || a.attname
       from pg_catalog.pg_class c
       join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.oid in ('public.teams'::regclass, 'public.profiles'::regclass, 'public.phoneburner_oauth_tokens'::regclass,
                      'public.contacts'::regclass, 'public.phoneburner_sessions'::regclass,
                      'public.phoneburner_session_contacts'::regclass, 'public.contact_activities'::regclass,
                      'public.tasks'::regclass, 'public.suppressions'::regclass, 'public.contact_field_changes'::regclass,
                      'public.phoneburner_webhooks_log'::regclass, 'public.disposition_mappings'::regclass)
        and pg_catalog.col_description(c.oid, a.attnum) is null
      order by 1 $$,
  'every column of the foundation tables has a comment');

select is_empty(
  $$ select c.relname || '.' || a.attname
       from pg_catalog.pg_class c
       join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relnamespace = 'public'::regnamespace
        and c.relkind in ('v', 'm')
        and pg_catalog.col_description(c.oid, a.attnum) is null
      order by 1 $$,
  'every column of every view in public has a comment (views are what reports read)');

select * from finish();
rollback;
