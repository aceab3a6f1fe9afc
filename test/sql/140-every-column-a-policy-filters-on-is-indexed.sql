-- Every key column a row-level security policy filters on (id, team_id, user_id, any *_id) leads an
-- index of its table, so RLS never turns a lookup into a sequential scan. Read from the policies' USING
-- expressions, the part that filters existing rows (WITH CHECK only judges the row being written).
-- Generic over pg_policy, so policies other migrations add are judged too.
begin;
select plan(3);

-- Columns of the policy's own table appear unqualified in the deparsed expression; columns of tables
-- in sub-selects come qualified (c.id), and so are skipped.
create temporary view policy_filter_columns as
select c.relname::text as table_name, p.polname::text as policy_name, a.attname::text as column_name,
       c.oid as relid, a.attnum
  from pg_catalog.pg_policy p
  join pg_catalog.pg_class c on c.oid = p.polrelid
  join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
 where c.relnamespace = 'public'::regnamespace
   and p.polqual is not null
   and (a.attname = 'id' or a.attname like '%\_id' escape '\')
   and pg_catalog.pg_get_expr(p.polqual, p.polrelid) ~ ('(?<![.\w"])"?' || a.attname || '"?(?![\w"])');

select is_empty(
  $$ select format('%s.%s (policy "%s")', f.table_name, f.column_name, f.policy_name)
       from policy_filter_columns f
      where not exists (select 1 from pg_catalog.pg_index i
                         where i.indrelid = f.relid and i.indkey[0] = f.attnum and i.indpred is null)
      order by 1 $$,
  'every key column a policy filters on leads a full (non-partial) index');

select set_has(
  $$ select table_name || '.' || column_name from policy_filter_columns $$,
  $$ values ('contacts.team_id'), ('profiles.id'), ('profiles.team_id'), ('teams.id'),
            ('phoneburner_oauth_tokens.user_id'), ('contact_activities.team_id'), ('tasks.team_id') $$,
  'the check finds the columns the foundation policies filter on');
select set_hasnt(
  $$ select table_name || '.' || column_name from policy_filter_columns $$,
  $$ values ('contacts.id'), ('tasks.contact_id'), ('suppressions.contact_id') $$,
  'columns of sub-selects and of WITH CHECK expressions are not mistaken for filter columns');

select * from finish();
rollback;
