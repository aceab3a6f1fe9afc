-- Every migration can run again on a migrated database (a failed deploy retried, `supabase db push` of
-- an already applied file, `npm start` on an existing data directory): the second run raises no error,
-- and the schema, the privileges, the seeded mappings, an admin's edits and the users' rows are exactly as
-- before. test/run.ts writes _generated/all_migrations.psql (an \ir of every migration, in order);
-- pg_prove runs psql with ON_ERROR_STOP, so an error during the re-run fails this file.
begin;
\ir _fixtures/two_teams.psql

-- an admin's edit of a seeded mapping, which a re-run must not reset
update public.disposition_mappings set engagement_score_delta = 33, label_aliases = '{"Hot"}'
 where phoneburner_disposition_code = 'HOT_LEAD';

/** An ACL as text, its entries sorted: a revoke and re-grant reorders entries without changing them. */
create function pg_temp.tests_sorted_acl(p_acl aclitem[]) returns text
language sql immutable
as $$ select coalesce(string_agg(x::text, ',' order by x::text), '') from unnest(p_acl) as x $$;

/** Everything the migrations define, one row per object, with its full definition. */
create temporary view catalog_state as
with schemas as (
  select oid, nspname from pg_catalog.pg_namespace
   where nspname not in ('pg_catalog', 'information_schema', 'tap', 'tests')
     and nspname !~ '^pg_(toast|temp)'
)
select 'relation' as kind, s.nspname || '.' || c.relname as name,
       c.relkind::text || ' rls=' || c.relrowsecurity || ' acl=' || pg_temp.tests_sorted_acl(c.relacl) ||
       ' comment=' || coalesce(pg_catalog.obj_description(c.oid, 'pg_class'), '') as definition
  from pg_catalog.pg_class c join schemas s on s.oid = c.relnamespace
 where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
union all
select 'column', s.nspname || '.' || c.relname || '.' || a.attname,
       pg_catalog.format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull ||
       ' default=' || coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '') || ' generated=' || a.attgenerated::text ||
       ' identity=' || a.attidentity::text || ' acl=' || pg_temp.tests_sorted_acl(a.attacl) ||
       ' comment=' || coalesce(pg_catalog.col_description(c.oid, a.attnum), '')
  from pg_catalog.pg_class c join schemas s on s.oid = c.relnamespace
  join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join pg_catalog.pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
 where c.relkind in ('r', 'p', 'v', 'm', 'f')
union all
select 'constraint', s.nspname || '.' || c.relname || '.' || k.conname,
       pg_catalog.pg_get_constraintdef(k.oid) || ' validated=' || k.convalidated
  from pg_catalog.pg_constraint k join pg_catalog.pg_class c on c.oid = k.conrelid
  join schemas s on s.oid = c.relnamespace
union all
select 'index', s.nspname || '.' || i.relname, pg_catalog.pg_get_indexdef(i.oid)
  from pg_catalog.pg_class i join schemas s on s.oid = i.relnamespace
 where i.relkind in ('i', 'I')
union all
select 'trigger', s.nspname || '.' || c.relname || '.' || t.tgname, pg_catalog.pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
  from pg_catalog.pg_trigger t join pg_catalog.pg_class c on c.oid = t.tgrelid
  join schemas s on s.oid = c.relnamespace
 where not t.tgisinternal
union all
select 'policy', s.nspname || '.' || c.relname || '.' || p.polname,
       p.polcmd::text || ' permissive=' || p.polpermissive || ' roles=' || p.polroles::text ||
       ' using=' || coalesce(pg_catalog.pg_get_expr(p.polqual, p.polrelid), '') ||
       ' check=' || coalesce(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), '')
  from pg_catalog.pg_policy p join pg_catalog.pg_class c on c.oid = p.polrelid
  join schemas s on s.oid = c.relnamespace
union all
select 'function', s.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
       'body md5=' || pg_catalog.md5(pg_catalog.pg_get_functiondef(p.oid)) || ' acl=' || pg_temp.tests_sorted_acl(p.proacl) ||
       ' comment=' || coalesce(pg_catalog.obj_description(p.oid, 'pg_proc'), '')
  from pg_catalog.pg_proc p join schemas s on s.oid = p.pronamespace
 where p.prokind in ('f', 'p')
union all
select 'schema', s.nspname, pg_temp.tests_sorted_acl(n.nspacl)
  from schemas s join pg_catalog.pg_namespace n on n.oid = s.oid
union all
select 'default privileges', coalesce(s.nspname, '(all)') || ' ' || d.defaclobjtype::text, pg_temp.tests_sorted_acl(d.defaclacl)
  from pg_catalog.pg_default_acl d left join pg_catalog.pg_namespace s on s.oid = d.defaclnamespace;

/** Row counts of every table in public. */
create temporary view public_row_counts as
select c.relname::text as table_name,
       (xpath('/row/n/text()', pg_catalog.query_to_xml(format('select count(*) as n from %s', c.oid::regclass), false, true, '')))[1]::text::bigint as row_count
  from pg_catalog.pg_class c
 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname <> 'schema_migrations';

create temporary table catalog_before as select * from catalog_state;
create temporary table row_counts_before as select * from public_row_counts;
create temporary table contact_before as select to_jsonb(c) as row from public.contacts c where id = tests.fx('contact a');
create temporary table mappings_before as select to_jsonb(m) as row from public.disposition_mappings m;

-- the second run
set local client_min_messages = warning;
\ir _generated/all_migrations.psql
reset client_min_messages;

select plan(7);

select bag_eq($$ select kind, name, definition from catalog_state $$,
  $$ select kind, name, definition from catalog_before $$,
  'the re-run left every table, column, constraint, index, trigger, policy, function, grant and comment as it was (nothing duplicated, lost or changed)');
select cmp_ok((select count(*)::int from catalog_before where kind = 'policy'), '>=', 30,
  'the comparison covered the policies (and so could see a duplicate)');
select results_eq(
  $$ select polrelid::regclass::text, count(*)::int from pg_catalog.pg_policy group by 1 having count(*) <> count(distinct polcmd::text || polname) $$,
  $$ select null::text, null::int where false $$,
  'no table has two policies of the same command and name');
select set_eq($$ select table_name, row_count from public_row_counts $$,
  $$ select table_name, row_count from row_counts_before $$,
  'every table of public holds as many rows as before');
select set_eq($$ select to_jsonb(m) from public.disposition_mappings m $$,
  $$ select row from mappings_before $$,
  'the seeded mappings are neither duplicated nor reset, and the admin''s edit survived');
select results_eq(
  $$ select engagement_score_delta, label_aliases from public.disposition_mappings where phoneburner_disposition_code = 'HOT_LEAD' $$,
  $$ values (33, '{"Hot"}'::text[]) $$,
  'in particular the admin''s edit of HOT_LEAD is kept');
select results_eq($$ select to_jsonb(c) from public.contacts c where id = tests.fx('contact a') $$,
  $$ select row from contact_before $$,
  'a contact created before the re-run is unchanged, to the last column');

select * from finish();
rollback;
