-- Every table in the exposed schema has row-level security enabled: PostgREST serves every table of
-- `public`, so a table without RLS is readable and writable by whoever holds a grant on it. Generic over
-- pg_class, so tables other migrations add are judged too.
begin;
select plan(3);

select is_empty(
  $$ select c.relname::text
       from pg_catalog.pg_class c
      where c.relnamespace = 'public'::regnamespace
        and c.relkind in ('r', 'p')
        and not c.relrowsecurity
        -- dbmate's bookkeeping table (absent on Supabase, where `supabase db push` keeps its own
        -- elsewhere) holds no user data; it is exempt only while the API roles hold no grant on it
        and not (c.relname = 'schema_migrations'
                 and not pg_catalog.has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger')
                 and not pg_catalog.has_table_privilege('authenticated', c.oid, 'select, insert, update, delete, truncate, references, trigger'))
      order by 1 $$,
  'every table in public has row-level security enabled');

select is_empty(
  $$ select c.relname::text
       from pg_catalog.pg_class c
      where c.relnamespace = 'public'::regnamespace
        and c.relkind in ('r', 'p')
        and c.relrowsecurity
        and pg_catalog.has_table_privilege('authenticated', c.oid, 'select')
        and not exists (select 1 from pg_catalog.pg_policy p
                         where p.polrelid = c.oid and p.polcmd in ('r', '*')
                           and ('{0}' = p.polroles or (select oid from pg_catalog.pg_roles where rolname = 'authenticated') = any (p.polroles)))
      order by 1 $$,
  'every table signed-in users may select from has a select policy for them (no grant silently dead)');

select cmp_ok(
  (select count(*)::int from pg_catalog.pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relrowsecurity),
  '>=', 11,
  'the check saw the foundation tables (at least the eleven of them have RLS)');

select * from finish();
rollback;
